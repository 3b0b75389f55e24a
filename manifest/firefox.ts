import { defineManifest, type ManifestV3Export } from '@crxjs/vite-plugin';
import chromeManifest from './chrome.ts';

/**
 * The Firefox (MV3) manifest, derived from the Chrome one so the two never
 * drift: Firefox runs the background as event-page scripts, has a sidebar
 * instead of Chrome's side panel, and needs a gecko id, a minimum version
 * and its data-collection declaration (OnRecord collects nothing).
 */
type Manifest = Record<string, unknown> & { permissions?: string[]; side_panel?: { default_path: string } };

const {
  background: _serviceWorker,
  minimum_chrome_version: _minimumChrome,
  side_panel: sidePanel,
  permissions = [],
  ...shared
} = chromeManifest as unknown as Manifest;

/**
 * The first Firefox release with everything used here (MDN browser-compat-data 8.1): `::highlight()` painting
 * `text-decoration` — every underline — 146 (bug 1845446; the highlight registry itself is 140, so 140–145
 * would register the names and draw nothing); `data_collection_permissions` 140; the Popover API, `:popover-open`
 * and `Intl.Segmenter` 125; module background scripts 112. Checked by e2e-firefox/ on Debian's firefox-esr.
 */
const STRICT_MIN_VERSION = '146.0';

export default defineManifest({
  ...shared,
  background: { scripts: ['src/background/index.ts'], type: 'module' },
  permissions: permissions.filter((p) => p !== 'sidePanel'),
  ...(sidePanel ? { sidebar_action: { default_panel: sidePanel.default_path, default_title: '__MSG_extName__', open_at_install: false } } : {}),
  browser_specific_settings: {
    gecko: {
      id: 'onrecord@example.org',
      strict_min_version: STRICT_MIN_VERSION,
      data_collection_permissions: { required: ['none'] },
    },
  },
} as unknown as ManifestV3Export);
