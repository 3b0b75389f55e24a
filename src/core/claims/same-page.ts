/**
 * Circular evidence (audit 10 A30): a position whose source is the very page a claim was selected on is that page
 * agreeing with itself. Such positions are shown, marked "from this page", but never decide the suggested verdict.
 */

/** Query parameters that only say how a reader arrived; they do not make another page. */
const TRACKING = /^(?:utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref|ocid|cmpid)$/iu;

/**
 * One key per page: scheme, "www.", the fragment, tracking parameters and a trailing slash do not make another page
 * ("https://www.example.com/a/?utm_source=x#top" is "http://example.com/a"). Null for what is not an http(s) address.
 */
export function pageKey(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length === 0 ? '' : `?${new URLSearchParams(params).toString()}`;
  return `${u.hostname.toLowerCase().replace(/^www\./u, '')}${u.port ? `:${u.port}` : ''}${u.pathname.replace(/\/+$/u, '')}${query}`;
}

/** Whether two addresses are the same page (both http(s) addresses). */
export function samePage(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = pageKey(a);
  return ka !== null && ka === pageKey(b);
}
