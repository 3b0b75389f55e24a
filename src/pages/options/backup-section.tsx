/** Back up everything (corpora, user layer, highlights, checks, settings) to one file, and restore it. */
import { useState } from 'preact/hooks';
import type { BackupRefusal, RestoreCounts, RestorePreview } from '../../core/backup/check.ts';
import { readBackupFile, refusalText } from './read-files.ts';
import { backupFileName, type Backup } from '../../core/backup/format.ts';
import { t } from '../../core/i18n.ts';
import { plural } from '../../ui/plural.ts';
import { ask, errorText } from '../ask-background.ts';
import { downloadJson } from '../download.ts';
import { JsonFileField } from './json-file-field.tsx';

export { refusalText } from './read-files.ts';

function countsLine(c: RestoreCounts): string {
  return t('optRestoreCounts', [plural('countHighlights', c.highlights), plural('countChecks', c.checks), plural('countCorpora', c.corpora), plural('countAliases', c.aliases), plural('countYourPositions', c.positions)]);
}

/** "3 highlights, 1 check and 2 imported corpora": each count with the plural form of the reader's language. */
function savedLine(key: 'optBackedUp' | 'optRestored', c: { highlights: number; checks: number; corpora: number }): string {
  return t(key, [plural('countHighlights', c.highlights), plural('countChecks', c.checks), plural('countCorpora', c.corpora)]);
}

interface Pending {
  fileName: string;
  text: string;
  preview: RestorePreview;
}

export function BackupSection({ onRestored }: { onRestored: () => void }) {
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const [detail, setDetail] = useState<string>();
  const [pending, setPending] = useState<Pending>();

  const backUp = async () => {
    const { backup } = await ask<{ backup: Backup }>({ type: 'page-bg-backup' });
    downloadJson(backupFileName(new Date()), backup);
    setStatus(savedLine('optBackedUp', { highlights: backup.highlights.length, checks: backup.checks.length, corpora: backup.corpora.length }));
  };

  /** Checks the file (size first, before reading it) and asks for confirmation with what would be replaced. */
  const choose = async (file: File) => {
    setPending(undefined);
    const read = await readBackupFile(file);
    if ('refused' in read) throw new Error(read.refused);
    const { text } = read;
    const reply = await ask<{ preview: RestorePreview } | { refusal: BackupRefusal }>({ type: 'page-bg-restore-preview', text });
    if ('refusal' in reply) {
      // A sentence; the validator's words, when there are any, only behind Details.
      setError(refusalText(reply.refusal, file.name));
      if (reply.refusal.kind === 'damaged') setDetail(reply.refusal.detail);
      return;
    }
    setPending({ fileName: file.name, text, preview: reply.preview });
  };

  const restore = async (p: Pending) => {
    setPending(undefined);
    const { restored } = await ask<{ restored: { highlights: number; checks: number; corpora: number } }>({ type: 'page-bg-restore', text: p.text });
    setStatus(savedLine('optRestored', restored));
    onRestored();
  };

  const run = (work: () => Promise<void>) => {
    setStatus(undefined);
    setError(undefined);
    setDetail(undefined);
    work().catch((err: unknown) => setError(errorText(err)));
  };

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">{t('optBackupTitle')}</h2>
      <p class="note">{t('optBackupHint')}</p>
      <button type="button" onClick={() => run(backUp)}>{t('optBackUp')}</button>
      <JsonFileField label={t('optRestore')} testId="backup-file" onFile={(file) => run(() => choose(file))} />
      {pending && (
        <div role="alertdialog" aria-labelledby="restore-confirm-title" aria-describedby="restore-confirm-body" class="confirm-restore">
          <h3 id="restore-confirm-title">{t('optRestoreConfirmTitle', [pending.fileName])}</h3>
          <div id="restore-confirm-body">
            <p>{t('optRestoreNow')} {countsLine(pending.preview.current)}</p>
            <p>{t('optRestoreIncoming', [new Date(pending.preview.createdAt).toLocaleString()])} {countsLine(pending.preview.incoming)}</p>
            {pending.preview.damagedInBackup && <p class="note">{t('optRestoreDamagedInBackup')}</p>}
            {pending.preview.damagedHere > 0 && <p class="note">{t('optRestoreKeepsDamaged')}</p>}
            <p class="note">{t('optRestoreWarning')}</p>
          </div>
          <button type="button" onClick={() => run(() => restore(pending))}>{t('optRestoreReplace')}</button>{' '}
          <button type="button" autoFocus onClick={() => setPending(undefined)}>{t('optRestoreCancel')}</button>
        </div>
      )}
      {status && <p role="status" class="ok">{status}</p>}
      {error && (
        <div role="alert" class="error">
          <p>{error}</p>
          {detail && (
            <details>
              <summary>{t('optDetails')}</summary>
              <p class="note">{detail}</p>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
