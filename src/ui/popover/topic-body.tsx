import { t } from '../../core/i18n.ts';
import type { TopicRecord } from '../../core/record/types.ts';
import { EmptyState } from './empty-state.tsx';
import { PositionList } from './position-list.tsx';
import type { PositionActions } from './props.ts';

interface Props {
  record: TopicRecord;
  actions: PositionActions;
}

/** Who said what about a topic, event or place, one section per side (per speaker on a government's card). */
export function TopicBody({ record, actions }: Props) {
  if (record.count === 0) {
    return <EmptyState hint={t('popoverEmptyTopicHint', record.entity.label)} />;
  }
  return (
    <div class="or-topic-body">
      {record.groups.map((g, i) => {
        const title = g.speaker ? g.speaker.label : g.side ? g.side.label : t('popoverOthersGroup');
        const id = `or-group-${i}`;
        return (
          <section key={g.speaker?.id ?? g.side?.id ?? 'none'} class="or-section" aria-labelledby={id}>
            <h3 id={id} class="or-section-title">
              {title} <span class="or-section-count">{g.count}</span>
            </h3>
            <PositionList positions={g.positions} actions={actions} showActor label={title} />
          </section>
        );
      })}
    </div>
  );
}
