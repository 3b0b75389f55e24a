/** The content script's requests about saved highlights and claim checks (see shared/messages.ts). */
import type { HighlightColor, HighlightPatch, HighlightSelectors, SavedHighlight } from '../core/annotations/model.ts';
import { askBackground } from './ask-background.ts';
import { MAX_TITLE_CHARS } from '../core/limits.ts';


/** The page's `<link rel=canonical>`, resolved against the page; the background keeps it only when same-origin. */
export function canonicalUrl(doc: Document = document): string | undefined {
  const href = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href;
  return href && /^https?:/.test(href) ? href : undefined;
}

function pageFields(): { canonicalUrl?: string } {
  const canonical = canonicalUrl();
  return canonical ? { canonicalUrl: canonical } : {};
}

/** 128 random bits as hex (crypto.randomUUID needs a secure context; http pages have none). */
export function newSaveKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The key of the last passage a save was attempted for: a retry of the same passage reuses it. */
let lastAttempt: { passage: string; key: string } | undefined;

/**
 * Saves a passage. The request carries a key minted here, the same for a
 * retry of the same passage, so a reply lost after the background stored the
 * highlight never leads to a second copy.
 */
export async function saveHighlight(selectors: HighlightSelectors, extra: { note?: string; tags?: string[]; color?: HighlightColor } = {}): Promise<SavedHighlight> {
  const passage = `${location.href}\u0000${selectors.position.start}:${selectors.position.end}\u0000${selectors.quote.exact}`;
  if (lastAttempt?.passage !== passage) lastAttempt = { passage, key: newSaveKey() };
  const r = await askBackground<{ highlight: SavedHighlight }>({
    type: 'cs-bg-highlight-save', key: lastAttempt.key, pageTitle: document.title.slice(0, MAX_TITLE_CHARS), selectors, ...pageFields(), ...extra,
  });
  lastAttempt = undefined;
  return r.highlight;
}

export async function highlightsForPage(): Promise<{ highlights: SavedHighlight[]; focusId?: string }> {
  return askBackground<{ highlights: SavedHighlight[]; focusId?: string }>({ type: 'cs-bg-highlights-for-page', ...pageFields() });
}




export async function reportAnchoring(placed: string[], orphaned: string[]): Promise<void> {
  await askBackground<object>({ type: 'cs-bg-highlights-anchored', placed, orphaned, ...pageFields() });
}

/** Hands the selection to the claim-check feature (issue 6), which answers in its side panel. */
export async function checkClaim(text: string, selectors: HighlightSelectors): Promise<void> {
  await askBackground<object>({ type: 'cs-bg-check-claim', text, pageUrl: location.href, pageTitle: document.title.slice(0, MAX_TITLE_CHARS), selectors });
}


/** Opens the note editor (an extension window) for one of this page's highlights, at `at` on the screen. */
export async function openNoteEditor(id: string, fresh: boolean, at?: { left: number; top: number }): Promise<void> {
  await askBackground<object>({ type: 'cs-bg-note-editor-open', id, fresh, ...(at ? { at } : {}), ...pageFields() });
}
