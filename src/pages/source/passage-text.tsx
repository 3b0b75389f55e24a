import type { Ref } from 'preact';
import { t } from '../../core/i18n.ts';
import { textRuns, type PassageRef } from './segments.ts';

interface Props {
  text: string;
  /** The source's language, so screen readers and hyphenation read it right. */
  lang: string;
  passages: PassageRef[];
  selectedId: string | null;
  /** Receives the first <mark> of the selected passage, to scroll it into view. */
  markRef: Ref<HTMLElement>;
}

/** The full source text with the selected passage in <mark>; other passages faintly underlined. Text slices only. */
export function PassageText({ text, lang, passages, selectedId, markRef }: Props) {
  let refGiven = false;
  return (
    <div class="src-text" lang={lang} aria-label={t('sourceText')}>
      {textRuns(text.length, passages).map((run) => {
        const slice = text.slice(run.start, run.end);
        if (selectedId !== null && run.positionIds.includes(selectedId)) {
          const first = !refGiven;
          refGiven = true;
          return (
            <mark key={run.start} class="src-mark" ref={first ? markRef : undefined} tabIndex={first ? -1 : undefined}>
              {slice}
            </mark>
          );
        }
        if (run.positionIds.length > 0) {
          return (
            <span key={run.start} class="src-passage">
              {slice}
            </span>
          );
        }
        return slice;
      })}
    </div>
  );
}
