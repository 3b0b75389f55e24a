/**
 * Writes docs/corpus.schema.json from the valibot schema, so editors can
 * complete and check corpus files. Run with `npm run schema`; a test fails
 * when the committed file differs from what this generates.
 *
 * JSON Schema cannot say everything the valibot schema does: `trim` followed
 * by a minimum length becomes "contains a non-space character", and each
 * `check` (e.g. "from" not after "to") is kept as a `$comment`. The validator
 * (`onrecord corpus validate`) remains the authority.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toJsonSchema, type OverrideActionContext } from '@valibot/to-json-schema';
import { Corpus, FORMAT_VERSION } from '../src/core/corpus/schema.ts';

export const JSON_SCHEMA_PATH = fileURLToPath(new URL('../docs/corpus.schema.json', import.meta.url));

function overrideAction({ valibotAction, jsonSchema }: OverrideActionContext) {
  if (valibotAction.type === 'trim') return { ...jsonSchema, pattern: '\\S' };
  if (valibotAction.type === 'check') {
    const message = (valibotAction as { message?: unknown }).message;
    return { ...jsonSchema, $comment: `Also checked by "onrecord corpus validate": ${String(message)}` };
  }
  return undefined;
}

export function corpusJsonSchemaText(): string {
  const schema = toJsonSchema(Corpus, { target: 'draft-07', errorMode: 'throw', overrideAction });
  const document = {
    $schema: schema.$schema,
    title: 'OnRecord corpus',
    description:
      `OnRecord corpus, formatVersion ${FORMAT_VERSION}. Generated from src/core/corpus/schema.ts by scripts/gen-json-schema.ts; ` +
      'see docs/corpus-format.md. References, offsets and quotes are checked by "onrecord corpus validate".',
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(JSON_SCHEMA_PATH, corpusJsonSchemaText());
  console.log(`wrote ${JSON_SCHEMA_PATH}`);
}
