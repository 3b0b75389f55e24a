/**
 * Entry of `src/content/ui.js`, the content script's lazily injected UI
 * (see lazy-ui.ts): registers the popover on the isolated world's global
 * object, once, for the content script to pick up. Imports nothing from
 * lazy-ui.ts but types, so none of the start-up code is evaluated twice.
 */
import type { ContentUi } from './lazy-ui.ts';
import { PopoverHost } from './popover-host.tsx';

/** lazy-ui.ts's CONTENT_UI_KEY (a registered symbol is the same in both scripts of the isolated world). */
const KEY = Symbol.for('onrecord.content-ui');
const world = globalThis as { [KEY]?: ContentUi };
world[KEY] ??= { PopoverHost };
