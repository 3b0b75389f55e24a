import { describe, expect, it } from 'vitest';
import { fromWire, toWire } from '../../bench/lib/adr002-wire.ts';

describe('wire codec', () => {
  it('carries typed arrays through JSON unchanged', () => {
    const original = {
      name: 'm',
      trans: new Int32Array([1, -2, 2147483647, -2147483648]),
      fold: new Uint16Array([0, 65535, 1234]),
      nested: [{ raw: new Uint8Array([0, 255, 7]).buffer }],
    };
    const back = fromWire(JSON.parse(JSON.stringify(toWire(original)))) as typeof original;
    expect(back.name).toBe('m');
    expect(back.trans).toBeInstanceOf(Int32Array);
    expect([...back.trans]).toEqual([1, -2, 2147483647, -2147483648]);
    expect([...back.fold]).toEqual([0, 65535, 1234]);
    expect([...new Uint8Array(back.nested[0]!.raw)]).toEqual([0, 255, 7]);
  });

  it('handles arrays larger than one base64 chunk and subarray views', () => {
    const big = new Uint32Array(100_000).map((_, i) => i * 2654435761);
    const view = big.subarray(10, 50_010);
    const back = fromWire(JSON.parse(JSON.stringify(toWire(view)))) as Uint32Array;
    expect(back.length).toBe(50_000);
    expect(back[0]).toBe(view[0]);
    expect(back[49_999]).toBe(view[49_999]);
  });

  it('rejects an unknown array type instead of guessing', () => {
    expect(() => fromWire({ $bytes: 'BigInt64Array', b64: '' })).toThrow(/unknown typed array/);
  });
});
