/**
 * Session 7 (issue 13): the classes of error of the fifth blind split (untuned-5, now tuned data), each as a general
 * rule or as data, tested on sentences of their own in the languages where the class occurs (docs/matching.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher, createDocumentContext } from './index.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const matcher = compileMatcher(corpus.entities, corpus.sides);
const show = (text: string, ms: readonly { start: number; end: number; entityId: string }[]): string[] => ms.map((m) => `${text.slice(m.start, m.end)}=${m.entityId}`);
/** A page: one document context, relevance on. */
const found = (text: string): string[] => show(text, matcher.scan(text, createDocumentContext()));
/** A lone text (a quote, a claim): no relevance gate. */
const ungated = (text: string): string[] => show(text, matcher.scan(text, createDocumentContext({ relevance: false })));
/** Three anchors: a page about the record from its first line. */
const WAR = 'Peskov said the Kremlin would not talk while Zelensky demanded a withdrawal.\n';

describe('page furniture', () => {
  it('confirms an ambiguous name in a list of headlines only from its own line, not from the teaser under it', () => {
    const page = `${WAR}Most read\nWashington Wizards Fire Coach After Nine Straight Defeats\nHow To Mix A Moscow Mule At Home\nStorm Warnings Across Northern Europe\n`;
    expect(found(page).filter((f) => f.endsWith('=washington'))).toEqual([]);
    // In prose the same words near it still confirm it.
    expect(found(`${WAR}Officials in Washington and Moscow traded blame.`)).toContain('Washington=washington');
  });

  it("reads the page's own headline under a menu of sections as the page's, not as a list of teasers", () => {
    const page = 'Ukraine Russia Caucasus Podcasts\nThe Istanbul Draft, In The Words Of Those Who Were There\nAnalysis by Olena Kravets · 9 min read\nPutin, Peskov and Zelensky spoke.';
    expect(found(page)).toContain('Istanbul=istanbul-talks');
    // A list of real headlines above keeps its rule: the last teaser is judged by its own lines.
    const list = `${WAR}Most read\nNight Trains Across Europe: The Best Routes\nThe Mediator Who Ended A Bus Strike Retires\n`;
    expect(found(list).filter((f) => f.endsWith('=mediation'))).toEqual([]);
  });

  it('draws a term of the record in a teaser on a page about the record, and the common words of its line', () => {
    const page = `${WAR}More analysis\nWhy Minsk Matters, Again\nInside The Grain Deal That Outlived The Talks\n`;
    expect(found(page)).toEqual(expect.arrayContaining(['Grain Deal=grain-exports', 'Talks=peace-talks']));
  });

  it('takes an agency credited in a dateline, not an acronym defined in parentheses', () => {
    expect(found('KYIV, Ukraine (AP) — Russia will not pull its forces out.')).toEqual(['KYIV=kyiv', 'Ukraine=ukraine', 'AP=associated-press', 'Russia=russia']);
    expect(found('Students who take Advanced Placement (AP) courses in Kyiv.')).toEqual(['Kyiv=kyiv']);
    expect(found('МОСКВА, 5 мая. /ТАСС/. Песков заявил')).toEqual(['МОСКВА=moscow', 'ТАСС=tass', 'Песков=dmitry-peskov']);
  });

  it('does not join a name to a capitalised word on the next line (a heading in capitals over its paragraph)', () => {
    expect(found('Zelensky and Putin met.\nIN THE RADA\nLawmakers in the Verkhovna Rada voted.')).toContain('RADA=verkhovna-rada');
    // On the same line the capital still makes a longer name.
    expect(found('Zelensky and Putin met. Washington Post reporters asked.')).not.toContain('Washington=washington');
  });
});

describe('possessives and offices', () => {
  it("reads the president's office as the organisation, not the person, in four languages", () => {
    expect(ungated("Zelenskyy's office later published a list; Zelenskiy’s office said")).toEqual([
      "Zelenskyy's office=office-of-the-president-of-ukraine",
      'Zelenskiy’s office=office-of-the-president-of-ukraine',
    ]);
    expect(ungated('в офісі Зеленського заявили; в офисе Зеленского ответили; Selenskyjs Büro teilte mit')).toEqual([
      'офісі Зеленського=office-of-the-president-of-ukraine',
      'офисе Зеленского=office-of-the-president-of-ukraine',
      'Selenskyjs Büro=office-of-the-president-of-ukraine',
    ]);
    // The bare "Office of the President"/"President's Office" is any country's (review 7, A2): dropped as an alias.
    expect(ungated('Zelensky’s chief of staff in Kyiv; the Office of the President in Kyiv said')).toEqual([
      'Zelensky’s=volodymyr-zelensky',
      'Kyiv=kyiv',
      'Kyiv=kyiv',
    ]);
  });
});

describe('acronyms and names of several words', () => {
  it('takes a dotted acronym as part of the longer name', () => {
    expect(ungated('The U.N. General Assembly condemned it; the U.N. Security Council met; the U.N. said')).toEqual([
      'U.N. General Assembly=un-general-assembly',
      'U.N. Security Council=un-security-council',
      'U.N.=united-nations',
    ]);
    expect(ungated('the U.S. administration and the U.S.A.')).toEqual(['U.S. administration=united-states-government', 'U.S.A.=united-states']);
    expect(ungated('mit den Vereinigten Staaten; die Generalversammlung der Vereinten Nationen')).toEqual([
      'Vereinigten Staaten=united-states',
      'Generalversammlung der Vereinten Nationen=un-general-assembly',
    ]);
  });

  it("takes a person's own given name in another spelling into the mention", () => {
    expect(ungated('Volodymyr Zelenskiy said; Dmitrii Peskov said; Sergej Lavrov; Aleksandr Lukashenko')).toEqual([
      'Volodymyr Zelenskiy=volodymyr-zelensky',
      'Dmitrii Peskov=dmitry-peskov',
      'Sergej Lavrov=sergey-lavrov',
      'Aleksandr Lukashenko=alexander-lukashenko',
    ]);
    // Another given name is still another person.
    expect(ungated('Vassili Peskov wrote; Kremlin spokesman Peskov said')).toEqual(['Kremlin=kremlin', 'Peskov=dmitry-peskov']);
  });
});

describe('Ukrainian usage', () => {
  it('reads the lowercase росія, рф, путін of Ukrainian media as Russia and Putin', () => {
    expect(ungated('розмови з росією; злочини рф; путін заявив; у росії')).toEqual(['росією=russia', 'рф=russia', 'путін=vladimir-putin', 'росії=russia']);
    // Not a domain, not Russian.
    expect(ungated('сайт президент.рф; россия')).toEqual([]);
  });

  it('knows нейтральність, перемовини and the verbs of joining NATO as topics, not NATO', () => {
    // The bare noun "нейтральність/нейтральность" is any neutrality (a judge's, a court's: review 7, A2), unlike
    // нейтралітет: on a page it needs an actor or place of the record in its own sentence (session 8).
    expect(found(`${WAR}Жодна нейтральність не захистить суддю. О нейтральности арбитра.`).filter((f) => f.endsWith('=neutrality'))).toEqual([]);
    expect(ungated('нейтралітет України; нейтральний статус')).toEqual(['нейтралітет=neutrality', 'України=ukraine', 'нейтральний статус=neutrality']);
    expect(ungated('пообіцяємо не вступати в НАТО; хоче вступити до НАТО; не будет вступать в НАТО')).toEqual([
      'вступати в НАТО=nato-membership',
      'вступити до НАТО=nato-membership',
      'вступать в НАТО=nato-membership',
    ]);
    expect(ungated('мирні перемовини; перемовин у Стамбулі')).toEqual(['мирні перемовини=peace-talks', 'перемовин=peace-talks', 'Стамбулі=istanbul-talks']);
  });
});

describe('German verbs of the talks', () => {
  it('takes the noun Verhandlung, and the bare verbs verhandeln/verhandelte only in a sentence about the record, for the talks', () => {
    // The bare verbs are a court's or a union's as often (review 7, A2): since session 8 they need an actor or place
    // of the record in their own sentence; the noun needs only the page, and since session 10 no court's word near
    // it (a hearing: session10.test.ts), so the court's sentence stands apart here.
    expect(found(`${WAR}In der Verhandlung ging es um Land. Russland würde jederzeit verhandeln; Kiew verhandelte. Beide Seiten schweigen seither, und es gibt keinen neuen Termin. Das Gericht verhandelte.`).filter((f) => f.endsWith('=peace-talks'))).toEqual([
      'Verhandlung=peace-talks',
      'verhandeln=peace-talks',
      'verhandelte=peace-talks',
    ]);
    expect(found('Die Gewerkschaft will über Löhne verhandeln.')).toEqual([]);
  });
});

describe('places inside other words', () => {
  it('reads a Cyrillic qualifier before a place as its qualifier, and a club or league as another name', () => {
    expect(ungated('антициклон із Центральної Європи; в Западной Европе; Ліги Європи')).toEqual(['Європи=europe', 'Европе=europe']);
  });

  it('skips a dish named after a place in any case', () => {
    expect(ungated('Few dishes divide a table like chicken Kiev; Chicken-Kiew essen; poulet Kiev. Cooks in Kyiv argue.')).toEqual(['Kyiv=kyiv']);
    expect(ungated('котлета по-київськи, котлета по-киевски')).toEqual([]);
  });
});

describe('beyond the fifth split: forms a new writer uses that the record lacked (data)', () => {
  it('knows more spellings of persons and bodies in four languages', () => {
    expect(ungated('Mikhail Podolyak; Michail Podoljak; Kreml-Sprecher Dmitri Peskow')).toEqual([
      'Mikhail Podolyak=mykhailo-podolyak',
      'Michail Podoljak=mykhailo-podolyak',
      'Kreml=kremlin',
      'Dmitri Peskow=dmitry-peskov',
    ]);
    expect(ungated("Ukraine's parliament; das ukrainische Parlament; український парламент; украинского парламента")).toEqual([
      "Ukraine's parliament=verkhovna-rada",
      'ukrainische Parlament=verkhovna-rada',
      'український парламент=verkhovna-rada',
      'украинского парламента=verkhovna-rada',
    ]);
    expect(ungated('Министерства иностранных дел России; Міністерства закордонних справ Росії; Министерство обороны РФ; Міністерство оборони РФ')).toEqual([
      'Министерства иностранных дел России=russian-foreign-ministry',
      'Міністерства закордонних справ Росії=russian-foreign-ministry',
      'Министерство обороны РФ=russian-defense-ministry',
      'Міністерство оборони РФ=russian-defense-ministry',
    ]);
    expect(ungated('Збройних сил України; Вооружённых сил России; ЗС рф; армії рф')).toEqual([
      'Збройних сил України=ukrainian-armed-forces',
      'Вооружённых сил России=russian-armed-forces',
      'ЗС рф=russian-armed-forces',
      'армії рф=russian-armed-forces',
    ]);
  });

  it('knows governments, the war and the referendums as a writer names them', () => {
    expect(ungated("the Trump administration; адміністрації Байдена; Ukraine's government; український уряд; российское правительство")).toEqual([
      'Trump administration=united-states-government',
      'адміністрації Байдена=united-states-government',
      "Ukraine's government=ukrainian-government",
      'український уряд=ukrainian-government',
      'российское правительство=russian-government',
    ]);
    expect(ungated('im Krieg gegen die Ukraine; російсько-української війни; a sham referendum')).toEqual([
      'Krieg gegen die Ukraine=russian-invasion-2022',
      'російсько-української війни=russian-invasion-2022',
      'sham referendum=annexation-referendums-2022',
    ]);
  });

  it('knows the topics with the country inserted, and the participles of annexing', () => {
    expect(ungated('вступ України до НАТО; вступления Украины в НАТО; аннексированных территорий; анексованих')).toEqual([
      'вступ України до НАТО=nato-membership',
      'вступления Украины в НАТО=nato-membership',
      'аннексированных=annexation',
      'анексованих=annexation',
    ]);
  });
});

describe("a region's city", () => {
  it('does not read a bare region name written as its city as the oblast (docs/accuracy.md)', () => {
    expect(ungated('the Kherson and Zaporizhzhia regions; the city of Kherson; Kherson city; у місті Херсоні; in der Stadt Cherson; город Запорожье')).toEqual([
      'Kherson=kherson-oblast',
      'Zaporizhzhia regions=zaporizhzhia-oblast',
    ]);
    // A capital of the record is a city entity: it stays.
    expect(ungated('officials in Kyiv; the city of Washington, near Moscow')).toEqual(['officials in Kyiv=ukrainian-officials', 'Washington=washington', 'Moscow=moscow']);
  });
});

describe('off-topic traps a new writer sets (a sweep of likely traps, tuned)', () => {
  it("skips other cities' kremlins, arenas, cakes and streets named after the record's names", () => {
    expect(ungated('We visited the Kazan Kremlin and the Novgorod Kremlin. The Kremlin said; the Moscow Kremlin')).toEqual(['Kremlin=kremlin', 'Moscow=moscow', 'Kremlin=kremlin']);
    expect(ungated('The match at the Donbass Arena; Kyiv cake is a sponge dessert; Kiewer Torte; Lavrov Street; проспект Зеленского; вулиці Путіна')).toEqual([]);
    expect(ungated('Donbas and Kyiv; Lavrov said; Зеленского спросили')).toEqual(['Donbas=donbas', 'Kyiv=kyiv', 'Lavrov=sergey-lavrov', 'Зеленского=volodymyr-zelensky']);
  });
});

describe('German compounds opened by a topic alias', () => {
  it('takes the whole closed compound, as the blind splits label "Vermittlerrolle"', () => {
    expect(ungated('am Verhandlungstisch; ein Waffenstillstandsabkommen; die Annexionspläne; der Neutralitätsstatus; die Teilmobilmachung')).toEqual([
      'Verhandlungstisch=peace-talks',
      'Waffenstillstandsabkommen=ceasefire',
      'Annexionspläne=annexation',
      'Neutralitätsstatus=neutrality',
      'Teilmobilmachung=mobilization',
    ]);
  });
});

/** What is found in `line` on a page about the record (the WAR line above it). */
const onWarPage = (line: string): string[] => {
  const text = WAR + line;
  return show(text, matcher.scan(text, createDocumentContext()).filter((m) => m.start >= WAR.length));
};

describe('review 7 (issue 13): off-topic words are not the record\'s topics', () => {
  it.each([
    ['Istanbul via "peace"', 'Istanbul hotels offer peace and quiet near the Bosphorus.'],
    ['Стамбул via "мирн" (мирные жители = civilians)', 'Мирные жители Харькова пострадали. Эрдоган в Стамбуле открыл новый аэропорт.'],
    ['Стамбул via "проект" (a project)', 'В Стамбуле презентовали проект нового аэропорта.'],
    ['Стамбул via "договір" (a contract)', 'У Стамбулі підписали договір про будівництво мосту.'],
    ['Istanbul via "Vertrag"', 'Der Vertrag mit dem Verein in Istanbul wurde verlängert.'],
    ['a draft not right after the city', 'Istanbul hotels published a draft of the new rules.'],
    ['a court "verhandelt"', 'Das Landgericht verhandelt den Fall ab Montag.'],
    ['wage talks "verhandelte"', 'Die Gewerkschaft verhandelte mit der Bahn über Löhne.'],
    ['a judge\'s "нейтральность"', 'Судья подчеркнул нейтральность суда.'],
    ['a court\'s "нейтральність"', 'Суддя наголосив на нейтральності суду.'],
    ['the Middle East "мирный процесс"', 'Мирный процесс на Ближнем Востоке зашёл в тупик.'],
    ['the Middle East "мирний процес"', 'Мирний процес на Близькому Сході зайшов у глухий кут.'],
    ['the Middle East "Friedensprozess"', 'Der Friedensprozess im Nahen Osten stockt.'],
    ['Armistice Day', 'The Armistice Day ceremony was held in London.'],
    ['another country\'s presidential office', 'The Office of the President of Kazakhstan said the summit is postponed.'],
    ['another country\'s presidential office (2)', 'A spokesman for the President\'s Office in Seoul declined to comment.'],
  ])('%s', (_name, line) => {
    expect(onWarPage(line)).toEqual([]);
  });

  it('still takes Istanbul for the talks with a specific word near, or "Draft"/"Entwurf" right after it', () => {
    expect(onWarPage('The Istanbul draft was never signed.')).toEqual(['Istanbul=istanbul-talks']);
    expect(onWarPage('Medinsky and Arakhamia met in Istanbul.')).toContain('Istanbul=istanbul-talks');
    expect(onWarPage('Делегации встретились в Стамбуле.')).toContain('Стамбуле=istanbul-talks');
  });
});

describe('review 7 (issue 13): "Kremlin" after a capitalised word is still the Kremlin, another city\'s kremlin is not', () => {
  it.each([
    ['On Monday Kremlin spokesman Dmitry Peskov said.', 'Kremlin=kremlin'],
    ['Senior Kremlin officials declined to comment.', 'Kremlin=kremlin'],
    ['Top Kremlin aide Yuri Ushakov said.', 'Kremlin=kremlin'],
    ['Laut Kreml ist das Treffen abgesagt.', 'Kreml=kremlin'],
    ['Der Moskauer Kreml schweigt.', 'Kreml=kremlin'],
    // Review 8: "of"/"von" and a person's name is still the Kremlin; only another kremlin's city makes it that city's.
    ['The Kremlin of Vladimir Putin has changed.', 'Kremlin=kremlin'],
    ['The Kremlin of Brezhnev was different.', 'Kremlin=kremlin'],
    ['Der Kreml von Wladimir Putin schweigt.', 'Kreml=kremlin'],
  ])('%s', (line, want) => {
    expect(onWarPage(line)).toContain(want);
  });

  it.each([
    ['Tourists visited the Kazan Kremlin and its mosque.'],
    ['Der Kasaner Kreml gehört zum Welterbe.'],
    ['The Novgorod Kremlin was restored.'],
    ['The Kremlin of Pskov stands on a hill.'],
    ['Der Kreml von Kasan ist ein Museum.'],
  ])('%s', (line) => {
    expect(onWarPage(line).filter((f) => f.endsWith('=kremlin'))).toEqual([]);
  });
});

describe('review 7 (issue 13): only the person\'s own given name, in another spelling, joins the mention', () => {
  it('does not claim "Vladislav Putin" whole for Vladimir Putin, a shared start is no shared name', () => {
    expect(ungated('Vladislav Putin said').filter((f) => f.startsWith('Vladislav'))).toEqual([]);
    expect(ungated('Wladimir Putin said; Volodymyr Zelenskiy said')).toEqual(['Wladimir Putin=vladimir-putin', 'Volodymyr Zelenskiy=volodymyr-zelensky']);
    // Review 8: Ukrainian г written h is the same name ("Serhiy" is Sergey).
    expect(ungated('Serhiy Lavrov said')).toEqual(['Serhiy Lavrov=sergey-lavrov']);
  });
});
