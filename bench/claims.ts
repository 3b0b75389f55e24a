/**
 * Claim checking speed: the checker (concepts, speaker, judging) beside the
 * old checker (MiniSearch ranking, attribution by word overlap, kept in
 * bench/lib/legacy-claims) in the same process, on the seed record and on a
 * synthetic record of 100,000 positions (bench/lib/synthetic-record.ts, engineer "perf"). Claims: the old 32-claim set and the
 * dev split of the claims evaluation set (timing only). Prints load (build
 * time), medians per claim, ratios and the machine's load average.
 *
 *   npm run bench:claims                 # seed and 100,000 positions
 *   npm run bench:claims -- --seed-only
 *   npm run bench:claims -- --synthetic-only [--positions 100000] [--rounds 5] [--peer-claims 40]
 *
 * At 100,000 positions the old checker takes far longer per claim than the
 * new one; `--peer-claims N` times it on the first N claims only (the ratio
 * is then computed on those same claims for both). Phases are reported on
 * stderr as they finish, so a long run shows where it is.
 *
 * Budget (issue 11): ≤ 50 ms median per claim on the seed record, ≤ 200 ms on 100,000 positions.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createClaimChecker } from '../src/core/claims/index.ts';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../src/core/concepts/index.ts';
import type { Corpus } from '../src/core/corpus/schema.ts';
import { compileMatcher } from '../src/core/match/index.ts';
import { loadClaims } from '../test/claims-set/load.ts';
import { createClaimChecker as createLegacyChecker } from './lib/legacy-claims/check-claim.ts';
import { parseCorpusShape } from '../src/core/corpus/schema.ts';
import { syntheticRecord } from './lib/synthetic-record.ts';

const seedCorpus = (): Corpus => parseCorpusShape(JSON.parse(readFileSync(new URL('../corpus/seed.json', import.meta.url), 'utf8')));

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const n = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
const ROUNDS = flag('--rounds', 5);
const POSITIONS = flag('--positions', 100_000);
const PEER_CLAIMS = flag('--peer-claims', Infinity);
const phase = (what: string, since: number) => console.error(`  ${what}: ${(performance.now() - since).toFixed(0)} ms (load ${loadavg()[0]!.toFixed(1)})`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

const relevance = (JSON.parse(readFileSync(new URL('../test/relevance/claims.json', import.meta.url), 'utf8')) as { claims: { claim: string }[] }).claims.map((c) => c.claim);
const claims = [...relevance, ...loadClaims().filter((c) => c.split === 'dev').map((c) => c.claim)];

function bench(name: string, corpus: Corpus, peerClaims = Infinity): string {
  console.error(`${name}: ${corpus.positions.length} positions`);
  const t0 = performance.now();
  const matcher = compileMatcher(corpus.entities);
  const t1 = performance.now();
  phase('entity matcher', t0);
  const lexicon = createConceptLexicon(BUNDLED_CONCEPTS);
  const t2 = performance.now();
  phase('concept lexicon', t1);
  const checker = createClaimChecker(corpus, matcher, lexicon);
  const t3 = performance.now();
  phase('checker build', t2);
  const legacy = createLegacyChecker(corpus, matcher);
  const t4 = performance.now();
  phase('old checker build', t3);
  const peer = claims.slice(0, Math.min(claims.length, peerClaims));
  // Warm both up on every claim once, untimed.
  for (const c of claims) checker.check(c);
  for (const c of peer) legacy.check(c);
  phase('warm-up', t4);
  const now: number[] = [];
  const nowOnPeer: number[] = [];
  const old: number[] = [];
  const t5 = performance.now();
  for (let r = 0; r < ROUNDS; r++) {
    claims.forEach((c, i) => {
      // Alternate which goes first, so neither always runs on a warm cache.
      const pair = i < peer.length ? (r % 2 === 0 ? ([checker, legacy] as const) : ([legacy, checker] as const)) : ([checker] as const);
      for (const ch of pair) {
        const s = performance.now();
        ch.check(c);
        const ms = performance.now() - s;
        if (ch === checker) {
          now.push(ms);
          if (i < peer.length) nowOnPeer.push(ms);
        } else old.push(ms);
      }
    });
  }
  phase(`${ROUNDS} timed rounds`, t5);
  const m = median(now);
  const o = median(old);
  const mPeer = median(nowOnPeer);
  return (
    `| ${name} | ${corpus.positions.length.toLocaleString('en')} | ${(t1 - t0).toFixed(0)} | ${(t2 - t1).toFixed(0)} | ${(t3 - t2).toFixed(0)} | ${(t4 - t3).toFixed(0)} | ` +
    `${m.toFixed(2)} | ${now.slice().sort((a, b) => a - b)[Math.floor(now.length * 0.95)]!.toFixed(2)} | ${o.toFixed(2)} | ${(mPeer / o).toFixed(2)}${peer.length < claims.length ? ` (${peer.length} claims)` : ''} |`
  );
}

console.log(`bench:claims — ${claims.length} claims × ${ROUNDS} rounds each, Node ${process.version}, load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log('| record | positions | entity matcher ms | concept lexicon ms | checker build ms | old checker build ms | median ms/claim | p95 ms | old median ms | ratio new/old |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
if (!process.argv.includes('--synthetic-only')) console.log(bench('seed', seedCorpus()));
if (!process.argv.includes('--seed-only')) {
  const t = performance.now();
  const corpus = parseCorpusShape(syntheticRecord({ positions: POSITIONS }));
  phase('synthetic record', t);
  console.log(bench('synthetic', corpus, PEER_CLAIMS));
}
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
