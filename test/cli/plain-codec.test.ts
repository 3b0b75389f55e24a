/**
 * plain-codec.ts, the format of annotate's start snapshot in the build cache: what it stores comes back as
 * v8.serialize/deserialize (the structured clone it replaced) gives it back, shared objects stay shared, and what it
 * cannot hold is refused rather than stored wrong.
 */
import { deserialize, serialize } from 'node:v8';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodePlain, encodePlain } from '../../src/cli/plain-codec.ts';

const roundTrip = (value: unknown): unknown => decodePlain(encodePlain(value));

describe('encodePlain / decodePlain', () => {
  it('gives back what a v8 structured clone gives back, for every kind it holds', () => {
    const bytes = Uint8Array.from({ length: 37 }, (_, i) => (i * 37) & 0xff);
    const value = {
      nothing: null,
      yes: true,
      no: false,
      numbers: [0, -0, 1.5, -7, 2 ** 53, NaN, Infinity, -Infinity, Number.MIN_VALUE],
      strings: ['', 'Пєсков', 'a\u0000b', '\ud800 lone', 'emoji 😀', '"quoted" \\ back'],
      missing: undefined,
      holes: [1, undefined, 3],
      nested: { deep: { deeper: [{ a: 1 }, [2, [3]]] } },
      map: new Map<unknown, unknown>([[1, [2, 3]], ['k', new Set(['x', 'y'])], [NaN, null]]),
      set: new Set([1, 'one', undefined]),
      regexps: [/a+b/gu, /[\u0410-\u044f]+/iy, new RegExp('\\bx\\b', 'dimsu')],
      typed: [
        new Int8Array([-1, 2]), bytes, new Uint8ClampedArray([255]), new Int16Array([-3, 4, 5]), new Uint16Array([65535, 1]),
        new Int32Array([-(2 ** 31), 7]), new Uint32Array([2 ** 32 - 1]), new Float32Array([0.5, -2]), new Float64Array([Math.PI, -0]),
        // Views that start at odd offsets of a larger buffer: only the view is stored.
        bytes.subarray(3, 11), new Uint16Array(new ArrayBuffer(64), 2, 5), new Int32Array(0),
      ],
      ['__proto__']: 'an own key, not the prototype',
    };
    Object.defineProperty(value, '__proto__', { value: { own: true }, enumerable: true });
    const back = roundTrip(value);
    expect(isDeepStrictEqual(back, deserialize(serialize(value)))).toBe(true);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.hasOwn(back as object, '__proto__')).toBe(true);
    expect(Object.is((back as typeof value).numbers[1], -0)).toBe(true);
    expect((back as typeof value).regexps.map((r) => r.flags)).toEqual(['gu', 'iy', 'dimsu']);
  });

  it('keeps an object met twice (or inside itself) as one object', () => {
    const shared = new Map([['k', 1]]);
    const array = new Uint16Array([1, 2, 3]);
    const value: { a: unknown; b: unknown; list: unknown[]; self?: unknown } = { a: shared, b: { again: shared }, list: [array, array] };
    value.self = value;
    const back = roundTrip(value) as typeof value;
    expect(back.a).toBe((back.b as { again: unknown }).again);
    expect(back.list[0]).toBe(back.list[1]);
    expect(back.self).toBe(back);
    expect(back.list[0]).toEqual(array);
  });

  it('reads a Buffer back as a Uint8Array of the same bytes', () => {
    const back = roundTrip({ b: Buffer.from('corpus bytes') }) as { b: Uint8Array };
    expect(Object.getPrototypeOf(back.b)).toBe(Uint8Array.prototype);
    expect(Buffer.from(back.b).toString()).toBe('corpus bytes');
  });

  it('reads typed arrays as views of the bytes given, or as copies when those bytes are not aligned for them', () => {
    const encoded = encodePlain({ x: new Float64Array([1.25, 2.5]) });
    const aligned = decodePlain(encoded) as { x: Float64Array };
    expect(aligned.x.buffer).toBe(encoded.buffer);
    const shifted = new Uint8Array(encoded.length + 1);
    shifted.set(encoded, 1);
    const copied = decodePlain(shifted.subarray(1)) as { x: Float64Array };
    expect(copied.x.buffer).not.toBe(shifted.buffer);
    expect([...copied.x]).toEqual([1.25, 2.5]);
  });

  it('refuses what it cannot hold', () => {
    class Point {
      x = 1;
    }
    for (const bad of [() => 1, new Point(), new Date(0), 1n, new DataView(new ArrayBuffer(4)), Symbol('s'), [new BigInt64Array(1)]]) {
      expect(() => encodePlain({ bad }), String(bad)).toThrow(/cannot store/);
    }
  });

  it('refuses bytes of another format, and truncated bytes', () => {
    expect(() => decodePlain(serialize({ a: 1 }))).toThrow(/not this format/);
    const encoded = encodePlain({ a: new Uint32Array(100) });
    expect(() => decodePlain(encoded.subarray(0, encoded.length - 8))).toThrow(/truncated/);
    expect(() => decodePlain(encoded.subarray(0, 10))).toThrow();
  });
});
