/**
 * A byte format for the plain data the CLI keeps in its build cache (the annotate start snapshot: row fields and a
 * matcher snapshot), read without `node:v8`. Loading `node:v8` and `v8.deserialize`, with `node:crypto` for the key,
 * were about 12 ms of a one-line `annotate`'s CPU over Node's own start (issue 15, docs/benchmarks.md): node:v8 and
 * node:crypto load the stream modules, and v8.deserialize copies every typed array out of the file through
 * JavaScript callbacks.
 *
 * What it holds, as v8.serialize does for these kinds: null, booleans, numbers (NaN, ±Infinity and -0 included),
 * strings, undefined, arrays (a hole reads back as undefined), plain objects, Map, Set, RegExp and typed arrays (a
 * Buffer reads back as a Uint8Array);
 * an object met twice (or inside itself) comes back as one object. Anything else (a function, a class instance, a
 * Date, a bigint) throws, so a value the format cannot hold is never stored wrong.
 *
 * Layout: "ORP1", the byte length of a JSON tree (uint32, little-endian), the tree, padding to 8 bytes, then the
 * typed arrays' bytes, each at a multiple of 8. The tree writes every object as an array whose first item says what
 * it is (below); typed arrays are read back as views of the bytes given to decodePlain when aligned (no copy), so
 * those bytes must not be reused.
 */

const MAGIC = [0x4f, 0x52, 0x50, 0x31]; // "ORP1"
const HEAD = 8;

type TypedArray = Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

const TYPED: Record<string, new (buffer: ArrayBufferLike, byteOffset: number, length: number) => TypedArray> = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
};

/** The tags of the tree (the first item of an encoded object). */
const Tag = {
  Undefined: 'u',
  Number: 'n',
  Ref: 'r',
  Array: 'A',
  Object: 'O',
  Map: 'M',
  Set: 'S',
  RegExp: 'R',
  Typed: 'T',
} as const;

type Node = null | boolean | number | string | Node[] | { [key: string]: Node };

export function encodePlain(value: unknown): Uint8Array {
  const seen = new Map<object, number>();
  const blobs: { bytes: Uint8Array; at: number }[] = [];
  let blobEnd = 0;

  const enc = (v: unknown): Node => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    if (v === undefined) return [Tag.Undefined];
    if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? v : [Tag.Number, Object.is(v, -0) ? '-0' : String(v)];
    if (typeof v !== 'object') throw new TypeError(`encodePlain: cannot store a ${typeof v}`);
    const id = seen.get(v);
    if (id !== undefined) return [Tag.Ref, id];
    seen.set(v, seen.size);
    if (ArrayBuffer.isView(v)) {
      // A Buffer is stored as the Uint8Array it is.
      const type = Object.keys(TYPED).find((name) => v instanceof TYPED[name]!);
      if (type === undefined) throw new TypeError(`encodePlain: cannot store a ${v.constructor.name}`);
      const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      blobs.push({ bytes, at: blobEnd });
      const node: Node = [Tag.Typed, type, blobEnd, (v as TypedArray).length];
      blobEnd += (bytes.length + 7) & ~7;
      return node;
    }
    if (Array.isArray(v)) {
      const items: Node[] = [Tag.Array];
      for (let i = 0; i < v.length; i++) items.push(enc(v[i]));
      return items;
    }
    if (v instanceof Map) {
      const items: Node[] = [];
      for (const [k, x] of v) items.push(enc(k), enc(x));
      return [Tag.Map, items];
    }
    if (v instanceof Set) return [Tag.Set, [...v].map(enc)];
    if (v instanceof RegExp) return [Tag.RegExp, v.source, v.flags];
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new TypeError(`encodePlain: cannot store a ${(v as object).constructor?.name ?? 'class instance'}`);
    const fields: { [key: string]: Node } = {};
    for (const key of Object.keys(v)) setOwn(fields, key, enc((v as Record<string, unknown>)[key]));
    return [Tag.Object, fields];
  };

  const tree = new TextEncoder().encode(JSON.stringify(enc(value)));
  const blobStart = (HEAD + tree.length + 7) & ~7;
  const out = new Uint8Array(blobStart + blobEnd);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, tree.length, true);
  out.set(tree, HEAD);
  for (const { bytes, at } of blobs) out.set(bytes, blobStart + at);
  return out;
}

export function decodePlain(bytes: Uint8Array): unknown {
  if (bytes.length < HEAD || MAGIC.some((b, i) => bytes[i] !== b)) throw new Error('decodePlain: not this format');
  const treeLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (HEAD + treeLength > bytes.length) throw new Error('decodePlain: truncated');
  const blobStart = (HEAD + treeLength + 7) & ~7;
  const tree = JSON.parse(new TextDecoder().decode(bytes.subarray(HEAD, HEAD + treeLength))) as Node;
  const objects: unknown[] = [];

  const dec = (n: Node): unknown => {
    if (!Array.isArray(n)) return n;
    switch (n[0]) {
      case Tag.Undefined:
        return undefined;
      case Tag.Number:
        return n[1] === '-0' ? -0 : Number(n[1]);
      case Tag.Ref:
        if (!(typeof n[1] === 'number' && n[1] < objects.length)) throw new Error('decodePlain: bad reference');
        return objects[n[1]];
      case Tag.Typed: {
        const [, type, at, length] = n as [string, string, number, number];
        const Typed = Object.hasOwn(TYPED, type) ? TYPED[type]! : undefined;
        if (Typed === undefined) throw new Error(`decodePlain: unknown array type ${type}`);
        const size = (Typed as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
        const offset = bytes.byteOffset + blobStart + at;
        if (blobStart + at + length * size > bytes.length) throw new Error('decodePlain: truncated');
        const view = offset % size === 0 ? new Typed(bytes.buffer, offset, length) : new Typed(bytes.slice(blobStart + at, blobStart + at + length * size).buffer, 0, length);
        objects.push(view);
        return view;
      }
      case Tag.Array: {
        const out: unknown[] = [];
        objects.push(out);
        for (let i = 1; i < n.length; i++) out.push(dec(n[i]!));
        return out;
      }
      case Tag.Map: {
        const out = new Map<unknown, unknown>();
        objects.push(out);
        const items = n[1] as Node[];
        for (let i = 0; i < items.length; i += 2) out.set(dec(items[i]!), dec(items[i + 1]!));
        return out;
      }
      case Tag.Set: {
        const out = new Set<unknown>();
        objects.push(out);
        for (const item of n[1] as Node[]) out.add(dec(item));
        return out;
      }
      case Tag.RegExp: {
        const out = new RegExp(n[1] as string, n[2] as string);
        objects.push(out);
        return out;
      }
      case Tag.Object: {
        const out: Record<string, unknown> = {};
        objects.push(out);
        const fields = n[1] as { [key: string]: Node };
        for (const key of Object.keys(fields)) setOwn(out, key, dec(fields[key]!));
        return out;
      }
      default:
        throw new Error(`decodePlain: unknown tag ${String(n[0])}`);
    }
  };
  return dec(tree);
}

/** o[key] = value as an own property, even for "__proto__" (which an assignment would take as the prototype). */
function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}
