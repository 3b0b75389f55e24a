/**
 * Saying so, not what is said (note 7, "noticed and left"): "repeatedly" / "неоднократно" / "неодноразово" /
 * "wiederholt" is how often, not a confirmation, so "repeatedly denied" denies; and "X declared the offer void" is an
 * act of revoking reported by the speaker, not X's words relayed. In en, ru, uk and de, with the negative probes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../concepts/index.ts';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher } from '../match/index.ts';
import { createClaimChecker } from './check-claim.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const lexicon = createConceptLexicon(BUNDLED_CONCEPTS);
const checker = createClaimChecker(corpus, compileMatcher(corpus.entities), lexicon);
const admission = (text: string, lang: string) => lexicon.find(text, lang).filter((h) => h.axis === 'admission').map((h) => h.sign);

describe('"repeatedly" is how often, not a confirmation', () => {
  it.each([
    ['Peskov repeatedly denied it.', 'en'],
    ['Песков неоднократно отрицал это.', 'ru'],
    ['Пєсков неодноразово заперечив це.', 'uk'],
    ['Peskow bestritt wiederholt, dass es Gespräche gab.', 'de'],
  ])('%s denies', (text, lang) => expect(admission(text, lang)).toEqual([-1]));

  it.each([
    ['Moscow has repeatedly said it is ready to talk.', 'en'],
    ['Москва неоднократно заявляла о готовности к диалогу.', 'ru'],
    ['Москва неодноразово заявляла про готовність до діалогу.', 'uk'],
    ['Moskau hat wiederholt erklärt, es sei zu Gesprächen bereit.', 'de'],
  ])('%s takes no stance on confirming', (text, lang) => expect(admission(text, lang)).toEqual([]));

  it('still reads a confirmation as one', () => {
    expect(admission('Russia has repeatedly confirmed the possibility of a meeting.', 'en')).toEqual([1]);
    expect(admission('Россия неоднократно подтверждала возможность встречи.', 'ru')).toEqual([1]);
  });
});

describe('"declared … void" inside a claim is a revocation the speaker reports, not words relayed', () => {
  it.each([
    'Lavrov said Putin declared his offer of negotiations with Ukraine void.',
    'Lawrow sagte, Putin erklärte sein Angebot von Verhandlungen mit der Ukraine für hinfällig.',
    'Лавров заявил, что Путин объявил своё предложение о переговорах с Украиной недействительным.',
    'Лавров заявив, що Путін оголосив свою пропозицію про переговори з Україною недійсною.',
  ])('%s: Lavrov’s, contradicting his confirmation of the offer', (text) => {
    const r = checker.check(text);
    expect(r.attribution?.speakerId).toBe('sergey-lavrov');
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.polarity?.conceptId).toBe('proposal');
  });

  it('a declaration with no "void" in its clause is still relayed', () => {
    expect(checker.check('Lavrov said Putin declared Russia ready for talks, and the old plan void.').attribution?.speakerId).toBe('vladimir-putin');
  });
});
