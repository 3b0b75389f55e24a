/**
 * The key a highlight is filed under: the page's URL without what changes
 * between visits of the same page. The fragment is dropped (it scrolls, it
 * does not change the page), and so are click-tracking parameters, which
 * newsletters and social sites add to every link. Other parameters stay:
 * on many sites `?id=` or `?p=` *is* the article.
 */

/** Parameter names dropped outright: ad and social click ids, mail-campaign ids. */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid',
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'mkt_tok', 'oly_enc_id', 'oly_anon_id', 'vero_id', 'wickedid',
]);
/** Parameter-name prefixes dropped: Google Analytics campaign tags (utm_source, utm_medium, …). */
export const TRACKING_PREFIXES: readonly string[] = ['utm_'];

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/** The normalised form of an http(s) URL; throws a TypeError on anything that is not an absolute http(s) URL. */
export function normalizePageUrl(raw: string): string {
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`not a web page URL: ${raw}`);
  url.hash = '';
  for (const name of [...new Set(url.searchParams.keys())]) {
    if (isTrackingParam(name)) url.searchParams.delete(name);
  }
  // Deleting re-serialises the query (so it happens only when a tracker was there); drop a bare "?".
  if (url.searchParams.size === 0) url.search = '';
  return url.href;
}

/** Like normalizePageUrl, but undefined instead of an exception (for values read from a page). */
export function tryNormalizePageUrl(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  try {
    return normalizePageUrl(raw);
  } catch {
    return undefined;
  }
}
