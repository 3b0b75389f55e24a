/**
 * A linkedom document installed as the global one, so preact can render in
 * vitest's node environment (jsdom and happy-dom are not dependencies).
 */
import { parseHTML } from 'linkedom';

export function installDom(): { document: Document; window: Window & typeof globalThis; container: HTMLElement } {
  const { window, document } = parseHTML('<!doctype html><html><head></head><body><div id="app"></div></body></html>');
  const g = globalThis as Record<string, unknown>;
  g.window = window;
  g.document = document;
  for (const name of ['Node', 'Element', 'HTMLElement', 'SVGElement', 'Event', 'KeyboardEvent', 'MouseEvent', 'Text']) {
    if (g[name] === undefined && (window as unknown as Record<string, unknown>)[name] !== undefined) {
      g[name] = (window as unknown as Record<string, unknown>)[name];
    }
  }
  // An extension page's own storage, empty for each test (drafts are kept there: src/ui/draft-shelf.tsx).
  g.localStorage = memoryStorage();
  return { document, window: window as unknown as Window & typeof globalThis, container: document.getElementById('app') as HTMLElement };
}

/** A Storage held in memory (linkedom has no localStorage). */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}
