/**
 * A question before work is put away (closing or replacing a queue with candidates still to decide): a modal
 * dialog, keyboard first. It opens with focus on "Keep reviewing" (Enter keeps the work), Escape keeps it too,
 * and focus goes back where it was when it closes.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useReturnFocus } from '../../ui/return-focus.ts';

interface Props {
  title: string;
  body: string;
  /** The button that goes ahead (puts the work away). */
  go: string;
  /** The button that keeps the work (the default). */
  keep: string;
  onGo(): void;
  onKeep(): void;
  /** Where focus goes when the opener is gone (the queue was closed with its Close button). */
  fallback?: () => HTMLElement | null | undefined;
}

export function ConfirmDialog({ title, body, go, keep, onGo, onKeep, fallback }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  useReturnFocus(fallback);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    keepButton.current?.focus();
  }, []);
  // Closed natively before it goes: the browser gives focus back to the opener at once (an open modal removed
  // from the page would leave it on <body> until useReturnFocus runs).
  const shut = (then: () => void) => () => {
    dialog.current?.close();
    then();
  };
  return (
    <dialog
      ref={dialog}
      class="rv-confirm"
      aria-labelledby="rv-confirm-title"
      aria-describedby="rv-confirm-body"
      onCancel={(e) => {
        e.preventDefault();
        shut(onKeep)();
      }}
    >
      <h2 id="rv-confirm-title">{title}</h2>
      <p id="rv-confirm-body">{body}</p>
      <div class="rv-actions">
        <button type="button" ref={keepButton} onClick={shut(onKeep)}>{keep}</button>
        <button type="button" class="rv-danger" onClick={shut(onGo)}>{go}</button>
      </div>
    </dialog>
  );
}
