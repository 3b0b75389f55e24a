import type { CheckedPosition } from '../../core/claims/check-claim.ts';
import { ResultItem } from './result-item.tsx';

interface Props {
  id: string;
  title: string;
  results: readonly CheckedPosition[];
  labels: ReadonlyMap<string, string>;
  chosen: ReadonlySet<string>;
  onToggle(positionId: string): void;
  onOpenSource(sourceId: string, positionId: string): void;
}

export function ResultList({ id, title, results, labels, chosen, onToggle, onOpenSource }: Props) {
  return (
    <section class="sp-section" aria-labelledby={`${id}-h`} id={id}>
      <h2 id={`${id}-h`}>
        {title} <span class="sp-muted">({results.length})</span>
      </h2>
      <ol class="sp-results">
        {results.map((r) => (
          <ResultItem key={r.positionId} result={r} labels={labels} selected={chosen.has(r.positionId)} onToggle={onToggle} onOpenSource={onOpenSource} />
        ))}
      </ol>
    </section>
  );
}
