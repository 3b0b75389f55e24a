import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../core/i18n.ts';
import { passageFits } from './segments.ts';
import { PassageText } from './passage-text.tsx';
import { PositionIndex } from './position-index.tsx';
import { SourceHeader } from './source-header.tsx';
import type { SourcePayload } from './source-message.ts';

interface Props {
  data: SourcePayload;
  selectedId: string | null;
  onSelect(positionId: string): void;
  /** Move keyboard focus to the passage as well as scrolling to it (on first load, not on every choice). */
  focusPassage: boolean;
}

export function SourceView({ data, selectedId, onSelect, focusPassage }: Props) {
  const markRef = useRef<HTMLElement>(null);
  const selected = data.positions.find((p) => p.id === selectedId);
  const missing = selectedId !== null && !selected;
  const misplaced = selected !== undefined && !passageFits(selected.passage, data.text.length);

  useEffect(() => {
    const mark = markRef.current;
    if (!mark) return;
    mark.scrollIntoView?.({ block: 'center' });
    if (focusPassage) mark.focus({ preventScroll: true });
  }, [selectedId, data]);

  return (
    <div class="src-layout">
      <SourceHeader source={data.source} />
      {missing ? (
        <p class="src-notice" role="status">
          {t('sourcePositionMissing')}
        </p>
      ) : null}
      {misplaced ? (
        <p class="src-notice" role="status">
          {t('sourcePassageMisplaced')}
        </p>
      ) : null}
      <main class="src-main">
        <article class="src-article" aria-label={t('sourceFullText')}>
          <PassageText
            text={data.text}
            lang={data.source.language}
            passages={data.positions.map((p) => ({ id: p.id, passage: p.passage }))}
            selectedId={selectedId}
            markRef={markRef}
          />
        </article>
        <PositionIndex positions={data.positions} entities={data.entities} selectedId={selectedId} onSelect={onSelect} />
      </main>
    </div>
  );
}
