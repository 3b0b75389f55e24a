import { describe, expect, it } from 'vitest';
import { readBackupFile, readCorpusFile, type ChosenFile } from './read-files.ts';

/** A file of any size whose content must never be read. */
function unreadable(name: string, size: number): ChosenFile & { reads: number } {
  const f = {
    name,
    size,
    reads: 0,
    text: async () => {
      f.reads++;
      throw new Error('read');
    },
    arrayBuffer: async () => {
      f.reads++;
      throw new Error('read');
    },
  };
  return f;
}

function small(name: string, text: string): ChosenFile {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, text: async () => text, arrayBuffer: async () => bytes.buffer.slice(0) as ArrayBuffer };
}

describe('files are measured before they are read', () => {
  it('a 100 MB backup gets a sentence, and not a byte of it is read', async () => {
    const file = unreadable('huge-backup.json', 100 * 1024 * 1024);
    expect(await readBackupFile(file)).toEqual({
      refused: 'huge-backup.json is 100 MB, larger than any backup OnRecord can restore (32 MB). It was not read, and nothing was changed.',
    });
    expect(file.reads).toBe(0);
    expect(await readBackupFile(small('b.json', '{}'))).toEqual({ text: '{}' });
  });

  it('a corpus over the limit is refused unread; one JSON escaping would grow past one message is refused in words', async () => {
    const big = unreadable('huge.json', 100 * 1024 * 1024);
    const refused = await readCorpusFile(big);
    expect(refused).toEqual({ refused: ['huge.json is 100 MB, larger than any corpus OnRecord can import (64 MB). It was not read, and nothing was changed.'] });
    expect(big.reads).toBe(0);
    // 40 MB of quotes: under the corpus limit, 80 MB once escaped for the message.
    const quotes = `"${'\\"'.repeat(20 * 1024 * 1024)}"`;
    const escaped = await readCorpusFile(small('quotes.json', quotes));
    expect(escaped).toEqual({ refused: [expect.stringMatching(/^quotes\.json is too large to hand to OnRecord in one piece \(\d+ MB once encoded; at most 64 MB\)/)] });
    expect(await readCorpusFile(small('ok.json', '{"id":"x"}'))).toEqual({ text: '{"id":"x"}' });
  });
});
