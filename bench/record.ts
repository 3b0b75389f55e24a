/**
 * npm run bench:record — what a record's size costs, measured in Node with
 * the extension's own code paths, for the seed record and a synthetic record
 * of 50,000 entities and 100,000 positions (bench/lib/synthetic-record.ts):
 *
 * - install (the service worker's work on install or update, without
 *   IndexedDB): parse the corpus JSON, validate it, compile the matcher
 *   (ADR 002 also encoded it for the message channel: base64 in JSON);
 * - the worker's memory: heap + array buffers after GC, with the record as
 *   the worker keeps it (read back from IndexedDB: a structured clone, its
 *   repeated strings shared, no source texts), the loaded matcher, the statement finder and the claim
 *   checker alive, shared as src/background/record-cache.ts shares them
 *   (ADR 002: and the matcher's wire form); and during install, with the
 *   JSON text, its parsed tree and the validated corpus alive at once;
 * - per tab, the two designs side by side: ADR 002 sent each tab the whole
 *   matcher (bytes of that reply as JSON; the tab's start = parse, decode and
 *   load it); ADR 017 sends nothing at start, and each chunk of the page's
 *   text goes to the worker, which answers with its mentions (bytes of one
 *   20,000-character request and its reply; the tab's side: serialise the
 *   request, parse and read the reply; the worker's side: parse and validate
 *   the request, scan, encode and serialise the reply);
 * - first highlight: ADR 002, load + scan of a 20,000-character news text
 *   in the tab; ADR 017, one chunk's round trip without the IPC itself (the
 *   tab's and the worker's sides);
 * - popover open: the worker building an entity's record (buildEntityRecord);
 * - claim check: building the checker, then checks of claims naming seed actors;
 *
 * BENCH_RECORD_MEMORY_DETAIL=1 prints the worker's memory part by part (record, loaded matcher, statement finder,
 * claim checker) on stderr.
 *
 * Each figure is the median of BENCH_RECORD_RUNS (default 5) repetitions in
 * one process, except install and memory (one fresh build per record). Run
 * with --expose-gc (the npm script does).
 */
// First: the browsers' native base64 on Buffer's, before wire.ts looks for it.
import './lib/native-base64.ts';
import { loadavg } from 'node:os';
import { syntheticRecord } from './lib/synthetic-record.ts';
import { syntheticText } from './lib/synthetic-news.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Corpus } from '../src/core/corpus/schema.ts';
import { validateCorpus } from '../src/core/corpus/validate.ts';
import { compileMatcher, createDocumentContext, loadMatcher, serializeMatcher, type SerializedMatcher } from '../src/core/match/index.ts';
import { buildEntityRecord } from '../src/core/record/index.ts';
import { fromWire, toWire } from './lib/adr002-wire.ts';
import * as v from 'valibot';
import { ContentReplies, ContentRequest } from '../src/shared/messages.ts';
import { decodeFound, type ScanReply } from '../src/shared/page-scan.ts';
import { PageScans } from '../src/background/page-scan.ts';
import { claimChecker, liveMatcher, statementFinder } from '../src/background/record-cache.ts';
import { sharePositionStrings } from '../src/background/corpus-store.ts';
import { entitiesWithNothingToShow } from '../src/core/record/entity-record.ts';

const RUNS = Math.max(1, Number(process.env['BENCH_RECORD_RUNS'] ?? 5));
const SEED = resolve(import.meta.dirname, '../corpus/seed.json');
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:record)');

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time<T>(f: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = f();
  return { ms: performance.now() - t, value };
}

const DETAIL = process.env['BENCH_RECORD_MEMORY_DETAIL'] === '1';

function memoryMb(): number {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
}

const CLAIMS = [
  'Peskov said Russia is ready for peace talks without preconditions.',
  'Podolyak said Ukraine will not give up any territory in exchange for a ceasefire.',
  'Zelensky rejected negotiations with Putin.',
  'Lavrov said the West is using Ukraine to fight Russia.',
  'Erdogan offered to host new talks in Istanbul.',
];

interface Row {
  name: string;
  entities: number;
  positions: number;
  jsonMb: number;
  parseMs: number;
  validateMs: number;
  compileMs: number;
  wireMs: number;
  installMs: number;
  memoryMb: number;
  /** During install: the JSON text, its parsed tree, the validated corpus and the matcher at once. */
  installMemoryMb: number;
  /** ADR 002: with the matcher's wire form alive too. */
  memoryWireMb: number;
  matcherBytes: number;
  wireBytes: number;
  tabStartMs: number;
  firstScanMs: number;
  /** ADR 017: one 20,000-character chunk's request and reply, as JSON. */
  chunkRequestBytes: number;
  chunkReplyBytes: number;
  chunkTabMs: number;
  chunkWorkerMs: number;
  chunkMentions: number;
  popoverMs: number;
  checkerBuildMs: number;
  claimCheckMs: number;
}

function byteSize(s: SerializedMatcher): number {
  let n = 0;
  const walk = (v: unknown): void => {
    if (ArrayBuffer.isView(v)) n += v.byteLength;
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
    else if (typeof v === 'string') n += v.length;
    else n += 8;
  };
  walk(s);
  return n;
}

/**
 * Install: what the worker does with a new record (parse, validate, compile). Returns the record as the worker
 * then keeps it: read back from IndexedDB (a structured clone), without the source texts (read when asked) and
 * with the positions' repeated strings shared (corpus-store.ts, readActiveCorpus).
 * The JSON text, the parsed tree and the validated copy are garbage once it returns.
 */
function install(name: string, makeJson: () => string, before: number) {
  const json = makeJson();
  const jsonMb = json.length / 1e6;
  const parse = time(() => JSON.parse(json) as unknown);
  // The seed's source texts are files beside it (the synthetic record carries its texts inline).
  const textDir = resolve(SEED, '..', (parse.value as { textDir?: string }).textDir ?? '');
  const textOf = (src: { file?: string }) => (src.file === undefined ? undefined : readFileSync(resolve(textDir, src.file), 'utf8'));
  const validated = time(() => validateCorpus(parse.value, { fileName: `${name}.json`, texts: textOf }));
  const corpus = validated.value.corpus as Corpus;
  if (!corpus) throw new Error(`${name}: invalid: ${validated.value.problems.slice(0, 3).map((p) => p.message).join('; ')}`);
  const compiled = time(() => compileMatcher(corpus.entities));
  const serialized = serializeMatcher(compiled.value);
  // During install: the JSON text, the parsed tree, the validated corpus and the matcher alive at once.
  const installMemory = memoryMb() - before;
  const stored = structuredClone(corpus);
  stored.sources = stored.sources.map(({ text: _text, ...s }) => s);
  stored.positions = sharePositionStrings(stored.positions);
  return { jsonMb, parseMs: parse.ms, validateMs: validated.ms, compileMs: compiled.ms, installMemory, corpus: stored, serialized };
}

function measure(name: string, makeJson: () => string): Row {
  const before = memoryMb();
  const { jsonMb, parseMs, validateMs, compileMs, installMemory, corpus, serialized } = install(name, makeJson, before);
  const types = Object.fromEntries(corpus.entities.map((e) => [e.id, e.type]));
  // The worker's record as record-service.ts keeps it (ADR 017: types and quietness, no wire form of the matcher).
  const record = { corpus, matcher: serialized, fingerprint: 'x'.repeat(64), wire: { types, quiet: entitiesWithNothingToShow(corpus) } };
  const scans = new PageScans();
  // BENCH_RECORD_MEMORY_DETAIL=1: the worker's memory part by part, in the order the worker builds them.
  const parts: string[] = [];
  let last = DETAIL ? memoryMb() : 0;
  const part = (what: string) => {
    if (!DETAIL) return;
    const now = memoryMb();
    parts.push(`${what} ${(now - last).toFixed(1)} MB`);
    last = now;
  };
  if (DETAIL) parts.push(`record (corpus as read back + serialized matcher) ${(last - before).toFixed(1)} MB`);
  // As the worker builds them (src/background/record-cache.ts): one loaded matcher and one statement finder for
  // page scans, highlights, recording and the claim checker.
  // With the detail, the matcher and the finder are built first (the checker's build time then leaves them out).
  if (DETAIL) {
    liveMatcher(record.matcher);
    part('loaded matcher');
    statementFinder(record);
    part('statement finder');
  }
  const checkerBuild = time(() => claimChecker(record));
  part('claim checker');
  statementFinder(record);
  scans.scan(record, { tabId: 0, frameId: 0 }, '0000000000000000', 'warm-up');
  part('a page scan');
  const memory = memoryMb() - before;
  if (DETAIL) console.error(`${name}: worker memory ${memory.toFixed(1)} MB: ${parts.join('; ')}`);
  // ADR 002: the matcher encoded once per worker life, sent to every tab.
  const wire = time(() => ({ matcher: toWire(serialized), types }));
  const message = JSON.stringify({ ok: true, fingerprint: 'x'.repeat(64), ...wire.value });
  const memoryWire = memoryMb() - before;

  const tab: number[] = [];
  const scanMs: number[] = [];
  const chunkTab: number[] = [];
  const chunkWorker: number[] = [];
  let chunkRequestBytes = 0;
  let chunkReplyBytes = 0;
  let chunkMentions = 0;
  const popovers: number[] = [];
  const checks: number[] = [];
  const text = syntheticText(20_000, corpus.entities.slice(0, 2_000), 5);
  const people = corpus.entities.filter((e) => e.type === 'person');
  for (let i = 0; i < RUNS; i++) {
    // The tab: parse the reply as the messaging layer does, decode the typed arrays, load the matcher.
    const start = time(() => {
      const reply = JSON.parse(message) as { matcher: unknown };
      return loadMatcher(fromWire(reply.matcher) as SerializedMatcher);
    });
    tab.push(start.ms);
    scanMs.push(time(() => start.value.scan(text, createDocumentContext())).ms);
    // ADR 017: one chunk through the message channel's serialisation, as the tab and the worker see it.
    const doc = (0x1000000000000000 + i).toString(16);
    const sent = time(() => JSON.stringify({ type: 'cs-bg-scan', doc, parts: [{ text }] }));
    const worker = time(() => {
      const req = v.parse(ContentRequest, JSON.parse(sent.value)) as { doc: string; parts: Array<{ text: string }> };
      return JSON.stringify({ ok: true, replies: req.parts.map((p) => scans.scan(record, { tabId: 1, frameId: 0 }, req.doc, p.text)) });
    });
    const read = time(() => {
      const { ok: _ok, ...body } = JSON.parse(worker.value) as { replies: ScanReply[]; ok: true };
      return decodeFound(v.parse(ContentReplies['cs-bg-scan'], body).replies[0]!, text.length);
    });
    chunkTab.push(sent.ms + read.ms);
    chunkWorker.push(worker.ms);
    chunkRequestBytes = sent.value.length;
    chunkReplyBytes = worker.value.length;
    chunkMentions = read.value.length;
    const who = people[(i * 7919) % people.length]!.id;
    popovers.push(time(() => buildEntityRecord(corpus, who)).ms);
    for (const claim of CLAIMS) checks.push(time(() => checkerBuild.value.check(claim)).ms);
  }
  const installMs = parseMs + validateMs + compileMs;
  return {
    name, entities: corpus.entities.length, positions: corpus.positions.length, jsonMb,
    parseMs, validateMs, compileMs, wireMs: wire.ms, installMs, memoryMb: memory, installMemoryMb: installMemory,
    memoryWireMb: memoryWire, matcherBytes: byteSize(serialized), wireBytes: message.length, tabStartMs: median(tab), firstScanMs: median(scanMs),
    chunkRequestBytes, chunkReplyBytes, chunkTabMs: median(chunkTab), chunkWorkerMs: median(chunkWorker), chunkMentions,
    popoverMs: median(popovers), checkerBuildMs: checkerBuild.ms, claimCheckMs: median(checks),
  };
}

function main(): void {
  const loadBefore = load();
  const started = new Date();
  const rows: Row[] = [];
  rows.push(measure('seed', () => readFileSync(SEED, 'utf8')));
  process.stderr.write(`seed done (load ${load()})\n`);
  // BENCH_RECORD_SYNTHETIC=0: the seed record only (a quick check of the bench itself).
  if (process.env['BENCH_RECORD_SYNTHETIC'] !== '0') {
    rows.push(measure('synthetic', () => {
      const t = time(() => JSON.stringify(syntheticRecord({ entities: 50_000, positions: 100_000 })));
      process.stderr.write(`synthetic record generated in ${(t.ms / 1000).toFixed(1)} s, ${(t.value.length / 1e6).toFixed(1)} MB (load ${load()})\n`);
      return t.value;
    }));
  }
  const f = (x: number, d = 0) => x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
  const mb = (b: number) => `${f(b / 1e6, 2)} MB`;
  console.log([
    '| record | entities | positions | JSON | install: parse + validate + compile (ms) | memory during install (MB) | worker memory (MB) | matcher | popover record (ms) | claim checker build (ms) | claim check, median (ms) |',
    '|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) =>
      `| ${r.name} | ${f(r.entities)} | ${f(r.positions)} | ${mb(r.jsonMb * 1e6)} | ${f(r.installMs)} = ${f(r.parseMs)} + ${f(r.validateMs)} + ${f(r.compileMs)} | ` +
      `${f(r.installMemoryMb)} | ${f(r.memoryMb)} | ${mb(r.matcherBytes)} | ${f(r.popoverMs, 2)} | ${f(r.checkerBuildMs)} | ${f(r.claimCheckMs, 1)} |`),
    '',
    'Per tab, the two designs side by side (same process, same record):',
    '',
    '| record | design | sent to a tab at start | tab start (ms) | per 20,000-char chunk: request + reply | tab side per chunk (ms) | worker side per chunk (ms) | first highlight, without IPC (ms) | worker memory (MB) | install (ms) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.flatMap((r) => [
      `| ${r.name} | ADR 002: matcher to every tab | ${mb(r.wireBytes)} | ${f(r.tabStartMs, 1)} | 0 | ${f(r.firstScanMs, 1)} (scan) | 0 | ${f(r.tabStartMs + r.firstScanMs, 1)} | ${f(r.memoryWireMb)} | ${f(r.installMs + r.wireMs)} |`,
      `| ${r.name} | ADR 017: worker scans (${r.chunkMentions} mentions) | 0 | 0 | ${f(r.chunkRequestBytes / 1e3, 1)} KB + ${f(r.chunkReplyBytes / 1e3, 1)} KB | ${f(r.chunkTabMs, 2)} | ${f(r.chunkWorkerMs, 2)} | ${f(r.chunkTabMs + r.chunkWorkerMs, 1)} | ${f(r.memoryMb)} | ${f(r.installMs)} |`,
    ]),
  ].join('\n'));
  const big = rows[1];
  if (!big) return;
  const v17 = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(`\nTargets at 100,000 positions (Node, the extension's code paths; ADR 017): tab start ≤ 20 ms — 0 ms (nothing to load; ` +
    `ADR 002: ${f(big.tabStartMs, 1)} ms): met; ≤ 1 MB sent to a tab — nothing at start, ${f((big.chunkRequestBytes + big.chunkReplyBytes) / 1e3, 1)} KB per 20,000-character chunk (ADR 002: ${mb(big.wireBytes)}): met; ` +
    `popover record ≤ 50 ms — ${f(big.popoverMs, 2)} ms: ${v17(big.popoverMs <= 50)}; ` +
    `claim check ≤ 200 ms — ${f(big.claimCheckMs, 1)} ms: ${v17(big.claimCheckMs <= 200)}; install ≤ 15 s — ${f(big.installMs)} ms (without IndexedDB): ${v17(big.installMs <= 15_000)}; ` +
    `worker ≤ 200 MB — ${f(big.memoryMb)} MB: ${v17(big.memoryMb <= 200)}.` +
    `\n${RUNS} runs, ${started.toISOString().slice(0, 16)}Z, Node ${process.version}, load average ${loadBefore} before, ${load()} after.`);
}

main();
