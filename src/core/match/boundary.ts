/**
 * Word boundaries on the original text, by Unicode letter class
 * (\p{L}\p{M}\p{N}). Invisible units (soft hyphen, zero-width) are looked
 * through; quotes, apostrophes and dashes are boundaries.
 */
import { CLASS as CLASS_, MARK as MARK_, SKIP as SKIP_, SURROGATE as SURROGATE_, WORD as WORD_, isWordCodePointAt } from '../text/fold-table.ts';

// Module-local copies: some transpilers turn imported bindings into getters, too slow for the scan loop.
const CLASS = CLASS_;
const MARK = MARK_;
const SKIP = SKIP_;
const SURROGATE = SURROGATE_;
const WORD = WORD_;


function isWordUnitAt(text: string, k: number): boolean {
  const cls = CLASS[text.charCodeAt(k)];
  if (cls === WORD || cls === MARK) return true;
  if (cls !== SURROGATE) return false;
  // A low surrogate: classify the pair it closes.
  const lowAfterHigh = (text.charCodeAt(k) & 0xfc00) === 0xdc00 && k > 0 && (text.charCodeAt(k - 1) & 0xfc00) === 0xd800;
  return isWordCodePointAt(text, lowAfterHigh ? k - 1 : k);
}

/** No letter, mark or digit right after `k` (looking through invisible units). */
export function boundaryAfter(text: string, k: number): boolean {
  const n = text.length;
  while (k < n && CLASS[text.charCodeAt(k)] === SKIP) k++;
  return k >= n || !isWordUnitAt(text, k);
}

/** No letter, mark or digit right before `i` (looking through invisible units). */
export function boundaryBefore(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && CLASS[text.charCodeAt(k)] === SKIP) k--;
  return k < 0 || !isWordUnitAt(text, k);
}

/** End of the run of letters, marks and digits starting at `j` (invisible units inside it included, not after it). */
export function wordEnd(text: string, j: number): number {
  const n = text.length;
  let k = j;
  let last = j;
  while (k < n) {
    const c = text.charCodeAt(k);
    const cls = CLASS[c];
    if (cls === WORD || cls === MARK) last = ++k;
    else if (cls === SKIP) k++;
    else if (cls === SURROGATE && isWordCodePointAt(text, k)) last = k += c <= 0xdbff && k + 1 < n ? 2 : 1;
    else break;
  }
  return last;
}
