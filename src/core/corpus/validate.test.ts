import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION, type CorpusInput } from './schema.ts';
import { formatProblem, validateCorpus, type ValidateOptions } from './validate.ts';

const TEXT = 'Mykhailo Podolyak said: "No ceasefire without withdrawal." Dmitry Peskov called the demand "unrealistic".';
const PODOLYAK_END = TEXT.indexOf('Dmitry');
const FILE_TEXT = 'Kyiv rejected the plan. "We will not trade land for peace," Podolyak wrote.';

/** A small valid corpus; each case breaks a fresh copy. */
function base(): CorpusInput & Record<string, unknown> {
  return {
    formatVersion: 1,
    id: 'test',
    title: 'Test corpus',
    version: '1',
    sides: [
      { id: 'ukraine', label: 'Ukraine', opposes: ['russia'] },
      { id: 'russia', label: 'Russia', opposes: ['ukraine'] },
    ],
    sources: [
      { id: 's1', title: 'Talks', outlet: 'Wire', text: TEXT, language: 'en', published: { from: '2022-05-03', to: '2022-05-03', precision: 'day' } },
      { id: 's2', title: 'Land', outlet: 'unknown', file: 's2.txt', language: 'en', published: { from: '2022-06-01', to: '2022-06-30', precision: 'month' } },
    ],
    entities: [
      { id: 'mykhailo-podolyak', type: 'person', label: 'Mykhailo Podolyak', side: 'ukraine', aliases: [{ text: 'Podolyak' }] },
      { id: 'dmitry-peskov', type: 'person', label: 'Dmitry Peskov', side: 'russia', aliases: [{ text: 'Peskov' }] },
      { id: 'kyiv', type: 'place', label: 'Kyiv', aliases: [{ text: 'Kyiv' }, { text: 'Kiev' }] },
      { id: 'peace-talks', type: 'topic', label: 'Peace talks', aliases: [{ text: 'ceasefire' }] },
    ],
    positions: [
      {
        id: 'p1', actor: 'mykhailo-podolyak', topics: ['peace-talks'], stance: 'No ceasefire before withdrawal.',
        quote: 'No ceasefire without withdrawal.', date: { from: '2022-05-03', to: '2022-05-03', precision: 'day' },
        source: 's1', passage: { start: 0, end: PODOLYAK_END },
      },
      {
        id: 'p2', actor: 'dmitry-peskov', topics: ['peace-talks'], stance: 'The demand is unrealistic.',
        quote: 'unrealistic', date: { from: '2022-05-03', to: '2022-05-03', precision: 'day' },
        source: 's1', passage: { start: PODOLYAK_END, end: TEXT.length }, links: [{ type: 'responds-to', target: 'p1' }],
      },
      {
        id: 'p3', actor: 'mykhailo-podolyak', topics: ['peace-talks'], stance: 'No land for peace.',
        quote: 'We will not trade land for peace,', date: { from: '2022-06-01', to: '2022-06-30', precision: 'month' },
        source: 's2', passage: { start: 24, end: FILE_TEXT.length },
      },
    ],
  };
}

type Broken = ReturnType<typeof base> & { sides: NonNullable<CorpusInput['sides']> };
const opts: ValidateOptions = { fileName: 't.json', texts: (s) => (s.file === 's2.txt' ? FILE_TEXT : undefined) };

function run(mutate: (c: Broken) => void, options: ValidateOptions = opts) {
  const c = base() as Broken;
  mutate(c);
  const r = validateCorpus(c, options);
  return { ...r, lines: r.problems.map(formatProblem) };
}

describe('validateCorpus', () => {
  it('accepts the base corpus without any problem', () => {
    const r = run(() => {});
    expect(r.lines).toEqual([]);
    expect(r.corpus?.positions).toHaveLength(3);
  });

  // Each broken corpus must produce (at least) this exact line, and no corpus.
  const errors: [string, (c: Broken) => void, string][] = [
    ['unknown source', (c) => { c.positions[0]!.source = 'doc-9'; }, 't.json: positions[0].source: unknown source "doc-9"'],
    ['unknown actor', (c) => { c.positions[1]!.actor = 'nobody'; }, 't.json: positions[1].actor: unknown entity "nobody"'],
    ['unknown relay', (c) => { c.positions[1]!.reportedBy = 'kremlin'; }, 't.json: positions[1].reportedBy: unknown entity "kremlin"'],
    ['unknown topic', (c) => { c.positions[0]!.topics.push('annexation'); }, 't.json: positions[0].topics[1]: unknown topic "annexation"'],
    ['dangling link', (c) => { c.positions[1]!.links = [{ type: 'contradicts', target: 'p-9' }]; }, 't.json: positions[1].links[0].target: unknown position "p-9"'],
    ['self link', (c) => { c.positions[0]!.links = [{ type: 'reaffirms', target: 'p1' }]; }, 't.json: positions[0].links[0].target: position "p1" links to itself'],
    ['unknown entity side', (c) => { c.entities[2]!.side = 'west'; }, 't.json: entities[2].side: unknown side "west"'],
    ['unknown opposed side', (c) => { c.sides[1]!.opposes = ['mars']; }, 't.json: sides[1].opposes[0]: unknown side "mars"'],
    ['side opposing itself', (c) => { c.sides[0]!.opposes = ['ukraine']; }, 't.json: sides[0].opposes[0]: side "ukraine" cannot oppose itself'],
    ['duplicate entity id', (c) => { c.entities[3]!.id = 'kyiv'; }, 't.json: entities[3].id: duplicate id "kyiv" (already used by entities[2])'],
    ['duplicate source id', (c) => { c.sources[1]!.id = 's1'; }, 't.json: sources[1].id: duplicate id "s1" (already used by sources[0])'],
    ['duplicate position id', (c) => { c.positions[2]!.id = 'p2'; }, 't.json: positions[2].id: duplicate id "p2" (already used by positions[1])'],
    ['duplicate side id', (c) => { c.sides[1]!.id = 'ukraine'; }, 't.json: sides[1].id: duplicate id "ukraine" (already used by sides[0])'],
    ['passage past the end', (c) => { c.positions[1]!.passage.end = 999; }, `t.json: positions[1].passage.end: offset 999 is past the end of source "s1" (${TEXT.length} UTF-16 code units)`],
    ['quote outside its passage', (c) => { c.positions[1]!.quote = 'No ceasefire'; }, `t.json: positions[1].quote: quote not found verbatim in the passage ${PODOLYAK_END}–${TEXT.length} of source "s1"; it occurs at 25–37`],
    ['quote not in the text', (c) => { c.positions[0]!.quote = 'No ceasefire before withdrawal.'; }, `t.json: positions[0].quote: quote not found verbatim in the passage 0–${PODOLYAK_END} of source "s1"; it does not occur verbatim anywhere in the source`],
    ['source without text or file', (c) => { delete c.sources[0]!.text; }, 't.json: sources[0]: source "s1" has neither "text" nor "file", so its passages cannot be checked'],
    ['unreadable text file', (c) => { c.sources[1]!.file = 'missing.txt'; }, 't.json: sources[1].file: cannot read the text file "missing.txt" of source "s2"'],
    ['entity without alias', (c) => { c.entities[3]!.aliases = []; }, 't.json: entities[3].aliases: entity "peace-talks" has no alias; add at least one form the press writes'],
    ['wrong type deep inside', (c) => { (c.entities[1]!.aliases[0] as { text: unknown }).text = 3; }, 't.json: entities[1].aliases[0].text: expected a string, got 3'],
    ['missing required field', (c) => { delete (c.positions[2] as { stance?: string }).stance; }, 't.json: positions[2].stance: missing required field "stance"'],
    ['value outside a picklist', (c) => { (c.entities[0] as { type: string }).type = 'human'; }, 't.json: entities[0].type: expected one of "person", "organization", "collective", "place", "event", "topic", got "human"'],
    ['malformed id', (c) => { c.positions[0]!.id = 'P 1'; }, 't.json: positions[0].id: ids are lower-case letters, digits, ".", "_" or "-", starting with a letter or digit'],
    ['empty passage', (c) => { c.positions[0]!.passage = { start: 5, end: 5 }; }, 't.json: positions[0].passage: "start" must be less than "end"'],
    ['negative offset', (c) => { c.positions[0]!.passage.start = -1; }, 't.json: positions[0].passage.start: must be at least 0, got -1'],
    ['neither quote nor paraphrase', (c) => { delete c.positions[1]!.quote; }, 't.json: positions[1]: a position needs a "quote" or a "paraphrase"'],
    ['reversed date range', (c) => { c.positions[2]!.date.from = '2022-07-01'; }, 't.json: positions[2].date: "from" must not be after "to"'],
    ['impossible date', (c) => { c.sources[0]!.published.to = '2022-13-01'; }, 't.json: sources[0].published.to: must be a date written YYYY-MM-DD'],
    ['blank label', (c) => { c.entities[2]!.label = '   '; }, 't.json: entities[2].label: must not be empty'],
    ['section of the wrong type', (c) => { (c as Record<string, unknown>)['positions'] = 'none'; }, 't.json: positions: expected an array, got "none"'],
  ];

  it.each(errors)('reports %s', (_name, mutate, expected) => {
    const r = run(mutate);
    expect(r.lines).toContain(expected);
    expect(r.corpus).toBeUndefined();
  });

  const warnings: [string, (c: Broken) => void, string][] = [
    ['an alias claimed by two entities (case folded)', (c) => { c.entities[3]!.aliases.push({ text: 'KYIV' }); }, 't.json: entities[3].aliases[1].text: warning: alias "KYIV" is also an alias of "kyiv" (entities[2].aliases[0]); mark both "ambiguous" if both are meant'],
    ['an alias claimed twice (NFC folded)', (c) => { c.entities[0]!.aliases.push({ text: 'Pe\u0301skov' }); c.entities[1]!.aliases.push({ text: 'P\u00e9skov' }); }, 't.json: entities[1].aliases[1].text: warning: alias "Péskov" is also an alias of "mykhailo-podolyak" (entities[0].aliases[1]); mark both "ambiguous" if both are meant'],
    ['an alias repeated in one entity', (c) => { c.entities[2]!.aliases.push({ text: 'kiev' }); }, 't.json: entities[2].aliases[2].text: warning: alias "kiev" repeats aliases[1] of the same entity'],
    ['a misspelt optional field', (c) => { (c.positions[0] as Record<string, unknown>)['paraphase'] = 'x'; }, 't.json: positions[0].paraphase: warning: unknown field "paraphase" is ignored; did you mean "paraphrase"?'],
    ['a place as the speaker', (c) => { c.positions[0]!.actor = 'kyiv'; }, 't.json: positions[0].actor: warning: "kyiv" is a place; a speaker is a person, organization or collective'],
    ['a position dated after its source', (c) => { c.positions[0]!.date = { from: '2022-05-04', to: '2022-05-04', precision: 'day' }; }, 't.json: positions[0].date: warning: dated from 2022-05-04, after its source "s1" was published (by 2022-05-03)'],
  ];

  it.each(warnings)('warns about %s but still accepts the corpus', (_name, mutate, expected) => {
    const r = run(mutate);
    expect(r.lines).toContain(expected);
    expect(r.problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(r.corpus).toBeDefined();
  });

  it('lets one entity repeat a form for another language', () => {
    const r = run((c) => {
      c.entities[1]!.aliases.push({ text: 'Песков', lang: 'ru' }, { text: 'Песков', lang: 'uk' });
    });
    expect(r.lines).toEqual([]);
  });

  it('lets entities share an alias every one of them marks ambiguous', () => {
    const r = run((c) => {
      c.entities[2]!.aliases.push({ text: 'Istanbul', ambiguous: true });
      c.entities[3]!.aliases.push({ text: 'istanbul', ambiguous: true });
    });
    expect(r.lines).toEqual([]);
  });

  it('refuses a newer formatVersion with one clear error instead of a flood', () => {
    const r = run((c) => {
      c.formatVersion = FORMAT_VERSION + 1;
      (c as Record<string, unknown>)['positions'] = 'changed shape';
    });
    expect(r.lines).toEqual([
      `t.json: formatVersion: formatVersion ${FORMAT_VERSION + 1} is newer than this OnRecord understands (${FORMAT_VERSION}); update OnRecord`,
    ]);
  });

  it('collects every problem, across sections, even when some entries are malformed', () => {
    const r = run((c) => {
      (c.entities[0] as { type: string }).type = 'human'; // malformed, yet its id still resolves
      c.positions[0]!.source = 'doc-9';
      c.positions[1]!.passage.end = 999;
      c.entities[2]!.side = 'west';
    });
    expect(r.lines).toEqual(
      expect.arrayContaining([
        't.json: entities[0].type: expected one of "person", "organization", "collective", "place", "event", "topic", got "human"',
        't.json: positions[0].source: unknown source "doc-9"',
        expect.stringMatching(/^t\.json: positions\[1\]\.passage\.end: offset 999 is past the end/),
        't.json: entities[2].side: unknown side "west"',
      ]),
    );
    expect(r.lines.some((l) => l.includes('unknown entity "mykhailo-podolyak"'))).toBe(false);
    expect(r.problems).toHaveLength(4);
  });

  it('skips text checks when asked to', () => {
    const r = run((c) => { c.positions[1]!.passage.end = 999; }, { fileName: 't.json', checkOffsets: false });
    expect(r.lines).toEqual([]);
  });

  it('warns about offsets that split a surrogate pair', () => {
    const r = run((c) => {
      c.sources[0]!.text = `${TEXT} 🇺🇦`;
      c.positions[1]!.passage.end = TEXT.length + 2;
    });
    expect(r.lines).toEqual([
      `t.json: positions[1].passage.end: warning: offset ${TEXT.length + 2} falls inside a surrogate pair; offsets count UTF-16 code units`,
    ]);
  });

  it.each([
    [null, 'null'],
    [[], 'an array'],
    ['corpus', 'a string'],
  ])('explains that %j is not a corpus', (input, what) => {
    const r = validateCorpus(input, opts);
    expect(r.problems.map(formatProblem)).toEqual([
      `t.json: a corpus is a JSON object with "formatVersion", "sources", "entities" and "positions"; this is ${what}`,
    ]);
  });
});
