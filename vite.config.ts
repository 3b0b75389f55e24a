import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import chromeManifest from './manifest/chrome.ts';
import { CONTENT_SCRIPT_ENTRIES, lazyContentUi } from './scripts/vite-lazy-ui.ts';

export default defineConfig({
  plugins: [
    preact(),
    crx({ manifest: chromeManifest, contentScripts: { standaloneFiles: CONTENT_SCRIPT_ENTRIES } }),
    // Wraps the popover's script and the rest of the content script in functions called on first need (src/content/lazy-script.ts).
    lazyContentUi(),
  ],
  build: {
    outDir: 'dist/chrome',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    // Extension pages that no manifest key names.
    rollupOptions: { input: { source: 'src/pages/source/index.html', sidepanel: 'src/pages/sidepanel/index.html', library: 'src/pages/library/index.html', review: 'src/pages/review/index.html', note: 'src/pages/note/index.html', welcome: 'src/pages/welcome/index.html' } },
  },
});
