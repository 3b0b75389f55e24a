/**
 * Editing a highlight from the library: the same editor as the note window,
 * in a modal dialog, behaving the same way — Esc, Close or a click on the
 * backdrop save what was typed (the library offers Undo), and a draft left
 * unsaved, here or in the note window, is offered back.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../../core/i18n.ts';
import type { HighlightPatch, SavedHighlight } from '../../../core/annotations/model.ts';
import { localDraftShelf } from '../../../ui/draft-shelf.tsx';
import { KeptEditor } from '../../../ui/kept-editor.tsx';
import { useReturnFocus } from '../../../ui/return-focus.ts';

export interface EditDialogProps {
  highlight: SavedHighlight;
  knownTags: readonly string[];
  onSave(patch: HighlightPatch): Promise<void>;
  onDelete(): Promise<void>;
  onClose(): void;
}

export function EditDialog({ highlight, knownTags, onSave, onDelete, onClose }: EditDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closer = useRef<(() => void) | null>(null);
  // Closing gives focus back to the Edit button that opened the dialog (or the list, when the highlight was deleted).
  useReturnFocus(() => document.querySelector<HTMLElement>('.vl-scroller'));
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // showModal() focuses the first focusable element (the editor itself); the note is where typing belongs.
    d?.querySelector('textarea')?.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="hl-dialog"
      aria-label={t('libraryEditDialog')}
      onCancel={(e) => {
        // The browser's own close (Esc) would drop what was typed: the editor closes itself, saving it.
        e.preventDefault();
        closer.current?.();
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> itself, outside its box.
        const d = dialog.current;
        if (!d || e.target !== d) return;
        const box = d.getBoundingClientRect();
        const inside = e.clientX >= box.left && e.clientX <= box.right && e.clientY >= box.top && e.clientY <= box.bottom;
        if (!inside) closer.current?.();
      }}
    >
      <div class="or-sel">
        <KeptEditor
          highlight={highlight}
          knownTags={knownTags}
          focus="note"
          fresh={false}
          role="group"
          shelf={localDraftShelf<HighlightPatch>('note', highlight.id)}
          bannerClass="hl-draft-back"
          closer={closer}
          onSave={onSave}
          onDelete={onDelete}
          onDone={onClose}
        />
      </div>
    </dialog>
  );
}
