import { t } from '../../../core/i18n.ts';

/** A short message at the bottom of the page, with an optional action (Undo). Announced politely to screen readers. */
export interface ToastState {
  id: number;
  text: string;
  action?: { label: string; run(): void };
  error?: boolean;
}

export function Toast({ toast, onDismiss }: { toast: ToastState | null; onDismiss(): void }) {
  return (
    <div class="hl-toast-region" role="status" aria-live="polite">
      {toast && (
        <div class={`hl-toast${toast.error ? ' hl-toast-error' : ''}`}>
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              onClick={() => {
                toast.action?.run();
                onDismiss();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" aria-label={t('libraryDismiss')} onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
