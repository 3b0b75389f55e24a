/**
 * A small notice in the page's corner when something OnRecord does for this
 * page failed after its retries (issue 14, G16): which thing, in the reader's
 * language, with "Try again" and "Dismiss". It lives in its own CLOSED shadow
 * root in the top layer, like the rest of our UI, and says only our own
 * fixed sentences: no note, highlight, verdict or error text reaches the
 * page (the error itself goes to the console). One notice per kind of
 * failure; a second failure of the same kind replaces the first. It takes no
 * focus (role=status) and goes when its session's signal aborts.
 */
import { t, type MessageKey } from '../core/i18n.ts';
import { UI_HOST } from '../page-text/element-rules.ts';
import { createShadowHost, showInTopLayer } from './shadow-host.ts';

export type NoticeKind = 'highlights' | 'checks' | 'source' | 'settings';

const TEXT: Record<NoticeKind, MessageKey> = {
  highlights: 'noticeHighlightsFailed',
  checks: 'noticeChecksFailed',
  source: 'noticeSourceFailed',
  settings: 'noticeSettingsFailed',
};

const CSS = `
.notices { position: fixed; right: 16px; bottom: 16px; display: flex; flex-direction: column; gap: 8px; max-width: min(360px, calc(100vw - 32px)); pointer-events: none; }
.notice { pointer-events: auto; background: #fff8e1; color: #3b2f00; border: 1px solid #c9a400; border-radius: 6px; padding: 10px 12px; font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
.notice p { margin: 0 0 8px; }
.notice button { font: inherit; margin-right: 8px; padding: 2px 10px; border: 1px solid #8a7000; border-radius: 4px; background: #fff; color: #3b2f00; cursor: pointer; }
.notice button:focus-visible { outline: 2px solid #1a56db; outline-offset: 2px; }
`;

let shared: { host: HTMLElement; list: HTMLElement; shown: Map<NoticeKind, HTMLElement> } | undefined;

function ensureHost() {
  if (shared?.host.isConnected) return shared;
  const { host, shadow } = createShadowHost(UI_HOST.notice, CSS);
  const list = document.createElement('div');
  list.className = 'notices';
  shadow.append(list);
  shared = { host, list, shown: new Map() };
  return shared;
}

function remove(kind: NoticeKind): void {
  if (!shared) return;
  shared.shown.get(kind)?.remove();
  shared.shown.delete(kind);
  if (shared.shown.size === 0) {
    shared.host.remove();
    shared = undefined;
  }
}

/** Shows that `kind` failed; "Try again" runs `retry` (a trusted click only) and the notice goes. */
export function showFailure(kind: NoticeKind, retry: (() => void) | undefined, signal: AbortSignal): void {
  if (signal.aborted) return;
  remove(kind);
  const { host, list, shown } = ensureHost();
  const box = document.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'status');
  box.dataset.kind = kind;
  const text = document.createElement('p');
  text.textContent = t(TEXT[kind]);
  box.append(text);
  const button = (label: string, act: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      remove(kind);
      act();
    }, { signal });
    box.append(b);
  };
  if (retry) button(t('noticeTryAgain'), retry);
  button(t('noticeDismiss'), () => undefined);
  list.append(box);
  shown.set(kind, box);
  showInTopLayer(host);
  signal.addEventListener('abort', () => {
    if (shared?.shown.get(kind) === box) remove(kind);
  }, { once: true });
}

/** The notice of `kind` goes (its thing worked after all). */
export function clearFailure(kind: NoticeKind): void {
  if (shared?.shown.has(kind)) remove(kind);
}
