/** The two actions beside a selection. Buttons keep the page's selection: they never take it on pointer down. */
import { t } from '../core/i18n.ts';

/** The default keys of the two commands (manifest `commands`), named in the tooltips. */
const SAVE_KEYS = 'Alt+Shift+H';
const CHECK_KEYS = 'Alt+Shift+C';

export interface ToolbarStatus {
  text: string;
  error: boolean;
}

export interface SelectionToolbarProps {
  status: ToolbarStatus | null;
  busy: boolean;
  onSave(e: MouseEvent): void;
  onCheck(e: MouseEvent): void;
}

const keepSelection = (e: Event) => e.preventDefault();

export function SelectionToolbar({ status, busy, onSave, onCheck }: SelectionToolbarProps) {
  return (
    <div class="or-toolbar" role="toolbar" aria-label={t('extName')}>
      {status ? (
        <span class={`or-status${status.error ? ' or-error' : ''}`} role="status">
          {status.text}
        </span>
      ) : (
        <>
          <button type="button" disabled={busy} onPointerDown={keepSelection} onMouseDown={keepSelection} onClick={onSave} title={t('selectionSaveHighlightTitle', SAVE_KEYS)}>
            {t('selectionSaveHighlight')}
          </button>
          <button type="button" disabled={busy} onPointerDown={keepSelection} onMouseDown={keepSelection} onClick={onCheck} title={t('selectionCheckClaimTitle', CHECK_KEYS)}>
            {t('selectionCheckClaim')}
          </button>
        </>
      )}
    </div>
  );
}
