/** The concept layer: a multilingual vocabulary of the peace-talks domain, compiled by the matcher. DOM-free. */
export { CONCEPT_LANGUAGES, CONCEPTS_FORMAT_VERSION, Concept, ConceptKind, ConceptSet, type ConceptLanguage } from './schema.ts';
export { validateConcepts, type ConceptValidation } from './validate.ts';
export { conceptEntities, createConceptLexicon, negatedAt, NEGATION_WINDOW_WORDS, type ConceptHit, type ConceptInfo, type ConceptLexicon } from './lexicon.ts';
export { BUNDLED_CONCEPTS } from './bundled.ts';
