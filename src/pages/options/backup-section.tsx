/** Back up everything (corpora, user layer, highlights, checks, settings) to one file, and restore it. */
import { useState } from 'preact/hooks';
import { backupFileName, type Backup } from '../../core/backup/format.ts';
import { t } from '../../core/i18n.ts';
import { ask, errorText } from '../ask-background.ts';
import { downloadJson } from '../download.ts';
import { JsonFileField } from './json-file-field.tsx';

export function BackupSection({ onRestored }: { onRestored: () => void }) {
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();

  const backUp = async () => {
    const { backup } = await ask<{ backup: Backup }>({ type: 'page-bg-backup' });
    downloadJson(backupFileName(new Date()), backup);
    setStatus(t('optBackedUp', [String(backup.highlights.length), String(backup.checks.length), String(backup.corpora.length)]));
  };

  const restore = async (file: File) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (err) {
      throw new Error(`${file.name}: ${t('optNotJson')} (${errorText(err)})`);
    }
    const { restored } = await ask<{ restored: { highlights: number; checks: number; corpora: number } }>({ type: 'page-bg-restore', backup: parsed });
    setStatus(t('optRestored', [String(restored.highlights), String(restored.checks), String(restored.corpora)]));
    onRestored();
  };

  const run = (work: () => Promise<void>) => {
    setStatus(undefined);
    setError(undefined);
    work().catch((err: unknown) => setError(errorText(err)));
  };

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">{t('optBackupTitle')}</h2>
      <p class="note">{t('optBackupHint')}</p>
      <button type="button" onClick={() => run(backUp)}>{t('optBackUp')}</button>
      <JsonFileField label={t('optRestore')} testId="backup-file" onFile={(file) => run(() => restore(file))} />
      {status && <p role="status" class="ok">{status}</p>}
      {error && <pre role="alert" class="error">{error}</pre>}
    </section>
  );
}
