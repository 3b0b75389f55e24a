/**
 * Entry of `src/content/ui-bundle.js`, the content script's lazily evaluated UI
 * (see lazy-ui.ts): registers the popover, the selection toolbar and the claim card on the isolated world's global
 * object, once, for the content script to pick up. Imports nothing from
 * lazy-ui.ts but types, so none of the start-up code is evaluated twice.
 */
import type { ContentUi } from './lazy-ui.ts';
import { registerLazy } from './lazy-script.ts';
import { ClaimCardHost } from './claim-card-host.tsx';
import { PopoverHost } from './popover-host.tsx';
import { SelectionHost } from './selection-host.tsx';

registerLazy<ContentUi>('content-ui', { PopoverHost, SelectionHost, ClaimCardHost });
