import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../concepts/index.ts';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher } from '../match/index.ts';
import { createClaimChecker } from './check-claim.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const lexicon = createConceptLexicon(BUNDLED_CONCEPTS);
const checker = createClaimChecker(corpus, compileMatcher(corpus.entities), lexicon);

describe('checking a claim', () => {
  it('takes the speaker from "…, Kremlin spokesman Dmitry Peskov said, according to TASS": TASS is the source, never the speaker', () => {
    const r = checker.check('“We are still ready for negotiations,” Kremlin spokesman Dmitry Peskov said, according to TASS.');
    expect(r.attribution?.speakerId).toBe('dmitry-peskov');
    expect(r.attribution?.sourceId).toBe('tass');
    expect(r.attribution?.content).toBe('We are still ready for negotiations');
    expect(r.suggestion.verdict).toBe('consistent');
    expect(r.results[0]!.position.actor.id).toBe('dmitry-peskov');
  });

  it('finds Peskov’s own words first and calls the claim consistent even though Putin said it too', () => {
    const r = checker.check('Kremlin spokesman Dmitry Peskov said on Tuesday that Russia is still ready for negotiations with Ukraine.');
    expect(r.attribution?.speakerId).toBe('dmitry-peskov');
    expect(r.suggestion.verdict).toBe('consistent');
    expect(r.suggestion.evidence.positionIds[0]).toBe('p-003-10');
    expect(r.results[0]!.positionId).toBe('p-003-10');
    expect(r.results[0]!.reasons.some((x) => x.kind === 'speaker')).toBe(true);
    const scores = r.results.map((x) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('says "not in the record" for a claim that shares only a place name', () => {
    const r = checker.check('The weather in Kyiv was sunny on Tuesday.');
    expect(r.suggestion.verdict).toBe('not-in-record');
    expect(r.results).toEqual([]);
    expect(r.empty).toBe('no-match');
  });

  it('reaches English positions from a Russian claim through concepts', () => {
    const r = checker.check('Песков заявил, что Россия по-прежнему готова к переговорам.');
    expect(r.attribution?.speakerId).toBe('dmitry-peskov');
    expect(r.concepts.map((c) => c.id)).toContain('readiness-to-negotiate');
    expect(r.results.slice(0, 3).map((x) => x.positionId)).toContain('p-003-10');
    expect(r.suggestion.verdict).toBe('consistent');
  });

  it('reaches them from German and Ukrainian too', () => {
    const de = checker.check('Selenskyj sagte, Verhandlungen mit Russland seien unmöglich, solange Putin an der Macht ist.');
    expect(de.attribution?.speakerId).toBe('volodymyr-zelensky');
    expect(de.results[0]!.positionId).toBe('p-000-12');
    const uk = checker.check('Подоляк заявив, що переговори зараз безглузді, бо Росія не збирається залишати окуповані території.');
    expect(uk.results.slice(0, 3).map((x) => x.positionId)).toEqual(expect.arrayContaining(['p-001-04']));
  });

  it('suggests "contradicts" when the speaker is on record with the opposite polarity, and shows on which concept', () => {
    const r = checker.check('Peskov said Russia will never negotiate with Kyiv.');
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.polarity).not.toBeNull();
    expect(r.suggestion.evidence.polarity!.claim).toBe(-1);
    expect(r.suggestion.evidence.polarity!.record).toBe(1);
    expect(r.suggestion.evidence.positionIds.every((id) => corpus.positions.find((p) => p.id === id)!.actor === 'dmitry-peskov')).toBe(true);
  });

  it('reads a denial by its clause: denying that the offers show weakness agrees with the record, saying so contradicts it', () => {
    const denied = checker.check('Peskov denied that Russia’s offers of talks were a sign of weakness.');
    expect(denied.attribution?.speakerId).toBe('dmitry-peskov');
    expect(denied.suggestion.verdict).toBe('consistent');
    const said = checker.check('Peskov said Russia’s offers of talks were a sign of weakness.');
    expect(said.suggestion.verdict).toBe('contradicts');
    expect(said.suggestion.evidence.polarity?.conceptId).toBe('strength');
  });

  it('reads a short German content in the claim’s language, and never calls the opposite position “the same words”', () => {
    const r = checker.check('Russlands Außenminister Lawrow bestätigte das Verhandlungsangebot Putins an Kiew.');
    expect(r.concepts.map((c) => c.id)).toContain('readiness-to-negotiate');
    // Zelensky rejected talks with Putin: about the same thing, said the other way round, so no misattribution.
    expect(r.suggestion.verdict).not.toBe('misattributed');
  });

  it('a condition added where the speaker is on record "without preconditions" contradicts, though their government set one', () => {
    // Vershinin: talks "without preconditions"; the Russian government: ready "as long as" the situation on the ground counts.
    const r = checker.check('Vershinin said Moscow will negotiate with Kyiv only if Ukraine first accepts Russia’s conditions.');
    expect(r.attribution?.speakerId).toBe('sergei-vershinin');
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.polarity?.conceptId).toBe('preconditions');
    expect(r.suggestion.evidence.positionIds.every((id) => corpus.positions.find((p) => p.id === id)!.actor === 'sergei-vershinin')).toBe(true);
  });

  it('a claim stating its own condition, even with "provided", does not drop the record’s', () => {
    const r = checker.check('Moscow said it is ready to talk with Kyiv provided the situation on the ground is taken into account.');
    expect(r.suggestion.verdict).toBe('consistent');
    const dropped = checker.check('Moscow said it is ready to talk with Kyiv.');
    expect(dropped.suggestion.evidence.positionIds).not.toEqual([]);
  });

  it('an ally on the same side does not speak for that side’s government: Moscow’s demand put in Lukashenko’s mouth is misattributed', () => {
    const text = 'Ukraine has to accept Crimea as Russian and recognise the separatist regions of Donetsk and Luhansk as independent.';
    const ally = checker.check(`Lukashenko said ${text}`);
    expect(ally.attribution?.speakerId).toBe('alexander-lukashenko');
    expect(ally.suggestion.verdict).toBe('misattributed');
    expect(ally.suggestion.evidence.otherActorId).toBe('russian-government');
    expect(checker.check(`Moscow said ${text}`).suggestion.verdict).toBe('consistent');
  });

  it('finds a speaker named by surname alone before a speech cue, in English and Russian, and only with one', () => {
    const en = checker.check('Bennett said Ukraine had walked away from the spring 2022 negotiations.');
    expect(en.attribution?.speakerId).toBe('naftali-bennett');
    const ru = checker.check('Полищук заявил, что посредников хватает.');
    expect(ru.attribution?.speakerId).toBe('alexei-polishchuk');
    // Not a speaker without a cue.
    expect(checker.check('Bennett and the spring 2022 negotiations.').attribution).toBeNull();
  });

  it('suggests "misattributed" when another actor said it and the named speaker has nothing close', () => {
    const r = checker.check('Boris Johnson said Moscow had offered peace if Ukraine stayed neutral and dropped its NATO bid.');
    expect(r.attribution?.speakerId).toBe('boris-johnson');
    expect(r.suggestion.verdict).toBe('misattributed');
    expect(r.suggestion.evidence.otherActorId).toBe('david-arakhamia');
  });

  it('shows the other side apart: Ukrainian positions are not in the Russian speaker’s list', () => {
    const r = checker.check('Peskov said Russia is still ready for negotiations with Kyiv');
    expect(r.sideId).toBe('russia');
    const sides = (list: typeof r.results) => list.map((x) => x.position.actor.side?.id);
    expect(sides(r.results)).not.toContain('ukraine');
    expect(r.otherSide.length).toBeGreaterThan(0);
    expect(sides(r.otherSide).every((s) => s === 'ukraine' || s === 'west')).toBe(true);
  });

  it('reports empty input and input without words', () => {
    expect(checker.check('   ').empty).toBe('empty');
    expect(checker.check('… — !!').empty).toBe('no-words');
  });
});

describe('"misattributed" only on a clear attribution', () => {
  it('a claim with no speech cue says what its subject did: not misattributed, even when another actor said the words', () => {
    const c = checker.check('Mykhailo Podolyak reached out for peace, as only strong people can.');
    expect(c.attribution?.cue).toBe('subject');
    expect(c.suggestion.verdict).toBe('not-in-record');
    expect(c.suggestion.evidence.reason).toBe('speaker-unrelated');
  });
  it('the same words with a speech cue are misattributed to him', () => {
    const c = checker.check('Mykhailo Podolyak insists only strong people are able to offer their hand for peace.');
    expect(c.suggestion.verdict).toBe('misattributed');
    expect(c.suggestion.evidence.otherActorId).toBe('dmitry-peskov');
  });
  it('takes relayed speech as the inner speaker’s, reported by the outer one, in each language; an act is not relayed speech', () => {
    for (const claim of ['Арахамія розповів, що Борис Джонсон порадив українцям підписати угоду з Росією.', 'Arachamija sagte, Boris Johnson habe den Ukrainern geraten, den Vertrag mit Russland zu unterschreiben.']) {
      const r = checker.check(claim);
      expect(r.attribution?.speakerId, claim).toBe('boris-johnson');
      expect(r.attribution?.sourceId, claim).toBe('david-arakhamia');
      expect(r.suggestion.verdict, claim).toBe('contradicts');
      expect(r.suggestion.evidence.positionIds, claim).toContain('p-003-14');
    }
    const act = checker.check('Lavrov confirmed that Putin had offered Ukraine negotiations.');
    expect(act.attribution?.speakerId).toBe('sergey-lavrov');
    expect(act.suggestion.verdict).toBe('consistent');
  });

  it('reads a requirement inside a condition as a precondition, and "even if" as dropping it', () => {
    const same = checker.check('Nikolenko said whoever wants to negotiate must not shell residential areas.');
    expect(same.suggestion.verdict).toBe('consistent');
    const dropped = checker.check('Nikolenko said Ukraine would negotiate even if Russia keeps shelling residential areas.');
    expect(dropped.suggestion.verdict).toBe('contradicts');
    expect(dropped.suggestion.evidence.polarity?.conceptId).toBe('preconditions');
  });

  it('never calls a claim misattributed when its speaker is on record on the same topic: that is theirs to contradict', () => {
    const r = checker.check('Boris Johnson said Ukraine should sign a deal with Russia.');
    expect(r.attribution?.speakerId).toBe('boris-johnson');
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.positionIds).toContain('p-003-14');
  });
  it('judges both parts of "…, Peskov said, adding that …" as the speaker’s words', () => {
    const r = checker.check('Russia would rather get what it wants by political and diplomatic means, Peskov said, adding that the goals come first.');
    expect(r.attribution?.speakerId).toBe('dmitry-peskov');
    expect(r.suggestion.verdict).toBe('consistent');
    expect(r.suggestion.evidence.positionIds).toContain('p-003-09');
    for (const claim of ['Russia would rather get what it wants by military force, Peskov said, adding that the goals come first.', 'Росія воліла б досягти своїх цілей військовою силою, заявив Пєсков, додавши, що цілі понад усе.']) {
      expect(checker.check(claim).suggestion.verdict, claim).toBe('contradicts');
    }
  });
});

describe('two-part claims and acts under a denial (probe sentences, not from the claims set)', () => {
  const cases = [
    { lang: 'en', text: 'Moscow would rather use diplomacy, Peskov said, adding that Russia remains open to negotiations.', lead: 'Moscow would rather use diplomacy', second: 'Russia remains open to negotiations' },
    { lang: 'ru', text: 'Москва предпочла бы дипломатию, заявил Песков, добавив, что Россия по-прежнему открыта для переговоров.', lead: 'Москва предпочла бы дипломатию', second: 'Россия по-прежнему открыта для переговоров' },
    { lang: 'uk', text: 'Москва віддала б перевагу дипломатії, заявив Пєсков, додавши, що Росія і далі відкрита до переговорів.', lead: 'Москва віддала б перевагу дипломатії', second: 'Росія і далі відкрита до переговорів' },
    { lang: 'de', text: 'Moskau ziehe die Diplomatie vor, sagte Peskow und fügte hinzu, Russland sei weiterhin zu Verhandlungen bereit.', lead: 'Moskau ziehe die Diplomatie vor', second: 'Russland sei weiterhin zu Verhandlungen bereit' },
  ];
  for (const c of cases) {
    it(`shows both parts of "…, Peskov said, adding that …" as the claimed words (${c.lang})`, () => {
      const r = checker.check(c.text);
      expect(r.attribution?.speakerId).toBe('dmitry-peskov');
      expect(r.attribution?.content).toBe(`${c.lead} … ${c.second}`);
      expect(r.attribution?.parts?.map((p) => c.text.slice(p.start, p.end))).toEqual([c.lead, c.second]);
      expect(r.attribution?.contentStart).toBe(c.text.indexOf(c.lead));
      expect(r.attribution?.contentEnd).toBe(c.text.indexOf(c.second) + c.second.length);
      expect(r.suggestion.verdict).toBe('consistent');
    });
  }

  it('keeps the speaker of "…, Peskov said, adding that Putin …": Putin is talked about, not speaking', () => {
    const r = checker.check('Moscow has no interest in diplomacy, Peskov said, adding that Putin sees no reason for talks.');
    expect(r.attribution?.speakerId).toBe('dmitry-peskov');
    expect(r.attribution?.content).toBe('Moscow has no interest in diplomacy … Putin sees no reason for talks');
    expect(r.suggestion.verdict).toBe('contradicts');
  });

  it('a one-part claim has no parts and its content is the words as written', () => {
    const r = checker.check('Peskov said Russia is still ready for negotiations.');
    expect(r.attribution?.parts).toBeUndefined();
    expect(r.attribution?.content).toBe('Russia is still ready for negotiations');
  });

  const denials = [
    ['en', 'Lavrov denied that Putin had offered talks to Ukraine.'],
    ['en', 'Lavrov denied Putin offered talks.'],
    ['ru', 'Лавров опроверг, что Путин предлагал Украине переговоры.'],
    ['uk', 'Лавров заперечив, що Путін пропонував Україні переговори.'],
    ['de', 'Lawrow bestritt, dass Putin der Ukraine Verhandlungen angeboten habe.'],
  ] as const;
  for (const [lang, text] of denials) {
    it(`an act denied as what happened is negated: "${text}" contradicts Lavrov's confirmation (${lang})`, () => {
      const r = checker.check(text);
      expect(r.attribution?.speakerId).toBe('sergey-lavrov');
      expect(r.suggestion.verdict).toBe('contradicts');
      expect(r.suggestion.evidence.positionIds).toContain('p-002-05');
      expect(r.suggestion.evidence.polarity).toEqual({ conceptId: 'proposal', claim: -1, record: 1 });
    });
  }

  it('an act that is the subject of a denied clause stands; confirming an act agrees with it', () => {
    expect(checker.check("Peskov rejected the idea that Moscow's offers of talks showed weakness.").suggestion.verdict).toBe('consistent');
    expect(checker.check('Lavrov confirmed that Putin had offered talks to Ukraine.').suggestion.verdict).toBe('consistent');
    expect(checker.check('Lavrov denied that Putin had refused talks.').suggestion.verdict).toBe('consistent');
  });
});

describe('contradictions without an inserted negation (probe sentences, not from the claims set)', () => {
  const expectVerdict = (text: string, verdict: string, positionId: string) => {
    const r = checker.check(text);
    expect(r.suggestion.verdict, text).toBe(verdict);
    expect(r.suggestion.evidence.positionIds, text).toContain(positionId);
  };

  it('judges a cue verb that takes a stance with its object: "ruled out a diplomatic settlement" (en, ru, uk, de)', () => {
    expectVerdict('Peskov ruled out a diplomatic settlement with Kyiv.', 'contradicts', 'p-003-01');
    expectVerdict('Песков исключил дипломатическое урегулирование конфликта с Киевом.', 'contradicts', 'p-003-01');
    expectVerdict('Пєсков виключив дипломатичне врегулювання конфлікту з Києвом.', 'contradicts', 'p-003-01');
    expectVerdict('Peskow lehnte eine diplomatische Lösung des Konflikts mit Kiew ab.', 'contradicts', 'p-003-01');
    // A neutral speech verb adds nothing: the words alone are judged.
    expect(checker.check('Peskov said Moscow wants a diplomatic settlement with Kyiv.').suggestion.verdict).toBe('consistent');
  });

  it('reads "A, rather than B" and "A, not B" with the comma before the marker, against what the record names in words (en, ru, uk, de)', () => {
    expectVerdict("Nikolenko said the answer to Russia's crimes lies in talks, rather than on the battlefield.", 'contradicts', 'p-002-11');
    expectVerdict('Николенко заявил, что ответом на преступления России должны стать переговоры, а не поле боя.', 'contradicts', 'p-002-11');
    expectVerdict('Ніколенко заявив, що відповіддю на злочини Росії мають стати переговори, а не поле бою.', 'contradicts', 'p-002-11');
    expectVerdict('Nikolenko sagte, die Antwort auf Russlands Verbrechen müssten Verhandlungen sein, nicht das Schlachtfeld.', 'contradicts', 'p-002-11');
    expectVerdict("Nikolenko said the answer to Russia's crimes lies on the battlefield, not in talks.", 'consistent', 'p-002-11');
  });

  it('lets the position that takes a stance on most of the claim’s axes decide: confirming a meeting’s possibility (en, ru, uk, de)', () => {
    for (const text of [
      'Zelensky said Russia had confirmed the possibility of a meeting many times.',
      'Зеленский сказал, что Россия многократно подтверждала возможность встречи.',
      'Зеленський сказав, що Росія багато разів підтверджувала можливість зустрічі.',
      'Selenskyj sagte, Russland habe die Möglichkeit eines Treffens mehrfach bestätigt.',
    ]) {
      const r = checker.check(text);
      expect(r.suggestion.verdict, text).toBe('contradicts');
      expect(r.suggestion.evidence.positionIds[0], text).toBe('p-004-12');
    }
  });

  it('a denied refusal agrees with "never rejected a settlement" (en, ru, uk, de)', () => {
    for (const text of [
      'Peskov denied that Moscow had ever refused a peaceful settlement.',
      'Песков отрицал, что Москва когда-либо отказывалась от мирного урегулирования.',
      'Пєсков заперечив, що Москва колись відмовлялася від мирного врегулювання.',
      'Peskow bestritt, dass Moskau jemals eine friedliche Lösung abgelehnt habe.',
    ]) {
      expect(checker.check(text).suggestion.verdict, text).toBe('consistent');
    }
  });
});

describe('who speaks, and negation that belongs to claiming (probe sentences, not from the claims set)', () => {
  it('finds a surname in another case after "по словам" / "за словами" (ru, uk)', () => {
    for (const text of ['По словам Полищука, сейчас многие страны предлагают свое посредничество.', 'За словами Поліщука, зараз багато країн пропонують своє посередництво.']) {
      const r = checker.check(text);
      expect(r.attribution?.speakerId, text).toBe('alexei-polishchuk');
      expect(r.suggestion.verdict, text).toBe('consistent');
    }
  });

  it('takes a person opening the claim as its speaker before a role phrase further on, and "advised" as a cue (en, ru, uk, de)', () => {
    for (const text of [
      'Polishchuk advised Ukrainian officials not to sign anything with the Russians.',
      'Полищук посоветовал украинским чиновникам ничего не подписывать с русскими.',
      'Поліщук порадив українським посадовцям нічого не підписувати з росіянами.',
      'Polischtschuk riet den ukrainischen Beamten, nichts mit den Russen zu unterschreiben.',
    ]) {
      const r = checker.check(text);
      expect(r.attribution?.speakerId, text).toBe('alexei-polishchuk');
      expect(r.suggestion.verdict, text).toBe('misattributed');
      expect(r.suggestion.evidence.otherActorId, text).toBe('boris-johnson');
    }
  });

  it('keeps a negation with a verb of claiming: "cannot claim to want talks" refuses nothing (en, ru, uk, de)', () => {
    for (const [lang, text] of [
      ['en', 'Moscow cannot claim to want talks.'],
      ['ru', 'Москва не может утверждать, что хочет переговоров.'],
      ['uk', 'Москва не може стверджувати, що хоче переговорів.'],
      ['de', 'Moskau kann nicht behaupten, Verhandlungen zu wollen.'],
    ] as const) {
      const hits = lexicon.find(text, lang);
      expect(hits.map((h) => `${h.conceptId}${h.sign < 0 ? '-' : '+'}`), text).toContain('readiness+');
      expect(hits.some((h) => h.conceptId === 'impossibility'), text).toBe(false);
    }
  });

  it('reads "no obstacle to talks" as dropping the recorded condition (en, ru, uk, de)', () => {
    for (const text of [
      'Sources in Kyiv said the war crimes of Russian troops are no obstacle to negotiations.',
      'Источники в Киеве заявили, что военные преступления российских войск не препятствие для переговоров.',
      'Джерела в Києві заявили, що воєнні злочини російських військ не є перешкодою для переговорів.',
      'Quellen in Kiew sagten, die Kriegsverbrechen russischer Truppen seien kein Hindernis für Verhandlungen.',
    ]) {
      const r = checker.check(text);
      expect(r.suggestion.verdict, text).toBe('contradicts');
      expect(r.suggestion.evidence.polarity?.conceptId, text).toBe('preconditions');
    }
  });

  it('reads a negative quantifier as the subject as denying its clause: "no country has come forward to mediate" (en, de)', () => {
    for (const [lang, text] of [
      ['en', 'Polishchuk said hardly any country was willing to act as a mediator between Russia and Ukraine.'],
      ['en', 'Polishchuk said that not a single state is prepared to mediate between Moscow and Kyiv.'],
      ['de', 'Polischtschuk sagte, niemand sei bereit, zwischen Moskau und Kiew zu vermitteln.'],
    ] as const) {
      const r = checker.check(text);
      expect(r.attribution?.speakerId, text).toBe('alexei-polishchuk');
      expect(r.suggestion.verdict, `${lang}: ${text}`).toBe('contradicts');
    }
    // A generic subject only: "no talks" stays a negated topic, and a plain quantity agrees.
    expect(checker.check('Polishchuk said a number of countries are offering to mediate between Moscow and Kyiv.').suggestion.verdict).toBe('consistent');
  });

  it('takes the words before the speaker when the words after the cue only name where it was reported (en, ru, uk, de)', () => {
    for (const [text, start] of [
      ['No country has come forward to mediate between Moscow and Kyiv, Polishchuk complained, according to Interfax.', 'No country has come forward'],
      ['«Ни одна страна не предлагает посредничество», — заявил Полищук, сообщает Интерфакс.', 'Ни одна страна'],
      ['Жодна країна не пропонує посередництва, заявив Поліщук, повідомляє Інтерфакс.', 'Жодна країна'],
      ['Kein einziges Land biete seine Vermittlung an, sagte Polischtschuk, wie Interfax berichtet.', 'Kein einziges Land'],
    ] as const) {
      const r = checker.check(text);
      expect(r.attribution?.speakerId, text).toBe('alexei-polishchuk');
      expect(r.attribution?.content.startsWith(start), `${text} → ${r.attribution?.content}`).toBe(true);
      expect(r.suggestion.verdict, text).toBe('contradicts');
    }
  });

  it('reads a revoked offer or a dropped demand as unmade, not as made again (en, ru, uk, de)', () => {
    for (const text of [
      'Lavrov said Putin had withdrawn his offer of negotiations with Ukraine.',
      'Lavrov said Putin’s offer of negotiations with Ukraine was no longer valid.',
      'Лавров заявил, что предложение Путина о переговорах с Украиной отозвано.',
      'Лавров заявив, що пропозиція Путіна про переговори з Україною більше не діє.',
      'Lawrow sagte, Putins Angebot von Verhandlungen mit der Ukraine sei zurückgezogen worden.',
      'Lawrow erklärte Putins Angebot von Gesprächen mit der Ukraine für hinfällig.',
    ]) {
      const r = checker.check(text);
      expect(r.attribution?.speakerId, text).toBe('sergey-lavrov');
      expect(r.suggestion.verdict, text).toBe('contradicts');
      expect(r.suggestion.evidence.polarity?.conceptId, text).toBe('proposal');
    }
    for (const text of ['Moskau hat auf die Forderung verzichtet, die Krim als russisches Gebiet anzuerkennen.', 'Moscow has dropped its demand that Ukraine accept Crimea as Russian territory.']) {
      expect(checker.check(text).suggestion.verdict, text).toBe('contradicts');
    }
    // Giving up something else beside an offer leaves the offer made; confirming it agrees.
    expect(checker.check('According to Arakhamia, Russia was in effect offering peace if Ukraine stayed neutral and gave up on NATO.').suggestion.verdict).toBe('consistent');
    expect(checker.check('Лавров подтвердил предложение Путина о переговорах с Украиной.').suggestion.verdict).toBe('consistent');
  });

  it('contradicts a claim that names another year or figure of what was said, not another date of saying it (en, ru, uk, de)', () => {
    for (const text of [
      'Zelensky demanded that Russian troops leave all Ukrainian land within the borders of 2014 before any negotiations.',
      'Зеленский потребовал вывести российские войска лишь на рубежи 24 февраля 2022 года до начала переговоров.',
      'Зеленський вимагав вивести російські війська з усіх територій у межах кордонів 2014 року до будь-яких переговорів.',
      'Selenskyj forderte den Abzug aller russischen Truppen aus allen Gebieten innerhalb der Grenzen von 2014 vor jeglichen Gesprächen.',
    ]) {
      const r = checker.check(text);
      expect(r.suggestion.verdict, text).toBe('contradicts');
      expect(r.suggestion.evidence.reason, text).toBe('details-differ');
      expect(r.suggestion.evidence.details?.record, text).toBe('1991');
    }
    const figure = checker.check('Nikolenko said anyone who wants to negotiate should not mobilise 500,000 reservists for the fight.');
    expect(figure.suggestion.verdict).toBe('contradicts');
    expect(figure.suggestion.evidence.details).toEqual({ kind: 'number', claim: '500000', record: '300000' });
    // The same year, or a year given as when it was said within the position's own dates, agrees.
    for (const text of [
      'Zelensky demanded that Russian troops leave all territory within Ukraine’s 1991 borders before talks.',
      'In November 2022, Zelensky demanded that all Russian troops leave Ukraine’s territory within its 1991 borders before any talks.',
      'Арахамия признал, что войну можно было закончить весной 2022 года.',
    ]) {
      expect(checker.check(text).suggestion.verdict, text).toBe('consistent');
    }
  });

  it('knows the usual news words for a refusal and for a stance held whatever happens (en, ru, uk, de)', () => {
    for (const text of [
      'Kremlin spokesman Peskov said Moscow had closed the door to any dialogue with Kyiv.',
      'Песков заявил, что Москва наотрез отвергает переговоры с Киевом.',
      'Пєсков заявив, що Москва зачинила двері для переговорів з Києвом.',
      'Selenskyj sagte, er halte nichts von einer Vermittlung durch Bennett.',
      'Nikolenko said Kyiv was ready for negotiations with Moscow even while Russia kept shelling the energy grid.',
    ]) {
      expect(checker.check(text).suggestion.verdict, text).toBe('contradicts');
    }
  });

  it('reads a negated pole as its opposite, with what the opposite implies: no sense in talks refuses them (ru, uk, en)', () => {
    for (const text of [
      'Песков заявил, что Кремль не видит смысла в переговорах с Киевом.',
      'Пєсков заявив, що Кремль не бачить сенсу в переговорах з Києвом.',
      'Peskov said the Kremlin sees no point in talking to Kyiv.',
    ]) {
      expect(checker.check(text).suggestion.verdict, text).toBe('contradicts');
    }
    // A refusal negated right before it keeps its negation: "never rejected the possibility" leaves the possibility.
    expect(checker.check('Песков заявил, что Россия никогда не отвергала возможность переговорного урегулирования.').suggestion.verdict).toBe('consistent');
  });

  it('knows the inflected and everyday forms of needing, refusing and failing talks (ru, uk, en, de)', () => {
    for (const text of [
      'Полищук заявил, что Москва не нуждается в посредниках.',
      'Поліщук сказав, що Москва не потребує послуг посередників.',
      'Зеленський заявив, що негативно ставиться до посередництва Беннета.',
      'Putin said the negotiators reported that the talks were going nowhere.',
    ]) {
      expect(checker.check(text).suggestion.verdict, text).toBe('contradicts');
    }
  });

  it('finds a condition marker split by the words it restricts, and a modal negated after it (en, ru, uk, de)', () => {
    const marked = (text: string, lang: string) => lexicon.find(text, lang).some((h) => h.conceptId === 'condition-marker');
    expect(marked('Russia would agree to talks only after Kyiv accepted the new realities.', 'en')).toBe(true);
    expect(marked('Россия согласится на переговоры лишь тогда, когда Киев признает новые реалии.', 'ru')).toBe(true);
    expect(marked('Росія погодиться на переговори лише тоді, коли Київ визнає нові реалії.', 'uk')).toBe(true);
    expect(marked('Russland werde nur dann verhandeln, wenn Kiew die neuen Realitäten anerkenne.', 'de')).toBe(true);
    // "The only …" with an "if" further on is no condition; nor are words across a sentence end.
    expect(marked('The only realistic proposal is the end of the war. If it comes, we will see.', 'en')).toBe(false);
    // Vershinin is on record for talks "without preconditions": talks only once Kyiv meets Russia's demands is the opposite.
    const split = 'Werschinin sagte, Russland werde nur dann verhandeln, wenn Kiew die russischen Forderungen annehme.';
    expect(checker.check(split).suggestion.verdict, split).toBe('contradicts');
    const modal = (text: string, lang: string) => lexicon.find(text, lang).find((h) => h.axis === lexicon.info.get('possibility')!.axis)?.sign;
    expect(modal('The war could never have ended in spring 2022.', 'en')).toBe(-1);
    expect(modal('Der Krieg könne nicht im Frühjahr 2022 enden.', 'de')).toBe(-1);
    expect(modal('The war could have ended in spring 2022.', 'en')).toBe(1);
    expect(checker.check('Arakhamia said the war could never have been ended in spring 2022.').suggestion.verdict).toBe('contradicts');
  });

  it('knows unwillingness and derailing in their everyday forms (en, ru, uk, de)', () => {
    for (const text of [
      'Putin said Russia was unwilling to negotiate with Ukraine.',
      'Путін заявив, що Росія не має наміру вести переговори з Україною.',
      'Putin sagte, Russland denke nicht daran, mit der Ukraine zu verhandeln.',
      'Пєсков заявив, що Київ не зривав переговорів навесні 2022 року.',
    ]) {
      expect(checker.check(text).suggestion.verdict, text).toBe('contradicts');
    }
    expect(checker.check('Putin said Russia was ready to negotiate with Ukraine.').suggestion.verdict).toBe('consistent');
  });
});
