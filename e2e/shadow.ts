/**
 * Test access to any of OnRecord's CLOSED shadow roots by host element name,
 * through the DevTools protocol (`pierce: true`) — the privileged door page
 * scripts do not have. e2e/popover.ts builds the popover's helpers on it.
 */
import type { Page } from '@playwright/test';

interface CdpNode {
  nodeId: number;
  localName?: string;
  /** Flat list: name, value, name, value, … */
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function findHost(node: CdpNode, name: string): CdpNode | undefined {
  // Hosts are built-in divs marked data-onrecord-ui="<name>" (a page cannot define or pre-empt a div).
  const attrs = node.attributes ?? [];
  for (let i = 0; i + 1 < attrs.length; i += 2) if (attrs[i] === 'data-onrecord-ui' && attrs[i + 1] === name) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child, name);
    if (found) return found;
  }
  return undefined;
}

/** Runs `fn` with `this` bound to the shadow root of the first `hostName` element; undefined when there is none. */
export async function inShadow<R>(page: Page, hostName: string, fn: string): Promise<R | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadow = findHost(root, hostName)?.shadowRoots?.[0];
    if (!shadow) return undefined;
    // The host leaves the page while hidden: between the two calls it may have gone (or come back as a new node).
    const resolved = await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId }).catch(() => undefined);
    if (!resolved) return undefined;
    const { object } = resolved;
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: fn,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`in ${hostName}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as R;
  } finally {
    await cdp.detach();
  }
}

/** The centre of the first element matching `selector` (and containing `text`, if given) in the host's shadow root. */
export async function shadowTarget(page: Page, hostName: string, selector: string, text = ''): Promise<{ x: number; y: number } | undefined> {
  return inShadow(
    page,
    hostName,
    `function () {
      const el = [...this.querySelectorAll(${JSON.stringify(selector)})].find((e) => !e.closest('[hidden]') && e.textContent.includes(${JSON.stringify(text)}));
      if (!el) return undefined;
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }`,
  );
}

/** The visible text of the host's shadow root, with the values of its fields (hidden frames left out). */
export async function shadowText(page: Page, hostName: string): Promise<string> {
  return (
    (await inShadow<string>(
      page,
      hostName,
      `function () {
        return [...this.querySelectorAll('.or-frame:not([hidden])')]
          .map((f) => [f.innerText, ...[...f.querySelectorAll('textarea, input[type="text"]')].map((i) => i.value)].join('\\n'))
          .join('\\n')
          .trim();
      }`,
    )) ?? ''
  );
}

/** The focused element inside the host's shadow root, as "tag" or "tag[aria-label]"; null when focus is elsewhere. */
export async function shadowFocus(page: Page, hostName: string): Promise<string | null> {
  return (
    (await inShadow<string | null>(
      page,
      hostName,
      `function () { const a = this.activeElement; return a ? a.localName + (a.getAttribute('aria-label') ? '[' + a.getAttribute('aria-label') + ']' : '') : null; }`,
    )) ?? null
  );
}
