/**
 * Content scripts evaluated on first need (ADR 015, ADR 018). Each is listed in the manifest (built as a classic
 * script by @crxjs like the `document_start` one); this plugin wraps its build, once written, in a function stored
 * on the isolated world's global object under a registered symbol: the browser only pre-parses the function's body
 * when the script loads (no parenthesis around it, so V8 compiles it lazily), and its code is evaluated when the
 * content script first calls it (src/content/lazy-script.ts). No web_accessible_resources, no extra permission,
 * nothing the page can reach.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** A lazily evaluated content script: its source entry, its built file, and the name it registers under. */
export interface LazyScript {
  entry: string;
  output: string;
  name: string;
  /**
   * The built file (same `run_at`, listed before it in the manifest) this one is put in front of, once wrapped; the
   * manifest then lists only that file. Each content script a page loads costs about 0.4 ms of CPU of its own here
   * beyond its bytes (bench:start, two near-empty scripts: 1.1 ms), so what loads at `document_start` is one file.
   */
  joinTo?: string;
}

/**
 * What the document_start script needs once the settings say OnRecord is on (document_start, beside it), the rest
 * of the content script (document_end) and the popover (document_idle).
 */
export const LAZY_CONTENT_SCRIPTS: readonly LazyScript[] = [
  { entry: 'src/content/early-bundle.ts', output: 'src/content/early-bundle.js', name: 'content-early', joinTo: 'src/content/index.js' },
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
      const outDir = resolve(config.root, config.build.outDir);
      for (const { output, name, joinTo } of scripts) {
        const file = resolve(outDir, output);
        if (!existsSync(file)) throw new Error(`onrecord:lazy-content-scripts: ${output} was not built`);
        const code = readFileSync(file, 'utf8');
        const wrapped = code.includes(startKey(name)) ? code : wrapLazyScript(code, name);
        if (!joinTo) {
          writeFileSync(file, wrapped);
          continue;
        }
        joinScripts(outDir, output, joinTo, wrapped);
      }
    },
  };
}

/** Puts the wrapped `output` in front of `joinTo` and lists only `joinTo` in the built manifest. */
function joinScripts(outDir: string, output: string, joinTo: string, wrapped: string): void {
  const target = resolve(outDir, joinTo);
  const manifestFile = resolve(outDir, 'manifest.json');
  if (!existsSync(target) || !existsSync(manifestFile)) throw new Error(`onrecord:lazy-content-scripts: ${joinTo} or manifest.json was not built`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const entry = manifest.content_scripts?.find((c) => c.js?.includes(output));
  if (!entry?.js || entry.js.indexOf(joinTo) < 0 || entry.js.indexOf(joinTo) > entry.js.indexOf(output)) {
    throw new Error(`onrecord:lazy-content-scripts: the manifest must list ${joinTo} before ${output} in one content script`);
  }
  entry.js = entry.js.filter((js) => js !== output);
  writeFileSync(target, `${wrapped}\n${readFileSync(target, 'utf8')}`);
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  rmSync(resolve(outDir, output));
}
