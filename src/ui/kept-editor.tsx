/**
 * The highlight editor with its draft kept: the note window and the
 * library's dialog both use it, so both behave alike. Every change goes on
 * the shelf; Esc, Close or a click away save what was typed (if saving
 * fails, the editor stays open with the text and the reason); a draft left
 * by an editor that went away unsaved is offered back, with Discard.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HighlightPatch, SavedHighlight } from '../core/annotations/model.ts';
import { t } from '../core/i18n.ts';
import { DraftBack, savedIsCurrent, type DraftShelf } from './draft-shelf.tsx';
import { draftOf, SavedEditor, type SavedEditorProps } from './saved-editor.tsx';

export interface KeptEditorProps extends Pick<SavedEditorProps, 'highlight' | 'knownTags' | 'focus' | 'fresh' | 'role' | 'onOpenLibrary'> {
  shelf: DraftShelf<HighlightPatch>;
  /** Stores the changes (Save, and Esc or Close with something typed). */
  onSave(patch: HighlightPatch): Promise<void>;
  onDelete(): Promise<void>;
  /** The editor is done (saved, deleted, or closed with nothing typed): take it away. */
  onDone(): void;
  /** Also told of every change (the note window tells the background). */
  onDraft?: (patch: HighlightPatch | null) => void;
  /** Class of the "draft is back" and "could not save" lines. */
  bannerClass: string;
  /** Set to this editor's "close, saving what was typed" while it is shown (for the host's own close paths). */
  closer?: { current: (() => void) | null };
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function KeptEditor({ highlight, shelf, onSave, onDelete, onDone, onDraft, bannerClass, closer, ...editor }: KeptEditorProps) {
  const [draft, setDraft] = useState<HighlightPatch | null>(() => {
    const kept = shelf.get();
    const changes = kept ? draftOf(highlight, kept) : null;
    if (!changes) shelf.put(null);
    return changes;
  });
  const [closeError, setCloseError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const live = useRef<HighlightPatch | null>(draft);
  const closing = useRef(false);

  const keep = (patch: HighlightPatch | null) => {
    live.current = patch;
    shelf.put(patch);
    onDraft?.(patch);
  };
  const done = () => {
    keep(null);
    onDone();
  };
  /** `patch` is saved: done, unless the reader typed on while it was on its way (that newer draft stays, and so does the editor). */
  const saved = (patch: HighlightPatch) => savedIsCurrent(patch, live.current, done);
  /** Esc, Close, a click away: what was typed is saved; if that fails it stays here, with the reason. */
  const close = () => {
    if (closing.current) return;
    const pending = live.current;
    if (!pending) return onDone();
    closing.current = true;
    onSave(pending).then(
      () => {
        closing.current = false;
        saved(pending);
      },
      (err: unknown) => {
        closing.current = false;
        setCloseError(t('noteCloseFailed', errorText(err)));
      },
    );
  };
  if (closer) closer.current = close;

  useEffect(() => {
    // Esc anywhere in the page (the editor handles it itself when it has focus).
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (closer?.current === close) closer.current = null;
    };
  }, []);

  return (
    <>
      {draft && (
        <DraftBack
          class={bannerClass}
          onDiscard={() => {
            keep(null);
            setDraft(null);
            setGeneration((g) => g + 1);
          }}
        />
      )}
      {closeError && (
        <p class={bannerClass} role="alert">
          {closeError}
        </p>
      )}
      <SavedEditor
        key={`${highlight.id}:${generation}`}
        highlight={highlight}
        {...editor}
        {...(draft ? { draft } : {})}
        onDraft={keep}
        onSave={async (patch) => {
          await onSave(patch);
          saved(patch);
        }}
        onDelete={async () => {
          await onDelete();
          done();
        }}
        onClose={close}
      />
    </>
  );
}
