/** The top-level commands of `onrecord`. Add one by writing its module and one line here. */
import type { CommandTable } from './command.ts';

export const COMMANDS: CommandTable = {
  corpus: { summary: 'validate, count and export corpus files', load: () => import('./corpus.ts') },
  check: { summary: 'check claims against the record: speaker, ranked positions, suggested verdict with evidence', load: () => import('./check.ts') },
  annotate: { summary: 'find mentions of corpus entities in text and HTML files', load: () => import('./annotate.ts') },
  extract: { summary: 'find who said what in text and HTML files (statements, candidates)', load: () => import('./extract.ts') },
};
