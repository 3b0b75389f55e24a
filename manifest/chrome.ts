import { defineManifest } from '@crxjs/vite-plugin';
import pkg from '../package.json' with { type: 'json' };

/** The Chrome (MV3) manifest. Permissions stay minimal: the content script's
 * match patterns are the only host access, and nothing is web-accessible. */
export default defineManifest({
  manifest_version: 3,
  name: '__MSG_extName__',
  description: '__MSG_extDescription__',
  default_locale: 'en',
  version: pkg.version,
  minimum_chrome_version: '120',
  icons: { '16': 'icons/16.png', '48': 'icons/48.png', '128': 'icons/128.png' },
  background: { service_worker: 'src/background/index.ts', type: 'module' },
  content_scripts: [
    {
      // The second file is wrapped in a function index.ts calls when the settings' answer arrives (ADR 018); the
      // build puts it in front of the first and lists one file (scripts/vite-lazy-ui.ts: each script costs ~0.4 ms).
      matches: ['http://*/*', 'https://*/*'],
      js: ['src/content/index.ts', 'src/content/early-bundle.ts'],
      run_at: 'document_start',
      all_frames: false,
    },
    {
      // Everything else the content script does once the DOM is parsed (the full pass, hover, selection, claims),
      // wrapped in a function the document_start script calls when it starts on this page (ADR 018).
      matches: ['http://*/*', 'https://*/*'],
      js: ['src/content/page-bundle.ts'],
      run_at: 'document_end',
      all_frames: false,
    },
    {
      // The popover's code (preact, floating-ui, components, styles), wrapped in a function the first
      // hover or focus calls: only parsed at document_idle, evaluated when needed (src/content/lazy-ui.ts, ADR 015).
      matches: ['http://*/*', 'https://*/*'],
      js: ['src/content/ui-bundle.ts'],
      run_at: 'document_idle',
      all_frames: false,
    },
  ],
  // contextMenus: "Save highlight" and "Check claim" on selected text (researchers, moderators).
  // sidePanel: "Check claim" answers beside the page (moderators).
  permissions: ['contextMenus', 'sidePanel'],
  side_panel: { default_path: 'src/pages/sidepanel/index.html' },
  action: { default_popup: 'src/pages/popup/index.html', default_title: '__MSG_actionTitle__' },
  options_ui: { page: 'src/pages/options/index.html', open_in_tab: true },
  commands: {
    'focus-next-mention': {
      suggested_key: { default: 'Alt+Shift+O' },
      description: '__MSG_cmdFocusNextMention__',
    },
    'save-highlight': {
      suggested_key: { default: 'Alt+Shift+H' },
      description: '__MSG_cmdSaveHighlight__',
    },
    'check-claim': {
      suggested_key: { default: 'Alt+Shift+C' },
      description: '__MSG_cmdCheckClaim__',
    },
  },
});
