/**
 * The OnRecord popover: what an actor is on record as having said, or who
 * said what about a topic. Renders plain text only (JSX text nodes); the host
 * mounts it in a closed shadow root with popover.css.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../core/i18n.ts';
import { recordPositions, visibleUnderFilter } from '../../core/record/filter.ts';
import { TYPE_COLORS } from '../theme.ts';
import { ActorBody } from './actor-body.tsx';
import { PopoverHeader } from './popover-header.tsx';
import { focusPosition } from './position-focus.ts';
import type { PopoverProps, PositionActions } from './props.ts';
import { TopicBody } from './topic-body.tsx';
import { PageStatementsOfferView } from './page-statements-offer.tsx';

/** Who can be quoted: a topic-like record of one of these is an actor's with no positions of their own. */
const ACTOR_TYPES: ReadonlySet<string> = new Set(['person', 'organization', 'collective']);

export type { PopoverProps } from './props.ts';

export function Popover(props: PopoverProps) {
  const { record, locale = 'en' } = props;
  const root = useRef<HTMLDivElement>(null);
  const [topic, setTopic] = useState<string | null>(null);
  // An object, not the id, so following the same link twice focuses twice.
  const [pending, setPending] = useState<{ id: string } | null>(null);

  useEffect(() => setTopic(null), [record.entity.id]);
  useEffect(() => {
    if (props.focusPositionId) setPending({ id: props.focusPositionId });
  }, [record, props.focusPositionId]);
  useEffect(() => {
    if (pending) focusPosition(root, pending.id);
  }, [pending]);

  const ids = useMemo(() => new Set(recordPositions(record).map((p) => p.id)), [record]);
  const actions: PositionActions = {
    locale,
    sourceHref: props.sourceHref,
    onOpenSource: props.onOpenSource,
    goTo(positionId, actorId) {
      if (!ids.has(positionId)) {
        props.onOpenEntity(actorId, positionId);
        return;
      }
      if (!visibleUnderFilter(record, topic, positionId)) setTopic(null);
      setPending({ id: positionId });
    },
  };

  const color = TYPE_COLORS[record.entity.type];
  return (
    <div
      ref={root}
      class={`or-popover or-kind-${record.kind} or-type-${record.entity.type}`}
      role="dialog"
      aria-label={t('popoverDialog', record.entity.label)}
      tabIndex={-1}
      style={{ '--or-type-light': color.light, '--or-type-dark': color.dark }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <PopoverHeader record={record} onClose={props.onClose} />
      <div class="or-body">
        {record.kind === 'actor' ? (
          <ActorBody record={record} topic={topic} onTopic={setTopic} actions={actions} {...(props.pageStatements ? { pageStatements: props.pageStatements } : {})} />
        ) : (
          <>
            <TopicBody record={record} actions={actions} />
            {/* An actor with no positions of their own, shown what others said about them, is offered the page's quotes of them too (audit 10 A14). */}
            {props.pageStatements && ACTOR_TYPES.has(record.entity.type) && (
              <PageStatementsOfferView entityId={record.entity.id} label={record.entity.label} offer={props.pageStatements} />
            )}
          </>
        )}
      </div>
    </div>
  );
}
