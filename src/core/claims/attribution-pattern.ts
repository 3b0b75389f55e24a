/**
 * Finds who a claim puts words in the mouth of: "Peskov said …", "… , Peskov
 * said", "according to Peskov, …", "Peskov: “…”", and the German, Russian and
 * Ukrainian basics (sagte, laut, zufolge; заявил, по словам; заявив, за
 * словами). The speaker must be an actor the matcher found; the cue must sit
 * next to that mention (at most GAP_WORDS words between them).
 */
import { allWords, BUNDLED_RULES } from '../concepts/rules.ts';
import type { Mention } from '../match/index.ts';

/** Words allowed between a name and its verb ("Peskov on Tuesday said"): more would let the wrong name claim the verb. */
export const GAP_WORDS = 3;

/** Verbs of saying in en, ru, uk, de (rules data, `speechVerbs` in corpus/concept-rules.json). */
const SPEECH_VERBS = [...allWords(BUNDLED_RULES.speechVerbs)];
const VERB = `(?:${SPEECH_VERBS.join('|')})`;
const GAP = `(?:[\\s,]+[\\p{L}\\p{N}'’.-]+){0,${GAP_WORDS}}?`;
/** After the name: up to GAP_WORDS words, then a speech verb. */
const NAME_THEN_VERB = new RegExp(`^${GAP}[\\s,]+(${VERB})(?![\\p{L}\\p{N}])`, 'iu');
/** Before the name: a speech verb right before it ("…", said Peskov). */
const VERB_THEN_NAME = new RegExp(`(?<![\\p{L}\\p{N}])(${VERB})\\s+(?:[\\p{L}'’.-]+\\s+){0,${GAP_WORDS}}$`, 'iu');
/** Before the name: "according to", "laut", "по словам", "за словами". */
const SOURCE_MARKER = /(?<![\p{L}\p{N}])(according\s+to|laut|по\s+словам|за\s+словами)\s+(?:[\p{L}'’.-]+\s+){0,3}$/iu;
/** After the name: German "zufolge". */
const ZUFOLGE = /^\s*(zufolge)(?![\p{L}\p{N}])/iu;
/** After the name: a colon that opens the words ("Peskov: …"). */
const COLON = /^\s*(:)/u;
/** What opens reported words and is not part of them. */
const LEAD_IN =
  /^[\s,:;–—-]*(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|earlier|later|again)(?![\p{L}\p{N}])[\s,]*)?(?:(?:that|dass|что|що)(?![\p{L}\p{N}]))?[\s,:;«»“”„"'’‘]*/iu;
const TRAIL = /[\s,:;.…–—«»“”„"'’‘-]+$/u;
/** Words that end in a comma or closing quote before the name: the trailing form ("…,” Zelensky told reporters). */
const ENDS_QUOTE = /[,”"»’]\s*$/u;

export type AttributionCue = 'verb' | 'inverted-verb' | 'according-to' | 'colon';

export interface AttributedWords {
  speakerId: string;
  /** The name as the claim writes it. */
  speakerText: string;
  cue: AttributionCue;
  /** The words put in the speaker's mouth, without the lead-in ("that", quotes). */
  words: string;
  start: number;
  end: number;
}

function clean(text: string, offset: number): { words: string; start: number; end: number } {
  const lead = LEAD_IN.exec(text)?.[0].length ?? 0;
  const body = text.slice(lead);
  const trailMatch = TRAIL.exec(body);
  const words = trailMatch ? body.slice(0, trailMatch.index) : body;
  return { words, start: offset + lead, end: offset + lead + words.length };
}

interface Candidate extends AttributedWords {
  /** Characters between the cue and the name: the nearest name wins the cue. */
  distance: number;
}

function pick(text: string, m: Mention, cue: AttributionCue, distance: number, after: [string, number], before: [string, number]): Candidate | null {
  const primary = clean(after[0], after[1]);
  const fallback = clean(before[0], before[1]);
  const chosen = primary.words.length > 0 ? primary : fallback;
  if (chosen.words.length === 0) return null;
  return { speakerId: m.entityId, speakerText: text.slice(m.start, m.end), cue, distance, ...chosen };
}

/** The first attribution in `text`, or null. `actorMentions` are the matcher's mentions of people, organizations and collectives. */
export function findAttribution(text: string, actorMentions: readonly Mention[]): AttributedWords | null {
  const candidates: Candidate[] = [];
  for (const m of actorMentions) {
    const after = text.slice(m.end);
    const before = text.slice(0, m.start);
    const verb = NAME_THEN_VERB.exec(after);
    if (verb) {
      const cueEnd = m.end + verb[0].length;
      const trailing = ENDS_QUOTE.test(before) && clean(before, 0).words.length > 0;
      const afterVerb: [string, number] = [text.slice(cueEnd), cueEnd];
      const c = trailing
        ? pick(text, m, 'verb', verb[0].length - verb[1]!.length, [before, 0], afterVerb)
        : pick(text, m, 'verb', verb[0].length - verb[1]!.length, afterVerb, [before, 0]);
      if (c) candidates.push(c);
    }
    const inverted = VERB_THEN_NAME.exec(before);
    if (inverted) {
      const c = pick(text, m, 'inverted-verb', before.length - inverted.index - inverted[1]!.length, [before.slice(0, inverted.index), 0], ['', 0]);
      if (c) candidates.push(c);
    }
    const marker = SOURCE_MARKER.exec(before);
    if (marker) {
      const c = pick(text, m, 'according-to', before.length - marker.index - marker[1]!.length, [after, m.end], [before.slice(0, marker.index), 0]);
      if (c) candidates.push(c);
    }
    const postMarker = ZUFOLGE.exec(after) ?? COLON.exec(after);
    if (postMarker) {
      const cueEnd = m.end + postMarker[0].length;
      const cue: AttributionCue = postMarker[1] === ':' ? 'colon' : 'according-to';
      const c = pick(text, m, cue, postMarker[0].length - postMarker[1]!.length, [text.slice(cueEnd), cueEnd], [before, 0]);
      if (c) candidates.push(c);
    }
  }
  candidates.sort((a, b) => a.distance - b.distance || a.start - b.start);
  const best = candidates[0];
  if (!best) return null;
  const { distance: _distance, ...found } = best;
  return found;
}
