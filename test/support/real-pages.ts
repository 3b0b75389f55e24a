/**
 * Where the 130 saved real pages are: `shared/realpages` beside the project
 * checkout (as on the developers' machines and in CI), or ONRECORD_REALPAGES.
 * They are read in place and never copied into the repository.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const REAL_PAGES_DIR = resolve(process.env.ONRECORD_REALPAGES ?? resolve(repoRoot, '../shared/realpages'));

if (!existsSync(REAL_PAGES_DIR)) {
  throw new Error(`saved real pages not found at ${REAL_PAGES_DIR}: put shared/ beside the checkout or set ONRECORD_REALPAGES`);
}
