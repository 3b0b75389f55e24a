/**
 * A host element for the extension's UI on a page: marked as ours (never
 * annotated, its mutations ignored), styled with inline !important
 * declarations that outrank any page rule (even `* { all: unset !important }`),
 * with a CLOSED shadow root the page's scripts cannot enter, holding `css`.
 */
import resetCss from '../ui/shadow-reset.css?inline';
import { UI_ATTRIBUTE } from '../page-text/element-rules.ts';

const HOST_STYLE = [
  'all: initial', 'display: block', 'position: fixed', 'inset: 0 auto auto 0', 'width: 0', 'height: 0',
  'margin: 0', 'padding: 0', 'border: 0', 'background: transparent', 'overflow: visible',
  'z-index: 2147483647', 'pointer-events: none', 'visibility: visible', 'opacity: 1', 'contain: none',
].map((d) => `${d} !important`).join('; ');

export function createShadowHost(tagName: string, css: string): { host: HTMLElement; shadow: ShadowRoot } {
  const host = document.createElement(tagName);
  host.setAttribute(UI_ATTRIBUTE, '');
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `${resetCss}\n${css}`;
  shadow.append(style);
  return { host, shadow };
}
