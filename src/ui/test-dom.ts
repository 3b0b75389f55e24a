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
  return { document, window: window as unknown as Window & typeof globalThis, container: document.getElementById('app') as HTMLElement };
}
