/**
 * Chrome tracing of one page load, reduced to what the extension's own code
 * did in each main-thread task. Attribution comes from the V8 sampling
 * profiler recorded in the same trace: a sample belongs to the extension when
 * a `chrome-extension://` script is anywhere on its stack, which covers
 * promise continuations, observer callbacks, timers and any style or layout
 * the extension's code forced (the script stays on the stack while the
 * browser does that work). A garbage-collection sample right after an
 * extension sample is counted as the extension's too.
 *
 * Per task, this gives the extension's share; a task the page started (its
 * own parsing or first layout) is not made the extension's by a few
 * milliseconds of our script inside it, and the report says so.
 */
import type { CDPSession } from '@playwright/test';

interface CallFrame {
  functionName: string;
  url?: string;
  /** 0-based, in the script. */
  lineNumber?: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of an X event, µs: less than `dur` when the thread was descheduled meanwhile. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink_gc', 'disabled-by-default-blink_gc', 'cppgc'];
/** Scheduler entries that are whole tasks: everything else on the thread nests inside one of them. */
const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const EXTENSION_URL = 'chrome-extension://';
const GC = '(garbage collector)';
/** Trace events of the collector working on the main thread (nested ones are merged, not counted twice). */
const GC_EVENT = /^(MinorGC|MajorGC|V8\.GC_MC_INCREMENTAL|V8\.GC_HEAP_ENSURE_SWEEPING_COMPLETED|V8\.GC_SCAVENGER$|V8\.GC_MARK_COMPACTOR$|BlinkGC\.|CppGC\.)/;

/** Merges [start, end] intervals (sorted by start on return). */
function merged(xs: Array<[number, number]>): Array<[number, number]> {
  xs.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (last && x[0] <= last[1]) last[1] = Math.max(last[1], x[1]);
    else out.push([x[0], x[1]]);
  }
  return out;
}

/** The length of the intersection of two merged interval lists. */
function overlap(a: ReadonlyArray<[number, number]>, b: ReadonlyArray<[number, number]>): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]![0], b[j]![0]);
    const hi = Math.min(a[i]![1], b[j]![1]);
    if (hi > lo) sum += hi - lo;
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return sum;
}

export interface ExtensionTask {
  /** Start, ms after the trace's first task on the page's main thread. */
  atMs: number;
  /** The whole task, ms. */
  taskMs: number;
  /** Time the extension's code ran in it (sampled), ms. */
  extensionMs: number;
  /**
   * The same scaled by the task's thread time over its wall time: on a loaded machine the thread is descheduled
   * within a task, and samples (taken in wall time) count that as the code's. An estimate of the CPU time it took.
   */
  extensionCpuMs: number;
  /**
   * The collector pausing inside our code in this task, ms: the trace's own collector events (V8's scavenges, full
   * collections and incremental marking steps; Blink's heap, where traced) during the extension's script events,
   * else the profiler's collector samples right after one of ours. What allocated the garbage may be the page's or
   * ours: the heap is shared.
   */
  gcMs: number;
  /** Where that time went: "function on top ← innermost extension function", largest first (for the log). */
  by: { name: string; ms: number }[];
  /** The same by module (see ExtensionTasks.byModule), wall ms; empty without a ModuleOf. */
  byModule: Map<string, number>;
}

export interface ExtensionTasks {
  /** Most extension time in any one task, ms: what the extension adds to the longest task it touches. */
  longestMs: number;
  /** Most extension CPU time in any one task (see ExtensionTask.extensionCpuMs), ms. */
  longestCpuMs: number;
  /** The garbage collector's share of the task with the most extension time (see ExtensionTask.gcMs), ms. */
  longestGcMs: number;
  /** The most collector time inside any one task of ours, ms. */
  mostGcMs: number;
  /** All collector time inside our tasks, ms. */
  totalGcMs: number;
  /** The longest task in which the extension's code ran for most of the time, ms (0 when none). */
  longestOwnTaskMs: number;
  /** The longest task in which the extension's code ran at all (usually the page's own parse or first layout), ms. */
  longestTouchedTaskMs: number;
  /** Extension time in that task, ms. */
  longestTouchedExtensionMs: number;
  /** All sampled extension time on the main thread, ms. */
  totalMs: number;
  /** Tasks in which the extension's code ran. */
  count: number;
  /** The five tasks with the most extension time, for the log. */
  top: ExtensionTask[];
  /** Every task with extension time in it. */
  all: ExtensionTask[];
  /**
   * Where the extension's sampled time went: by the function on top of the stack (its own name and script, a
   * browser built-in it called such as a range constructor or `add`, "(garbage collector)", "(program)" for the
   * browser's own work under our call), largest first.
   */
  bySelf: { name: string; ms: number }[];
  /**
   * The same time by the source module of the innermost extension frame on the stack (see ModuleOf; a built-in on
   * top counts for the module that called it, the collector as "(garbage collector)"), wall and CPU (each sample
   * weighted by its task's CPU share), largest first. Empty without a ModuleOf.
   */
  byModule: { name: string; ms: number; cpuMs: number }[];
}

/** The source module a line of an extension script belongs to (an unminified build names them), or undefined. */
export type ModuleOf = (url: string, line: number) => string | undefined;

export async function startTrace(cdp: CDPSession): Promise<() => Promise<ExtensionTasks>> {
  const stop = await startRawTrace(cdp);
  return async () => extensionTasks(await stop());
}

/** Tracing with the same categories; the stop function returns the raw events (for several readings of one trace). */
export async function startRawTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: object[] }) => events.push(...(e.value as TraceEvent[])));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  return async () => {
    const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

export interface MainThreadTasks {
  /** The longest task on the page's main thread, whoever ran it (parsing, layout, painting, scripts), ms. */
  longestMs: number;
  /** Total blocking time: the sum over tasks of what exceeds 50 ms, ms. */
  blockingMs: number;
  /** All task time on the page's main thread, ms. */
  busyMs: number;
}

/**
 * Every task of the page's renderer main thread (the CrRendererMain busiest in the trace), whoever ran it: the
 * rendering work the extension's highlights cause (style, layout, pre-paint) shows here, not in extension samples.
 */
export function mainThreadTasks(events: readonly TraceEvent[]): MainThreadTasks {
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !TASK_NAMES.has(e.name) || !mains.has(key)) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  let best: MainThreadTasks = { longestMs: 0, blockingMs: 0, busyMs: 0 };
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const r: MainThreadTasks = { longestMs: 0, blockingMs: 0, busyMs: 0 };
    let end = -Infinity;
    for (const task of list) {
      if (task.ts < end) continue; // nested in the previous task
      end = task.ts + (task.dur ?? 0);
      const ms = (task.dur ?? 0) / 1000;
      r.busyMs += ms;
      r.longestMs = Math.max(r.longestMs, ms);
      r.blockingMs += Math.max(0, ms - 50);
    }
    if (r.busyMs > best.busyMs) best = r;
  }
  return best;
}

interface Profile {
  pid: number;
  tid: number;
  start: number;
  nodes: Map<number, ProfileNode>;
  samples: number[];
  deltas: number[];
}

/** The sampled profiles in the trace, one per profiled thread. */
function profiles(events: readonly TraceEvent[]): Profile[] {
  const byId = new Map<string, Profile>();
  for (const e of events) {
    if (e.name === 'Profile' && e.args?.data?.startTime !== undefined) {
      byId.set(`${e.pid}:${e.id}`, { pid: e.pid, tid: e.tid, start: e.args.data.startTime, nodes: new Map(), samples: [], deltas: [] });
    }
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const p = byId.get(`${e.pid}:${e.id}`);
    const data = e.args?.data;
    if (!p || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    p.samples.push(...(data.cpuProfile?.samples ?? []));
    p.deltas.push(...(data.timeDeltas ?? []));
  }
  return [...byId.values()];
}

export function extensionTasks(events: readonly TraceEvent[], moduleOf?: ModuleOf): ExtensionTasks {
  const result: ExtensionTasks = { longestMs: 0, longestCpuMs: 0, longestGcMs: 0, mostGcMs: 0, totalGcMs: 0, longestOwnTaskMs: 0, longestTouchedTaskMs: 0, longestTouchedExtensionMs: 0, totalMs: 0, count: 0, top: [], all: [], bySelf: [], byModule: [] };
  // The page's renderer main thread: the profiled thread whose samples reach extension code the most.
  let best: { p: Profile; isExt: (id: number) => boolean; extSamples: number } | undefined;
  for (const p of profiles(events)) {
    const memo = new Map<number, boolean>();
    const isExt = (id: number): boolean => {
      let v = memo.get(id);
      if (v === undefined) {
        const n = p.nodes.get(id);
        v = !!n && ((n.callFrame.url ?? '').startsWith(EXTENSION_URL) || (n.parent !== undefined && isExt(n.parent)));
        memo.set(id, v);
      }
      return v;
    };
    const extSamples = p.samples.filter(isExt).length;
    if (!best || extSamples > best.extSamples) best = { p, isExt, extSamples };
  }
  if (!best || best.extSamples === 0) return result;
  const { p, isExt } = best;

  const times: number[] = [];
  let t = p.start;
  for (const d of p.deltas) times.push((t += d));

  const tasks = events
    .filter((e) => e.ph === 'X' && e.pid === p.pid && e.tid === p.tid && TASK_NAMES.has(e.name))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const origin = tasks[0]?.ts ?? 0;
  // The extension's script events and the collector's, on that thread, as merged intervals.
  const onThread = events.filter((e) => e.ph === 'X' && e.pid === p.pid && e.tid === p.tid && e.dur !== undefined);
  const extScript = merged(onThread.filter((e) => ((e.args?.data as { url?: string } | undefined)?.url ?? '').startsWith(EXTENSION_URL)).map((e) => [e.ts, e.ts + e.dur!]));
  const gcEvents = merged(onThread.filter((e) => GC_EVENT.test(e.name)).map((e) => [e.ts, e.ts + e.dur!]));
  const tracedGc = gcEvents.length > 0;
  const within = (xs: ReadonlyArray<[number, number]>, from: number, to: number) => xs.filter(([a, b]) => b > from && a < to).map(([a, b]): [number, number] => [Math.max(a, from), Math.min(b, to)]);
  const all: ExtensionTask[] = [];
  const self = new Map<string, number>();
  const selfName = (id: number): string => {
    const f = p.nodes.get(id)?.callFrame;
    if (!f) return '?';
    const file = (f.url ?? '').split('/').pop() ?? '';
    return `${f.functionName || '(anonymous)'}${file ? ` ${file}` : ''}`;
  };
  /** The innermost extension frame on a sample's stack (the extension's code that made the call on top). */
  const innermostExtNode = (id: number): ProfileNode | undefined => {
    let n = p.nodes.get(id);
    while (n && !(n.callFrame.url ?? '').startsWith(EXTENSION_URL)) n = n.parent !== undefined ? p.nodes.get(n.parent) : undefined;
    return n;
  };
  /** A reading of that frame, once per profile node. */
  const perNode = (read: (n: ProfileNode | undefined) => string): ((id: number) => string) => {
    const memo = new Map<number, string>();
    return (id) => {
      let v = memo.get(id);
      if (v === undefined) memo.set(id, (v = read(innermostExtNode(id))));
      return v;
    };
  };
  const innermostExt = perNode((n) => (n ? selfName(n.id) : '?'));
  const innermostModule = perNode((n) => (n && moduleOf?.(n.callFrame.url!, n.callFrame.lineNumber ?? -1)) ?? (n ? `(${(n.callFrame.url ?? '').split('/').pop()})` : '?'));
  const byModule = new Map<string, { ms: number; cpuMs: number }>();
  let k = 0;
  let taskEnd = -Infinity;
  for (const task of tasks) {
    if (task.ts < taskEnd) continue; // nested in the previous task
    const end = task.ts + (task.dur ?? 0);
    taskEnd = end;
    while (k < times.length && times[k]! < task.ts) k++;
    let ext = 0;
    let gc = 0;
    let previousExt = false;
    let previousOwn = '?';
    const by = new Map<string, number>();
    const taskModules = new Map<string, number>();
    const cpuShare = task.tdur !== undefined && task.dur ? Math.min(1, task.tdur / task.dur) : 1;
    for (let i = k; i + 1 < times.length && times[i]! < end; i++) {
      const id = p.samples[i]!;
      const mine: boolean = isExt(id) || (previousExt && p.nodes.get(id)?.callFrame.functionName === GC);
      if (mine) {
        const d = Math.min(times[i + 1]!, end) - times[i]!;
        ext += d;
        if (!isExt(id)) gc += d;
        const name = selfName(id);
        self.set(name, (self.get(name) ?? 0) + d);
        const own = isExt(id) ? innermostExt(id) : previousOwn;
        previousOwn = own;
        const key = own === name ? name : `${name} ← ${own}`;
        by.set(key, (by.get(key) ?? 0) + d);
        if (moduleOf) {
          const module = isExt(id) ? innermostModule(id) : GC;
          const row = byModule.get(module) ?? { ms: 0, cpuMs: 0 };
          row.ms += d / 1000;
          row.cpuMs += (d / 1000) * cpuShare;
          byModule.set(module, row);
          taskModules.set(module, (taskModules.get(module) ?? 0) + d / 1000);
        }
      }
      previousExt = mine;
    }
    if (ext > 0) {
      const top = [...by].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms).slice(0, 8);
      all.push({
        atMs: (task.ts - origin) / 1000,
        taskMs: (task.dur ?? 0) / 1000,
        extensionMs: ext / 1000,
        extensionCpuMs: (ext / 1000) * cpuShare,
        gcMs: (tracedGc ? overlap(within(extScript, task.ts, end), within(gcEvents, task.ts, end)) : gc) / 1000,
        by: top,
        byModule: taskModules,
      });
    }
  }

  for (const x of all) {
    result.totalMs += x.extensionMs;
    result.totalGcMs += x.gcMs;
    result.mostGcMs = Math.max(result.mostGcMs, x.gcMs);
    if (x.extensionMs > result.longestMs) result.longestGcMs = x.gcMs;
    result.longestMs = Math.max(result.longestMs, x.extensionMs);
    result.longestCpuMs = Math.max(result.longestCpuMs, x.extensionCpuMs);
    if (x.extensionMs >= x.taskMs / 2) result.longestOwnTaskMs = Math.max(result.longestOwnTaskMs, x.taskMs);
    if (x.taskMs > result.longestTouchedTaskMs) {
      result.longestTouchedTaskMs = x.taskMs;
      result.longestTouchedExtensionMs = x.extensionMs;
    }
  }
  result.count = all.length;
  result.top = [...all].sort((a, b) => b.extensionMs - a.extensionMs).slice(0, 5);
  result.all = all;
  result.bySelf = [...self].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
  result.byModule = [...byModule].map(([name, row]) => ({ name, ...row })).sort((a, b) => b.ms - a.ms);
  return result;
}

/** What the page's main thread spent its time on, by kind, from the trace's own events (self time, ms). */
export type Breakdown = Map<string, { ms: number; cpuMs: number }>;

/** Trace event name → kind of work. Events not listed count as their task's "other". */
const KIND: Record<string, string> = {
  ParseHTML: 'parsing HTML',
  ParseAuthorStyleSheet: 'parsing HTML',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  PrePaint: 'paint and compositing',
  Paint: 'paint and compositing',
  Layerize: 'paint and compositing',
  UpdateLayer: 'paint and compositing',
  UpdateLayerTree: 'paint and compositing',
  CompositeLayers: 'paint and compositing',
  Commit: 'paint and compositing',
  PaintImage: 'paint and compositing',
  'IntersectionObserverController::computeIntersections': 'observers (the browser\'s side)',
  MinorGC: 'garbage collection',
  MajorGC: 'garbage collection',
  'V8.GC_SCAVENGER': 'garbage collection',
  'V8.GCScavenger': 'garbage collection',
  'V8.GCCompactor': 'garbage collection',
  'V8.GCIncrementalMarking': 'garbage collection',
  'V8.GCFinalizeMC': 'garbage collection',
  BlinkGC: 'garbage collection',
  'BlinkGC.AtomicPhase': 'garbage collection',
  'v8.compile': 'script compile',
  'V8.CompileCode': 'script compile',
  'v8.parseOnBackground': 'script compile',
  EvaluateScript: 'script',
  FunctionCall: 'script',
  'v8.run': 'script',
  'v8.callFunction': 'script',
  'V8.Execute': 'script',
  RunMicrotasks: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  'v8.evaluateModule': 'script',
};

/**
 * The page's renderer main thread (the CrRendererMain with the most task time), its time split by kind of work:
 * each event's self time (its duration less its children's) goes to its kind; script is split into the
 * extension's (an event whose script URL is `chrome-extension://`, and script nested in it) and the page's, and
 * what an extension script event forced (style, layout) is labelled as forced by it. Read with and without the
 * extension, the difference says what the added time is made of.
 */
export function mainThreadBreakdown(events: readonly TraceEvent[]): Breakdown {
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.dur === undefined || !mains.has(key)) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  let best: Breakdown = new Map();
  let bestBusy = -1;
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const out: Breakdown = new Map();
    const add = (kind: string, us: number, cpuUs: number) => {
      const row = out.get(kind) ?? { ms: 0, cpuMs: 0 };
      row.ms += us / 1000;
      row.cpuMs += cpuUs / 1000;
      out.set(kind, row);
    };
    let busy = 0;
    let busyCpu = 0;
    // Open events: their end, kind, whether extension script is on the stack, and the (CPU) time their children took.
    const stack: { end: number; kind: string; ext: boolean; children: number; childrenCpu: number; dur: number; cpu: number }[] = [];
    const close = (upTo: number) => {
      while (stack.length > 0 && stack.at(-1)!.end <= upTo) {
        const top = stack.pop()!;
        add(top.kind, Math.max(0, top.dur - top.children), Math.max(0, top.cpu - top.childrenCpu));
      }
    };
    for (const e of list) {
      close(e.ts);
      const parent = stack.at(-1);
      const cpu = e.tdur ?? e.dur!;
      if (!parent && TASK_NAMES.has(e.name)) {
        busy += e.dur!;
        busyCpu += cpu;
      }
      const url = (e.args?.data as { url?: string } | undefined)?.url ?? '';
      const base = KIND[e.name] ?? parent?.kind ?? 'other';
      const ext = (parent?.ext ?? false) || url.startsWith(EXTENSION_URL);
      let kind = base;
      // Promise jobs and the extension API's callbacks (message replies) carry no script URL: with the extension on
      // a page of no scripts of its own, that is nearly all ours.
      if (base === 'script') kind = ext ? 'extension script' : url ? 'page script' : 'script with no URL (promise jobs, message replies)';
      else if (base === 'script compile') kind = ext ? 'extension script compile' : 'page script compile';
      else if (ext && (base === 'style' || base === 'layout')) kind = `${base} forced by the extension`;
      if (TASK_NAMES.has(e.name)) kind = 'other';
      if (parent) {
        parent.children += e.dur!;
        parent.childrenCpu += cpu;
      }
      stack.push({ end: e.ts + e.dur!, kind, ext, children: 0, childrenCpu: 0, dur: e.dur!, cpu });
    }
    close(Infinity);
    out.set('all tasks', { ms: busy / 1000, cpuMs: busyCpu / 1000 });
    if (busy > bestBusy) {
      bestBusy = busy;
      best = out;
    }
  }
  return best;
}

/**
 * The extension's sampled time split by what it was doing, from the function on top of each sample's stack:
 * the browser built-ins and the collector are named even in a minified build.
 */
export function extensionKinds(bySelf: readonly { name: string; ms: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  const kindOf = (name: string): string => {
    const fn = name.split(' ')[0]!;
    if (fn === GC) return 'garbage collection';
    if (fn === 'sendMessage' || fn === 'postMessage' || fn === 'stringify') return 'messages to the worker (the page\'s text for its matcher)';
    if (/^(setStart|setEnd|setStartBefore|setEndAfter|createRange|Range|StaticRange|selectNodeContents)$/.test(fn)) return 'ranges';
    if (/^(add|delete|clear|set|has)$/.test(fn)) return 'highlight registry and collections (add, delete, set)';
    if (/^(getBoundingClientRect|getClientRects|getComputedStyle|checkVisibility|elementFromPoint|caretPositionFromPoint|offsetHeight|offsetWidth)$/.test(fn)) return 'style and layout reads';
    if (/^(observe|unobserve|disconnect|takeRecords|IntersectionObserver|MutationObserver)$/.test(fn)) return 'observers';
    if (/^(nextNode|nextSibling|firstChild|parentNode|data|nodeValue|textContent|createTreeWalker|tagName|localName|closest|matches)$/.test(fn)) return 'DOM walk (text extraction)';
    if (fn === '(program)' || fn === '(idle)') return 'browser work under our call';
    return 'our own code (text extraction, drawing, bookkeeping; minified names)';
  };
  for (const { name, ms } of bySelf) {
    const k = kindOf(name);
    out.set(k, (out.get(k) ?? 0) + ms);
  }
  return out;
}
