import type { EntityRecord } from '../../core/record/types.ts';
import { TYPE_LABELS } from '../theme.ts';
import { plural } from './plural.ts';

interface Props {
  record: EntityRecord;
  onClose(): void;
}

export function PopoverHeader({ record, onClose }: Props) {
  const { entity } = record;
  const side = record.kind === 'actor' ? record.side : undefined;
  return (
    <header class="or-header">
      <div class="or-title-row">
        <h2 class="or-title">{entity.label}</h2>
        <button type="button" class="or-close" aria-label="Close" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p class="or-subtitle">
        <span class="or-type">{TYPE_LABELS[entity.type]}</span>
        {side ? <> <span class="or-badge or-badge-side">{side.label}</span></> : null}
        {entity.description ? <> <span class="or-description">{entity.description}</span></> : null}
      </p>
      {entity.affiliation ? <p class="or-affiliation">{entity.affiliation}</p> : null}
      <p class="or-count">{plural(record.count, 'recorded position')}</p>
    </header>
  );
}
