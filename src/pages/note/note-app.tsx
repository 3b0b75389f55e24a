/**
 * The note window: the highlight editor in an extension page, so what the
 * reader types never raises an event in the page they are reading. Ctrl/⌘+
 * Enter saves and closes; Esc (or Close) keeps what was typed — it is saved,
 * and if saving fails the window stays open with the text. Every change is
 * also kept in this extension's own storage until a save confirms it, and
 * offered back the next time the highlight is opened.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HighlightPatch, SavedHighlight } from '../../core/annotations/model.ts';
import { t } from '../../core/i18n.ts';
import { draftOf, SavedEditor } from '../../ui/saved-editor.tsx';

export interface NoteClient {
  load(): Promise<{ highlight: SavedHighlight; tags: string[] }>;
  save(patch: HighlightPatch): Promise<void>;
  remove(): Promise<void>;
  /** What is typed and not saved, as it changes (the background keeps it if the window is closed). */
  draft(patch: HighlightPatch | null): void;
  openLibrary(): void;
  close(): void;
}

/** A draft kept where only the extension can read it (an extension page's localStorage). */
export interface DraftShelf {
  get(): HighlightPatch | null;
  put(patch: HighlightPatch | null): void;
}

export function localDraftShelf(id: string, storage: Storage = localStorage): DraftShelf {
  const key = `onrecord:note-draft:${id}`;
  return {
    get() {
      try {
        const raw = storage.getItem(key);
        return raw ? (JSON.parse(raw) as { patch: HighlightPatch }).patch : null;
      } catch {
        return null;
      }
    },
    put(patch) {
      if (patch) storage.setItem(key, JSON.stringify({ patch, at: Date.now() }));
      else storage.removeItem(key);
    },
  };
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function NoteApp({ client, shelf, fresh }: { client: NoteClient; shelf: DraftShelf; fresh: boolean }) {
  const [state, setState] = useState<{ highlight: SavedHighlight; tags: string[]; draft?: HighlightPatch } | { error: string } | null>(null);
  const [closeError, setCloseError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const live = useRef<HighlightPatch | null>(null);
  const closing = useRef(false);

  useEffect(() => {
    client.load().then(
      ({ highlight, tags }) => {
        const kept = shelf.get();
        const draft = kept ? draftOf(highlight, kept) : null;
        if (!draft) shelf.put(null);
        live.current = draft;
        client.draft(draft);
        setState({ highlight, tags, ...(draft ? { draft } : {}) });
      },
      (err: unknown) => setState({ error: errorText(err) }),
    );
  }, []);

  const saved = () => {
    live.current = null;
    shelf.put(null);
    client.draft(null);
    client.close();
  };
  /** Esc or Close: what was typed is saved; if that fails it stays here, with the reason. */
  const close = () => {
    if (closing.current) return;
    const pending = live.current;
    if (!pending) {
      client.close();
      return;
    }
    closing.current = true;
    client.save(pending).then(saved, (err: unknown) => {
      closing.current = false;
      setCloseError(t('noteCloseFailed', errorText(err)));
    });
  };

  useEffect(() => {
    // Esc anywhere in the window (the editor handles it itself when it has focus).
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (state === null) return <p class="note-banner" role="status">{t('noteLoading')}</p>;
  if ('error' in state) return <p class="note-banner note-error" role="alert">{t('noteLoadFailed', state.error)}</p>;
  return (
    <>
      {state.draft && (
        <p class="note-banner" role="status">
          {t('noteDraftRestored')}
          <button type="button" onClick={() => {
            shelf.put(null);
            live.current = null;
            client.draft(null);
            setState({ highlight: state.highlight, tags: state.tags });
            setGeneration((g) => g + 1);
          }}>{t('noteDraftDiscard')}</button>
        </p>
      )}
      {closeError && <p class="note-banner note-error" role="alert">{closeError}</p>}
      <SavedEditor
        key={`${state.highlight.id}:${generation}`}
        highlight={state.highlight}
        knownTags={state.tags}
        focus="note"
        fresh={fresh}
        {...(state.draft ? { draft: state.draft } : {})}
        onDraft={(patch) => {
          live.current = patch;
          shelf.put(patch);
          client.draft(patch);
        }}
        onSave={async (patch) => {
          await client.save(patch);
          saved();
        }}
        onDelete={async () => {
          await client.remove();
          saved();
        }}
        onClose={close}
        onOpenLibrary={client.openLibrary}
      />
      <p class="or-hint">{t('noteWindowHint')}</p>
    </>
  );
}
