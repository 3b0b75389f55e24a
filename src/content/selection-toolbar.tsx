/** The two actions beside a selection. Buttons keep the page's selection: they never take it on pointer down. */
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
    <div class="or-toolbar" role="toolbar" aria-label="OnRecord">
      {status ? (
        <span class={`or-status${status.error ? ' or-error' : ''}`} role="status">
          {status.text}
        </span>
      ) : (
        <>
          <button type="button" disabled={busy} onPointerDown={keepSelection} onMouseDown={keepSelection} onClick={onSave} title="Save highlight (Alt+Shift+H)">
            Save highlight
          </button>
          <button type="button" disabled={busy} onPointerDown={keepSelection} onMouseDown={keepSelection} onClick={onCheck} title="Check claim (Alt+Shift+C)">
            Check claim
          </button>
        </>
      )}
    </div>
  );
}
