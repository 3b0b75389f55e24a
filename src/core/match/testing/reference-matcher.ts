/**
 * A slow, obviously-correct matcher for property tests: fold the whole text
 * with an offset map, then at every item try every pattern with
 * String.startsWith, apply the same boundary, suffix and ambiguity rules, and
 * keep the leftmost-longest. No automaton, no streaming fold.
 */
import type { Alias, Entity } from '../../corpus/schema.ts';
import { CASE_CAPS, caseAllows, caseRule, insideAddressOrCode, languageGuardFails, opensPublicationName } from '../rules.ts';
import { CLASS, WORD } from '../../text/fold-table.ts';
import { foldWithMap } from '../../text/fold.ts';
import { boundaryAfter, boundaryBefore, wordEnd } from '../boundary.ts';
import { aliasWords, givenNameStart, hasContextWord, partOfLongerName, rememberTail, type DocumentContext } from '../context.ts';
import { aliasVariants, givenNamePrefixes } from '../inflection.ts';
import type { Mention } from '../scanner.ts';
import { foldString } from '../../text/fold.ts';

interface RefPattern {
  folded: string;
  suffixes: string[];
  requireSuffix: boolean;
  ambiguous: boolean;
  compound: boolean;
  entity: number;
  aliasIndex: number;
  alias: Alias;
}

export function referencePatterns(entities: readonly Entity[]): RefPattern[] {
  const clear: RefPattern[] = [];
  const ambiguous: RefPattern[] = [];
  let aliasIndex = 0;
  entities.forEach((e, entity) => {
    for (const a of e.aliases) {
      for (const v of aliasVariants(a, e.type === 'person')) {
        (a.ambiguous === true ? ambiguous : clear).push({
          folded: v.folded,
          suffixes: v.suffixes,
          requireSuffix: v.requireSuffix,
          ambiguous: a.ambiguous === true,
          compound: a.compound === true && !v.requireSuffix,
          entity,
          aliasIndex,
          alias: a,
        });
      }
      aliasIndex++;
    }
  });
  return clear.concat(ambiguous);
}

const isWord = (unit: string): boolean => CLASS[unit.charCodeAt(0)] === WORD;

export function referenceScan(entities: readonly Entity[], text: string, ctx: DocumentContext): Mention[] {
  const patterns = referencePatterns(entities);
  const contexts = entities.map((e) => (e.context ?? []).map(foldString).filter((w) => w !== ''));
  // Given names: straight from the aliases (no header encoding).
  let firstAlias = 0;
  const given = entities.map((e) => {
    const prefixes = new Map<string, number>();
    e.aliases.forEach((a, k) => {
      if (e.type === 'person') for (const p of givenNamePrefixes(a)) if (!prefixes.has(p)) prefixes.set(p, firstAlias + k);
    });
    firstAlias += e.aliases.length;
    return { prefixes, maxWords: Math.max(0, ...[...prefixes.keys()].map((p) => p.split(' ').length - 1)) };
  });
  const ownWords = entities.map((e) => new Set(aliasWords(e.aliases.map((a) => a.text))));
  const { folded, itemStart, itemEnd } = foldWithMap(text);
  const L = folded.length;
  // Folded index k is the first unit of an item (a match may start or end only there).
  const itemBoundary = (k: number): boolean => k === 0 || k === L || itemStart[k] !== itemStart[k - 1];
  const out: Mention[] = [];
  let pos = 0;
  while (pos < L) {
    if (!itemBoundary(pos)) {
      pos++;
      continue;
    }
    const start = itemStart[pos]!;
    const candidates: { p: number; end: number }[] = [];
    patterns.forEach((pat, p) => {
      if (!folded.startsWith(pat.folded, pos)) return;
      if (isWord(pat.folded[0]!) && !boundaryBefore(text, start)) return;
      const q = pos + pat.folded.length;
      if (!itemBoundary(q)) return;
      const j = itemEnd[q - 1]!;
      let best = -1;
      if (!pat.requireSuffix && (!isWord(pat.folded.slice(-1)) || boundaryAfter(text, j))) best = j;
      for (const suf of pat.suffixes) {
        const r = q + suf.length;
        if (folded.startsWith(suf, q) && itemBoundary(r) && boundaryAfter(text, itemEnd[r - 1]!)) best = Math.max(best, itemEnd[r - 1]!);
      }
      if (pat.compound && wordEnd(text, j) > j) best = Math.max(best, wordEnd(text, j));
      if (best >= 0) candidates.push({ p, end: best });
    });
    candidates.sort((a, b) => b.end - a.end || a.p - b.p);
    const chosen = candidates.find(({ p, end }) => {
      const pat = patterns[p]!;
      const id = entities[pat.entity]!.id;
      // Case and form (docs/matching.md, "Case and form").
      const a = pat.alias;
      if (!caseAllows(caseRule(a), text, start, end) || insideAddressOrCode(text, start, end)) return false;
      if (entities[pat.entity]!.type === 'place' && opensPublicationName(text, end)) return false;
      if (a.commonWordIn !== undefined && a.commonWordIn.length > 0) {
        const own = a.lang ?? (/\p{Script=Cyrillic}/u.test(a.text) ? 'ru' : 'en');
        if (languageGuardFails(text, start, end, a.commonWordIn, own)) return false;
      }
      if (!pat.ambiguous) return true;
      if (partOfLongerName(text, start, end, ownWords[pat.entity]!, caseRule(a) === CASE_CAPS)) return false;
      return ctx.seen.has(id) || hasContextWord(contexts[pat.entity]!, text, start, end, ctx.tail);
    });
    if (chosen === undefined) {
      pos++;
      continue;
    }
    const pat = patterns[chosen.p]!;
    const entityId = entities[pat.entity]!.id;
    if (!pat.ambiguous) ctx.seen.add(entityId);
    const g = given[pat.entity]!;
    const before = g.prefixes.size > 0 ? givenNameStart(text, start, g.prefixes, g.maxWords) : undefined;
    const extend = before !== undefined && (out.length === 0 || out[out.length - 1]!.end <= before.start);
    out.push({ start: extend ? before.start : start, end: chosen.end, entityId, aliasIndex: extend ? before.alias : pat.aliasIndex });
    while (pos < L && itemStart[pos]! < chosen.end) pos++;
  }
  rememberTail(ctx, text);
  return out;
}
