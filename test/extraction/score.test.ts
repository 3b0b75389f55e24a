/**
 * The scorer's rule for the annotators' disagreement on "“A,” he said. “B.”" (test/extraction-set/README.md,
 * Scoring): a statement and the continuation right after its cue's sentence are one unit on both sides, so a
 * split labelling and a joined one score the same; other neighbours stay apart.
 */
import { describe, expect, it } from 'vitest';
import { joinContinuations, scoreDocument, type GoldLike } from './score.ts';

type S = GoldLike;

/** Finds `piece` (the n-th occurrence) in `text` and returns its span. */
function at(text: string, piece: string, nth = 0): { start: number; end: number } {
  let from = 0;
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(piece, from);
    if (i < 0) throw new Error(`"${piece}" not in text`);
    from = i + 1;
  }
  return { start: i, end: i + piece.length };
}

function stmt(text: string, o: { content: string; speaker?: string | null; cue?: string | null; id?: string | null; name?: string; kind?: S['kind']; nth?: number }): S {
  const c = at(text, o.content, o.nth ?? 0);
  const sp = o.speaker ? at(text, o.speaker) : null;
  const cu = o.cue ? at(text, o.cue) : null;
  return {
    speakerId: o.id === undefined ? 'dmitry-peskov' : o.id,
    speakerName: o.name ?? 'Dmitry Peskov',
    speakerStart: sp?.start ?? null,
    speakerEnd: sp?.end ?? null,
    cueStart: cu?.start ?? null,
    cueEnd: cu?.end ?? null,
    start: c.start,
    end: c.end,
    kind: o.kind ?? 'direct',
  };
}

const EN = 'Intro. “We are ready to talk,” he said. “But not on these terms.” Then the talks ended.';
const A = 'We are ready to talk,';
const B = 'But not on these terms.';

describe('joinContinuations: the “A,” he said. “B.” rule', () => {
  const splitGold = [stmt(EN, { content: A, speaker: 'he', cue: 'said' }), stmt(EN, { content: B })];
  const joined = { ...stmt(EN, { content: A, speaker: 'he', cue: 'said' }), end: at(EN, B).end };

  it('joins a gold statement and its continuation into one unit', () => {
    const { units, members } = joinContinuations(splitGold, EN);
    expect(units).toHaveLength(1);
    expect(members).toEqual([[0, 1]]);
    expect(EN.slice(units[0]!.start, units[0]!.end)).toBe(`${A}” he said. “${B}`);
    expect(units[0]!.kind).toBe('direct');
  });

  it('gold split vs system joined: one unit each, matched', () => {
    const gold = joinContinuations(splitGold, EN).units;
    const preds = joinContinuations([joined], EN).units;
    const s = scoreDocument(preds, gold);
    expect(s.all).toEqual({ tp: 1, pred: 1, gold: 1, found: 1 });
    expect(s.direct).toEqual({ tp: 1, pred: 1, gold: 1, found: 1 });
  });

  it('gold joined vs system split: the same score', () => {
    // The system marks its continuation with the first statement's speaker span copied and no cue.
    const sysSplit = [stmt(EN, { content: A, speaker: 'he', cue: 'said' }), stmt(EN, { content: B, speaker: 'he' })];
    const gold = joinContinuations([joined], EN).units;
    const preds = joinContinuations(sysSplit, EN).units;
    expect(preds).toHaveLength(1);
    expect(scoreDocument(preds, gold).all).toEqual({ tp: 1, pred: 1, gold: 1, found: 1 });
  });

  it('without the rule the two conventions disagree (what the rule removes)', () => {
    // The joined span overlaps neither gold piece by half of its own length: no match at all.
    expect(scoreDocument([joined], splitGold).all).toEqual({ tp: 0, pred: 1, gold: 2, found: 0 });
  });

  it('joins in Russian and German quote styles and a reported (indirect) continuation', () => {
    const RU = '«Мы готовы к переговорам», — сказал Песков. «Но не на этих условиях».';
    const ru = joinContinuations([stmt(RU, { content: 'Мы готовы к переговорам', speaker: 'Песков', cue: 'сказал' }), stmt(RU, { content: 'Но не на этих условиях' })], RU);
    expect(ru.units).toHaveLength(1);
    const DE = '„Wir sind bereit“, sagte Peskow. „Aber nicht so.“';
    expect(joinContinuations([stmt(DE, { content: 'Wir sind bereit', speaker: 'Peskow', cue: 'sagte' }), stmt(DE, { content: 'Aber nicht so.' })], DE).units).toHaveLength(1);
    const IND = 'Talks are possible, Peskov said. The terms are another matter.';
    const ind = joinContinuations([stmt(IND, { content: 'Talks are possible', speaker: 'Peskov', cue: 'said', kind: 'indirect' }), stmt(IND, { content: 'The terms are another matter', kind: 'indirect' })], IND);
    expect(ind.units).toHaveLength(1);
    expect(ind.units[0]!.kind).toBe('indirect');
  });

  it('a cue sentence with a title abbreviation still joins', () => {
    const T = '“We are ready,” Mr. Peskov said. “Not now.”';
    expect(joinContinuations([stmt(T, { content: 'We are ready,', speaker: 'Peskov', cue: 'said' }), stmt(T, { content: 'Not now.' })], T).units).toHaveLength(1);
  });

  it('joins only the first continuation: a second one stays its own statement', () => {
    const T = '“One,” he said. “Two.” “Three.”';
    const { units, members } = joinContinuations([stmt(T, { content: 'One,', speaker: 'he', cue: 'said' }), stmt(T, { content: 'Two.' }), stmt(T, { content: 'Three.' })], T);
    expect(members).toEqual([[0, 1], [2]]);
    expect(units).toHaveLength(2);
  });
});

describe('joinContinuations: what must not join', () => {
  it('a different speaker', () => {
    const T = '“We are ready,” Peskov said. “We are not.”';
    const xs = [stmt(T, { content: 'We are ready,', speaker: 'Peskov', cue: 'said' }), stmt(T, { content: 'We are not.', id: 'mykhailo-podolyak', name: 'Mykhailo Podolyak' })];
    expect(joinContinuations(xs, T).units).toHaveLength(2);
  });

  it('a different new speaker (no record entity), by name', () => {
    const T = '“We are ready,” Smith said. “We are not.”';
    const xs = [stmt(T, { content: 'We are ready,', speaker: 'Smith', cue: 'said', id: null, name: 'John Smith' }), stmt(T, { content: 'We are not.', id: null, name: 'Jane Doe' })];
    expect(joinContinuations(xs, T).units).toHaveLength(2);
  });

  it('other text between: a further sentence after the cue’s sentence', () => {
    const T = '“We are ready,” he said. The room went quiet. “But not now.”';
    const xs = [stmt(T, { content: 'We are ready,', speaker: 'he', cue: 'said' }), stmt(T, { content: 'But not now.' })];
    expect(joinContinuations(xs, T).units).toHaveLength(2);
  });

  it('a second statement with its own cue or its own speaker mention', () => {
    const T = '“We are ready,” he said. “But not now,” he added.';
    const ownCue = [stmt(T, { content: 'We are ready,', speaker: 'he', cue: 'said' }), stmt(T, { content: 'But not now,', speaker: 'he', cue: 'added' })];
    expect(joinContinuations(ownCue, T).units).toHaveLength(2);
    const T2 = '“We are ready,” he said. “Peskov: not now.”';
    const ownSpeaker = [stmt(T2, { content: 'We are ready,', speaker: 'he', cue: 'said' }), stmt(T2, { content: 'Peskov: not now.', speaker: 'Peskov' })];
    expect(joinContinuations(ownSpeaker, T2).units).toHaveLength(2);
  });

  it('a cue before the first quote (“He said: “A.” “B.”” is not the disagreement)', () => {
    const T = 'He said: “We are ready.” “But not now.”';
    const xs = [stmt(T, { content: 'We are ready.', speaker: 'He', cue: 'said' }), stmt(T, { content: 'But not now.' })];
    expect(joinContinuations(xs, T).units).toHaveLength(2);
  });

  it('a split statement already holding its cue is not joined with a later continuation', () => {
    const T = '“We are ready,” he said, “to talk.” “But not now.”';
    const first = { ...stmt(T, { content: 'We are ready,', speaker: 'he', cue: 'said' }), end: at(T, 'to talk.').end };
    const xs = [first, stmt(T, { content: 'But not now.' })];
    expect(joinContinuations(xs, T).units).toHaveLength(2);
  });
});
