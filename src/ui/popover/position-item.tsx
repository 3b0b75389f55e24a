import { t } from '../../core/i18n.ts';
import { formatDate } from '../../core/record/format-date.ts';
import { sayTheSame } from '../../core/record/wording.ts';
import type { PositionView } from '../../core/record/types.ts';
import { PositionLinks } from './position-links.tsx';
import { isUserPositionId } from '../../core/recording/types.ts';
import type { PositionActions } from './props.ts';

interface Props {
  position: PositionView;
  actions: PositionActions;
  /** Name the actor: for positions that are not the record entity's own. */
  showActor?: boolean;
}

/** The words, each misspelling the source printed followed by [sic] (issue 13), never corrected silently. */
function WithSic({ text, sic }: { text: string; sic: readonly string[] | undefined }) {
  if (!sic || sic.length === 0) return <>{text}</>;
  const parts = text.split(new RegExp(`(${sic.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|')})`, 'u'));
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i}>
            {part} <span class="or-sic" title={t('popoverSicTitle')}>{t('popoverSic')}</span>
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

function Wording({ position }: { position: PositionView }) {
  if (position.quote !== undefined) {
    return (
      <blockquote class="or-quote">
        <span class="or-visually-hidden">{t('popoverQuote')} </span>
        <q>
          <WithSic text={position.quote} sic={position.sic} />
        </q>
      </blockquote>
    );
  }
  return (
    <p class="or-paraphrase">
      <span class="or-tag">{t('popoverParaphrase')}</span> <WithSic text={position.paraphrase ?? ''} sic={position.sic} />
    </p>
  );
}

export function PositionItem({ position, actions, showActor = false }: Props) {
  const meta: string[] = [];
  if (position.medium) meta.push(position.medium);
  meta.push(position.source.outlet === 'unknown' ? t('popoverOutletUnknown') : position.source.outlet);
  return (
    // data-position-id is POSITION_ATTR: links and timeline marks find the row by it.
    <li class="or-position" data-position-id={position.id} tabIndex={-1}>
      {showActor ? (
        <p class="or-actor">
          <span class="or-actor-name">{position.actor.label}</span>{' '}
          {position.actor.side ? <span class="or-badge or-badge-side">{position.actor.side.label}</span> : null}
        </p>
      ) : null}
      <Wording position={position} />
      {position.quote === undefined && position.paraphrase !== undefined && sayTheSame(position.paraphrase, position.stance, position.actor.label) ? null : (
        <p class="or-stance">{position.stance}</p>
      )}
      <p class="or-meta">
        <time dateTime={position.date.from} title={position.date.reasoning}>
          {formatDate(position.date, actions.locale)}
        </time>
        {meta.map((m) => (
          <span key={m}> · {m}</span>
        ))}
        {position.reportedBy ? <span class="or-reported"> · {t('popoverReportedBy', position.reportedBy.label)}</span> : null}
        {isUserPositionId(position.id) ? <span class="or-badge or-badge-yours"> · {t('popoverYours')}</span> : null}
      </p>
      <PositionLinks links={position.links} actions={actions} />
      <a
        class="or-source-link"
        href={actions.sourceHref(position.id, position.source.id)}
        onClick={(e) => {
          e.preventDefault();
          actions.onOpenSource(position.id, position.source.id);
        }}
      >
        {t('popoverSourcePassage')}<span class="or-visually-hidden">: {position.source.title}</span>
      </a>
    </li>
  );
}
