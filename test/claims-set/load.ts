/**
 * Loader for the claims evaluation set (issue 11): claims.jsonl, one claim a
 * line, with the gold verdict, speaker and relevant positions. Written by
 * hand before any tuning; see README.md. Never edit the set to make a
 * test pass.
 */
import { readFileSync } from 'node:fs';

export const VERDICTS = ['consistent', 'contradicts', 'misattributed', 'not-in-record'] as const;
export type ClaimVerdict = (typeof VERDICTS)[number];

export const LANGS = ['en', 'ru', 'uk', 'de'] as const;
export type ClaimLang = (typeof LANGS)[number];

export type ClaimSplit = 'dev' | 'test';

export interface ClaimCase {
  /** "c001" … in file order. */
  id: string;
  /** "test" is the untuned quarter: report it, never tune on it. */
  split: ClaimSplit;
  lang: ClaimLang;
  /** The claim as a moderator would read it in a news text. */
  claim: string;
  /** Entity id (corpus/seed.json) the claim attributes the words to; null when there is no speaker or the speaker is not in the record. */
  speaker: string | null;
  verdict: ClaimVerdict;
  /**
   * Position ids a moderator needs among the first five results: the
   * speaker's matching position(s) for consistent, the contradicted ones for
   * contradicts, the other actor's for misattributed; empty for
   * not-in-record.
   */
  relevant: string[];
  /** role, according-to, according-to-person, headline, pronoun, collective, quote, split-quote, mixed, cross-language, condition-dropped, reported, place-only, common-word, new-speaker. */
  tags: string[];
  /** One line: why this verdict, which position decides it. */
  why: string;
}

export const CLAIMS_FILE = new URL('./claims.jsonl', import.meta.url);

/** Every claim of the set, in file order; throws with the line number on a line that is not JSON. */
export function loadClaims(): ClaimCase[] {
  const lines = readFileSync(CLAIMS_FILE, 'utf8').split('\n');
  const claims: ClaimCase[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      claims.push(JSON.parse(line) as ClaimCase);
    } catch (error) {
      throw new Error(`claims.jsonl line ${i + 1}: ${(error as Error).message}`);
    }
  });
  return claims;
}
