import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

/** A strict RFC 4180 reader, only for checking the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) throw new Error('unclosed quote');
        field += text.slice(i, q);
        if (text[q + 1] === '"') { field += '"'; i = q + 2; } else { i = q + 1; break; }
      }
    } else {
      const m = /[^,\r\n"]*/y;
      m.lastIndex = i;
      field = m.exec(text)![0];
      i += field.length;
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) { rows.push(row); row = []; i += 2; }
    else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  return rows;
}

describe('csv', () => {
  it('quotes only fields that need it and doubles inner quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
    expect(csvField(['peace-talks', 'annexation'])).toBe('peace-talks; annexation');
  });

  it('writes a header row and CRLF line ends', () => {
    expect(toCsv(['id', 'topics'], [{ id: 'p1', topics: ['a', 'b'] }, { id: 'p,2', topics: [] }])).toBe(
      'id,topics\r\np1,a; b\r\n"p,2",\r\n',
    );
  });

  it('round-trips any text through a strict RFC 4180 reader', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string({ unit: 'binary' }))), (pairs) => {
        const records = pairs.map(([a, b]) => ({ a, b }));
        expect(parseCsv(toCsv(['a', 'b'], records))).toEqual([['a', 'b'], ...pairs]);
      }),
    );
  });
});
