import type { Entity, Position } from '../../core/corpus/schema.ts';
import { t } from '../../core/i18n.ts';
import { formatDate } from '../../core/record/format-date.ts';
import { interfaceLocale } from '../../ui/dates.ts';

interface Props {
  positions: Position[];
  entities: Record<string, Entity>;
  selectedId: string | null;
  onSelect(positionId: string): void;
}

/** The positions drawn from this source, in text order; choosing one highlights its passage. */
export function PositionIndex({ positions, entities, selectedId, onSelect }: Props) {
  const ordered = [...positions].sort((a, b) => a.passage.start - b.passage.start);
  return (
    <nav class="src-positions" aria-labelledby="src-positions-heading">
      <h2 id="src-positions-heading">{t('sourcePositionsHeading', positions.length)}</h2>
      {ordered.length === 0 ? <p class="src-muted">{t('sourceNoPositions')}</p> : null}
      <ol>
        {ordered.map((p) => (
          <li key={p.id}>
            <button type="button" class="src-position" data-position-id={p.id} aria-current={p.id === selectedId ? 'true' : undefined} onClick={() => onSelect(p.id)}>
              <span class="src-position-actor">{entities[p.actor]?.label ?? p.actor}</span>
              {p.reportedBy ? <span class="src-muted"> {t('sourceReportedBy', entities[p.reportedBy]?.label ?? p.reportedBy)}</span> : null}
              <span class="src-position-date"> · {formatDate(p.date, interfaceLocale())}</span>
              <span class="src-position-stance">{p.stance}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
