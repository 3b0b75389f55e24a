import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus/schema.ts';
import { compileMatcher } from '../match/index.ts';
import { createClaimChecker } from './check-claim.ts';
import { RANK_WEIGHTS } from './rank.ts';
import { parseCorpusShape } from '../corpus/schema.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const checker = createClaimChecker(corpus, compileMatcher(corpus.entities));

describe('checkClaim', () => {
  it('names the actors and topics, ranks positions and explains each score', () => {
    const r = checker.check('Kremlin spokesman Dmitry Peskov said Moscow remains ready for negotiations');
    expect(r.empty).toBeNull();
    expect(r.actors.map((a) => a.id)).toContain('dmitry-peskov');
    expect(r.topics.map((t) => t.id)).toContain('peace-talks');
    expect(r.results[0]!.position.actor.id).toBe('dmitry-peskov');
    for (const x of r.results) {
      const { text, actor, topic, date } = x.parts;
      expect(x.score).toBeCloseTo(text + actor + topic + date);
      expect(text).toBeLessThanOrEqual(RANK_WEIGHTS.text);
      expect(x.reasons.length).toBeGreaterThan(0);
    }
    const scores = r.results.map((x) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('shows the other side apart: Ukrainian positions on talks are not in the Russian speaker’s list', () => {
    const r = checker.check('Peskov said Russia is still ready for negotiations with Kyiv');
    expect(r.sideId).toBe('russia');
    expect(r.otherSide.length).toBeGreaterThan(0);
    for (const x of r.otherSide) expect(x.position.actor.side?.id).not.toBe('russia');
    for (const x of r.results) expect(['ukraine', 'west']).not.toContain(x.position.actor.side?.id);
  });

  it('flags words the record attributes to someone else', () => {
    const r = checker.check('Peskov said mediators should convince Kyiv to withdraw its troops and give up the annexed territories');
    expect(r.attribution?.speakerId).toBe('dmitry-peskov');
    expect(r.attribution?.status).toBe('someone-else');
    expect(r.attribution?.others[0]?.actorId).toBe('alexei-polishchuk');
    expect(r.attribution?.flagged.map((f) => f.text)).toContain('annexed');
  });

  it('confirms a close wording and marks what differs', () => {
    const r = checker.check('Zelensky said: “I am ready for a dialogue, but we are not ready for capitulation”');
    expect(r.attribution?.status).toBe('close');
    expect(r.attribution?.closest?.positionId).toBe('p-004-10');
    const changed = r.attribution!.closest!.diff.claim.filter((w) => !w.same).map((w) => w.text);
    expect(changed).toContain('capitulation');
    expect(changed).not.toContain('dialogue');
  });

  it('gives an empty state, not an error, for empty, wordless and gibberish claims', () => {
    expect(checker.check('   ').empty).toBe('empty');
    expect(checker.check('… — !!! ?').empty).toBe('no-words');
    const gibberish = checker.check('qwxz blorf snargle vlimp');
    expect(gibberish.empty).toBe('no-match');
    expect(gibberish.results).toEqual([]);
  });

  it('cuts a very long selection instead of refusing it', () => {
    const r = checker.check('Peskov said talks are possible. '.repeat(400));
    expect(r.truncated).toBe(true);
    expect(r.claim.length).toBeLessThanOrEqual(4000);
    expect(r.results.length).toBeGreaterThan(0);
  });

  it('uses a date the claim names to prefer positions from that time', () => {
    const early = checker.check('Peskov said Russia was ready for negotiations in March 2022');
    const late = checker.check('Peskov said Russia was ready for negotiations in December 2023');
    expect(early.date).toBe('2022-03-15');
    const rank = (r: typeof early, id: string) => r.results.findIndex((x) => x.positionId === id);
    expect(rank(early, 'p-004-14')).toBeLessThan(rank(late, 'p-004-14'));
  });
});
