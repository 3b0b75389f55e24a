/**
 * Answers the background's "bg-cs-page-text" (issue 12): the page's visible
 * text (the same page-text string highlights are anchored in) and what a
 * source needs from its markup — meta tags, JSON-LD and time elements. The
 * statements are found in the background on this text, not here, so the
 * page's main thread only pays for the extraction. Only the extension itself
 * may ask (never the page, never another extension).
 */
import * as v from 'valibot';
import browser, { type MessageSender } from './runtime.ts';
import { BgCsPageText, type PageTextReply } from '../shared/messages.ts';
import { documentTextInSlices } from './page-text-slices.ts';
import { MAX_JSON_LD, MAX_JSON_LD_CHARS, MAX_LANG_TAG_CHARS, MAX_META_CHARS, MAX_META_NAME_CHARS, MAX_META_TAGS, MAX_TIMES, MAX_TITLE_CHARS, MAX_URL_CHARS } from '../core/limits.ts';


/** The page's metadata as strings, bounded; read, never interpreted here (core reads it). */
export function collectPageMeta(doc: Document = document): Omit<PageTextReply, 'text'> {
  const meta: Record<string, string> = {};
  let count = 0;
  for (const el of doc.querySelectorAll('meta[content]')) {
    const name = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase().slice(0, MAX_META_NAME_CHARS);
    if (!name || name in meta) continue;
    meta[name] = (el.getAttribute('content') ?? '').slice(0, MAX_META_CHARS);
    if (++count >= MAX_META_TAGS) break;
  }
  const jsonLd = [...doc.querySelectorAll('script[type="application/ld+json"]')]
    .slice(0, MAX_JSON_LD)
    .map((s) => (s.textContent ?? '').slice(0, MAX_JSON_LD_CHARS));
  const times = [...doc.querySelectorAll('time[datetime]')].slice(0, MAX_TIMES).map((el) => (el.getAttribute('datetime') ?? '').slice(0, MAX_META_CHARS));
  const canonical = doc.querySelector('link[rel~="canonical" i][href]') as HTMLLinkElement | null;
  let canonicalUrl: string | undefined;
  try {
    canonicalUrl = canonical ? new URL(canonical.href, doc.baseURI).href.slice(0, MAX_URL_CHARS) : undefined;
  } catch {
    canonicalUrl = undefined;
  }
  const lang = doc.documentElement.getAttribute('lang')?.trim().slice(0, MAX_LANG_TAG_CHARS);
  return {
    url: location.href.slice(0, MAX_URL_CHARS),
    ...(canonicalUrl && /^https?:/.test(canonicalUrl) ? { canonicalUrl } : {}),
    title: doc.title.slice(0, MAX_TITLE_CHARS),
    ...(lang ? { lang } : {}),
    meta,
    jsonLd,
    times,
  };
}

export function answerPageText(signal: AbortSignal): void {
  const onMessage = (message: unknown, sender: MessageSender): Promise<PageTextReply> | undefined => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    if (!v.is(BgCsPageText, message)) return undefined;
    return documentTextInSlices(document.body, undefined, signal).then((text) => ({ ...collectPageMeta(), text }));
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
}
