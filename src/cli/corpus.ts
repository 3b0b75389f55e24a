/** `onrecord corpus …`: commands that read corpus files. */
import type { CommandTable } from './command.ts';

export const usage = `Usage: onrecord corpus <command> [options]

Without a file, commands read the corpus bundled with OnRecord (corpus/seed.json).
`;

export const commands: CommandTable = {
  validate: { summary: 'check corpus files and list every problem', load: () => import('./corpus-validate.ts') },
  stats: { summary: 'count entities, positions, sources, topics and links', load: () => import('./corpus-stats.ts') },
  positions: { summary: 'export positions as JSON Lines or CSV', load: () => import('./corpus-positions.ts') },
  entities: { summary: 'export entities as JSON Lines or CSV', load: () => import('./corpus-entities.ts') },
  merge: { summary: 'merge reviewed candidate positions into a corpus', load: () => import('./corpus-merge.ts') },
};
