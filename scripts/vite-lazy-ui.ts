/**
 * Builds the content script's lazily injected UI (src/content/ui-bundle.ts →
 * <outDir>/src/content/ui.js) after the extension's own bundle: one classic
 * script (IIFE), everything it imports inlined, as
 * `scripting.executeScript({ files })` needs. See src/content/lazy-ui.ts.
 */
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';

export const CONTENT_UI_ENTRY = 'src/content/ui-bundle.ts';
/** Where the background finds it (src/background/index.ts, CONTENT_UI_FILE). */
export const CONTENT_UI_FILE = 'src/content/ui.js';

export function lazyContentUi(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'onrecord:lazy-content-ui',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const outDir = resolve(config.root, config.build.outDir);
      await build({
        configFile: false,
        root: config.root,
        logLevel: 'warn',
        plugins: [preact()],
        resolve: { alias: config.resolve.alias },
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        build: {
          outDir: resolve(outDir, 'src/content'),
          emptyOutDir: false,
          copyPublicDir: false,
          target: config.build.target,
          sourcemap: false,
          lib: { entry: resolve(config.root, CONTENT_UI_ENTRY), formats: ['iife'], name: 'onrecordContentUi', fileName: () => 'ui.js' },
        },
      });
    },
  };
}
