/**
 * Session 11 (issue 11): probe claims written for each class before its fix, in en, ru, uk and de, with near misses.
 * None is a claim of the evaluation set. An expectation is a verdict, "a|b" (either), or "!v" (anything but v); "!a|!b"
 * means neither a nor b.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../concepts/index.ts';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher } from '../match/index.ts';
import { createClaimChecker } from './check-claim.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const checker = createClaimChecker(corpus, compileMatcher(corpus.entities), createConceptLexicon(BUNDLED_CONCEPTS));

function expectVerdict(claim: string, expected: string): void {
  const got = checker.check(claim).suggestion.verdict;
  const options = expected.split('|');
  const negative = options.every((o) => o.startsWith('!'));
  if (negative) for (const o of options) expect(got, claim).not.toBe(o.slice(1));
  else expect(options, `${claim} → ${got}`).toContain(got);
}

describe("Blame and accusation: the blamed actor holds the blame and did what it is blamed for (\"Peskov blamed Kyiv for the failure of the talks\" was misattributed)", () => {
  it.each([
    ["consistent", "Peskov blamed Kyiv for the failure of the talks."],
    ["consistent", "Peskov accused Kyiv of wrecking the peace talks in spring 2022."],
    ["consistent", "Peskov blamed Ukraine for the collapse of the negotiations."],
    ["consistent", "Dmitry Peskov accused Ukraine of walking away from the negotiating table."],
    ["!misattributed", "Peskov blamed London for the breakdown of the talks."],
    ["consistent", "Zelensky blamed Russia for the deaths of thousands of Ukrainians."],
    ["!misattributed", "Zelensky blamed Russia for the failure of the talks."],
    ["!consistent|!misattributed", "Peskov blamed Russia for the failure of the talks."],
    ["!consistent", "Podolyak blamed Kyiv for the failure of the talks."],
    ["consistent", "Песков обвинил Киев в срыве переговоров."],
    ["consistent", "Песков возложил на Киев вину за провал переговоров."],
    ["consistent", "Дмитрий Песков обвинил Украину в том, что переговоры весной 2022 года сорвались."],
    ["consistent", "Пресс-секретарь Кремля обвинил Киев в выходе из переговоров."],
    ["consistent", "Зеленский обвинил Россию в гибели тысяч украинцев."],
    ["!consistent", "Песков обвинил Москву в срыве переговоров."],
    ["consistent", "Пєсков звинуватив Київ у зриві переговорів."],
    ["consistent", "Пєсков поклав на Київ провину за провал переговорів."],
    ["consistent", "Речник Кремля звинуватив Україну в тому, що переговори навесні 2022 року зірвалися."],
    ["consistent", "Дмитро Пєсков звинуватив Київ у виході з переговорів."],
    ["consistent", "Зеленський звинуватив Росію в загибелі тисяч українців."],
    ["!consistent", "Пєсков звинуватив Росію у зриві переговорів."],
    ["consistent", "Peskow machte Kiew für das Scheitern der Gespräche verantwortlich."],
    ["consistent", "Peskow warf Kiew vor, die Verhandlungen platzen lassen zu haben."],
    ["consistent", "Kremlsprecher Peskow gab der Ukraine die Schuld am Scheitern der Friedensgespräche."],
    ["consistent", "Peskow beschuldigte Kiew, die Gespräche im Frühjahr 2022 abgebrochen zu haben."],
    ["consistent", "Selenskyj machte Russland für den Tod Tausender Ukrainer verantwortlich."],
    ["!consistent", "Peskow machte Moskau für das Scheitern der Gespräche verantwortlich."],
  ])('%s: %s', (expected, claim) => {
    expectVerdict(claim, expected);
  });
});

describe('Blame: the evidence names who is blamed', () => {
  it('"Peskov blamed Kyiv for the failure of the talks" rests on his own "it was Kiev that withdrew from the talks"', () => {
    const r = checker.check('Peskov blamed Kyiv for the failure of the talks.');
    expect(r.attribution?.speakerId).toBe('dmitry-peskov');
    expect(r.suggestion.verdict).toBe('consistent');
    expect(r.suggestion.evidence.positionIds).toContain('p-003-02');
  });
  it('"Peskov blamed Russia …" is his own account with the sides swapped (roles reversed), never misattributed', () => {
    const r = checker.check('Peskov blamed Russia for the failure of the talks.');
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.reason).toBe('roles-reversed');
  });
});
