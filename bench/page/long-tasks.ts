/**
 * `tsx bench/page/long-tasks.ts <trace.json> <dist dir> [tasks]` — the extension's call stacks in the main-thread
 * tasks that held the most of its sampled time, from a trace saved by `BENCH_PAGE_TRACE_DIR` (bench/page.ts). Each
 * stack is the extension's frames from the outermost in (function and module; an unminified build,
 * BENCH_PAGE_MINIFY=0, names both), then what was on top when it was not ours (a built-in, the collector). For finding
 * what fills a long task, not for figures: a sample's weight is the gap to the next one (wall time).
 */
import { readFileSync } from 'node:fs';
import { moduleMap } from './stages.ts';
import type { TraceEvent } from './trace.ts';

const [traceFile, distDir, count] = process.argv.slice(2);
if (!traceFile || !distDir) throw new Error('usage: tsx bench/page/long-tasks.ts <trace.json> <dist dir> [tasks]');
const events = JSON.parse(readFileSync(traceFile, 'utf8')) as TraceEvent[];
const moduleOf = moduleMap(distDir);
const EXT = 'chrome-extension://';

interface Node {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number };
}
interface Profile {
  pid: number;
  tid: number;
  start: number;
  nodes: Map<number, Node>;
  samples: number[];
  deltas: number[];
}
const byId = new Map<string, Profile>();
for (const e of events) {
  if (e.name === 'Profile' && e.args?.data?.startTime !== undefined) byId.set(`${e.pid}:${e.id}`, { pid: e.pid, tid: e.tid, start: e.args.data.startTime, nodes: new Map(), samples: [], deltas: [] });
}
for (const e of events) {
  const p = e.name === 'ProfileChunk' ? byId.get(`${e.pid}:${e.id}`) : undefined;
  const data = e.args?.data;
  if (!p || !data) continue;
  for (const n of (data.cpuProfile?.nodes ?? []) as Node[]) p.nodes.set(n.id, n);
  p.samples.push(...(data.cpuProfile?.samples ?? []));
  p.deltas.push(...(data.timeDeltas ?? []));
}
const isExtNode = (n: Node | undefined) => (n?.callFrame.url ?? '').startsWith(EXT);
let best: { p: Profile; ext: number } | undefined;
for (const p of byId.values()) {
  const ext = p.samples.filter((id) => {
    for (let n = p.nodes.get(id); n; n = n.parent !== undefined ? p.nodes.get(n.parent) : undefined) if (isExtNode(n)) return true;
    return false;
  }).length;
  if (!best || ext > best.ext) best = { p, ext };
}
if (!best) throw new Error('no profile in the trace');
const { p } = best;
const times: number[] = [];
let t = p.start;
for (const d of p.deltas) times.push((t += d));

/** The sample's stack as text: extension frames outermost first, then the frame on top when it is not ours. */
const stackMemo = new Map<number, string | null>();
function stackOf(id: number): string | null {
  let v = stackMemo.get(id);
  if (v !== undefined) return v;
  const frames: string[] = [];
  const top = p.nodes.get(id);
  let ours = false;
  for (let n = top; n; n = n.parent !== undefined ? p.nodes.get(n.parent) : undefined) {
    if (!isExtNode(n)) continue;
    ours = true;
    const module = moduleOf(n.callFrame.url!, n.callFrame.lineNumber ?? -1)?.replace(/^src\//, '') ?? n.callFrame.url!.split('/').pop();
    const name = `${n.callFrame.functionName || '(anon)'}@${module}:${(n.callFrame.lineNumber ?? -1) + 1}`;
    if (frames[0] !== name) frames.unshift(name);
  }
  v = ours ? frames.slice(-7).join(' > ') + (top && !isExtNode(top) ? ` | ${top.callFrame.functionName || '(anon)'}` : '') : null;
  stackMemo.set(id, v);
  return v;
}

const tasks = events
  .filter((e) => e.ph === 'X' && e.pid === p.pid && e.tid === p.tid && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'))
  .sort((a, b) => a.ts - b.ts);
const origin = tasks[0]?.ts ?? 0;
const rows: Array<{ at: number; dur: number; ext: number; stacks: Map<string, number> }> = [];
let k = 0;
let until = -Infinity;
for (const task of tasks) {
  if (task.ts < until) continue;
  const end = task.ts + (task.dur ?? 0);
  until = end;
  while (k < times.length && times[k]! < task.ts) k++;
  const stacks = new Map<string, number>();
  let ext = 0;
  let previous: string | null = null;
  for (let i = k; i + 1 < times.length && times[i]! < end; i++) {
    const id = p.samples[i]!;
    let s = stackOf(id);
    // The collector's sample right after one of ours is charged to it (as trace.ts does).
    if (s === null && previous !== null && p.nodes.get(id)?.callFrame.functionName === '(garbage collector)') s = `${previous.split(' | ')[0]} | (GC)`;
    previous = s;
    if (s === null) continue;
    const d = (Math.min(times[i + 1]!, end) - times[i]!) / 1000;
    ext += d;
    stacks.set(s, (stacks.get(s) ?? 0) + d);
  }
  if (ext > 0) rows.push({ at: (task.ts - origin) / 1000, dur: (task.dur ?? 0) / 1000, ext, stacks });
}
rows.sort((a, b) => b.ext - a.ext);
for (const r of rows.slice(0, Number(count ?? 6))) {
  console.log(`\ntask at ${r.at.toFixed(0)} ms: ${r.dur.toFixed(1)} ms, ${r.ext.toFixed(1)} ms of it the extension's`);
  for (const [s, ms] of [...r.stacks].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${ms.toFixed(1).padStart(6)} ms  ${s}`);
}
