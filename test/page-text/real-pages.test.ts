import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crossesSeparator, extractText, toNodeSlices } from '../../src/page-text/index.ts';
import { NO_STYLE, parseDocument, segmentProblems } from './parse.ts';
import { REAL_PAGES_DIR } from '../support/real-pages.ts';

/** The saved real pages (test/fixtures/realpages, Apache-2.0: see the README there). */
const pages = readdirSync(REAL_PAGES_DIR).filter((name) => name.endsWith('.html')).sort();

/** Scripts shorter than this are often one-liners that might coincide with prose. */
const MIN_SCRIPT_SAMPLE = 40;
/** Enough of a script to be unmistakable, short enough to stay inside its first line of code. */
const SCRIPT_SAMPLE_LENGTH = 60;

/**
 * Words each page's visible prose contains, checked by reading the pages. The
 * shared README also names breitbart and wikipedia, but neither file contains
 * any of these words anywhere (the last test below proves it).
 */
const EXPECTED_WORDS: Record<string, readonly string[]> = {
  'yahoo-1.html': ['Russia'],
  'yahoo-2.html': ['Russia', 'Putin'],
  'yahoo-3.html': ['Russia', 'Putin'],
  'nytimes-1.html': ['Russia', 'Putin'],
  'bbc-1.html': ['Russia'],
  'wapo-2.html': ['Russia', 'Putin'],
  'liberation-1.html': ['Ukraine'],
};
const WATCHED_WORDS = /Russia|Ukraine|Putin|NATO|Kremlin/;

let totalMs = 0;
let totalChars = 0;

describe('extractText on saved real pages', () => {
  it('finds the 130 pages', () => {
    expect(pages.length).toBe(130);
  });

  it.each(pages)('%s', (name) => {
    const doc = parseDocument(readFileSync(join(REAL_PAGES_DIR, name), 'utf8'));
    const startedAt = performance.now();
    const pageText = extractText(doc, NO_STYLE);
    totalMs += performance.now() - startedAt;
    totalChars += pageText.text.length;

    expect(segmentProblems(pageText)).toEqual([]);

    for (const element of doc.querySelectorAll('script, style')) {
      const code = (element.textContent ?? '').trim();
      if (code.length > MIN_SCRIPT_SAMPLE) {
        const sample = code.slice(0, SCRIPT_SAMPLE_LENGTH);
        // A boolean, not toContain: a failure must not print the whole page.
        expect(pageText.text.includes(sample), `<${element.localName}> text leaked: ${sample}`).toBe(false);
      }
    }

    for (const word of EXPECTED_WORDS[name] ?? []) {
      const at = pageText.text.indexOf(word);
      expect(at, `"${word}" in ${name}`).toBeGreaterThanOrEqual(0);
      const slices = toNodeSlices(pageText, at, at + word.length);
      expect(slices.map((s) => s.node.data.slice(s.start, s.end)).join('')).toBe(word);
      expect(crossesSeparator(pageText, at, at + word.length)).toBe(false);
    }
  });

  it('breitbart and wikipedia do not mention the watched words at all', () => {
    for (const name of ['breitbart.html', 'wikipedia.html']) {
      expect(readFileSync(join(REAL_PAGES_DIR, name), 'utf8')).not.toMatch(WATCHED_WORDS);
    }
  });

  afterAll(() => {
    console.log(`page-text: extracted ${pages.length} real pages (${totalChars} chars) in ${totalMs.toFixed(0)} ms with linkedom`);
  });
});
