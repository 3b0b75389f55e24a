/**
 * A page's "site", one definition for the whole extension: the key sites are switched on and off by
 * (settings), the site a saved highlight or a claim check is listed under (library). Its host name,
 * lower-cased, without a leading "www."; only http(s) pages have one.
 */
export function siteOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.hostname.toLowerCase().replace(/^www\./, '');
}
