import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { validateCorpus } from '../corpus/validate.ts';
import { httpUrl, safeHref } from './http-url.ts';
import { own, ownRecord } from './own-record.ts';

describe('httpUrl', () => {
  it('accepts http and https only', () => {
    const schema = httpUrl();
    expect(v.is(schema, 'https://example.org/a')).toBe(true);
    expect(v.is(schema, 'HTTP://example.org')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', ' https://x', 'chrome://settings']) {
      expect(v.is(schema, bad), bad).toBe(false);
      expect(safeHref(bad), bad).toBeUndefined();
    }
    expect(safeHref('https://example.org/')).toBe('https://example.org/');
  });

  it('a corpus source with a javascript: url is refused by the validator', () => {
    const result = validateCorpus(
      {
        formatVersion: 1, id: 'x', title: 'X', version: '1', sides: [], entities: [], positions: [],
        sources: [{ id: 's', title: 'T', outlet: 'O', language: 'en', published: { from: '2022-01-01', to: '2022-01-01', precision: 'day' }, text: 'x', url: 'javascript:alert(1)' }],
      },
      { fileName: 'evil.json' },
    );
    expect(result.corpus).toBeUndefined();
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(/http or https/);
  });
});

describe('ownRecord', () => {
  it('keeps keys valibot record drops, as own properties', () => {
    const parsed = v.parse(ownRecord(v.boolean()), JSON.parse('{"constructor": false, "__proto__": true, "prototype": true, "a": true}'));
    expect(own(parsed, 'constructor')).toBe(false);
    expect(own(parsed, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(own(parsed, 'toString')).toBeUndefined();
    expect(v.is(ownRecord(v.boolean()), { a: 'yes' })).toBe(false);
    expect(v.is(ownRecord(v.boolean()), [])).toBe(false);
  });
});
