/**
 * This page's saved highlights, found again in today's text and drawn. A
 * highlight that cannot be placed stays in the list as an orphan (and the
 * background marks it so in the library); it is never deleted. Anchoring
 * runs again when the page changes where a highlight was, or while orphans
 * remain, so content that arrives late is anchored when it arrives.
 */
import { anchorSelectors } from '../core/anchoring/anchor.ts';
import type { SavedHighlight } from '../core/annotations/model.ts';
import type { DomBatch } from './dom-watch.ts';
import { nodesOf, toBoundaries } from '../page-text/locate.ts';
import type { SavedPainter } from './saved-paint.ts';
import { documentText } from './selection-capture.ts';
import { mayPlace, touchesNodes } from './reanchor-need.ts';
import { clearTrackedTimeout, setTrackedTimeout } from './activity.ts';

/**
 * Anchoring results reach the background this long after they settle, so a
 * page that is still loading does not mark a highlight as an orphan and
 * unmark it a moment later.
 */
export const REPORT_DELAY_MS = 1_000;

export interface PlacedHighlight {
  readonly highlight: SavedHighlight;
  readonly range: StaticRange;
  readonly nodes: readonly Text[];
  readonly start: number;
  readonly end: number;
}

/** Slack around a highlight's boxes, in CSS pixels, for clicks on its edge. */
const EDGE_SLACK_PX = 1;

/** The largest offset a boundary in `node` can have. */
function nodeLength(node: Node): number {
  return node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? node.childNodes.length : (node.textContent ?? '').length;
}

/**
 * A live Range over a StaticRange. A StaticRange is not updated when the page edits its text: an offset past a
 * shortened node is clamped (re-anchoring corrects the range soon after), where `setStart` would throw and stop
 * every mark from being drawn or hit.
 */
export function liveRange(r: AbstractRange): Range {
  const live = document.createRange();
  live.setStart(r.startContainer, Math.min(r.startOffset, nodeLength(r.startContainer)));
  live.setEnd(r.endContainer, Math.min(r.endOffset, nodeLength(r.endContainer)));
  return live;
}

/** A failed anchoring report is retried this many times, after 2, 4, 8, … report delays. */
const MAX_REPORT_RETRIES = 6;

/**
 * What the popup shows of this page's saved highlights (issue 14: a failure reaches the user): how many could not
 * be placed on the page as it is now, and whether the library could not be told (every retry failed), in which case
 * the library's "not found on the page" marks are out of date until the next visit.
 */
export interface SavedStatus {
  unplaced: number;
  unreported: boolean;
}

let current: SavedLayer | undefined;

/** The status of the page's running saved layer, or undefined when there is none or it has no highlights. */
export function savedStatus(): SavedStatus | undefined {
  return current && current.size > 0 ? current.status() : undefined;
}

export class SavedLayer {
  readonly #all = new Map<string, SavedHighlight>();
  #placed = new Map<string, PlacedHighlight>();
  #orphans: SavedHighlight[] = [];
  #reportTimer: number | undefined;
  #lastReport = '';
  #reportFailures = 0;
  /** Every retry of the last report failed: the library does not know what this page could not place. */
  #unreported = false;

  constructor(
    private readonly painter: SavedPainter,
    private readonly report: (placed: string[], orphaned: string[]) => Promise<void>,
    private readonly signal: AbortSignal,
  ) {
    current = this;
    signal.addEventListener('abort', () => {
      clearTrackedTimeout(this.#reportTimer);
      if (current === this) current = undefined;
    }, { once: true });
  }

  status(): SavedStatus {
    return { unplaced: this.#orphans.length, unreported: this.#unreported };
  }

  get size(): number {
    return this.#all.size;
  }

  get orphans(): readonly SavedHighlight[] {
    return this.#orphans;
  }

  get(id: string): SavedHighlight | undefined {
    return this.#all.get(id);
  }

  placed(id: string): PlacedHighlight | undefined {
    return this.#placed.get(id);
  }

  replaceAll(list: readonly SavedHighlight[]): void {
    this.#all.clear();
    for (const h of list) this.#all.set(h.id, h);
    this.anchorAll();
  }

  upsert(h: SavedHighlight): void {
    this.#all.set(h.id, h);
    this.anchorAll();
  }

  remove(id: string): void {
    this.#all.delete(id);
    this.anchorAll();
  }

  /** Finds every highlight in the current page text and redraws. */
  anchorAll(): void {
    const placed = new Map<string, PlacedHighlight>();
    const orphans: SavedHighlight[] = [];
    if (this.#all.size > 0) {
      const pageText = documentText();
      for (const h of this.#all.values()) {
        const a = anchorSelectors(pageText.text, h.selectors);
        const b = a ? toBoundaries(pageText, a.start, a.end) : null;
        if (!a || !b) {
          orphans.push(h);
          continue;
        }
        const nodes = nodesOf(pageText, a.start, a.end);
        placed.set(h.id, { highlight: h, range: new StaticRange(b), nodes, start: a.start, end: a.end });
      }
    }
    this.#placed = placed;
    this.#orphans = orphans;
    this.painter.paint([...placed.values()].map((p) => ({ color: p.highlight.color, range: p.range })));
    this.#scheduleReport();
  }

  /**
   * Whether a batch of page changes can have moved, removed or revealed a highlight: it touched the text of a placed
   * one, or brought text that could hold an orphan's quote (reanchor-need.ts: what changed is searched, not the page,
   * so an orphan on a live feed does not make the whole page be read four times a second).
   */
  needsAnchoring(batch: DomBatch): boolean {
    if (this.#all.size === 0) return false;
    if (batch.full) return true;
    for (const p of this.#placed.values()) if (touchesNodes(batch, p.nodes)) return true;
    return mayPlace(batch, this.#orphans.map((h) => h.selectors.quote.exact));
  }

  /** The placed highlight covering exactly [start, end) of today's page text, if any. */
  covering(start: number, end: number): PlacedHighlight | undefined {
    for (const p of this.#placed.values()) if (p.start === start && p.end === end) return p;
    return undefined;
  }

  /** Placed highlights in reading order. */
  ordered(): PlacedHighlight[] {
    return [...this.#placed.values()].sort((a, b) => a.start - b.start);
  }

  /** The highlight drawn under the point, the last-saved one when they overlap. */
  at(x: number, y: number): PlacedHighlight | undefined {
    let found: PlacedHighlight | undefined;
    for (const p of this.#placed.values()) {
      if (!p.range.startContainer.isConnected) continue;
      for (const box of liveRange(p.range).getClientRects()) {
        const inside = x >= box.left - EDGE_SLACK_PX && x <= box.right + EDGE_SLACK_PX && y >= box.top - EDGE_SLACK_PX && y <= box.bottom + EDGE_SLACK_PX;
        if (inside && (!found || p.highlight.createdAt > found.highlight.createdAt)) found = p;
      }
    }
    return found;
  }

  #scheduleReport(delay = REPORT_DELAY_MS): void {
    clearTrackedTimeout(this.#reportTimer);
    this.#reportTimer = setTrackedTimeout(() => {
      const placed = [...this.#placed.keys()].sort();
      const orphaned = this.#orphans.map((h) => h.id).sort();
      const key = `${placed.join(',')}|${orphaned.join(',')}`;
      if (key === this.#lastReport || (placed.length === 0 && orphaned.length === 0)) return;
      // The key is recorded only once the background has it: a failed report is tried again, later each time.
      this.report(placed, orphaned).then(
        () => {
          this.#lastReport = key;
          this.#reportFailures = 0;
          this.#unreported = false;
        },
        (err: unknown) => {
          if (this.#reportFailures < MAX_REPORT_RETRIES && !this.signal.aborted) {
            console.error('OnRecord: could not record which highlights were found; trying again', err);
            this.#reportFailures++;
            this.#scheduleReport(REPORT_DELAY_MS * 2 ** this.#reportFailures);
          } else {
            // Given up: the popup says so (savedStatus), and the next anchoring of this page tries again.
            console.error('OnRecord: could not record which highlights were found; the popup shows it', err);
            this.#reportFailures = 0;
            this.#unreported = true;
          }
        },
      );
    }, delay);
  }
}
