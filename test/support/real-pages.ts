/**
 * Where the 130 saved real pages are: `test/fixtures/realpages` in this repository (Apache-2.0, from the
 * Mozilla Readability test suite: see the README there), or ONRECORD_REALPAGES.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const REAL_PAGES_DIR = resolve(process.env.ONRECORD_REALPAGES ?? resolve(repoRoot, 'test/fixtures/realpages'));

if (!existsSync(REAL_PAGES_DIR)) {
  throw new Error(`saved real pages not found at ${REAL_PAGES_DIR}`);
}
