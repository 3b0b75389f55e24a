/**
 * The content script's UI is a second content script (manifest: src/content/ui-bundle.ts at
 * document_idle, built as a classic script by @crxjs like the main one). This plugin wraps
 * that build, once written, in a function stored on the isolated world's global object under
 * a registered symbol: the browser only pre-parses the function's body when the script loads
 * (no parenthesis around it, so V8 compiles it lazily), and its code is evaluated when the
 * content script first needs the popover (src/content/lazy-ui.ts calls it). No
 * web_accessible_resources, no extra permission, nothing the page can reach.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** The built file, as the manifest's content script entry names it after the build. */
export const CONTENT_UI_OUTPUT = 'src/content/ui-bundle.js';
/** Keys shared with src/content/lazy-ui.ts. */
export const START_KEY = 'onrecord.content-ui.start';
export const READY_KEY = 'onrecord.content-ui.ready';

export function wrapContentUi(code: string): string {
  return (
    `globalThis[Symbol.for(${JSON.stringify(START_KEY)})] = function () {\n${code}\n};\n` +
    // A content script waiting for it (a hover before document_idle) is told it is there.
    `globalThis[Symbol.for(${JSON.stringify(READY_KEY)})]?.();\n`
  );
}

export function lazyContentUi(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'onrecord:lazy-content-ui',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle() {
      const file = resolve(config.root, config.build.outDir, CONTENT_UI_OUTPUT);
      if (!existsSync(file)) throw new Error(`onrecord:lazy-content-ui: ${CONTENT_UI_OUTPUT} was not built`);
      const code = readFileSync(file, 'utf8');
      if (code.includes(START_KEY)) return;
      writeFileSync(file, wrapContentUi(code));
    },
  };
}
