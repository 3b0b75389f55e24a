/** A small hand-made corpus for the record and popover tests (not from the seeds). */
import type { Corpus, Entity, Position } from '../corpus/schema.ts';

function entity(id: string, type: Entity['type'], label: string, extra: Partial<Entity> = {}): Entity {
  return { id, type, label, aliases: [{ text: label }], context: [], ...extra };
}

function position(p: Omit<Position, 'links' | 'source' | 'passage'> & Partial<Position>): Position {
  return { source: 'src-a', passage: { start: 0, end: 10 }, links: [], ...p };
}

const day = (d: string) => ({ from: d, to: d, precision: 'day' as const });

export const SOURCE_TEXT =
  'Kremlin spokesman Dmitry Peskov said talks were stalled. Mykhailo Podolyak replied that Kyiv would not surrender. The UN called the votes illegal.';

export function makeCorpus(): Corpus {
  return {
    formatVersion: 1,
    id: 'test',
    title: 'Test corpus',
    version: '1',
    // Russia opposes Ukraine; Ukraine names no one, so the reverse direction is what links it back.
    sides: [
      { id: 'russia', label: 'Russia', opposes: ['ukraine'] },
      { id: 'ukraine', label: 'Ukraine', opposes: [] },
    ],
    sources: [
      { id: 'src-a', title: 'Talks stall', outlet: 'BBC', language: 'en', published: day('2022-12-02'), framing: [], text: SOURCE_TEXT, url: 'https://example.org/a' },
      { id: 'src-b', title: 'Unknown wire', outlet: 'unknown', outletEvidence: 'no masthead', language: 'en', published: day('2023-05-01'), framing: [] },
    ],
    entities: [
      entity('dmitry-peskov', 'person', 'Dmitry Peskov', { side: 'russia', description: 'Kremlin spokesman' }),
      entity('vladimir-putin', 'person', 'Vladimir Putin', { side: 'russia', description: 'President of Russia' }),
      entity('mykhailo-podolyak', 'person', 'Mykhailo Podolyak', { side: 'ukraine', description: 'Adviser to the head of the Office of the President' }),
      entity('volodymyr-zelensky', 'person', 'Volodymyr Zelensky', { side: 'ukraine' }),
      entity('united-nations', 'organization', 'United Nations'),
      entity('bbc', 'organization', 'BBC'),
      entity('peace-talks', 'topic', 'Peace talks'),
      entity('annexation', 'topic', 'Annexation'),
      entity('preconditions', 'topic', 'Preconditions'),
      entity('grain-exports', 'topic', 'Grain exports'),
      entity('istanbul-talks', 'event', 'Istanbul talks'),
      entity('crimea', 'place', 'Crimea'),
    ],
    positions: [
      position({ id: 'peskov-talks-2022-03', actor: 'dmitry-peskov', topics: ['peace-talks', 'istanbul-talks'], stance: 'Talks are making progress.', quote: 'There is some progress', medium: 'conference call', date: { from: '2022-03-01', to: '2022-03-31', precision: 'month' } }),
      position({ id: 'peskov-annex-2022-09', actor: 'dmitry-peskov', topics: ['annexation'], stance: 'The referendums are legitimate.', paraphrase: 'He said the votes reflected the will of the people', date: day('2022-09-30') }),
      position({ id: 'peskov-talks-2022-11', actor: 'dmitry-peskov', topics: ['peace-talks', 'preconditions'], stance: 'Talks are stalled because of Kyiv.', quote: 'talks were stalled', date: day('2022-11-20'), passage: { start: 0, end: 56 }, links: [{ type: 'reaffirms', target: 'peskov-talks-2022-03' }] }),
      position({ id: 'putin-annex-2022-09', actor: 'vladimir-putin', reportedBy: 'dmitry-peskov', topics: ['annexation', 'crimea'], stance: 'The annexed regions are Russia forever.', paraphrase: 'Putin considers the regions part of Russia', date: day('2022-09-29') }),
      position({ id: 'podolyak-talks-2022-12', actor: 'mykhailo-podolyak', topics: ['peace-talks'], stance: 'Ukraine will not surrender to reach talks.', quote: 'Kyiv would not surrender', date: day('2022-12-01'), passage: { start: 57, end: 113 }, links: [{ type: 'contradicts', target: 'peskov-talks-2022-11', note: 'blames Moscow instead' }] }),
      position({ id: 'zelensky-annex-2023', actor: 'volodymyr-zelensky', topics: ['annexation'], stance: 'All occupied land will be returned.', paraphrase: 'Ukraine will return all its land', date: { from: '2023-01-01', to: '2023-12-31', precision: 'year' }, source: 'src-b' }),
      position({ id: 'zelensky-grain-2023', actor: 'volodymyr-zelensky', topics: ['grain-exports'], stance: 'Grain exports must continue.', paraphrase: 'Exports must go on', date: day('2023-07-20'), source: 'src-b' }),
      position({ id: 'un-annex-2022-10', actor: 'united-nations', topics: ['annexation'], stance: 'The votes are illegal.', paraphrase: 'The UN called the votes illegal', date: day('2022-10-12'), passage: { start: 114, end: 146 } }),
    ],
  };
}
