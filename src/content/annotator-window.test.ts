import { describe, expect, it } from 'vitest';
import { windowEnd } from './annotator.ts';

describe('windowEnd (matching one huge text a window at a time)', () => {
  it('cuts just after whitespace before the nominal end, so the next window starts at a word', () => {
    const text = 'aaaa bbbb Dmitry Peskov cccc';
    const at = text.indexOf('Peskov') + 3;
    const end = windowEnd(text, at);
    expect(text.slice(end)).toBe('Peskov cccc');
  });

  it('never cuts inside a surrogate pair when there is no whitespace to cut at', () => {
    const text = 'x'.repeat(5_000) + '😀' + 'y'.repeat(5_000);
    const end = windowEnd(text, 5_001);
    expect(end).toBe(5_000);
  });

  it('stops at the end of the text', () => {
    expect(windowEnd('short', 20_000)).toBe(5);
  });
});
