/**
 * The mention matcher: all aliases of a corpus in one automaton of typed
 * arrays, compiled once (service worker), stored as a structured-clonable
 * object (IndexedDB) and loaded by every tab without recompiling.
 * Rules: docs/matching.md.
 */
import type { Entity, Side } from '../corpus/schema.ts';
import { currentFoldTables, encodeFoldTables, installFoldTables, installFoldTablesAsIs, type EncodedFoldTables, type FoldTables } from '../text/fold-table.ts';
import { compileAutomaton, type AutomatonData } from './automaton.ts';
import { createDocumentContext, type DocumentContext } from './context.ts';
import { Scanner, type Mention, type ScannerState } from './scanner.ts';

export type { Mention } from './scanner.ts';
export { CONTEXT_WINDOW_CHARS, createDocumentContext, type DocumentContext } from './context.ts';
export { pageIsRelevant } from './rules.ts';

export interface Matcher {
  /**
   * Non-overlapping, leftmost-longest mentions in `text`, offsets into `text`. Pass one `ctx` for all chunks of a
   * document. Without `ctx` the text is no page (a claim, a quote): topics are not gated by relevance.
   */
  scan(text: string, ctx?: DocumentContext): Mention[];
  /** Entity ids, in corpus order. */
  readonly entityIds: readonly string[];
}

/**
 * Bumped when the layout of SerializedMatcher changes; older stored matchers are refused.
 * 2: header.ownWords (ambiguity guards), foldTables.
 * 3: aliasRules, entityAnchor, header.falseFriends, header.coordinable (issue 13: case, relevance, coordinated names).
 * 4: header.coordinable holds organizations too (Луганская народная республика), grouped by head noun on load.
 * 5: header.otherSenses, header.givenInitials; alias rule bits IN_NAMES, OTHER_SENSE (place names inside other names, other senses, namesakes).
 * 6: header.ambiguousReadings (lowercaseSense, confirmedByPage), the case rule "lower"; aliasRules is a Uint16Array (bit PERSON).
 * 7: alias rule bit TERM (a gated alias of several words, drawn in a teaser of a page about the record).
 * 8: header.givenInitials holds the persons' whole given names (folded), not their first three letters.
 * 9: alias rule bit SENTENCE; entityAnchor 2 (SENTENCE_EVIDENCE) for the places that are no anchor.
 * 10: entityAnchor 3 + side index (SIDE_PLACE) for the places that speak as a core side's government (RELEVANCE_PAGE_PLACES); alias rule bit EVENT.
 * 11: header.objectWords, alias rule bit NEEDS_OBJECT (the head noun of an action with its object: "вывод российских войск").
 *     11 also retires matchers stored before F14 (95fe185), whose context lists were shorter with the same shape.
 */
export const MATCHER_FORMAT = 11;

/** A plain object of typed arrays and JSON-able fields: structured-clonable, storable in IndexedDB. */
export interface SerializedMatcher extends AutomatonData {
  format: number;
  /**
   * The folding tables the matcher was compiled with, compact (~9 KB):
   * loadMatcher installs them, so a tab never builds them (30–85 ms).
   */
  foldTables: EncodedFoldTables;
}

/**
 * A matcher with everything it derives on load and on first use already
 * derived: the folding tables as they are, the scanner's tables and decoded
 * entity data (ScannerState). Several times the size of SerializedMatcher
 * (about 0.8 MB for the seed corpus), for a store read by a process that
 * starts often and must match at once: the CLI's build cache. Valid only for
 * the build that made it (the CLI's cache is wiped with every build).
 */
export interface MatcherSnapshot {
  format: number;
  data: AutomatonData;
  foldTables: FoldTables;
  scanner: ScannerState;
}

class CompiledMatcher implements Matcher {
  readonly scanner: Scanner;
  readonly entityIds: readonly string[];

  constructor(
    readonly data: AutomatonData,
    state?: ScannerState,
  ) {
    this.scanner = new Scanner(data, state);
    this.entityIds = data.header.entityIds;
  }

  scan(text: string, ctx: DocumentContext = createDocumentContext({ relevance: false })): Mention[] {
    return this.scanner.scan(text, ctx);
  }
}

/** `sides`: the corpus's sides, which tell the anchors of relevance (docs/matching.md, "Relevance"). */
export function compileMatcher(entities: readonly Entity[], sides?: readonly Side[]): Matcher {
  return new CompiledMatcher(compileAutomaton(entities, sides));
}

export function serializeMatcher(m: Matcher): SerializedMatcher {
  if (!(m instanceof CompiledMatcher)) throw new TypeError('serializeMatcher: not a matcher made by compileMatcher or loadMatcher');
  return { format: MATCHER_FORMAT, foldTables: encodeFoldTables(), ...m.data };
}

export function loadMatcher(s: SerializedMatcher): Matcher {
  if (s.format !== MATCHER_FORMAT) {
    throw new Error(`stored matcher has format ${String(s.format)}, this build reads ${MATCHER_FORMAT}: recompile it from the corpus`);
  }
  const { format: _format, foldTables, ...data } = s;
  installFoldTables(foldTables);
  return new CompiledMatcher(data);
}

/** The matcher with all its lazily decoded data decoded, as a MatcherSnapshot (shares the matcher's arrays: store it, do not change it). */
export function snapshotMatcher(m: Matcher): MatcherSnapshot {
  if (!(m instanceof CompiledMatcher)) throw new TypeError('snapshotMatcher: not a matcher made by compileMatcher or loadMatcher');
  m.scanner.warm();
  return { format: MATCHER_FORMAT, data: m.data, foldTables: currentFoldTables(), scanner: m.scanner.state };
}

export function loadMatcherSnapshot(s: MatcherSnapshot): Matcher {
  if (s.format !== MATCHER_FORMAT) throw new Error(`stored matcher snapshot has format ${String(s.format)}, this build reads ${MATCHER_FORMAT}`);
  installFoldTablesAsIs(s.foldTables);
  return new CompiledMatcher(s.data, s.scanner);
}
