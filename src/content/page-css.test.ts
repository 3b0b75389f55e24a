import { describe, expect, it } from 'vitest';
import { EntityType } from '../core/corpus/schema.ts';
import { ENTITY_TYPES, pageCss } from './page-css.ts';
import { DEFAULT_PAGE_CSS } from './page-css-default.ts';

describe('the page sheet adopted at document_start', () => {
  it('is the sheet the functions build for the default style (if not, paste the received value into page-css-default.ts)', () => {
    expect(DEFAULT_PAGE_CSS).toBe(pageCss('underline'));
  });

  it('holds only ::highlight() rules', () => {
    for (const rule of pageCss('background').split('\n').filter(Boolean)) expect(rule).toMatch(/^::highlight\(onrecord-[a-z-]+\) \{[^{}]*\}$/);
  });

  it('knows every entity type of the record schema (the start-up guards refuse settings with any other)', () => {
    expect([...ENTITY_TYPES].sort()).toEqual([...EntityType.options].sort());
  });
});
