/**
 * Session 10 (issue 13): the classes of error of the eighth blind split (untuned-8, now tuned data), each as a
 * general rule or as data, tested on sentences of their own in en/ru/uk/de, with the negative case beside the
 * positive one (docs/matching.md, "Session 10").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher, createDocumentContext, pageIsRelevant } from './index.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const matcher = compileMatcher(corpus.entities, corpus.sides);
const show = (text: string, ms: readonly { start: number; end: number; entityId: string }[]): string[] => ms.map((m) => `${text.slice(m.start, m.end)}=${m.entityId}`);
/** The mentions of one entity on a page (one document context, relevance on). */
const on = (entityId: string, text: string): string[] => show(text, matcher.scan(text, createDocumentContext()).filter((m) => m.entityId === entityId));

describe('a page about the record that names its places, not its people', () => {
  it('draws the topics of a page that names four places of the record, two of them a side (Kyiv, Moscow, Russia, Ukraine)', () => {
    const en = 'Two days of talks ended without a deal. Officials from Kyiv and Moscow met; the fighting in Crimea and the Zaporizhzhia region goes on.';
    expect(on('peace-talks', en)).toEqual(['talks=peace-talks']);
    const ru = 'Переговоры закончились ничем. Делегации из Киева и Москвы спорили о Крыме и Херсонской области.';
    expect(on('peace-talks', ru)).toEqual(['Переговоры=peace-talks']);
    const uk = 'Україна готова до переговорів, але не до капітуляції. Крим, Запорізька і Херсонська області — це Україна, кажуть у Києві.';
    expect(on('peace-talks', uk)).toEqual(['переговорів=peace-talks']);
    expect(on('surrender', uk)).toEqual(['капітуляції=surrender']);
    const de = 'Die Verhandlungen endeten ohne Ergebnis. Vertreter aus Kiew und Moskau sprachen über die Krim und das Gebiet Cherson.';
    expect(on('peace-talks', de)).toEqual(['Verhandlungen=peace-talks']);
  });

  it('does not for fewer places, or for places none or one of which speaks as a side', () => {
    // Three places (a football story: Moscow, Antalya, Turkey).
    expect(on('peace-talks', 'Talks on a new contract go on. Two clubs from Moscow are interested; he played in Antalya against Turkey.')).toEqual([]);
    // Four places, one of them a side's capital (a travel page).
    expect(on('peace-talks', 'Talks with the hotel went well. From Europe to Turkey and Jerusalem, then a night train to Moscow.')).toEqual([]);
    expect(on('peace-talks', 'Переговоры с клубом идут. Он играл в Турции, в Европе, в Иерусалиме и в Москве.')).toEqual([]);
    expect(on('peace-talks', 'Перемовини з клубом тривають. Він грав у Туреччині, в Європі, в Єрусалимі та в Києві.')).toEqual([]);
    expect(on('peace-talks', 'Die Verhandlungen mit dem Verein laufen. Er spielte in der Türkei, in Europa, in Jerusalem und in Moskau.')).toEqual([]);
  });

  it('counts places apart from anchors, and a namesake town not at all', () => {
    const ctx = createDocumentContext();
    matcher.scan('Moscow, Idaho, and Kyiv, Crimea and the Kherson region.', ctx);
    expect(pageIsRelevant(ctx)).toBe(false);
    const ctx2 = createDocumentContext();
    matcher.scan('Kyiv, Moscow, Crimea and the Kherson region.', ctx2);
    expect(pageIsRelevant(ctx2)).toBe(true);
  });
});
