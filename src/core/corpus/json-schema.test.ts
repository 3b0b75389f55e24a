import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusJsonSchemaText, JSON_SCHEMA_PATH } from '../../../scripts/gen-json-schema.ts';

describe('docs/corpus.schema.json', () => {
  it('is what scripts/gen-json-schema.ts generates now (run "npm run schema" after changing schema.ts)', () => {
    expect(readFileSync(JSON_SCHEMA_PATH, 'utf8')).toBe(corpusJsonSchemaText());
  });

  it('describes the top-level sections and required fields', () => {
    const schema = JSON.parse(corpusJsonSchemaText()) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['formatVersion', 'id', 'title', 'version', 'sources', 'entities', 'positions']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['sides', 'textDir']));
  });
});
