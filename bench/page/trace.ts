/**
 * Chrome tracing of one page load, reduced to the main-thread tasks that ran
 * the extension's script. The benchmark pages run no script of their own, so
 * a top-level task that executed JavaScript is the extension's — except the
 * probe's animation-frame callback and the benchmark's own evaluations, both
 * far below a millisecond of script.
 */
import type { CDPSession } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute', 'blink.user_timing'];
/** Scheduler entries that are whole tasks: everything else on the thread nests inside one of them. */
const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
const SCRIPT_NAMES = new Set(['EvaluateScript', 'FunctionCall', 'v8.callFunction', 'v8.run', 'RunMicrotasks', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
/** Below this much script, a task is the probe or the benchmark's own evaluation, not the extension. */
const MIN_SCRIPT_US = 1_000;

export interface ExtensionTasks {
  /** Longest task that ran extension script, in ms. */
  longestMs: number;
  /** Sum of those tasks, in ms. */
  totalMs: number;
  count: number;
}

export async function startTrace(cdp: CDPSession): Promise<() => Promise<ExtensionTasks>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: object[] }) => events.push(...(e.value as TraceEvent[])));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  return async () => {
    const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await complete;
    return extensionTasks(events);
  };
}

export function extensionTasks(events: readonly TraceEvent[]): ExtensionTasks {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const perThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mains.has(key)) continue;
    let list = perThread.get(key);
    if (!list) perThread.set(key, (list = []));
    list.push(e);
  }
  // The page's renderer is the busiest one.
  const main = [...perThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  main.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  const result: ExtensionTasks = { longestMs: 0, totalMs: 0, count: 0 };
  let task: TraceEvent | undefined;
  let taskEnd = -Infinity;
  let script = 0;
  let scriptEnd = -Infinity;
  let inFrameCallbackUntil = -Infinity;
  const close = () => {
    if (task && script >= MIN_SCRIPT_US) {
      const ms = (task.dur ?? 0) / 1000;
      result.longestMs = Math.max(result.longestMs, ms);
      result.totalMs += ms;
      result.count++;
    }
  };
  for (const e of main) {
    const end = e.ts + (e.dur ?? 0);
    if (e.ts >= taskEnd) {
      if (!TASK_NAMES.has(e.name)) continue;
      close();
      task = e;
      taskEnd = end;
      script = 0;
      scriptEnd = -Infinity;
      inFrameCallbackUntil = -Infinity;
    }
    if (e.name === 'FireAnimationFrame') inFrameCallbackUntil = end;
    // Count outermost script events only, and none inside the probe's frame callback.
    if (SCRIPT_NAMES.has(e.name) && e !== task && e.ts >= scriptEnd && e.ts >= inFrameCallbackUntil) {
      script += e.dur ?? 0;
      scriptEnd = end;
    } else if (e === task && e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint') {
      script += e.dur ?? 0;
      scriptEnd = end;
    }
  }
  close();
  return result;
}
