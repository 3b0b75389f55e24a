import { describe, expect, it } from 'vitest';
import { encodedTextBytes, fitsOneMessage, MAX_MESSAGE_BYTES } from './message-size.ts';

describe('message size', () => {
  it('counts what JSON.stringify sends, in UTF-8 bytes', () => {
    for (const text of ['plain', 'quote " and \\ back', 'line\nbreak\ttab\u0001', 'Пєсков заявив', 'emoji 😀 and lone \ud800 surrogate', '']) {
      expect(encodedTextBytes(text)).toBe(new TextEncoder().encode(JSON.stringify(text)).length);
    }
  });

  it('a text that JSON escaping grows past the limit does not fit, though its length is under it', () => {
    const quotes = '"'.repeat(MAX_MESSAGE_BYTES / 2);
    expect(quotes.length).toBeLessThan(MAX_MESSAGE_BYTES);
    expect(fitsOneMessage(quotes)).toBe(false);
    expect(fitsOneMessage('x'.repeat(1024))).toBe(true);
  });
});
