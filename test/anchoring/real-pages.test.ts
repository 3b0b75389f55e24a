/**
 * Re-anchoring on the text of real saved news pages (test/fixtures/realpages): for spans across each page, the untouched
 * text anchors by position; text with an update inserted above and a word
 * changed inside the span still anchors at the right place; and a span whose
 * paragraph is deleted is not "found" elsewhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/cli/html-text.ts';
import { anchorSelectors } from '../../src/core/anchoring/anchor.ts';
import { describeSpan } from '../../src/core/anchoring/describe.ts';

import { REAL_PAGES_DIR as DIR } from '../support/real-pages.ts';
/** Every seventh page: a spread of sites and languages that keeps the test within a few seconds. */
const PAGE_STRIDE = 7;
const SPANS_PER_PAGE = 6;
/** Below this much text a page has no room for spread-out spans. */
const MIN_TEXT_CHARS = 2_000;
const pages = readdirSync(DIR).filter((f) => f.endsWith('.html')).sort().filter((_, i) => i % PAGE_STRIDE === 0);

/** Sentence-like spans: 60–200 characters starting at a word, at least 40 of them not whitespace, spread through the text. */
function spans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = 1; k <= SPANS_PER_PAGE; k++) {
    let start = Math.floor((text.length * k) / (SPANS_PER_PAGE + 1));
    while (start < text.length && !/\s/.test(text[start - 1] ?? ' ')) start++;
    const end = Math.min(text.length, start + 60 + ((k * 37) % 140));
    // What a reader marks is words: spans of mostly layout whitespace (menus, indentation) are not highlights.
    if (text.slice(start, end).replace(/\s/g, '').length >= 40) out.push([start, end]);
  }
  return out;
}

describe('anchoring on real pages', () => {
  // Pages too short to spread spans over (a stub, a redirect page) are left out by name, before any test runs,
  // so no test passes without asserting.
  const long = pages.filter((file) => htmlToText(readFileSync(join(DIR, file), 'utf8')).length >= MIN_TEXT_CHARS);

  it('keeps most of the sampled pages', () => {
    expect(long.length).toBeGreaterThanOrEqual(Math.floor(pages.length * 0.8));
  });

  it.each(long)('%s', (file) => {
    const text = htmlToText(readFileSync(join(DIR, file), 'utf8'));
    const sampled = spans(text);
    expect(sampled.length, 'spans with words in them').toBeGreaterThan(0);
    for (const [start, end] of sampled) {
      const s = describeSpan(text, start, end);
      // A passage the page repeats word for word (lorem ipsum fixtures, menus) is ambiguous once edited: skip it.
      const repeated = text.indexOf(s.quote.exact) !== text.lastIndexOf(s.quote.exact);
      expect(anchorSelectors(text, s)).toMatchObject({ start, end, method: 'position' });

      // An update inserted above, and one word inside the span replaced.
      const update = 'Update: this article was revised after publication to add new details.\n';
      const quote = text.slice(start, end);
      const word = quote.match(/\p{L}{4,}/u)?.[0];
      const edited = word ? quote.replace(word, `${word.slice(0, -2)}xy`) : quote;
      const changed = update + text.slice(0, start) + edited + text.slice(end);
      const a = anchorSelectors(changed, s);
      expect(a, `${file} [${start}, ${end})`).not.toBeNull();
      if (repeated) continue;
      const at = start + update.length;
      expect(Math.abs(a!.start - at)).toBeLessThanOrEqual(2);
      expect(Math.abs(a!.end - (at + edited.length))).toBeLessThanOrEqual(2);
    }
  });

  it('does not re-place a deleted passage elsewhere on the page', () => {
    let checked = 0;
    for (const file of long) {
      const text = htmlToText(readFileSync(join(DIR, file), 'utf8'));
      const [start, end] = spans(text)[2] ?? [0, 0];
      if (end - start < 40) continue;
      const quote = text.slice(start, end);
      // Boilerplate repeated on the page (a caption, a share line) legitimately occurs twice.
      if (text.indexOf(quote) !== text.lastIndexOf(quote)) continue;
      const s = describeSpan(text, start, end);
      const removed = text.slice(0, Math.max(0, start - 200)) + text.slice(Math.min(text.length, end + 200));
      expect(anchorSelectors(removed, s), `${file} [${start}, ${end})`).toBeNull();
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});
