import { t } from '../../core/i18n.ts';
import { formatDate } from '../../core/record/format-date.ts';
import { linkLabel } from '../../core/record/link-label.ts';
import type { LinkView } from '../../core/record/types.ts';
import type { PositionActions } from './props.ts';

interface Props {
  links: LinkView[];
  actions: PositionActions;
}

/** "contradicted by Mykhailo Podolyak, 1 Dec 2022": each one jumps to that position. */
export function PositionLinks({ links, actions }: Props) {
  if (links.length === 0) return null;
  // One line per linked position (issue 13): a position linked both ways is listed once, the first link kept.
  const seen = new Set<string>();
  const once = links.filter((l) => !seen.has(l.target.id) && seen.add(l.target.id) !== undefined);
  return (
    <ul class="or-links" aria-label={t('popoverRelatedPositions')}>
      {once.map((link) => (
        <li key={`${link.direction}-${link.type}-${link.target.id}`} class={`or-link or-link-${link.type}`}>
          <button type="button" class="or-link-button" title={link.target.stance} onClick={() => actions.goTo(link.target.id, link.target.actorId)}>
            <span class="or-link-type">{linkLabel(link.type, link.direction)}</span>{' '}
            <span class="or-link-actor">{link.target.actorLabel}</span>
            {', '}
            <span class="or-link-date">{formatDate(link.target.date, actions.locale)}</span>
            {': '}
            <span class="or-link-stance">{link.target.stance}</span>
          </button>
          {link.note ? <span class="or-link-note"> ({link.note})</span> : null}
        </li>
      ))}
    </ul>
  );
}
