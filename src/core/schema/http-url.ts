/**
 * Web addresses that OnRecord stores or shows: http and https only. `v.url()`
 * alone accepts any scheme, and a `javascript:` or `data:` address in a
 * corpus, backup or highlights file would otherwise become a link.
 */
import * as v from 'valibot';

export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export function httpUrl(message = 'must be an http or https address') {
  return v.pipe(v.string(), v.url(message), v.regex(/^[hH][tT][tT][pP][sS]?:\/\//, message));
}

/** For rendering: the address when it is http(s), otherwise undefined (the text is shown without a link). */
export function safeHref(text: string | undefined): string | undefined {
  return text !== undefined && isHttpUrl(text) ? text : undefined;
}
