/**
 * Drafts: what a reader typed and has not saved, kept where only the
 * extension can read it (an extension page's localStorage, shared by every
 * OnRecord page and never by the page being read), keyed by the item it
 * belongs to. Every editor that takes a note — the note window, the
 * library's highlight dialog, the Checks tab's edit form, the side panel's
 * verdict, the statement form of "Statements on this page", the review
 * queue's edit form, the library's "Record as a position…" — keeps its draft on a shelf until a save confirms it, and offers
 * it back ("DraftBack") the next time that item is opened.
 */
import { t } from '../core/i18n.ts';

export interface DraftShelf<T> {
  get(): T | null;
  put(draft: T | null): void;
}

type DraftKind = 'note' | 'check' | 'claim' | 'statement' | 'review' | 'record';
const keyOf = (kind: DraftKind, id: string) => `onrecord:${kind}-draft:${id}`;

function read<T>(storage: Storage, key: string): { draft: T; at: number } | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    // `patch` is how the note window wrote its drafts before every editor shared this shelf.
    const kept = JSON.parse(raw) as { draft?: T; patch?: T; at?: number };
    const draft = kept.draft ?? kept.patch;
    return draft === undefined || draft === null ? null : { draft, at: kept.at ?? 0 };
  } catch {
    return null;
  }
}

/** The shelf of one item: `kind` says what it is (note, check, claim, statement), `id` which one. */
export function localDraftShelf<T>(kind: DraftKind, id: string, storage: Storage = localStorage): DraftShelf<T> {
  const key = keyOf(kind, id);
  return {
    get: () => read<T>(storage, key)?.draft ?? null,
    put(draft) {
      if (draft !== null) storage.setItem(key, JSON.stringify({ draft, at: Date.now() }));
      else storage.removeItem(key);
    },
  };
}

/** Every draft of `kind` whose id starts with `idPrefix`, newest first. */
export function keptDrafts<T>(kind: DraftKind, idPrefix: string, storage: Storage = localStorage): Array<{ id: string; draft: T }> {
  const prefix = keyOf(kind, idPrefix);
  const found: Array<{ id: string; draft: T; at: number }> = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(prefix)) continue;
    const kept = read<T>(storage, key);
    if (kept) found.push({ id: key.slice(keyOf(kind, '').length), ...kept });
  }
  return found.sort((a, b) => b.at - a.at).map(({ id, draft }) => ({ id, draft }));
}

/**
 * A save of `saved` has answered. If the editor still shows just that (`current` equal to it, or null: nothing
 * changed), its draft is done: `clear` runs and true says the editor may close. If the reader typed on while the
 * save was on its way, the newer draft stays on its shelf and the editor stays open (false): nothing typed is lost.
 */
export function savedIsCurrent<T>(saved: T, current: T | null, clear: () => void): boolean {
  if (current !== null && JSON.stringify(current) !== JSON.stringify(saved)) return false;
  clear();
  return true;
}

/** "What you typed last time was not saved, and is back here. [Discard it]" (or the editor's own words for it). */
export function DraftBack({ class: className, onDiscard, said = t('noteDraftRestored') }: { class: string; onDiscard(): void; said?: string }) {
  return (
    <p class={className} role="status">
      {said}{' '}
      <button type="button" onClick={onDiscard}>
        {t('noteDraftDiscard')}
      </button>
    </p>
  );
}
