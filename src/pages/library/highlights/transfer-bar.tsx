/**
 * Export (all, or what the filters show) in three formats, and JSON-LD
 * import. An import is checked completely before anything is written; a bad
 * file is reported with its name, the JSON path and the problem, and changes
 * nothing.
 */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../../core/i18n.ts';
import { plural } from '../../../ui/plural.ts';
import { ImportError, parseJsonLd, type SavedHighlight } from '../../../core/annotations/index.ts';
import { downloadText } from '../../download.ts';
import { buildExport, FORMATS, type ExportFormat } from './export-files.ts';
import type { LibraryStore } from './library-store.ts';

type Progress = { label: string; done?: number; total?: number } | null;

export interface TransferBarProps {
  all: readonly SavedHighlight[];
  filtered: readonly SavedHighlight[];
  isFiltered: boolean;
  store: LibraryStore;
  /** After an import: the summary to show, or null when the bar shows it itself (with conflicts). */
  onImported(message: string | null): void;
}

export function TransferBar({ all, filtered, isFiltered, store, onImported }: TransferBarProps) {
  const [format, setFormat] = useState<ExportFormat>('jsonld');
  const [scope, setScope] = useState<'all' | 'filtered'>('filtered');
  const [progress, setProgress] = useState<Progress>(null);
  const [errors, setErrors] = useState<{ title: string; lines: string[] } | null>(null);
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

  const runImport = async (file: File) => {
    setErrors(null);
    setProgress({ label: t('libraryReading', file.name) });
    try {
      const text = await file.text();
      setProgress({ label: t('libraryChecking', file.name) });
      await new Promise((r) => setTimeout(r, 0));
      const highlights = parseJsonLd(file.name, text);
      setProgress({ label: plural('librarySaving', highlights.length) });
      const s = await store.import(highlights);
      const summary = t('libraryImported', [file.name, s.added, s.updated, s.unchanged]);
      if (s.conflicts.length === 0) onImported(summary);
      else {
        // One message: the summary heads the list of conflicts, instead of a toast beside a panel.
        onImported(null);
        setErrors({
          title: `${summary} ${t('libraryImportConflicts', s.conflicts.length)}`,
          lines: s.conflicts.map((c) => t(c.reason === 'older' ? 'libraryConflictOlder' : 'libraryConflictSameTime', c.quote)),
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
          <button type="button" onClick={() => setErrors(null)}>
            {t('libraryDismiss')}
          </button>
        </div>
      )}
    </section>
  );
}
