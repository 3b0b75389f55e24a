import { formatDate } from '../../core/record/format-date.ts';
import { plural } from '../plural.ts';
import { layoutTimeline, MIN_BAR_WIDTH } from '../../core/record/timeline-scale.ts';
import type { TimelineMark } from '../../core/record/types.ts';

/** Small enough to sit under the header, wide enough for a few years of ticks. */
export const TIMELINE_WIDTH = 260;
export const TIMELINE_HEIGHT = 28;
const AXIS_Y = 12;
const DOT_RADIUS = 3.5;

interface Props {
  marks: TimelineMark[];
  /** Stance per position id, for the marks' tooltips. */
  stances: Record<string, string>;
  locale: string;
  onSelect(positionId: string): void;
}

export function Timeline({ marks, stances, locale, onSelect }: Props) {
  if (marks.length === 0) return null;
  const layout = layoutTimeline(marks, TIMELINE_WIDTH);
  const byId = new Map(marks.map((m) => [m.positionId, m]));
  return (
    <svg
      class="or-timeline"
      width={TIMELINE_WIDTH}
      height={TIMELINE_HEIGHT}
      viewBox={`0 0 ${TIMELINE_WIDTH} ${TIMELINE_HEIGHT}`}
      role="group"
      aria-label={plural('popoverTimeline', marks.length)}
    >
      <line class="or-timeline-axis" x1={0} x2={TIMELINE_WIDTH} y1={AXIS_Y} y2={AXIS_Y} />
      {layout.ticks.map((t) => (
        <g key={t.year} class="or-timeline-tick" aria-hidden="true">
          <line x1={t.x} x2={t.x} y1={AXIS_Y - 4} y2={AXIS_Y + 4} />
          <text x={t.labelX} y={TIMELINE_HEIGHT - 2} text-anchor="middle">
            {t.year}
          </text>
        </g>
      ))}
      {layout.marks.map((m) => {
        const mark = byId.get(m.positionId);
        const label = `${mark ? formatDate({ from: mark.from, to: mark.to, precision: mark.precision }, locale) : ''}: ${stances[m.positionId] ?? ''}`;
        const activate = () => onSelect(m.positionId);
        const common = {
          class: 'or-timeline-mark',
          tabindex: 0,
          role: 'button' as const,
          'aria-label': label,
          'data-mark-for': m.positionId,
          onClick: activate,
          onKeyDown: (e: KeyboardEvent) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              activate();
            }
          },
        };
        return m.width < MIN_BAR_WIDTH ? (
          <circle key={m.positionId} {...common} cx={m.x + m.width / 2} cy={AXIS_Y} r={DOT_RADIUS}>
            <title>{label}</title>
          </circle>
        ) : (
          <rect key={m.positionId} {...common} x={m.x} y={AXIS_Y - DOT_RADIUS} width={m.width} height={DOT_RADIUS * 2} rx={2}>
            <title>{label}</title>
          </rect>
        );
      })}
    </svg>
  );
}
