/** The researchers' highlights: model, grouping and the exchange formats. */
export * from './model.ts';
export { compareNewestFirst, groupByPage, type PageGroup } from './group.ts';
export { ANNO_CONTEXT, annotationId, exportJsonLd, toAnnotationCollection, toWebAnnotation, type WebAnnotation } from './jsonld-export.ts';
export { ImportError, MAX_HIGHLIGHTS_FILE_BYTES, MAX_REPORTED_PROBLEMS, parseJsonLd, type ImportProblem } from './jsonld-import.ts';
export { exportCsv, HIGHLIGHT_CSV_COLUMNS } from './csv-export.ts';
export { exportMarkdown } from './markdown-export.ts';
