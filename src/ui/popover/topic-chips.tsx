import type { TopicCount } from '../../core/record/types.ts';

interface Props {
  topics: TopicCount[];
  /** The pressed chip's topic id; null when "All" is pressed. */
  selected: string | null;
  onSelect(topicId: string | null): void;
}

/** Toggle buttons that narrow the lists to one topic; pressing the pressed chip goes back to all. */
export function TopicChips({ topics, selected, onSelect }: Props) {
  if (topics.length < 2) return null;
  return (
    <div class="or-chips" role="group" aria-label="Filter by topic">
      <button type="button" class="or-chip" aria-pressed={selected === null} onClick={() => onSelect(null)}>
        All
      </button>
      {topics.map((t) => (
        <button
          key={t.id}
          type="button"
          class="or-chip"
          data-topic={t.id}
          aria-pressed={selected === t.id}
          onClick={() => onSelect(selected === t.id ? null : t.id)}
        >
          {t.label} <span class="or-chip-count">{t.count}</span>
        </button>
      ))}
    </div>
  );
}
