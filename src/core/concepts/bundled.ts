/** The concept set shipped with OnRecord (corpus/concepts.json), for the extension and the CLI alike. */
import concepts from '../../../corpus/concepts.json';
import type { ConceptSet } from './schema.ts';

export const BUNDLED_CONCEPTS = concepts as unknown as ConceptSet;
