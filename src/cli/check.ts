/** `onrecord check [--format jsonl] [--corpus FILE] [FILE|-]` */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildFeatureIndex, createClaimChecker, storedFeatureIndex, type CheckedPosition, type ClaimCheck, type StoredFeatureIndex } from '../core/claims/index.ts';
import type { Corpus } from '../core/corpus/schema.ts';
import { loadMatcherSnapshot, snapshotMatcher, type MatcherSnapshot } from '../core/match/index.ts';
import { samePageKey } from '../core/claims/same-page.ts';
import { BUNDLED_CONCEPTS, conceptEntities, createConceptLexicon } from '../core/concepts/index.ts';
import { choice, CORPUS_OPTION, CORPUS_USAGE, parseCommandArgs } from './args.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from './command.ts';
import { requireDerived } from './corpus-snapshot.ts';
import { cachedMatcher, finderStart, loadFinderStart, type FinderStart } from './matcher-cache.ts';

export const usage = `Usage: onrecord check [--format jsonl] [--corpus FILE] [FILE|-]

Checks claims against the record, one claim per input line, and writes one
JSON line per claim (the same checker as the side panel):
  claim            the claim as read
  actors, topics   the record's entities it names ({id, label, type})
  concepts         the concepts it is about ({id, label})
  attribution      who it says said it: speakerId, speakerText, cue, sourceId
                   (the outlet that reported it, never the speaker),
                   contentStart/contentEnd/content (the words put in the
                   speaker's mouth, offsets into the claim; words on both
                   sides of the cue are joined by " … ", each in parts),
                   polarity (1 or -1), conditional; null when no speaker is
                   named
  results          ranked positions: positionId, score, similarity, reasons;
                   samePage: true for a position taken from the claim's own
                   page (its "url"), which never decides the verdict
  otherSide        the other side's positions, apart (same fields)
  suggestedVerdict verdict (consistent, contradicts, misattributed or
                   not-in-record) and evidence: reason (same-page-only when
                   only positions from the claim's own page match),
                   positionIds, concepts,
                   polarity ({conceptId, claim, record}), speakerId,
                   otherActorId, droppedCondition
  comparison       the claim against the position the verdict rests on,
                   aspect by aspect, as the side panel's table shows it: one
                   row each for polarity, modality, condition and roles:
                   {aspect, conceptId, conceptLabel, claim, record} with
                   claim/record 1 (affirms), -1 (denies) or null (not
                   stated); roles give claimActor and recordActor when the
                   two texts have it done by different actors; [] when the
                   verdict rests on no position

Input (a FILE, or standard input when FILE is "-" or absent): each line is a
claim as text, or a JSON object {"claim": "...", "url": "..."} (url, optional:
the page the claim was read on); blank lines are skipped.

Options:
${CORPUS_USAGE}
  --format F      jsonl (the only format, and the default)

Exit status: 0 when every line was checked, 1 when a line could not be read
(each is named on standard error; the others are still checked), 2 for a
wrong command line.
`;

const FORMATS = ['jsonl'] as const;

function shown(r: CheckedPosition) {
  return { positionId: r.positionId, score: round(r.score), similarity: round(r.similarity), reasons: r.reasons, ...(r.samePage ? { samePage: true } : {}) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The JSON line for one check. */
export function checkRecord(check: ClaimCheck, line: number) {
  return {
    line,
    claim: check.claim,
    actors: check.actors,
    topics: check.topics,
    concepts: check.concepts,
    attribution: check.attribution,
    results: check.results.map(shown),
    otherSide: check.otherSide.map(shown),
    suggestedVerdict: { verdict: check.suggestion.verdict, evidence: check.suggestion.evidence },
    // The side panel's comparison table (the same rows, ClaimCheck.comparison), with the concept's label beside its id.
    comparison: (check.comparison ?? []).map((r) => ({ ...r, conceptLabel: r.conceptId === null ? null : (check.labels[r.conceptId] ?? r.conceptId) })),
  };
}

async function readInput(path: string | undefined, io: CliIo): Promise<string> {
  if (path === undefined || path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    // At once (nothing else runs meanwhile): node:fs/promises and a round trip through the thread pool cost a start.
    return readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
}

/** The build-cache kind of checkStart's value. */
const CHECK_START = 'check-start';

interface CheckStart {
  corpus: Corpus;
  finder: FinderStart;
  /** The bundled concepts' matcher. */
  concepts: MatcherSnapshot;
  features: StoredFeatureIndex;
}

/** All a check needs of a corpus, kept in the build's cache (corpus-snapshot.ts). */
function checkStart(corpus: Corpus): CheckStart {
  const concepts = cachedMatcher(conceptEntities(BUNDLED_CONCEPTS));
  const finder = finderStart(corpus.entities);
  const lexicon = createConceptLexicon(BUNDLED_CONCEPTS, concepts);
  const features = storedFeatureIndex(buildFeatureIndex(corpus, lexicon, loadMatcherSnapshot(finder.matcher)));
  return { corpus, finder, concepts: snapshotMatcher(concepts), features };
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...CORPUS_OPTION, format: { type: 'string' } }, true);
  choice('format', values.format, FORMATS, 'jsonl');
  if (positionals.length > 1) throw new UsageError('give one input FILE (or "-" for standard input)');
  const text = await readInput(positionals[0], io);
  // Everything a check derives from the record (the corpus validated, the name, role and concept matchers, the
  // statement finder's role tables, the positions' feature index) in one start snapshot of the build's cache: no
  // validation, compiling or indexing at a start (issue 15, every command starts fast).
  const start = await requireDerived(values.corpus, io, CHECK_START, checkStart);
  const { corpus } = start;
  const { matcher, finder } = loadFinderStart(corpus.entities, start.finder);
  const lexicon = createConceptLexicon(BUNDLED_CONCEPTS, loadMatcherSnapshot(start.concepts));
  const checker = createClaimChecker(corpus, matcher, lexicon, { finder, features: start.features });
  let failed = false;
  const name = positionals[0] === undefined || positionals[0] === '-' ? '<stdin>' : positionals[0];
  text.split(/\r?\n/u).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/u, '').trim();
    if (line === '') return;
    let claim = line;
    let url: string | null = null;
    if (line.startsWith('{')) {
      try {
        const parsed = JSON.parse(line) as { claim?: unknown; url?: unknown };
        if (typeof parsed.claim !== 'string') throw new Error('"claim" must be a string');
        if (parsed.url !== undefined && (typeof parsed.url !== 'string' || samePageKey(parsed.url) === null)) throw new Error('"url" must be an http or https address');
        claim = parsed.claim;
        url = typeof parsed.url === 'string' ? parsed.url : null;
      } catch (e) {
        io.err(`onrecord check: ${name}:${i + 1}: not a claim: ${(e as Error).message}\n`);
        failed = true;
        return;
      }
    }
    io.out(`${JSON.stringify(checkRecord(checker.check(claim, { pageUrl: url }), i + 1))}\n`);
  });
  return failed ? EXIT_FAILURE : EXIT_OK;
}
