/**
 * Node 20 has neither `Uint8Array.prototype.toBase64` nor `Uint8Array.fromBase64`,
 * which Chromium (140+) and Firefox (133+) give the extension natively, so
 * bench/lib/adr002-wire.ts would take its JavaScript fallback in a Node benchmark.
 * Importing this module first installs both on top of Buffer's native base64,
 * so a Node benchmark measures what the browser does, not the fallback.
 */
const proto = Uint8Array.prototype as unknown as { toBase64?: () => string };
proto.toBase64 ??= function (this: Uint8Array): string {
  return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString('base64');
};
const ctor = Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array };
ctor.fromBase64 ??= (s: string): Uint8Array => {
  const b = Buffer.from(s, 'base64');
  // A fresh buffer of its own: the matcher's typed arrays view it whole.
  return new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};
export {};
