/**
 * Review 10A (RA21, RA26, RA23, RA27, RA19), promoted from the reviewer's probes, with new sentences of our own in the
 * other languages. Each asserts what the suggestion must not be (or must be) for a class, not a tuned score.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../concepts/index.ts';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher } from '../match/index.ts';
import { createClaimChecker } from './check-claim.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const checker = createClaimChecker(corpus, compileMatcher(corpus.entities), createConceptLexicon(BUNDLED_CONCEPTS));
const verdict = (claim: string) => checker.check(claim).suggestion.verdict;

// RA21: the holder of the responsibility in the claim (Kyiv) is the other side of the record's holder (Russia, in
// Zelensky's "their responsibility entirely"): a different claim, never the same words said by someone else.
describe('RA21: a stance held by the other side is not the claim misattributed', () => {
  it.each([
    'Peskov said Kyiv bears full responsibility for the collapse of the talks.',
    'Peskov said Kyiv bears full responsibility for the war.',
    'Песков заявил, что вся ответственность за срыв переговоров лежит на Киеве.',
    'Пєсков заявив, що вся відповідальність за зрив переговорів лежить на Києві.',
    'Peskow sagte, die Verantwortung für das Scheitern der Gespräche liege bei Kiew.',
  ])('%s', (claim) => {
    expect(verdict(claim)).not.toBe('misattributed');
  });

  it('reaches Peskov\'s own "Kiev withdrew from the talks" through "the collapse of the talks"', () => {
    const r = checker.check('Peskov said Kyiv bears full responsibility for the collapse of the talks.');
    expect(r.suggestion.verdict).toBe('consistent');
    expect(r.suggestion.evidence.positionIds).toContain('p-003-02');
  });

  it('control: the same holder said by the wrong speaker stays misattributed', () => {
    const r = checker.check('Peskov said the responsibility lies entirely with Russia.');
    expect(r.suggestion.verdict).toBe('misattributed');
    expect(r.suggestion.evidence.otherActorId).toBe('volodymyr-zelensky');
  });
});

// RA26: an outlet opening the claim ("According to RIA Novosti,") is where it was reported; the collective after it
// ("Moscow") is still the claim's subject and speaker.
describe('RA26: "According to <outlet>, Moscow …" keeps Moscow as the speaker', () => {
  it.each([
    'According to RIA Novosti, Moscow is ready for talks with Kyiv.',
    'As reported by TASS, Moscow is ready for talks with Kyiv.',
    'По данным РИА Новости, Москва готова к переговорам с Киевом.',
    'Как сообщает ТАСС, Москва готова к переговорам с Киевом.',
    'За даними РІА Новини, Москва готова до переговорів з Києвом.',
    'Як повідомляє ТАРС, Москва готова до переговорів з Києвом.',
    'Laut RIA Nowosti ist Moskau zu Gesprächen mit Kiew bereit.',
    'Laut dpa, Moskau ist zu Gesprächen mit Kiew bereit.',
  ])('%s', (claim) => {
    const r = checker.check(claim);
    expect(r.attribution?.speakerId).toBe('russian-government');
    expect(r.suggestion.verdict).toBe('consistent');
  });
});

// RA23: doubt about another actor's readiness ("о готовности России") is no refusal of the speaker's own; doubt about
// a proposal (mediation) still refuses it.
describe('RA23: scepticism about the other side\'s readiness is not one\'s own refusal', () => {
  it.each([
    'Zelensky said he was skeptical that Russia really wanted a meeting.',
    "Zelensky was skeptical about Russia's readiness for a meeting.",
    'Зеленский скептически отозвался о готовности России к встрече.',
    'Зеленський скептично оцінив готовність Росії до зустрічі.',
    'Selenskyj äußerte sich skeptisch, ob Russland wirklich ein Treffen wolle.',
    'Selenskyj äußerte sich skeptisch über die Bereitschaft Russlands zu einem Treffen.',
  ])('%s', (claim) => {
    expect(verdict(claim)).not.toBe('contradicts');
    expect(verdict(claim)).not.toBe('misattributed');
  });

  it('control: scepticism about mediation still contradicts his welcome of it', () => {
    expect(verdict('Зеленский скептически отозвался о посредничестве Израиля.')).toBe('contradicts');
  });
});
