import { describe, expect, it } from 'vitest';
import { BUNDLED_CONCEPTS, CONCEPT_LANGUAGES, createConceptLexicon, validateConcepts } from './index.ts';

const lexicon = createConceptLexicon(BUNDLED_CONCEPTS);
const found = (text: string) => lexicon.find(text).map((h) => `${h.conceptId}${h.sign < 0 ? '-' : '+'}`);

describe('the concept layer', () => {
  it('ships at least 300 valid concepts, each with words in en, ru, uk and de', () => {
    const v = validateConcepts(BUNDLED_CONCEPTS, 'concepts.json');
    expect(v.problems).toEqual([]);
    expect(BUNDLED_CONCEPTS.concepts.length).toBeGreaterThanOrEqual(300);
    for (const c of BUNDLED_CONCEPTS.concepts) for (const lang of CONCEPT_LANGUAGES) expect(c.words[lang].length, `${c.id} ${lang}`).toBeGreaterThan(0);
  });

  it('refuses unknown relations, duplicate ids, polarity outside stances and loops of broader concepts', () => {
    const words = { en: ['a'], ru: ['б'], uk: ['в'], de: ['d'] };
    const bad = {
      formatVersion: 1,
      id: 'x',
      title: 'x',
      version: '1',
      concepts: [
        { id: 'a', label: 'A', broader: ['b'], words },
        { id: 'b', label: 'B', broader: ['a'], polarity: 1, words },
        { id: 'b', label: 'B again', opposite: ['nope'], words },
      ],
    };
    const messages = validateConcepts(bad, 'bad.json').problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('duplicate concept id "b"'),
        expect.stringContaining('unknown concept "nope"'),
        expect.stringContaining('only a stance has a polarity'),
        expect.stringContaining('its own broader concept through a chain'),
      ]),
    );
    expect(validateConcepts({ ...bad, formatVersion: 99 }, 'new.json').problems[0]!.message).toContain('newer');
  });

  it('finds one concept across languages and inflections', () => {
    for (const text of ['a ceasefire', 'ceasefires', 'перемирие', 'перемирия', 'о перемирии', 'перемир’я', 'припинення вогню', 'die Waffenruhe', 'Waffenstillstands']) {
      expect(found(text), text).toContain('ceasefire+');
    }
    for (const text of ['переговоры', 'переговорами', 'переговорів', 'Verhandlungen', 'negotiations', 'negotiated']) expect(found(text).join(' '), text).toMatch(/negotiations|peace-talks/);
  });

  it('puts readiness and refusal on one axis with opposite signs, and a negation flips the sign', () => {
    const axisId = lexicon.info.get('readiness')!.axis;
    expect(lexicon.info.get('refusal')!.axis).toBe(axisId);
    const axis = (text: string) => lexicon.find(text).filter((h) => h.axis === axisId).map((h) => h.sign);
    expect(axis('Russia is ready')).toEqual([1]);
    expect(axis('Russia is not ready')).toEqual([-1]);
    expect(axis('Russia refuses')).toEqual([-1]);
    expect(axis('Russia has never refused')).toEqual([1]);
    expect(axis('Россия не готова')).toEqual([-1]);
    expect(axis('Україна не готова')).toEqual([-1]);
    expect(axis('Russland ist nicht bereit')).toEqual([-1]);
  });

  it('negates a topic only by the word right before it', () => {
    expect(found('без переговоров')).toContain('negotiations-');
    expect(found('kein Waffenstillstand')).toContain('ceasefire-');
    expect(found('Russia did not say the ceasefire')).toContain('ceasefire+');
    expect(found('never rejected a negotiated settlement')).toContain('negotiations+');
  });

  it('German negates a clause-final stance from further back; Russian and Ukrainian also negate after the words', () => {
    const axisId = lexicon.info.get('readiness')!.axis;
    const axis = (text: string, lang: string) => lexicon.find(text, lang).filter((h) => h.axis === axisId).map((h) => h.sign);
    expect(axis('Russland sei nicht mehr zu Verhandlungen bereit', 'de')).toEqual([-1]);
    expect(axis('Russland sei zu Verhandlungen bereit', 'de')).toEqual([1]);
    const progress = (text: string, lang: string) => lexicon.find(text, lang).filter((h) => h.conceptId === 'progress-in-talks').map((h) => h.sign);
    expect(progress('существенного прогресса достичь не удалось', 'ru')).toEqual([-1]);
    expect(progress('существенного прогресса удалось достичь', 'ru')).toEqual([1]);
    expect(progress('прогресу досягти не вдалося', 'uk')).toEqual([-1]);
  });

  it('gives both poles of an opposite pair a polarity (strength as well as weakness)', () => {
    expect(lexicon.info.get('strength')!.polar).toBe(true);
    expect(lexicon.info.get('weakness')!.polar).toBe(true);
    expect(lexicon.info.get('ceasefire')!.polar).toBe(false);
    expect(lexicon.info.get('readiness')!.polar).toBe(true);
  });

  it('negates the clause a denial verb frames, in each language, and drops the verb itself', () => {
    const weakness = (text: string, lang: string) => lexicon.find(text, lang).filter((h) => h.axis === lexicon.info.get('weakness')!.axis).map((h) => h.sign);
    const strong = lexicon.info.get('strength')!.pole;
    expect(weakness('Peskov rejected the idea that the offers were a sign of weakness', 'en')).toEqual([strong]);
    expect(weakness('Peskov said the offers were a sign of weakness', 'en')).toEqual([-strong]);
    expect(weakness('Песков отверг предположения, что предложения — признак слабости', 'ru')).toEqual([strong]);
    expect(weakness('Пєсков заперечив, що пропозиції є ознакою слабкості', 'uk')).toEqual([strong]);
    expect(weakness('Peskow bestritt, dass die Angebote ein Zeichen der Schwäche seien', 'de')).toEqual([strong]);
    // The frame is no refusal of anything; a denial stops at the end of its clause.
    expect(lexicon.find('Peskov rejected the idea that talks had stalled', 'en').map((h) => h.conceptId)).not.toContain('refusal');
    expect(lexicon.find('Peskov denied that talks had stalled', 'en').find((h) => h.conceptId === 'no-progress')!.sign).toBe(1);
    expect(lexicon.find('Peskov denied that, but talks had stalled', 'en').find((h) => h.conceptId === 'no-progress')!.sign).toBe(-1);
    // "rejected talks": a refusal, not a frame.
    expect(lexicon.find('Zelensky rejected talks', 'en').map((h) => h.conceptId)).toContain('refusal-to-negotiate');
    // The content of a denial said outside the text.
    expect(lexicon.find('talks had stalled', 'en', true).find((h) => h.conceptId === 'no-progress')!.sign).toBe(1);
  });

  it('finds impossibility and meaninglessness as themselves, each implying a refusal', () => {
    expect(found('talks are now meaningless')).toContain('meaninglessness-');
    expect(found('there was no chance')).toContain('impossibility-');
    expect(lexicon.info.get('meaninglessness')!.ancestors).toContain('refusal');
    expect(lexicon.info.get('impossibility')!.ancestors).toContain('refusal');
  });

  it('keeps a negation before a verb of confirming with that verb, and passes one before an attitude on to its object', () => {
    const sign = (text: string, id: string, lang: string) => lexicon.find(text, lang).find((h) => h.conceptId === id)!.sign;
    expect(sign('Russia never confirmed the possibility of a meeting', 'confirmation', 'en')).toBe(-1);
    expect(sign('Russia never confirmed the possibility of a meeting', 'possibility', 'en')).toBe(1);
    expect(sign('Росія жодного разу не підтвердила можливість зустрічі', 'possibility', 'uk')).toBe(1);
    expect(sign('we are not ready for surrender', 'surrender', 'en')).toBe(-lexicon.info.get('surrender')!.pole);
  });

  it('reads "not … unless/until" as a condition, not a refusal, in each language', () => {
    const axis = lexicon.info.get('readiness')!.axis;
    const on = (text: string, lang: string) => lexicon.find(text, lang).filter((h) => h.axis === axis).map((h) => h.sign);
    expect(on('Kyiv refuses to talk unless Russian troops withdraw', 'en')).toEqual([1]);
    expect(on('Kyiv refuses to talk', 'en')).toEqual([-1]);
    expect(lexicon.find('talks cannot happen unless Washington listens', 'en').find((h) => h.conceptId === 'impossibility')!.sign).toBe(1);
    // "no talks until Russia withdraws": talks on a condition, in Russian and German too.
    expect(lexicon.find('переговоров не будет, пока Россия не выведет войска', 'ru').find((h) => h.conceptId === 'negotiations')!.negated).toBe(false);
    expect(lexicon.find('переговоров не будет', 'ru').find((h) => h.conceptId === 'negotiations')!.negated).toBe(true);
    expect(lexicon.find('Kyiv lehnt Verhandlungen ab, es sei denn, Russland zieht ab', 'de').find((h) => h.conceptId === 'refusal-to-negotiate')!.sign).toBe(1);
    expect(lexicon.find('Kyiv lehnt Verhandlungen ab', 'de').find((h) => h.conceptId === 'refusal-to-negotiate')!.sign).toBe(-1);
    // A condition marker itself is never negated.
    expect(lexicon.find('talks cannot happen unless Washington listens', 'en').find((h) => h.conceptId === 'condition-marker')!.negated).toBe(false);
  });

  it('puts a stated condition and an explicit "whatever"/"without preconditions" on one axis', () => {
    const axis = lexicon.info.get('preconditions')!.axis;
    expect(lexicon.info.get('condition-marker')!.ancestors).toContain('preconditions');
    expect(lexicon.find('ready to talk whatever the situation on the ground', 'en').filter((h) => h.axis === axis).map((h) => h.sign)).toEqual([-1]);
    expect(lexicon.find('готова к переговорам независимо от ситуации', 'ru').filter((h) => h.axis === axis).map((h) => h.sign)).toEqual([-1]);
    expect(lexicon.find('Russland verhandle nur, wenn Kiew die Bedingungen erfülle', 'de').map((h) => h.conceptId)).toEqual(['negotiations', 'condition-marker', 'preconditions']);
  });

  it('puts continuing and stopping on one axis, in each language; "could have ended" keeps its possibility', () => {
    const axis = lexicon.info.get('continuation')!.axis;
    expect(lexicon.info.get('cessation')!.axis).toBe(axis);
    const on = (text: string, lang: string) => lexicon.find(text, lang).filter((h) => h.axis === axis).map((h) => h.sign);
    expect(on('the diplomats are working on the agenda', 'en')).toEqual([1]);
    expect(on('the diplomats stopped all work on the agenda', 'en')).toEqual([-1]);
    expect(on('дипломаты прекратили работу', 'ru')).toEqual([-1]);
    expect(on('дипломати продовжують роботу', 'uk')).toEqual([1]);
    expect(on('die Diplomaten haben die Arbeit eingestellt', 'de')).toEqual([-1]);
    expect(found('the war could have ended in spring 2022')).toEqual(expect.arrayContaining(['possibility+', 'end-of-war+']));
  });

  it('negates an act (offer, sign) as a stance is, without making it a refusal', () => {
    expect(lexicon.info.get('proposal')!.kind).toBe('act');
    expect(lexicon.info.get('proposal')!.polar).toBe(true);
    expect(lexicon.find('Moskau habe nie Frieden gegen Neutralität angeboten', 'de').find((h) => h.conceptId === 'proposal')!.sign).toBe(-1);
    expect(lexicon.find('Moscow offered peace in exchange for neutrality', 'en').find((h) => h.conceptId === 'proposal')!.sign).toBe(1);
    expect(lexicon.find('he told them not to sign anything', 'en').find((h) => h.conceptId === 'signing')!.sign).toBe(-1);
    expect(lexicon.find('Москва так и не предложила мир', 'ru').find((h) => h.conceptId === 'proposal')!.sign).toBe(-1);
    // A denial negates what is said of the offers, not the offers.
    expect(lexicon.find('he denied that the offers were a sign of weakness', 'en').find((h) => h.conceptId === 'proposal')!.sign).toBe(1);
    expect(lexicon.find('the offers were a sign of weakness', 'en', true).find((h) => h.conceptId === 'proposal')!.sign).toBe(1);
  });

  it('puts diplomatic and military means on one axis, and reads "no bearing" as no say', () => {
    const axis = lexicon.info.get('diplomacy')!.axis;
    expect(lexicon.info.get('military-means')!.axis).toBe(axis);
    const first = (text: string, lang: string) => lexicon.find(text, lang).find((h) => h.axis === axis)!.sign;
    expect(first('Moskau wolle seine Ziele lieber militärisch als auf diplomatischem Weg erreichen', 'de')).toBe(-lexicon.info.get('diplomacy')!.pole);
    expect(first('Russia would prefer political and diplomatic means', 'en')).toBe(lexicon.info.get('diplomacy')!.pole);
    expect(lexicon.find('Washington has no bearing on the talks', 'en').find((h) => h.conceptId === 'decisive-say')!.sign).toBe(-1);
    expect(lexicon.find('the final word belongs to Washington', 'en').find((h) => h.conceptId === 'decisive-say')!.sign).toBe(1);
  });
  it('lets a refusing predicate negate the polar concept it governs, before or after it, in each language', () => {
    const surrender = (text: string, lang: string) => lexicon.find(text, lang).find((h) => h.conceptId === 'surrender')!.sign;
    expect(surrender('Ukraine refuses to surrender', 'en')).toBe(-1);
    expect(surrender('surrender is out of the question', 'en')).toBe(-1);
    expect(surrender('о капитуляции речи не идёт', 'ru')).toBe(-1);
    expect(surrender('про капітуляцію мови не йде', 'uk')).toBe(-1);
    expect(surrender('eine Kapitulation kommt nicht in Frage', 'de')).toBe(-1);
    // Said plainly it stays; a refusal that is itself negated passes nothing on; "cannot" is one negation, not two.
    expect(surrender('Ukraine is ready to surrender', 'en')).toBe(1);
    expect(surrender('we are not refusing to talk about surrender', 'en')).toBe(1);
    expect(surrender('we cannot accept surrender', 'en')).toBe(-1);
    // A modal before a refusing verb is its auxiliary: "could do without" is no impossibility.
    expect(lexicon.find('Russia could do without mediators', 'en').find((h) => h.conceptId === 'possibility')!.sign).toBe(1);
    // Rejecting an offer does not unmake it: acts are left alone.
    expect(lexicon.find('Kyiv rejected the offer', 'en').find((h) => h.conceptId === 'proposal')!.sign).toBe(1);
  });

  it('reads Russian and Ukrainian negations by concord: "никогда не" is one negation', () => {
    const axis = lexicon.info.get('refusal')!.axis;
    const on = (text: string, lang: string) => lexicon.find(text, lang).filter((h) => h.axis === axis).map((h) => h.sign);
    expect(on('Россия никогда не отказывалась от переговоров', 'ru')).toEqual([1]);
    expect(on('Росія ніколи не відмовлялася від переговорів', 'uk')).toEqual([1]);
    expect(on('Россия отказывалась от переговоров', 'ru')).toEqual([-1]);
    expect(on('they never refused talks', 'en')).toEqual([1]);
  });

  it('reads "even if" and a negated necessity as the opposite of a precondition, in each language', () => {
    const axis = lexicon.info.get('preconditions')!.axis;
    const on = (text: string, lang: string) => lexicon.find(text, lang).filter((h) => h.axis === axis).map((h) => h.sign);
    expect(on('talks are possible even if the shelling goes on', 'en')).toEqual([-1]);
    expect(on('переговоры возможны, даже если обстрелы продолжатся', 'ru')).toEqual([-1]);
    expect(on('переговори можливі, навіть якщо обстріли триватимуть', 'uk')).toEqual([-1]);
    expect(on('man verhandle, selbst wenn die Angriffe weitergehen', 'de')).toEqual([-1]);
    expect(on('Росії не обов’язково припиняти удари', 'uk')).toEqual([-1]);
    expect(on('Russia need not halt the strikes first', 'en')).toEqual([-1]);
  });
  it('denies the subject’s part in what follows "had nothing to do with" and its equivalents, and reads responsibility as a stance', () => {
    const breakdown = (text: string, lang: string) => lexicon.find(text, lang).find((h) => h.conceptId === 'talks-breakdown')!.sign;
    expect(breakdown('Kyiv derailed the talks', 'en')).toBe(-1);
    expect(breakdown('Kyiv had nothing to do with derailing the talks', 'en')).toBe(1);
    expect(breakdown('Киев не имеет никакого отношения к срыву переговоров', 'ru')).toBe(1);
    expect(breakdown('Київ не має жодного стосунку до зриву переговорів', 'uk')).toBe(1);
    expect(breakdown('Kiew habe nichts mit dem Abbruch der Gespräche zu tun', 'de')).toBe(1);
    const responsibility = (text: string, lang: string) => lexicon.find(text, lang).find((h) => h.conceptId === 'responsibility')!.sign;
    expect(responsibility('this is entirely their responsibility', 'en')).toBe(1);
    expect(responsibility('Росія не несе відповідальності за це', 'uk')).toBe(-1);
    expect(responsibility('Russland trägt keine Verantwortung dafür', 'de')).toBe(-1);
  });
  it('finds a German separable verb whose particle closes its clause, negated between verb and particle', () => {
    const de = (text: string) => lexicon.find(text, 'de').map((h) => `${h.conceptId}${h.sign < 0 ? '-' : '+'}`);
    expect(de('Die Regierung lehnte den Vorschlag der Vermittler ab.')).toContain('refusal-');
    expect(de('Die Regierung lehnte den Vorschlag der Vermittler nicht ab.')).toContain('refusal+');
    expect(de('Moskau bot Kiew neue Gespräche an.')).toContain('proposal+');
    expect(de('Der Minister stellte die Arbeit an dem Abkommen ein.')).toContain('cessation-');
    // The particle must close the clause: "an" before its object is a preposition.
    expect(de('Er arbeitete an einem Plan für den Frieden.')).not.toContain('continuation+');
    expect(de('Man lehnte sich an die Wand, und alle schwiegen.')).not.toContain('refusal-');
  });

  it('denies a clause as it reads plainly: a denied refusal leaves what it refused standing', () => {
    const cases: [string, string][] = [
      ['en', 'He denied that the government had ever refused a peaceful settlement.'],
      ['ru', 'Он отрицал, что правительство когда-либо отказывалось от мирного урегулирования.'],
      ['uk', 'Він заперечив, що уряд колись відмовлявся від мирного врегулювання.'],
      ['de', 'Er bestritt, dass die Regierung jemals eine friedliche Lösung abgelehnt habe.'],
    ];
    for (const [lang, text] of cases) {
      const hits = lexicon.find(text, lang);
      const signOf = (id: string) => hits.find((h) => h.conceptId === id)?.sign;
      expect(signOf('refusal'), `${lang}: ${text}`).toBe(1);
      expect(hits.filter((h) => lexicon.info.get(h.conceptId)!.axis === 'diplomacy').map((h) => h.sign), `${lang}: ${text}`).toEqual([1]);
    }
  });

  it('negates an act denied as what happened, not one that is the subject of a denied stance', () => {
    const signOf = (text: string, lang: string, id: string) => lexicon.find(text, lang).find((h) => h.conceptId === id)?.sign;
    expect(signOf('She denied that the minister had proposed a truce.', 'en', 'proposal')).toBe(-1);
    expect(signOf('Она опровергла, что министр предлагал перемирие.', 'ru', 'proposal')).toBe(-1);
    expect(signOf('Вона заперечила, що міністр пропонував перемир’я.', 'uk', 'proposal')).toBe(-1);
    expect(signOf('Sie bestritt, dass der Minister einen Waffenstillstand vorgeschlagen habe.', 'de', 'proposal')).toBe(-1);
    expect(signOf('She rejected the idea that the proposal was a sign of weakness.', 'en', 'proposal')).toBe(1);
  });
});

describe('rules kept as concept data, not as constants in code (review 9A, F10)', () => {
  const lex = createConceptLexicon(BUNDLED_CONCEPTS);
  it('`scoped`: topics named whole unless a scope word narrows them', () => {
    const scoped = [...lex.info.values()].filter((i) => i.scoped).map((i) => i.id).sort();
    expect(scoped).toEqual(['occupied-territories', 'prisoner-exchange', 'territories', 'troops', 'withdrawal']);
    expect(lex.info.get('negotiations')!.scoped).toBe(false);
  });

  it('`done`: topics with an agent, beside every stance and act', () => {
    expect(lex.info.get('shelling')!.agentive).toBe(true);
    expect(lex.info.get('withdrawal')!.agentive).toBe(true);
    expect(lex.info.get('readiness')!.agentive).toBe(true);
    expect(lex.info.get('proposal')!.agentive).toBe(true);
    expect(lex.info.get('territories')!.agentive).toBe(false);
    expect(lex.info.get('still')!.agentive).toBe(false);
  });

  it('a concept set can mark its own scoped and done topics', () => {
    const words = { en: ['corridor'], ru: ['коридор'], uk: ['коридор'], de: ['Korridor'] };
    const own = createConceptLexicon({ ...BUNDLED_CONCEPTS, concepts: [{ id: 'corridor', label: 'Corridor', scoped: true, done: true, words }] });
    expect(own.info.get('corridor')).toMatchObject({ scoped: true, agentive: true });
  });
});
