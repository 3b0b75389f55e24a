import type { EntityType } from '../../core/corpus/schema.ts';
import { t, type MessageKey } from '../../core/i18n.ts';
import type { EntityRecord } from '../../core/record/types.ts';
import { plural } from '../plural.ts';

/** The header's words for the types (capitalised, unlike the popup's list). */
const TYPE_KEYS: Readonly<Record<EntityType, MessageKey>> = {
  person: 'popoverTypePerson',
  organization: 'popoverTypeOrganization',
  collective: 'popoverTypeCollective',
  place: 'popoverTypePlace',
  event: 'popoverTypeEvent',
  topic: 'popoverTypeTopic',
};

interface Props {
  record: EntityRecord;
  onClose(): void;
}

/** What the card shows: its positions, or, for an actor with none of its own, the ones it relayed ("BBC"). */
export function shownCount(record: EntityRecord): number {
  return record.kind === 'actor' && record.count === 0 ? record.relayed.length : record.count;
}

export function PopoverHeader({ record, onClose }: Props) {
  const { entity } = record;
  const side = record.kind === 'actor' ? record.side : undefined;
  return (
    <header class="or-header">
      <div class="or-title-row">
        <h2 class="or-title">{entity.label}</h2>
        <button type="button" class="or-close" aria-label={t('popoverClose')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p class="or-subtitle">
        <span class="or-type">{t(TYPE_KEYS[entity.type])}</span>
        {side ? <> <span class="or-badge or-badge-side">{side.label}</span></> : null}
        {entity.description ? <> <span class="or-description">{entity.description}</span></> : null}
      </p>
      {entity.affiliation ? <p class="or-affiliation">{entity.affiliation}</p> : null}
      {record.via ? (
        <p class="or-via">
          {record.via.kind === 'government'
            ? t('popoverViaGovernment', record.via.label)
            : record.via.kind === 'about'
              ? t(entity.type === 'person' ? 'popoverViaAboutPerson' : 'popoverViaAbout')
              : record.via.kind === 'named'
                ? t('popoverViaNamed', record.via.labels.join(', '))
                : t('popoverViaMembers')}
        </p>
      ) : null}
      <p class="or-count">{plural('popoverRecordedPositions', shownCount(record))}</p>
    </header>
  );
}
