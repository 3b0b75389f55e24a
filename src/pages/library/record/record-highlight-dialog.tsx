/** "Record as a position…": a saved highlight becomes a position of the user's record, edited first in a modal dialog. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SavedHighlight } from '../../../core/annotations/model.ts';
import { t } from '../../../core/i18n.ts';
import type { StatementEditsInput } from '../../../core/recording/types.ts';
import { StatementForm, type EntityOption, type StatementDraft } from '../../../ui/statements/statement-form.tsx';
import { localDraftShelf } from '../../../ui/draft-shelf.tsx';
import { ask } from '../../ask-background.ts';
import { useReturnFocus } from '../../../ui/return-focus.ts';
import type { EntitySummary } from '../../../shared/entity-summary.ts';

interface Props {
  highlight: SavedHighlight;
  onDone(positionId: string): void;
  onClose(): void;
}

const SPEAKERS = new Set(['person', 'organization', 'collective']);

export function RecordHighlightDialog({ highlight, onDone, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [entities, setEntities] = useState<EntityOption[] | null>(null);
  const [error, setError] = useState<string>();
  useReturnFocus();
  useEffect(() => {
    ask<{ list: EntitySummary[] }>({ type: 'page-bg-list-entities' })
      .then(({ list }) => setEntities(list.map(({ id, label, type }) => ({ id, label, type })).sort((a, b) => a.label.localeCompare(b.label))))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, []);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  useEffect(() => {
    if (entities) dialog.current?.querySelector<HTMLElement>('select, textarea')?.focus();
  }, [entities]);

  const types = new Map((entities ?? []).map((e) => [e.id, e.type]));
  const speaker = highlight.entityIds.find((id) => SPEAKERS.has(types.get(id) ?? ''));
  const save = async (edits: StatementEditsInput) => {
    const { positionId } = await ask<{ positionId: string }>({ type: 'page-bg-record-highlight', id: highlight.id, edits });
    onDone(positionId);
  };
  return (
    <dialog
      ref={dialog}
      class="hl-dialog rec-dialog"
      aria-labelledby="rec-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="rec-dialog-title">{t('recordHighlightTitle')}</h2>
      <blockquote class="hl-quote">{highlight.selectors.quote.exact}</blockquote>
      {error && <p role="alert" class="st-error">{error}</p>}
      {entities ? (
        <StatementForm
          idPrefix="rec"
          seed={{
            speakerId: speaker ?? null,
            speakerName: '',
            topics: highlight.entityIds.filter((id) => id !== speaker),
            date: null,
            quote: highlight.selectors.quote.exact,
            text: highlight.selectors.quote.exact.replace(/\s+/g, ' ').trim().slice(0, 5000),
          }}
          entities={entities}
          // What is typed is kept (Escape, a closed tab) and offered back with Discard, as the note dialog does.
          shelf={localDraftShelf<StatementDraft>('record', highlight.id)}
          onSave={save}
          onCancel={onClose}
        />
      ) : (
        !error && <p class="st-note">{t('loading')}</p>
      )}
    </dialog>
  );
}
