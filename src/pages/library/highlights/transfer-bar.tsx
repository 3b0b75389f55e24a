/**
 * Export (all, or what the filters show) in three formats, and JSON-LD
 * import. An import is checked completely before anything is written; a bad
 * file is reported in sentences (the file, which highlight, what is wrong)
 * and changes nothing. The merge: a new highlight is added; one you have is
 * replaced when the file's copy was modified later (newer wins); one that
 * differs without being newer is a conflict, listed, yours kept until you
 * take the file's copies. One message at a time; an import can be undone.
 */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../../core/i18n.ts';
import { plural } from '../../../ui/plural.ts';
import { ImportError, MAX_HIGHLIGHTS_FILE_BYTES, parseJsonLd, type SavedHighlight } from '../../../core/annotations/index.ts';
import { readSizedText, type SizedFile } from '../../file-size.ts';
import { downloadText } from '../../download.ts';
import { buildExport, FORMATS, type ExportFormat } from './export-files.ts';
import type { LibraryStore } from './library-store.ts';
import type { ImportSummary, UndoImportResult } from '../../../storage/highlights-store.ts';

/** After Undo of an import: done, or done except the highlights the user changed since (kept as they are). */
export const undoneMessage = (r: UndoImportResult): string => (r.kept.length === 0 ? t('libraryImportUndone') : plural('libraryImportUndoneKept', r.kept.length));

/** A highlights file's text, or the sentence refusing it by size (unread). */
export const readHighlightsFile = (file: SizedFile & { text(): Promise<string> }) => readSizedText(file, MAX_HIGHLIGHTS_FILE_BYTES, 'libraryImportTooLarge');

type Progress = { label: string; done?: number; total?: number } | null;

export interface TransferBarProps {
  all: readonly SavedHighlight[];
  filtered: readonly SavedHighlight[];
  isFiltered: boolean;
  store: LibraryStore;
  /**
   * The page's one message: an import's summary (with its undo), or null to clear it while the bar shows
   * its own panel (problems, conflicts) or starts an import. `undo` resolves to the sentence saying what it did.
   */
  onImported(message: string | null, undo?: () => Promise<string>): void;
}

export function TransferBar({ all, filtered, isFiltered, store, onImported }: TransferBarProps) {
  const [format, setFormat] = useState<ExportFormat>('jsonld');
  const [scope, setScope] = useState<'all' | 'filtered'>('filtered');
  const [progress, setProgress] = useState<Progress>(null);
  const [errors, setErrors] = useState<{ title: string; lines: string[]; conflicts?: { file: string; highlights: readonly SavedHighlight[]; ids: ReadonlySet<string> } } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const chosen = scope === 'filtered' && isFiltered ? filtered : all;

  const runExport = async () => {
    setErrors(null);
    try {
      const file = await buildExport(format, chosen, (done, total) => setProgress({ label: t('libraryExporting'), done, total }));
      downloadText(file.name, file.text, file.type);
    } catch (err) {
      setErrors({ title: t('libraryExportFailed'), lines: [err instanceof Error ? err.message : String(err)] });
    } finally {
      setProgress(null);
    }
  };

  const undoOf = (done: Pick<ImportSummary, 'addedIds' | 'replaced' | 'written'>) =>
    done.addedIds.length + done.replaced.length > 0 ? async () => undoneMessage(await store.undoImport(done)) : undefined;

  const runImport = async (file: File) => {
    setErrors(null);
    onImported(null);
    setProgress({ label: t('libraryReading', file.name) });
    try {
      // Measured before a byte is read: a huge file gets a sentence, not a frozen page.
      const read = await readHighlightsFile(file);
      if ('refused' in read) {
        setErrors({ title: t('libraryNothingImported'), lines: [read.refused] });
        return;
      }
      const { text } = read;
      setProgress({ label: t('libraryChecking', file.name) });
      await new Promise((r) => setTimeout(r, 0));
      const highlights = parseJsonLd(file.name, text);
      setProgress({ label: plural('librarySaving', highlights.length) });
      const s = await store.import(highlights);
      const summary = t('libraryImported', [file.name, s.added, s.updated, s.unchanged]);
      if (s.conflicts.length === 0) onImported(summary, undoOf(s));
      else {
        // One message: the summary heads the list of conflicts, instead of a toast beside a panel.
        setErrors({
          title: `${summary} ${t('libraryImportConflicts', s.conflicts.length)}`,
          lines: s.conflicts.map((c) => t(c.reason === 'older' ? 'libraryConflictOlder' : 'libraryConflictSameTime', c.quote)),
          conflicts: { file: file.name, highlights, ids: new Set(s.conflicts.map((c) => c.id)) },
        });
      }
    } catch (err) {
      const lines = err instanceof ImportError ? err.message.split('\n') : [`${file.name}: ${err instanceof Error ? err.message : String(err)}`];
      setErrors({ title: t('libraryNothingImported'), lines });
    } finally {
      setProgress(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  /** The conflicts settled for the file's copies (which then count as the newest edits); undo puts yours back. */
  const takeFileCopies = async (c: NonNullable<NonNullable<typeof errors>['conflicts']>) => {
    try {
      const s = await store.import(c.highlights, { takeFile: c.ids });
      setErrors(null);
      onImported(t('libraryConflictsTaken', [c.ids.size, c.file]), undoOf({ addedIds: [], replaced: s.replaced.filter((h) => c.ids.has(h.id)), written: s.written.filter((h) => c.ids.has(h.id)) }));
    } catch (err) {
      setErrors({ title: t('libraryNothingImported'), lines: [`${c.file}: ${err instanceof Error ? err.message : String(err)}`] });
    }
  };

  return (
    <section class="hl-transfer" aria-label={t('libraryTransfer')}>
      <label>
        {t('libraryExport')}
        <select aria-label={t('libraryExportFormat')} value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {(Object.keys(FORMATS) as ExportFormat[]).map((f) => (
            <option key={f} value={f}>
              {FORMATS[f].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('libraryExportScope')}
        <select aria-label={t('libraryExportScopeLabel')} value={scope} onChange={(e) => setScope(e.currentTarget.value as 'all' | 'filtered')} disabled={!isFiltered}>
          <option value="filtered">{t('libraryScopeShown', filtered.length)}</option>
          <option value="all">{t('libraryScopeAll', all.length)}</option>
        </select>
      </label>
      <button type="button" onClick={() => void runExport()} disabled={progress !== null || chosen.length === 0}>
        {t('libraryExportButton', chosen.length)}
      </button>
      <span class="hl-sep" aria-hidden="true" />
      <label class="hl-file">
        {t('libraryImport')}…
        <input
          ref={fileInput}
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          disabled={progress !== null}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void runImport(file);
          }}
        />
      </label>
      {progress && (
        <span class="hl-progress" role="status">
          {progress.label}
          {progress.total !== undefined ? ` ${progress.done ?? 0} / ${progress.total}` : '…'}
          <progress {...(progress.total !== undefined ? { value: progress.done ?? 0, max: progress.total } : {})} />
        </span>
      )}
      {errors && (
        <div class="hl-import-errors" role="alert">
          <strong>{errors.title}</strong>
          <ul>
            {errors.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          {errors.conflicts && (
            <button type="button" onClick={() => void takeFileCopies(errors.conflicts!)}>
              {t('libraryUseFileCopies', errors.conflicts.ids.size)}
            </button>
          )}{' '}
          <button type="button" onClick={() => setErrors(null)}>
            {errors.conflicts ? t('libraryKeepMine') : t('libraryDismiss')}
          </button>
        </div>
      )}
    </section>
  );
}
