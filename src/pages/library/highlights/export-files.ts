/**
 * Builds export files in slices, yielding between them, so the page stays
 * responsive and can show progress on large libraries.
 */
import {
  ANNO_CONTEXT,
  exportCsv,
  exportMarkdown,
  toWebAnnotation,
  type SavedHighlight,
  type WebAnnotation,
} from '../../../core/annotations/index.ts';

export type ExportFormat = 'jsonld' | 'csv' | 'markdown';

/** Highlights converted between two yields: about 10 ms of work. */
export const EXPORT_SLICE = 1_000;

export const FORMATS: Record<ExportFormat, { label: string; extension: string; type: string }> = {
  jsonld: { label: 'Web Annotation (JSON-LD)', extension: 'jsonld', type: 'application/ld+json' },
  csv: { label: 'CSV', extension: 'csv', type: 'text/csv' },
  markdown: { label: 'Markdown', extension: 'md', type: 'text/markdown' },
};

/** "onrecord-highlights-2024-05-01" */
function exportBaseName(now: Date): string {
  return `onrecord-highlights-${now.toISOString().slice(0, 10)}`;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function buildExport(
  format: ExportFormat,
  highlights: readonly SavedHighlight[],
  onProgress: (done: number, total: number) => void,
  now = new Date(),
): Promise<{ name: string; type: string; text: string }> {
  const total = highlights.length;
  const meta = FORMATS[format];
  const name = `${exportBaseName(now)}.${meta.extension}`;
  if (format === 'jsonld') {
    const items: WebAnnotation[] = [];
    for (let i = 0; i < total; i += EXPORT_SLICE) {
      for (const h of highlights.slice(i, i + EXPORT_SLICE)) items.push(toWebAnnotation(h));
      onProgress(Math.min(total, i + EXPORT_SLICE), total);
      await nextTask();
    }
    const doc = {
      '@context': ANNO_CONTEXT,
      type: 'AnnotationCollection',
      label: 'OnRecord highlights',
      total,
      generator: { type: 'Software', name: 'OnRecord' },
      generated: now.toISOString(),
      first: { type: 'AnnotationPage', startIndex: 0, items },
    };
    return { name, type: meta.type, text: `${JSON.stringify(doc, null, 2)}\n` };
  }
  onProgress(0, total);
  await nextTask();
  const text = format === 'csv' ? exportCsv(highlights) : exportMarkdown(highlights, now);
  onProgress(total, total);
  return { name, type: meta.type, text };
}
