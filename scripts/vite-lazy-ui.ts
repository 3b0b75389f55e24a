/**
 * Content scripts evaluated on first need (ADR 015, ADR 018). Each is listed in the manifest (built as a classic
 * script by @crxjs like the `document_start` one); this plugin wraps its build, once written, in a function stored
 * on the isolated world's global object under a registered symbol: the browser only pre-parses the function's body
 * when the script loads (no parenthesis around it, so V8 compiles it lazily), and its code is evaluated when the
 * content script first calls it (src/content/lazy-script.ts). No web_accessible_resources, no extra permission,
 * nothing the page can reach.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** A lazily evaluated content script: its source entry, its built file, and the name it registers under. */
export interface LazyScript {
  entry: string;
  output: string;
  name: string;
}

/**
 * What the document_start script needs once the settings say OnRecord is on (document_start, beside it), the rest
 * of the content script (document_end) and the popover (document_idle).
 */
export const LAZY_CONTENT_SCRIPTS: readonly LazyScript[] = [
  { entry: 'src/content/early-bundle.ts', output: 'src/content/early-bundle.js', name: 'content-early' },
  { entry: 'src/content/ui-bundle.ts', output: 'src/content/ui-bundle.js', name: 'content-ui' },
  { entry: 'src/content/page-bundle.ts', output: 'src/content/page-bundle.js', name: 'content-page' },
];

/** Every content script @crxjs builds as one classic (IIFE) file. */
export const CONTENT_SCRIPT_ENTRIES = ['src/content/index.ts', ...LAZY_CONTENT_SCRIPTS.map((s) => s.entry)];

/** Keys shared with src/content/lazy-script.ts. */
const startKey = (name: string) => `onrecord.${name}.start`;
const readyKey = (name: string) => `onrecord.${name}.ready`;

export function wrapLazyScript(code: string, name: string): string {
  return (
    `globalThis[Symbol.for(${JSON.stringify(startKey(name))})] = function () {\n${code}\n};\n` +
    // A content script waiting for it is told it is there.
    `globalThis[Symbol.for(${JSON.stringify(readyKey(name))})]?.();\n`
  );
}

export function lazyContentUi(scripts: readonly LazyScript[] = LAZY_CONTENT_SCRIPTS): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'onrecord:lazy-content-scripts',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle() {
      for (const { output, name } of scripts) {
        const file = resolve(config.root, config.build.outDir, output);
        if (!existsSync(file)) throw new Error(`onrecord:lazy-content-scripts: ${output} was not built`);
        const code = readFileSync(file, 'utf8');
        if (code.includes(startKey(name))) continue;
        writeFileSync(file, wrapLazyScript(code, name));
      }
    },
  };
}
