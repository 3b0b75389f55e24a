import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-syntax.ts';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a": 1,', 1, 9, 'the file ends too early (truncated?): expected a property name in double quotes'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected "," or "}", found "\\""'],
    ['[1, 2,]', 1, 7, 'unexpected "]" after a comma (JSON does not allow trailing commas)'],
    ['{"a": 1,}', 1, 9, 'unexpected "}" after a comma (JSON does not allow trailing commas)'],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes, found "\'"'],
    ['hello', 1, 1, 'expected a value (an object, array, string, number, true, false or null), found "h"'],
    ['{"a": "b\n"}', 1, 9, 'a control character (U+000A) inside a string must be escaped'],
    ['{"a": "\\x"}', 1, 8, 'invalid escape "\\x" in a string'],
    ['{"é": "tail', 1, 12, 'the file ends too early (truncated?): the string opened at line 1, column 7 is not closed'],
    ['{} {}', 1, 4, 'unexpected "{" after the end of the JSON value'],
    ['{"a": -}', 1, 7, 'a number needs digits after "-"'],
  ])('locates the error in %j', (text, line, column, message) => {
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column, message });
  });

  it('counts columns in code points, as editors do', () => {
    expect(findJsonSyntaxError('["🇺🇦" x]')).toMatchObject({ line: 1, column: 7, offset: 8 });
  });

  it('survives deep nesting without recursion', () => {
    expect(findJsonSyntaxError('['.repeat(200_000))).toMatchObject({ line: 1, column: 200_001 });
  });

  it('accepts exactly what JSON.parse accepts', () => {
    fc.assert(fc.property(fc.json(), (text) => findJsonSyntaxError(text) === undefined));
    // Truncations and single-character edits of valid JSON: mostly invalid, sometimes still valid.
    const mangled = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\\', ' ', 'x', '0', '\n'))
      .map(([text, at, ch]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + ch + text.slice(i + (ch === '' ? text.length : 1));
      });
    fc.assert(fc.property(mangled, (text) => (findJsonSyntaxError(text) === undefined) === parses(text)), { numRuns: 2000 });
    fc.assert(fc.property(fc.string(), (text) => (findJsonSyntaxError(text) === undefined) === parses(text)), { numRuns: 2000 });
  });
});
