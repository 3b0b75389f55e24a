/**
 * Validates a concept set whole: its shape, then what the schema cannot say —
 * unique ids, relations that resolve, no concept its own broader, polarity
 * only on stances, no word given twice in one language of one concept.
 */
import * as v from 'valibot';
import { jsonPath, type Problem } from '../corpus/problem.ts';
import { CONCEPT_LANGUAGES, CONCEPTS_FORMAT_VERSION, ConceptSet } from './schema.ts';
import { foldString } from '../text/fold.ts';

export interface ConceptValidation {
  concepts?: ConceptSet;
  problems: Problem[];
}

export function validateConcepts(input: unknown, fileName: string): ConceptValidation {
  const problems: Problem[] = [];
  const error = (path: (string | number)[], message: string): void => void problems.push({ severity: 'error', file: fileName, path: jsonPath(path), message });
  if (typeof input === 'object' && input !== null && typeof (input as { formatVersion?: unknown }).formatVersion === 'number') {
    const version = (input as { formatVersion: number }).formatVersion;
    if (version > CONCEPTS_FORMAT_VERSION) {
      error(['formatVersion'], `formatVersion ${version} is newer than this OnRecord understands (${CONCEPTS_FORMAT_VERSION}); update OnRecord`);
      return { problems };
    }
  }
  const parsed = v.safeParse(ConceptSet, input);
  if (!parsed.success) {
    for (const issue of parsed.issues) error(issue.path?.map((p) => p.key as string | number) ?? [], issue.message);
    return { problems };
  }
  const set = parsed.output;
  const ids = new Map<string, number>();
  set.concepts.forEach((c, i) => {
    if (ids.has(c.id)) error(['concepts', i, 'id'], `duplicate concept id "${c.id}" (first at concepts[${ids.get(c.id)}])`);
    else ids.set(c.id, i);
  });
  set.concepts.forEach((c, i) => {
    for (const rel of ['opposite', 'broader', 'allOf'] as const) {
      (c[rel] ?? []).forEach((ref, j) => {
        if (!ids.has(ref)) error(['concepts', i, rel, j], `unknown concept "${ref}"`);
        else if (ref === c.id) error(['concepts', i, rel, j], `a concept cannot be its own ${rel === 'broader' ? 'broader concept' : rel}`);
      });
    }
    if (c.polarity !== undefined && c.kind !== 'stance') error(['concepts', i, 'polarity'], 'only a stance has a polarity');
    // A label in a Cyrillic language is in its own script and alphabet (catches a swapped or untranslated column).
    for (const [lang, own, foreign] of [['uk', /[а-щьюяєіїґ]/iu, /[ыэёъ]/iu], ['ru', /[а-яё]/iu, /[єіїґ]/iu]] as const) {
      const label = c.labels?.[lang];
      if (label === undefined) continue;
      if (!own.test(label)) error(['concepts', i, 'labels', lang], `the ${lang} label "${label}" has no ${lang === 'uk' ? 'Ukrainian' : 'Russian'} letters`);
      else if (foreign.test(label)) error(['concepts', i, 'labels', lang], `the ${lang} label "${label}" has letters that ${lang === 'uk' ? 'Ukrainian' : 'Russian'} does not use`);
    }
    for (const lang of CONCEPT_LANGUAGES) {
      const seen = new Set<string>();
      c.words[lang].forEach((w, j) => {
        const f = foldString(w);
        if (seen.has(f)) error(['concepts', i, 'words', lang, j], `"${w}" is given twice`);
        seen.add(f);
      });
    }
  });
  // Broader chains must not loop: a loop would make every concept in it count as all the others.
  const byId = new Map(set.concepts.map((c) => [c.id, c]));
  set.concepts.forEach((c, i) => {
    const stack = [...(c.broader ?? [])];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === c.id) {
        error(['concepts', i, 'broader'], `"${c.id}" is its own broader concept through a chain`);
        break;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(byId.get(id)?.broader ?? []));
    }
  });
  return problems.length > 0 ? { problems } : { concepts: set, problems };
}
