import { describe, expect, it } from 'vitest';
import { richMessage } from './rich-message.tsx';

describe('richMessage', () => {
  it('puts each part where the message has its $n, keeping the words between', () => {
    const bold = { bold: 'Import JSON-LD' };
    expect(richMessage('libraryEmptyImportHint', [bold])).toEqual(['Have an export from another device? Use ', bold, ' above.']);
  });

  it('places several parts in the order the message names them', () => {
    const out = richMessage('libraryEmptyHint', ['[button]', '[keys]']);
    expect(out[0]).toBe('Select text on any news page and choose ');
    expect(out.filter((p) => p === '[button]' || p === '[keys]')).toEqual(['[button]', '[keys]']);
    expect(out.join('')).toContain('[button] in the small toolbar beside it, or press [keys].');
  });
});
