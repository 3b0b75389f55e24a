import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpusShape } from '../corpus/schema.ts';
import { sayTheSame } from './wording.ts';

describe('a stance that only repeats its paraphrase', () => {
  it('is the same statement reported in other words (stems, reporting words and the speaker’s name aside)', () => {
    expect(sayTheSame('Kremlin spokesman Dmitry Peskov confirmed on state television, like Lavrov, that he was willing to negotiate', 'Peskov said Russia is willing to negotiate.', 'Dmitry Peskov')).toBe(true);
    expect(sayTheSame('Kyiv has named a complete Russian troop withdrawal as a prerequisite for this', 'Kyiv named a complete withdrawal of Russian troops as a prerequisite for negotiations.')).toBe(true);
  });

  it('is not a stance that names what the paraphrase leaves out', () => {
    expect(sayTheSame('there wasn’t substantial progress', 'Zelensky said the Antalya talks brought no substantial progress.', 'Volodymyr Zelensky')).toBe(false);
    expect(sayTheSame('Moscow rejected the idea, calling it detached from reality', "Moscow rejected Zelensky's peace plan as detached from reality.", 'Russian government')).toBe(false);
    expect(sayTheSame('Kyiv must withdraw its troops first', 'Russia is ready to conduct negotiations with Ukraine.')).toBe(false);
  });

  it('leaves the card one wording for most paraphrased positions of the seed', () => {
    const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
    const label = new Map(corpus.entities.map((e) => [e.id, e.label]));
    const paraphrased = corpus.positions.filter((p) => p.quote === undefined && p.paraphrase !== undefined);
    const once = paraphrased.filter((p) => sayTheSame(p.paraphrase!, p.stance, label.get(p.actor)));
    expect(paraphrased.length).toBeGreaterThanOrEqual(40);
    // 37 of 42 on 6 Dec 2026; the five kept each add a name, a place or a subject.
    expect(once.length / paraphrased.length).toBeGreaterThanOrEqual(0.85);
  });
});
