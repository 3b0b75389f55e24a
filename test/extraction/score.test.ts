/**
 * The scorer's rule for the annotators' disagreement on "“A,” he said. “B.”" (test/extraction-set/README.md,
 * Scoring): a statement whose cue's sentence ends inside its content is cut into the statement and its continuation on
 * both sides, so a joined labelling and a split one score the same, and a continuation one side lacks costs recall or
 * precision like any statement.
 */
import { describe, expect, it } from 'vitest';
import { scoreDocument, splitAtCue, type GoldLike } from './score.ts';

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

/** Scores predictions against gold after both are cut at their inner cues, as evaluate.ts does. */
const score = (preds: S[], gold: S[], text: string) => scoreDocument(splitAtCue(preds, text).units, splitAtCue(gold, text).units).all;
/** The pieces of text the statements are cut into. */
const pieces = (xs: S[], text: string) => splitAtCue(xs, text).units.map((u) => text.slice(u.start, u.end));

const EN = 'Intro. “We are ready to talk,” he said. “But not on these terms.” Then the talks ended.';
const A = 'We are ready to talk,';
const B = 'But not on these terms.';
const joined = (text: string, a: string, b: string, speaker: string, cue: string, o: Partial<S> = {}): S => ({ ...stmt(text, { content: a, speaker, cue }), end: at(text, b).end, ...o });

describe('splitAtCue: “A,” he said. “B.” is a statement and its continuation', () => {
  const split = [stmt(EN, { content: A, speaker: 'he', cue: 'said' }), stmt(EN, { content: B })];
  const one = joined(EN, A, B, 'he', 'said');

  it('cuts a joined statement at its cue’s sentence', () => {
    const { units, origin } = splitAtCue([one], EN);
    expect(units.map((u) => EN.slice(u.start, u.end))).toEqual(['We are ready to talk', B]);
    expect(origin).toEqual([0, 0]);
    // The statement keeps its speaker and cue; the continuation has no cue of its own.
    expect(units[0]!.cueStart).toBe(at(EN, 'said').start);
    expect(units[1]!.cueStart).toBeNull();
    expect(units[1]!.speakerId).toBe('dmitry-peskov');
  });

  it('leaves a split labelling as it is', () => {
    expect(splitAtCue(split, EN).units).toEqual(split);
  });

  it('gold split vs system joined: both units found', () => {
    expect(score([one], split, EN)).toEqual({ tp: 2, pred: 2, gold: 2, found: 2 });
  });

  it('gold joined vs system split: the same score', () => {
    // The system marks its continuation with the first statement's speaker span copied and no cue.
    const sysSplit = [stmt(EN, { content: A, speaker: 'he', cue: 'said' }), stmt(EN, { content: B, speaker: 'he' })];
    expect(score(sysSplit, [one], EN)).toEqual({ tp: 2, pred: 2, gold: 2, found: 2 });
  });

  it('a missed continuation costs recall, whichever way the gold labelled it', () => {
    const T = 'Intro. “We are ready to talk about everything that matters to both sides,” he said. “Not now.” End.';
    const a = stmt(T, { content: 'We are ready to talk about everything that matters to both sides,', speaker: 'he', cue: 'said' });
    const b = stmt(T, { content: 'Not now.' });
    expect(score([a], [a, b], T)).toEqual({ tp: 1, pred: 1, gold: 2, found: 1 });
    expect(score([a], [joined(T, 'We are ready to talk about everything that matters to both sides,', 'Not now.', 'he', 'said')], T)).toEqual({ tp: 1, pred: 1, gold: 2, found: 1 });
    expect(score([a, b], [a, b], T)).toEqual({ tp: 2, pred: 2, gold: 2, found: 2 });
  });

  it('a continuation the gold does not have costs precision (the same rule from the other side)', () => {
    const T = 'Intro. “We are ready to talk about everything that matters to both sides,” he said. “Not now.” End.';
    const a = stmt(T, { content: 'We are ready to talk about everything that matters to both sides,', speaker: 'he', cue: 'said' });
    const b = stmt(T, { content: 'Not now.', speaker: 'he' });
    expect(score([a, b], [a], T)).toEqual({ tp: 1, pred: 2, gold: 1, found: 1 });
    expect(score([joined(T, 'We are ready to talk about everything that matters to both sides,', 'Not now.', 'he', 'said')], [a], T)).toEqual({ tp: 1, pred: 2, gold: 1, found: 1 });
  });

  it('a continuation with another speaker is no match', () => {
    const b = stmt(EN, { content: B, id: 'mykhailo-podolyak', name: 'Mykhailo Podolyak' });
    expect(score([split[0]!, b], split, EN)).toEqual({ tp: 1, pred: 2, gold: 2, found: 1 });
  });

  it('without the cut the two conventions disagree (what the rule removes)', () => {
    // The joined span overlaps neither gold piece by half of its own length: no match at all.
    expect(scoreDocument([one], split).all).toEqual({ tp: 0, pred: 1, gold: 2, found: 0 });
  });

  it('cuts in Russian dashes, German quotes and a reported (indirect) continuation', () => {
    const RU = '«Мы готовы к переговорам», — сказал Песков. «Но не на этих условиях».';
    expect(pieces([joined(RU, 'Мы готовы к переговорам', 'Но не на этих условиях', 'Песков', 'сказал')], RU)).toEqual(['Мы готовы к переговорам', 'Но не на этих условиях']);
    const RU2 = 'Они сами это признали, — сказал представитель Кремля. — Ситуация вполне очевидна.';
    expect(pieces([joined(RU2, 'Они сами это признали', 'Ситуация вполне очевидна', 'представитель Кремля', 'сказал')], RU2)).toEqual(['Они сами это признали', 'Ситуация вполне очевидна']);
    const DE = '„Wir sind bereit“, sagte Peskow. „Aber nicht so.“';
    expect(pieces([joined(DE, 'Wir sind bereit', 'Aber nicht so.', 'Peskow', 'sagte')], DE)).toEqual(['Wir sind bereit', 'Aber nicht so.']);
    const IND = 'Talks are possible, Peskov said. The terms are another matter.';
    const ind = splitAtCue([joined(IND, 'Talks are possible', 'The terms are another matter', 'Peskov', 'said', { kind: 'indirect' })], IND).units;
    expect(ind.map((u) => IND.slice(u.start, u.end))).toEqual(['Talks are possible', 'The terms are another matter']);
    expect(ind.map((u) => u.kind)).toEqual(['indirect', 'indirect']);
  });

  it('the words end where the attribution begins: a title or a role before the name is not the words', () => {
    const T = 'Talks are possible, but not now, Kremlin spokesman Dmitry Peskov said. The terms are another matter.';
    expect(pieces([joined(T, 'Talks are possible', 'another matter', 'Dmitry Peskov', 'said', { kind: 'indirect' })], T)).toEqual(['Talks are possible, but not now', 'The terms are another matter']);
    const T2 = 'Talks are possible Peskov said. The terms are another matter.';
    expect(pieces([joined(T2, 'Talks are possible', 'another matter', 'Peskov', 'said', { kind: 'indirect' })], T2)).toEqual(['Talks are possible', 'The terms are another matter']);
  });

  it('a full stop that ends no sentence in the cue’s sentence: titles, months written short, German ordinals', () => {
    const cases: [string, string, string, string, string][] = [
      ['“We are ready,” Mr. Peskov said. “Not now.”', 'We are ready,', 'Not now.', 'Peskov', 'said'],
      ['„Wir sind bereit“, sagte Peskow am 24. Februar. „Aber nicht so.“', 'Wir sind bereit', 'Aber nicht so.', 'Peskow', 'sagte'],
      ['„Wir sind bereit“, sagte Peskow am 24. Feb. 2022. „Aber nicht so.“', 'Wir sind bereit', 'Aber nicht so.', 'Peskow', 'sagte'],
      ['“We are ready,” Peskov said on Feb. 24. “Not now.”', 'We are ready,', 'Not now.', 'Peskov', 'said'],
      ['«Мы готовы», — сказал Песков 24 февр. 2022 года. «Но не так».', 'Мы готовы', 'Но не так', 'Песков', 'сказал'],
    ];
    for (const [T, a, b, sp, cue] of cases) expect(pieces([joined(T, a, b, sp, cue)], T), T).toEqual([a.replace(/,$/u, ''), b]);
  });
});

describe('splitAtCue: what stays one statement', () => {
  it('a quote split by its attribution within one sentence', () => {
    const T = '“We are ready,” he said, “to talk.”';
    expect(pieces([joined(T, 'We are ready,', 'to talk.', 'he', 'said')], T)).toEqual(['We are ready,” he said, “to talk.']);
  });

  it('an attribution inside reported words (“A, he said, B.”)', () => {
    const T = 'Russia, he argued, wanted a pause only to rearm. Then he left.';
    expect(pieces([joined(T, 'Russia', 'to rearm', 'he', 'argued')], T)).toEqual(['Russia, he argued, wanted a pause only to rearm']);
  });

  it('a quote after the attribution in the same sentence', () => {
    const T = 'In a few more years, he said, “You won’t recognize it.” Then he left.';
    expect(pieces([joined(T, 'In a few more years', 'recognize it.', 'he', 'said')], T)).toEqual(['In a few more years, he said, “You won’t recognize it.']);
  });

  it('a cue before the words', () => {
    const T = 'He said: “We are ready. But not now.”';
    expect(pieces([stmt(T, { content: 'We are ready. But not now.', speaker: 'He', cue: 'said' })], T)).toEqual(['We are ready. But not now.']);
  });
});
