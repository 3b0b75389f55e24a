/**
 * ADR 002's delivery (replaced by ADR 017), kept for `npm run bench:record` to measure beside the new one.
 *
 * Extension messaging in Chromium serialises as JSON, which turns typed arrays
 * into index-keyed objects. These helpers carry typed arrays and ArrayBuffers
 * across as base64 and restore them on the other side.
 */
type TypedArray =
  | Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array
  | Int32Array | Uint32Array | Float32Array | Float64Array;

const CTORS = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, Float32Array, Float64Array,
} as const;
type CtorName = keyof typeof CTORS;

interface WireBytes { $bytes: CtorName | 'ArrayBuffer'; b64: string }

function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as unknown as { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let bin = '';
  const CHUNK = 0x8000; // String.fromCharCode's argument count stays well below engine limits
  for (let i = 0; i < bytes.length; i += CHUNK) {
    bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(bin);
}

/** The native decoder (Chromium 140+, Firefox 133+): a 1 MB matcher decodes in about a millisecond instead of 15. */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array<ArrayBuffer> }).fromBase64;

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  if (typeof nativeFromBase64 === 'function') return nativeFromBase64(b64);
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function isWireBytes(x: unknown): x is WireBytes {
  return typeof x === 'object' && x !== null && typeof (x as WireBytes).$bytes === 'string' && typeof (x as WireBytes).b64 === 'string';
}

export function toWire(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return { $bytes: 'ArrayBuffer', b64: bytesToBase64(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const ta = value as TypedArray;
    const name = ta.constructor.name as CtorName;
    return { $bytes: name, b64: bytesToBase64(new Uint8Array(ta.buffer, ta.byteOffset, ta.byteLength)) };
  }
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toWire(v);
    return out;
  }
  return value;
}

export function fromWire(value: unknown): unknown {
  if (isWireBytes(value)) {
    const bytes = base64ToBytes(value.b64);
    if (value.$bytes === 'ArrayBuffer') return bytes.buffer;
    const Ctor = CTORS[value.$bytes];
    if (!Ctor) throw new Error(`unknown typed array "${value.$bytes}" in message`);
    return new Ctor(bytes.buffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
  }
  if (Array.isArray(value)) return value.map(fromWire);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromWire(v);
    return out;
  }
  return value;
}
