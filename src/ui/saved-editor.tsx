/**
 * The note-and-tags editor of one saved highlight: note, tags (with
 * completion from the tags already in use), colour, delete. Ctrl/⌘+Enter
 * saves; Esc and Close call `onClose`, where the host saves what was typed
 * (src/ui/kept-editor.tsx). Deleting asks once more, in place. What is typed
 * is reported as a draft on every change, so the host can keep it however
 * the editor goes away.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, MAX_NOTE_CHARS, parseTagInput, type HighlightColor, type HighlightPatch, type SavedHighlight } from '../core/annotations/model.ts';
import { t, type MessageKey } from '../core/i18n.ts';
import { SAVED_SWATCHES } from './saved-swatches.ts';

export interface SavedEditorProps {
  highlight: SavedHighlight;
  knownTags: readonly string[];
  /** Where focus goes on open: the note field (just saved) or the dialog (opened to read). */
  focus: 'note' | 'dialog' | 'none';
  /** True when the highlight was saved a moment ago: the heading says so. */
  fresh: boolean;
  onSave(patch: HighlightPatch): Promise<void>;
  onDelete(): Promise<void>;
  onClose(): void;
  /** Opens the library; absent in the library itself. */
  onOpenLibrary?: () => void;
  /** 'group' when a native <dialog> already wraps the editor (the library). */
  role?: 'dialog' | 'group';
  /** A draft kept from an earlier close, shown instead of the saved values. */
  draft?: HighlightPatch;
  /** Called with the unsaved changes after each edit (null when there are none). */
  onDraft?: (patch: HighlightPatch | null) => void;
}

/** The changes a patch makes to a highlight, or null when it changes nothing. */
export function draftOf(highlight: SavedHighlight, patch: HighlightPatch): HighlightPatch | null {
  const changed =
    (patch.note !== undefined && patch.note !== highlight.note) ||
    (patch.color !== undefined && patch.color !== highlight.color) ||
    (patch.tags !== undefined && patch.tags.join('\u0000') !== highlight.tags.join('\u0000'));
  return changed ? patch : null;
}

const QUOTE_PREVIEW_CHARS = 240;
let editorSerial = 0;

const COLOR_NAMES: Record<HighlightColor, MessageKey> = {
  yellow: 'savedColorYellow',
  green: 'savedColorGreen',
  blue: 'savedColorBlue',
  pink: 'savedColorPink',
  purple: 'savedColorPurple',
};

export function SavedEditor({ highlight, knownTags, focus, fresh, onSave, onDelete, onClose, onOpenLibrary, role = 'dialog', draft, onDraft }: SavedEditorProps) {
  const [note, setNote] = useState(draft?.note ?? highlight.note);
  const [tags, setTags] = useState<string[]>(draft?.tags ?? highlight.tags);
  const [tagDraft, setTagDraft] = useState('');
  const [color, setColor] = useState<HighlightColor>(draft?.color ?? highlight.color);

  // Reported as soon as the edit is rendered, not after the next paint (when useEffect runs): an Esc or a window
  // closed right after the last keystroke must keep that keystroke too.
  useLayoutEffect(() => {
    const allTags = tagDraft.trim() === '' ? tags : parseTagInput([...tags, tagDraft].join(','));
    onDraft?.(draftOf(highlight, { note, tags: allTags, color }));
  }, [note, tags, tagDraft, color]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const [serial] = useState(() => ++editorSerial);
  const noteField = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focus === 'note') noteField.current?.focus({ preventScroll: true });
    else if (focus === 'dialog') dialog.current?.focus({ preventScroll: true });
  }, [highlight.id]);

  const commitDraft = (): string[] => {
    if (tagDraft.trim() === '') return tags;
    const next = parseTagInput([...tags, tagDraft].join(','));
    setTags(next);
    setTagDraft('');
    return next;
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const save = () => run(() => onSave({ note, tags: commitDraft(), color }));

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

  const quote = highlight.selectors.quote.exact;
  // Element ids never carry the highlight's id (nor any record id): only a per-editor serial number.
  const listId = `or-tags-${serial}`;
  const headingId = `or-ed-h-${serial}`;
  return (
    <div
      ref={dialog}
      class="or-editor"
      role={role}
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      style={{ '--or-swatch': SAVED_SWATCHES[color] }}
    >
      <h2 id={headingId}>{fresh ? t('savedFresh') : t('savedYours')}</h2>
      {confirmDelete && (
        // The confirmation sits at the top, away from the Delete button that asked: two clicks at one
        // spot (a page luring the reader to click twice) can never delete.
        <div class="or-confirm" role="group" aria-label={t('savedConfirmDeleteQuestion')}>
          <p>{t('savedConfirmDeleteQuestion')}</p>
          <button type="button" class="or-danger" disabled={busy} onClick={() => void run(onDelete)}>
            {t('savedConfirmDelete')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setConfirmDelete(false)}>
            {t('savedKeep')}
          </button>
        </div>
      )}
      <blockquote class="or-quote">{quote.length > QUOTE_PREVIEW_CHARS ? `${quote.slice(0, QUOTE_PREVIEW_CHARS)}…` : quote}</blockquote>
      <label>
        {t('savedNote')}
        <textarea ref={noteField} value={note} maxLength={MAX_NOTE_CHARS} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <label>
        {t('savedTags')}
        <input
          type="text"
          list={listId}
          value={tagDraft}
          placeholder={t('savedTagPlaceholder')}
          onInput={(e) => setTagDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              if (tagDraft.trim() === '') return;
              e.preventDefault();
              commitDraft();
            } else if (e.key === 'Backspace' && tagDraft === '' && tags.length > 0) {
              setTags(tags.slice(0, -1));
            }
          }}
        />
      </label>
      <datalist id={listId}>
        {knownTags.filter((tag) => !tags.includes(tag)).map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      {tags.length > 0 && (
        <ul class="or-tags" aria-label={t('savedTags')}>
          {tags.map((tag) => (
            <li key={tag}>
              {tag}
              <button type="button" aria-label={t('savedRemoveTag', tag)} onClick={() => setTags(tags.filter((x) => x !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <fieldset class="or-colors">
        <legend>{t('savedColour')}</legend>
        {HIGHLIGHT_COLORS.map((c) => (
          <label key={c} title={t(COLOR_NAMES[c])}>
            <input
              type="radio"
              name={`or-color-${serial}`}
              value={c}
              checked={color === c}
              aria-label={t(COLOR_NAMES[c])}
              style={{ background: SAVED_SWATCHES[c] }}
              onChange={() => setColor(c)}
            />
          </label>
        ))}
      </fieldset>
      {error && (
        <p class="or-error-text" role="alert">
          {error}
        </p>
      )}
      <div class="or-actions">
        <button type="button" class="or-danger" disabled={busy || confirmDelete} onClick={() => setConfirmDelete(true)}>
          {t('savedDelete')}
        </button>
        <button type="button" disabled={busy} onClick={onClose}>
          {t('savedClose')}
        </button>
        <button type="button" class="or-primary" disabled={busy} onClick={() => void save()}>
          {t('savedSave')}
        </button>
      </div>
      <p class="or-hint">
        {t('savedHint')}
        {onOpenLibrary && (
          <>
            {' · '}
            <button type="button" class="or-link" onClick={onOpenLibrary}>
              {t('savedAllHighlights')}
            </button>
          </>
        )}
      </p>
    </div>
  );
}
