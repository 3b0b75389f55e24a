/** Editing a highlight from the library: the same editor as on the page, in a modal dialog. */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../../core/i18n.ts';
import type { HighlightPatch, SavedHighlight } from '../../../core/annotations/model.ts';
import { SavedEditor } from '../../../ui/saved-editor.tsx';

export interface EditDialogProps {
  highlight: SavedHighlight;
  knownTags: readonly string[];
  onSave(patch: HighlightPatch): Promise<void>;
  onDelete(): Promise<void>;
  onClose(): void;
}

export function EditDialog({ highlight, knownTags, onSave, onDelete, onClose }: EditDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
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
        e.preventDefault();
        onClose();
      }}
    >
      <div class="or-sel">
        <SavedEditor highlight={highlight} knownTags={knownTags} focus="note" fresh={false} role="group" onSave={onSave} onDelete={onDelete} onClose={onClose} />
      </div>
    </dialog>
  );
}
