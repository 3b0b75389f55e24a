/**
 * What runs inside the measured pages. Kept as plain JavaScript source text:
 * functions compiled by tsx carry helper calls the page does not have.
 *
 * The probe records long tasks (a buffered 'longtask' observer) and, in runs
 * with the extension, the first animation frame at which an OnRecord
 * highlight range lies in the viewport. It polls once per frame and stops as
 * soon as it finds one, so its own cost (counted against the extension) is a
 * few frames' worth of a map lookup. In every run it also notes the page's
 * first animation frame after DOMContentLoaded: nothing, highlight or text,
 * can be seen before the page paints.
 */

export interface ProbeResult {
  /** performance.now() of the navigation's DOMContentLoaded event start. */
  dcl: number;
  /** performance.now() of the first frame showing a highlight in view, or null. */
  firstInView: number | null;
  /** performance.now() of the page's first animation frame after DOMContentLoaded, or null. */
  firstFrame: number | null;
  /** performance.now() of the page's first contentful paint (its first frame showing text), or null. */
  fcp: number | null;
  longTasks: Array<{ start: number; duration: number }>;
  /** Highlight ranges currently registered under onrecord-* names. */
  highlights: number;
}

export const HIGHLIGHT_PREFIX = 'onrecord-';

export function probeScript(watchHighlights: boolean): string {
  return `(() => {
  const probe = { firstInView: null, firstFrame: null, longTasks: [] };
  Object.defineProperty(window, '__onrecordBench', { value: probe });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const watch = ${watchHighlights};
  const checked = new Map();
  const range = document.createRange();
  const visible = (r) => {
    try {
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
    } catch { return false; }
    const b = range.getBoundingClientRect();
    return (b.width > 0 || b.height > 0) && b.bottom > 0 && b.top < innerHeight && b.right > 0 && b.left < innerWidth;
  };
  const highlightInView = () => {
    if (typeof CSS === 'undefined' || !CSS.highlights) return false;
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith(${JSON.stringify(HIGHLIGHT_PREFIX)}) || name.endsWith('-current')) continue;
      const skip = checked.get(name) || 0;
      let i = 0;
      for (const r of h) {
        if (i++ < skip) continue;
        if (visible(r)) return true;
      }
      checked.set(name, i);
    }
    return false;
  };
  // Both times are taken on entering the frame's callback, before the probe's own geometry reads force a layout,
  // so a highlight shown in the page's first frame after DOMContentLoaded has firstInView === firstFrame.
  const poll = () => {
    const now = performance.now();
    if (probe.firstFrame === null && document.readyState !== 'loading') probe.firstFrame = now;
    if (watch && probe.firstInView === null && highlightInView()) probe.firstInView = now;
    if (probe.firstFrame === null || (watch && probe.firstInView === null)) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;
}

/** An expression the page evaluates to its ProbeResult. */
export const READ_PROBE = `(() => {
  const p = window.__onrecordBench;
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  let highlights = 0;
  if (typeof CSS !== 'undefined' && CSS.highlights) {
    for (const [name, h] of CSS.highlights) if (name.startsWith(${JSON.stringify(HIGHLIGHT_PREFIX)})) highlights += h.size;
  }
  return { dcl: nav ? nav.domContentLoadedEventStart : NaN, firstInView: p ? p.firstInView : null, firstFrame: p ? p.firstFrame : null, fcp: fcp ? fcp.startTime : null, longTasks: p ? p.longTasks : [], highlights };
})()`;

/** Waits for two frames and a short pause, so style, layout and paint caused by a change have run. */
export const AFTER_RENDER = `new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 100))))`;

/**
 * Marks the aliases with mark.js the way the issue asks (one call, whole
 * phrases, exact word boundaries) and returns the time the call took and the
 * number of marks made.
 */
export function markJsCall(aliases: readonly string[]): string {
  return `(() => {
  let marks = 0;
  const t = performance.now();
  new Mark(document.body).mark(${JSON.stringify(aliases)}, { separateWordSearch: false, accuracy: 'exactly', each: () => { marks++; } });
  return { ms: performance.now() - t, marks };
})()`;
}
