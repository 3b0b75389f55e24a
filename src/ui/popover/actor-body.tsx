import { t } from '../../core/i18n.ts';
import { filterByTopic } from '../../core/record/filter.ts';
import type { ActorRecord } from '../../core/record/types.ts';
import { EmptyState } from './empty-state.tsx';
import { PageStatementsOfferView, type PageStatementsOffer } from './page-statements-offer.tsx';
import { plural } from '../plural.ts';
import { PositionList } from './position-list.tsx';
import type { PositionActions } from './props.ts';
import { Timeline } from './timeline.tsx';
import { TopicChips } from './topic-chips.tsx';

interface Props {
  record: ActorRecord;
  topic: string | null;
  onTopic(topicId: string | null): void;
  actions: PositionActions;
  pageStatements?: PageStatementsOffer;
}

export function ActorBody({ record, topic, onTopic, actions, pageStatements }: Props) {
  const label = record.entity.label;
  if (record.count === 0 && record.relayed.length === 0) {
    return (
      <>
        {pageStatements ? (
          // The page quotes them: the offer says so instead of "No recorded positions yet · Positions appear here once…" (audit 10 A15).
          <PageStatementsOfferView entityId={record.entity.id} label={label} offer={pageStatements} emptyState={<EmptyState hint={t('popoverEmptyActorHint', label)} />} />
        ) : (
          <EmptyState hint={t('popoverEmptyActorHint', label)} />
        )}
      </>
    );
  }
  const own = filterByTopic(record.positions, topic);
  const other = filterByTopic(record.otherSide, topic);
  const relayed = filterByTopic(record.relayed, topic);
  const stances = Object.fromEntries(record.positions.map((p) => [p.id, p.stance]));
  return (
    <div class="or-actor-body">
      <Timeline marks={record.timeline} stances={stances} locale={actions.locale} onSelect={(id) => actions.goTo(id, record.entity.id)} />
      <TopicChips topics={record.topics} selected={topic} onSelect={onTopic} />
      {record.count > 0 ? (
        <section class="or-section" aria-labelledby="or-own-heading">
          <h3 id="or-own-heading" class="or-section-title">
            {t('popoverPositionsHeading')} <span class="or-section-count">{own.length === record.count ? record.count : t('popoverCountOf', [own.length, record.count])}</span>
          </h3>
          <PositionList positions={own} actions={actions} label={t('popoverPositionsOf', label)} />
        </section>
      ) : null}
      {record.otherSide.length > 0 ? (
        <section class="or-section or-other-side" aria-labelledby="or-other-heading">
          <h3 id="or-other-heading" class="or-section-title">
            {t('popoverOtherSide')} <span class="or-section-count">{other.length}</span>
          </h3>
          <p class="or-section-note">
            {record.otherSideCount > record.otherSide.length
              ? t('popoverOtherSideNoteLatest', [record.otherSide.length, record.otherSideCount])
              : t('popoverOtherSideNote')}
          </p>
          {other.length > 0 ? (
            <PositionList positions={other} actions={actions} showActor label={t('popoverOtherSide')} />
          ) : (
            <p class="or-section-note">{t('popoverNoneOnTopic')}</p>
          )}
        </section>
      ) : null}
      {relayed.length > 0 ? (
        <section class="or-section or-relayed" aria-labelledby="or-relayed-heading">
          <h3 id="or-relayed-heading" class="or-section-title">
            {t('popoverRelayedBy', label)} <span class="or-section-count">{plural('popoverPositions', relayed.length)}</span>
          </h3>
          <PositionList positions={relayed} actions={actions} showActor label={t('popoverRelayedBy', label)} />
        </section>
      ) : null}
      {record.count === 0 && pageStatements ? <PageStatementsOfferView entityId={record.entity.id} label={label} offer={pageStatements} /> : null}
    </div>
  );
}
