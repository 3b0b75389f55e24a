/** The one size check: every file a person picks is measured before it is read (issue 14, G7). */
import { describe, expect, it } from 'vitest';
import { readSizedText, tooLargeText } from './file-size.ts';
import { readHighlightsFile } from './library/highlights/transfer-bar.tsx';

/** A file of any size whose content must never be read. */
function unreadable(name: string, size: number) {
  const f = {
    name,
    size,
    reads: 0,
    text: async () => {
      f.reads++;
      throw new Error('read');
    },
  };
  return f;
}

describe('tooLargeText', () => {
  it('lets a file at the limit through and words one over it with its size rounded up and the limit down', () => {
    expect(tooLargeText({ name: 'a.json', size: 1024 * 1024 }, 1024 * 1024, 'optImportTooLarge')).toBeUndefined();
    expect(tooLargeText({ name: 'a.json', size: 1024 * 1024 + 1 }, 1024 * 1024, 'optImportTooLarge')).toBe(
      'a.json is 2 MB, larger than any corpus OnRecord can import (1 MB). It was not read, and nothing was changed.',
    );
  });
});

describe('the library reads a highlights file only when it is not too large', () => {
  it('a 200 MB file gets a sentence and not a byte of it is read', async () => {
    const huge = unreadable('all-highlights.jsonld', 200 * 1024 * 1024);
    expect(await readHighlightsFile(huge)).toEqual({
      refused: 'all-highlights.jsonld is 200 MB, larger than any highlights file OnRecord can import (32 MB). It was not read, and nothing was changed.',
    });
    expect(huge.reads).toBe(0);
  });

  it('a file under the limit is read whole', async () => {
    expect(await readHighlightsFile({ name: 'h.jsonld', size: 2, text: async () => '[]' })).toEqual({ text: '[]' });
    expect(await readSizedText({ name: 'r.json', size: 2, text: async () => '{}' }, 2, 'reviewFileTooBig')).toEqual({ text: '{}' });
  });
});
