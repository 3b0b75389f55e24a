/**
 * Finds where and why a JSON text is malformed. `JSON.parse` is used for the
 * real parse; this scanner only runs after it has failed, because engines
 * word their errors differently and V8 omits the position for some of them
 * ("Unexpected token 'h', "hello" is not valid JSON"). It keeps an explicit
 * stack instead of recursing, so a deeply nested broken file cannot overflow.
 */
export interface JsonSyntaxError {
  /** UTF-16 offset of the offending character (the text length at end of file). */
  offset: number;
  line: number;
  /** 1-based, counted in code points so it matches what an editor shows. */
  column: number;
  message: string;
}

type Expect = 'value' | 'key-or-close' | 'key' | 'value-or-close' | 'after-value';

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** Returns the first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const fail = (at: number, wanted: string): JsonSyntaxError =>
    locate(text, at, at >= text.length ? `the file ends too early (truncated?): expected ${wanted}` : `expected ${wanted}, found ${describe(text, at)}`);

  for (;;) {
    while (i < text.length && WS.has(text[i]!)) i++;
    const c = text[i];
    if (expect === 'after-value') {
      const top = stack[stack.length - 1];
      if (top === undefined) return c === undefined ? undefined : locate(text, i, `unexpected ${describe(text, i)} after the end of the JSON value`);
      const close = top === '{' ? '}' : ']';
      if (c === ',') { i++; expect = top === '{' ? 'key' : 'value'; continue; }
      if (c === close) { i++; stack.pop(); continue; }
      return fail(i, `"," or "${close}"`);
    }
    if ((expect === 'key-or-close' && c === '}') || (expect === 'value-or-close' && c === ']')) {
      i++; stack.pop(); expect = 'after-value'; continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (c === '}' && expect === 'key') return locate(text, i, 'unexpected "}" after a comma (JSON does not allow trailing commas)');
      if (c !== '"') return fail(i, 'a property name in double quotes');
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      while (i < text.length && WS.has(text[i]!)) i++;
      if (text[i] !== ':') return fail(i, '":" after the property name');
      i++; expect = 'value'; continue;
    }
    // A value is expected.
    if (c === ']' && expect === 'value' && stack[stack.length - 1] === '[') return locate(text, i, 'unexpected "]" after a comma (JSON does not allow trailing commas)');
    if (c === '{') { stack.push('{'); i++; expect = 'key-or-close'; continue; }
    if (c === '[') { stack.push('['); i++; expect = 'value-or-close'; continue; }
    if (c === '"') {
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end; expect = 'after-value'; continue;
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m || m[0] === '-') return locate(text, i, 'a number needs digits after "-"');
      i += m[0].length; expect = 'after-value'; continue;
    }
    const literal = LITERALS.find((l) => text.startsWith(l, i));
    if (literal) { i += literal.length; expect = 'after-value'; continue; }
    return fail(i, 'a value (an object, array, string, number, true, false or null)');
  }
}

/** Returns the offset after the closing quote, or the error inside the string. */
function scanString(text: string, open: number): number | JsonSyntaxError {
  let i = open + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') return i + 1;
    if (c === '\\') {
      const e = text[i + 1];
      if (e === 'u') {
        if (!HEX4.test(text.slice(i + 2, i + 6))) return locate(text, i, 'a "\\u" escape needs four hex digits');
        i += 6;
      } else if (e !== undefined && ESCAPES.has(e)) i += 2;
      else if (e === undefined) break;
      else return locate(text, i, `invalid escape "\\${e}" in a string`);
      continue;
    }
    if (c < ' ') return locate(text, i, `a control character (${describe(text, i)}) inside a string must be escaped`);
    i++;
  }
  return locate(text, text.length, `the file ends too early (truncated?): the string opened at ${position(text, open)} is not closed`);
}

function describe(text: string, at: number): string {
  const cp = text.codePointAt(at);
  if (cp === undefined) return 'the end of the file';
  const ch = String.fromCodePoint(cp);
  if (cp < 0x20 || cp === 0x7f || cp === 0xfeff) return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return JSON.stringify(ch);
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let column = 1;
  for (const _ of text.slice(lineStart, offset)) column++;
  return { line, column };
}

function position(text: string, offset: number): string {
  const { line, column } = lineColumn(text, offset);
  return `line ${line}, column ${column}`;
}

function locate(text: string, offset: number, message: string): JsonSyntaxError {
  return { offset, ...lineColumn(text, offset), message };
}
