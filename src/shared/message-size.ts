/**
 * Chromium refuses an extension message whose JSON is over 64 MiB ("Message
 * exceeded maximum allowed size"), after the sender has waited for it. Pages
 * that hand a whole file to the service worker measure the message first
 * and refuse in a sentence instead.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** Room left for the envelope (type, file name, choice) around a file's text. */
const ENVELOPE_BYTES = 4096;

/** UTF-8 bytes of `text` once JSON-encoded as a string (quotes, backslashes and control characters escaped). */
export function encodedTextBytes(text: string): number {
  let n = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x0c || c === 0x0a || c === 0x0d || c === 0x09) n += 2;
    else if (c < 0x20) n += 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) n += 6; // a lone surrogate is escaped as \uXXXX
    else n += 3;
  }
  return n;
}

/** Whether a file's text fits one message to the service worker. */
export function fitsOneMessage(text: string): boolean {
  return encodedTextBytes(text) + ENVELOPE_BYTES <= MAX_MESSAGE_BYTES;
}
