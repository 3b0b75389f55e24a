import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleHighlight } from '../core/annotations/testing.ts';
import { installDom } from '../ui/test-dom.ts';
import type { DomBatch } from './dom-watch.ts';
import { changedText, mayHoldQuote, mayPlace, touchesNodes } from './reanchor-need.ts';
import { SavedLayer } from './saved-layer.ts';
import type { SavedPainter } from './saved-paint.ts';

let doc: Document;
beforeEach(() => {
  doc = installDom().document;
});

const QUOTE = 'Peskov said the talks in Istanbul would resume after the summer break.';

/** A live feed: old items, then the new ones a batch reports (a root with its parts, as the watcher hands it). */
function feedBatch(newTexts: string[]): { batch: DomBatch; feed: HTMLElement; old: Text } {
  const feed = doc.createElement('div');
  const item = doc.createElement('p');
  item.textContent = 'An old item that stays.';
  feed.append(item);
  doc.body.append(feed);
  const fresh = newTexts.map((t) => Object.assign(doc.createElement('span'), { textContent: t }));
  feed.append(...fresh);
  const batch: DomBatch = { roots: [feed], parts: new Map([[feed, { runs: fresh.length > 0 ? [{ from: fresh[0]!, until: null }] : [], blocks: [] }]]), removed: false, full: false };
  return { batch, feed, old: item.firstChild as Text };
}

describe('whether a page change can matter to marks found in the whole page\'s text', () => {
  it('reads only what the batch brought: a live feed\'s new items, not the feed', () => {
    const { batch } = feedBatch(['update 1 ', 'update 2 ']);
    expect(changedText(batch)).toBe('update 1 update 2 ');
  });

  it('an orphan\'s quote arriving whole, edited, or completed by the change can place it; unrelated text cannot', () => {
    expect(mayHoldQuote('update 7 update 8', [QUOTE])).toBe(false);
    expect(mayHoldQuote(`Live: ${QUOTE} More soon.`, [QUOTE])).toBe(true);
    // Two words changed (within anchoring's tolerance of a quarter of the characters), its start and end too.
    expect(mayHoldQuote('Peskav said that talks in Istanbul would resume after the summer brake', [QUOTE])).toBe(true);
    // Only its end arrived (the rest was on the page): the change completes it.
    expect(mayHoldQuote('… would resume after the summer break.', [QUOTE])).toBe(true);
    expect(mayPlace(feedBatch(['update 1 ', 'update 2 ']).batch, [QUOTE])).toBe(false);
    expect(mayPlace(feedBatch(['Breaking: ', QUOTE]).batch, [QUOTE])).toBe(true);
    expect(mayPlace(feedBatch(['update']).batch, [])).toBe(false);
    expect(mayPlace({ roots: [], removed: false, full: true }, [QUOTE])).toBe(true);
  });

  it('a placed mark is touched when its text changes or leaves the page, not when a feed around it grows', () => {
    const { batch, old } = feedBatch(['update 1 ']);
    expect(touchesNodes(batch, [old])).toBe(false);
    expect(touchesNodes({ roots: [old.parentNode!], removed: false, full: false }, [old])).toBe(true);
    (old.parentNode as Element).remove();
    expect(touchesNodes(batch, [old])).toBe(true);
  });

  describe('a saved highlight that cannot be placed (an orphan) on a live feed', () => {
    afterEach(() => vi.restoreAllMocks());
    it('anchors again only for a change that could hold its quote', () => {
      vi.useFakeTimers();
      const painter = { paint: () => undefined } as unknown as SavedPainter;
      const layer = new SavedLayer(painter, async () => undefined, new AbortController().signal);
      const lost = sampleHighlight(5);
      layer.replaceAll([lost]);
      expect(layer.orphans).toHaveLength(1);
      expect(layer.needsAnchoring(feedBatch(['update 1 ', 'update 2 ']).batch)).toBe(false);
      expect(layer.needsAnchoring(feedBatch([lost.selectors.quote.exact]).batch)).toBe(true);
      vi.useRealTimers();
    });
  });
});
