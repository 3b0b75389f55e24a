import { defineConfig, type UserConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import base from './vite.config.ts';
import firefoxManifest from './manifest/firefox.ts';
import { CONTENT_SCRIPT_ENTRIES, lazyContentUi } from './scripts/vite-lazy-ui.ts';

/** The Firefox build: the same pages and inputs as vite.config.ts, the Firefox manifest, dist/firefox. */
const chrome = base as UserConfig;

export default defineConfig({
  ...chrome,
  plugins: [preact(), crx({ manifest: firefoxManifest, browser: 'firefox', contentScripts: { standaloneFiles: CONTENT_SCRIPT_ENTRIES } }), lazyContentUi()],
  build: { ...chrome.build, outDir: 'dist/firefox', target: 'firefox128' },
});
