/**
 * Review 9b (issue 13): the matcher regressions reviewer B found in session 9 (M1–M4), with the reviewer's probes
 * and the negative cases beside them (docs/matching.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher, createDocumentContext } from './index.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const matcher = compileMatcher(corpus.entities, corpus.sides);
/** The mentions of one document (one context, as `onrecord annotate` makes them), with their text. */
const annotate = (text: string) => matcher.scan(text, createDocumentContext()).map((m) => ({ ...m, text: text.slice(m.start, m.end) }));
const ids = (t: string): string[] => annotate(t).map((m) => `${m.text}→${m.entityId}`);

describe('M1: a record city followed by a comma and a state word that opens the next phrase is still the city', () => {
  it.each([
    ['In Kyiv, Virginia Pietromarchi reports that Russian missiles struck the capital overnight.', 'Kyiv→kyiv'],
    ['In Moscow, Virginia Hale of the Associated Press reported that the Kremlin rejected the proposal.', 'Moscow→moscow'],
    ['In Kyiv, Ohio Senator Rob Portman met President Volodymyr Zelensky to discuss peace talks with Russia.', 'Kyiv→kyiv'],
    ['Speaking in Kyiv, Texas Rep. Michael McCaul urged faster deliveries of weapons to Ukraine.', 'Kyiv→kyiv'],
    ['Speaking in Kyiv, Alberta premier Danielle Smith pledged support for Ukraine.', 'Kyiv→kyiv'],
    ['In Moscow, Texas Governor Greg Abbott was not mentioned, the Kremlin said.', 'Moscow→moscow'],
  ])('%s', (text, expected) => {
    expect(ids(text)).toContain(expected);
  });

  it.each([
    ['MOSCOW, Idaho — Police said four students were found dead.', 'MOSCOW'],
    ['Moscow, Idaho, police said on Sunday that the suspect was arrested.', 'Moscow'],
    ['Moscow, Idaho police said on Sunday that the suspect was arrested.', 'Moscow'],
    ['The festival in Moscow, Pa. drew a crowd.', 'Moscow'],
    ['Odessa, Texas (AP) — A gunman killed seven people.', 'Odessa'],
    ['He grew up in Odessa, Texas.', 'Odessa'],
    ['He moved to Moscow, Idaho in 2019.', 'Moscow'],
    ['A student from Moscow, New York said the Kremlin had no role.', 'Moscow'],
    ['Москва, штат Айдахо: полиция нашла тела студентов.', 'Москва'],
  ])('%s is the namesake', (text, name) => {
    expect(annotate(text).filter((m) => m.text === name)).toEqual([]);
  });
});

describe('M2: a list of oblasts ending in "and the region of X" keeps every oblast', () => {
  it.each([
    ['Putin signed decrees annexing Donetsk, Luhansk, Zaporizhzhia and the region of Kherson.', 'Zaporizhzhia'],
    ['Russland beansprucht Donezk, Luhansk, Saporischschja und das Gebiet um Cherson.', 'Saporischschja'],
    ['Росія оголосила анексію Донеччини, Луганщини, Запоріжжя та області навколо Херсона.', 'Запоріжжя'],
    ['Россия объявила аннексию Донецка, Луганска, Запорожья и области вокруг Херсона.', 'Запорожья'],
  ])('%s', (text, name) => {
    const found = annotate(text).filter((m) => m.text === name);
    expect(found.map((m) => m.entityId)).toEqual(['zaporizhzhia-oblast']);
  });

  it.each([
    ['Shelling hit Zaporizhzhia and the region on Monday.', 'Zaporizhzhia'],
    ['Обстріли Запоріжжя та області тривали всю ніч.', 'Запоріжжя'],
    ['Saporischschja und das Gebiet wurden beschossen.', 'Saporischschja'],
  ])('%s: the city and its own region is still the city', (text, name) => {
    expect(annotate(text).filter((m) => m.text === name && m.entityId === 'zaporizhzhia-oblast')).toEqual([]);
  });
});

describe('M3: a headline in a list that names record actors beside a bare surname keeps the surname', () => {
  const page = 'Boris Johnson visited Kyiv on Saturday.\n\nMore on this story\nJohnson Meets Zelensky In Surprise Visit\nJohnson Says Putin Threatened Him With Missile';
  it.each(['Johnson Meets Zelensky', 'Johnson Says Putin'])('%s', (line) => {
    const at = page.indexOf(line);
    const johnson = annotate(page).filter((m) => m.start === at);
    expect(johnson.map((m) => m.entityId)).toEqual(['boris-johnson']);
  });

  it('a line about something else is still another story', () => {
    const other = 'Boris Johnson visited Kyiv on Saturday.\n\nMost read\nJohnson Wins The Open In A Playoff\nCity Council Delays Vote On Bus Lanes';
    expect(annotate(other).filter((m) => m.entityId === 'boris-johnson').map((m) => m.text)).toEqual(['Boris Johnson']);
  });
});

describe('M4: Istanbul of the grain deal, with talks about the grain deal near, is not the peace talks', () => {
  const war = "Russia's war in Ukraine: Putin and Zelensky traded accusations over the stalled peace talks, the Kremlin said.\n\n";
  it.each([
    "Russia quit the grain deal signed in Istanbul; talks on the corridor's revival stalled.",
    'Negotiations on the grain corridor resumed in Istanbul after the ships were stopped.',
  ])('%s', (sentence) => {
    const found = annotate(war + sentence).filter((m) => m.start >= war.length && /Istanbul/u.test(m.text));
    expect(found.map((m) => m.entityId)).not.toContain('istanbul-talks');
  });

  it.each([
    'The delegations met in Istanbul, where the grain deal would also be on the agenda.',
    'Peace talks with Russia in Istanbul ended without a deal on grain exports.',
  ])('%s: the peace talks named near Istanbul override the grain sense', (sentence) => {
    const found = annotate(war + sentence).filter((m) => m.start >= war.length && /Istanbul/u.test(m.text));
    expect(found.map((m) => m.entityId)).toContain('istanbul-talks');
  });
});
