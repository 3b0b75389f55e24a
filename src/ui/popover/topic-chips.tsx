import { t } from '../../core/i18n.ts';
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
    <div class="or-chips" role="group" aria-label={t('popoverFilterByTopic')}>
      <button type="button" class="or-chip" aria-pressed={selected === null} onClick={() => onSelect(null)}>
        {t('popoverAllTopics')}
      </button>
      {topics.map((topic) => (
        <button
          key={topic.id}
          type="button"
          class="or-chip"
          data-topic={topic.id}
          aria-pressed={selected === topic.id}
          onClick={() => onSelect(selected === topic.id ? null : topic.id)}
        >
          {topic.label} <span class="or-chip-count">{topic.count}</span>
        </button>
      ))}
    </div>
  );
}
