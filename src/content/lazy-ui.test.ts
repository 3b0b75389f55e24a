/**
 * LazySelectionHost: the selection toolbar's code (preact, floating-ui) is in the popover's script, loaded on the
 * first `show`. What the session asks meanwhile must not be lost or applied late: the latest props are shown,
 * and a hide before the script loaded shows nothing. A load that fails is reported once and leaves nothing
 * wanted: isShown says false, and the next `show` loads again.
 */
import { describe, expect, it, vi } from 'vitest';
import type { SelectionToolbarProps } from './selection-toolbar.tsx';

const shown: { props: SelectionToolbarProps; created: number }[] = [];
let created = 0;
class FakeSelectionHost {
  #props: SelectionToolbarProps | undefined;
  constructor() {
    created++;
  }
  isShown() {
    return this.#props !== undefined;
  }
  owns() {
    return false;
  }
  hasFocus() {
    return false;
  }
  show(_slot: string, props: SelectionToolbarProps) {
    this.#props = props;
    shown.push({ props, created });
  }
  update(_slot: string, props: SelectionToolbarProps) {
    if (this.#props) this.#props = props;
  }
  hide() {
    this.#props = undefined;
  }
}

const { LazySelectionHost } = await import('./lazy-ui.ts');
const props = (busy: boolean): SelectionToolbarProps => ({ status: null, busy, onSave: () => undefined, onCheck: () => undefined });
const world = globalThis as unknown as Record<symbol, unknown>;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LazySelectionHost', () => {
  it('shows the latest props once the UI script has loaded; a hide meanwhile shows nothing', async () => {
    const signal = new AbortController().signal;
    const hidden = new LazySelectionHost(signal, () => undefined);
    const host = new LazySelectionHost(signal, () => undefined);
    hidden.show('toolbar', props(false), () => new DOMRectStub() as unknown as DOMRect);
    hidden.hide('toolbar');
    expect(hidden.isShown('toolbar')).toBe(false);

    host.show('toolbar', props(false), () => new DOMRectStub() as unknown as DOMRect);
    host.update('toolbar', props(true));
    expect(host.isShown('toolbar')).toBe(true);
    expect(shown).toHaveLength(0);
    // The popover's script registers itself (as ui-bundle.ts does when evaluated).
    world[Symbol.for('onrecord.content-ui')] = { SelectionHost: FakeSelectionHost };
    (world[Symbol.for('onrecord.content-ui.ready')] as (() => void) | undefined)?.();
    await flush();
    await flush();
    expect(shown.map((s) => s.props.busy)).toEqual([true]);
    expect(host.isShown('toolbar')).toBe(true);
    expect(hidden.isShown('toolbar')).toBe(false);
  });

  it('a failed load is reported once however many shows waited for it, shows nothing, and the next show loads again', async () => {
    const key = Symbol.for('onrecord.content-ui');
    const startKey = Symbol.for('onrecord.content-ui.start');
    const registered = world[key];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // A fresh lazy-ui module (its loader has not loaded yet), and a UI script that runs but registers nothing.
      vi.resetModules();
      const fresh = await import('./lazy-ui.ts');
      delete world[key];
      world[startKey] = () => undefined;
      const host = new fresh.LazySelectionHost(new AbortController().signal, () => undefined);
      const anchor = () => new DOMRectStub() as unknown as DOMRect;
      host.show('toolbar', props(false), anchor);
      host.show('toolbar', props(true), anchor);
      host.show('toolbar', props(true), anchor);
      expect(host.isShown('toolbar')).toBe(true);
      await flush();
      await flush();
      expect(errors).toHaveBeenCalledTimes(1);
      expect(errors.mock.calls[0]?.[0]).toBe('OnRecord: could not load the selection toolbar');
      expect(host.isShown('toolbar')).toBe(false);

      // The script registers after all: the next show loads it and shows.
      world[key] = { SelectionHost: FakeSelectionHost };
      const before = shown.length;
      host.show('toolbar', props(false), anchor);
      await flush();
      await flush();
      expect(shown.slice(before).map((s) => s.props.busy)).toEqual([false]);
      expect(host.isShown('toolbar')).toBe(true);
      expect(errors).toHaveBeenCalledTimes(1);
    } finally {
      errors.mockRestore();
      delete world[startKey];
      world[key] = registered;
    }
  });
});

class DOMRectStub {
  left = 0;
  top = 0;
  width = 0;
  height = 0;
}
