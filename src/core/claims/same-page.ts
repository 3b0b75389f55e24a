/**
 * Circular evidence (audit 10 A30): a position whose source is the very page a claim was selected on is that page
 * agreeing with itself. Such positions are shown, marked "from this page", but never decide the suggested verdict.
 * Pages are told apart by the anchoring module's normaliser (core/anchoring/page-url.ts: fragment and click-tracking
 * parameters dropped), and beyond it the scheme, "www." and a trailing slash do not make another page either.
 */
import { tryNormalizePageUrl } from '../anchoring/page-url.ts';

/** One key per page, or null for what is not an http(s) address. */
export function samePageKey(url: string | null | undefined): string | null {
  const normal = tryNormalizePageUrl(url);
  if (normal === undefined) return null;
  const u = new URL(normal);
  return `${u.hostname.toLowerCase().replace(/^www\./u, '')}${u.port ? `:${u.port}` : ''}${u.pathname.replace(/\/+$/u, '')}${u.search}`;
}

/** Whether two addresses are the same page (both http(s) addresses). */
export function samePage(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = samePageKey(a);
  return ka !== null && ka === samePageKey(b);
}
