/** The attribution check: the claim's words beside the closest recorded wording, differences marked. */
import type { AttributionCheck, Wording } from '../../core/claims/attribution.ts';
import type { DiffWord } from '../../core/claims/word-diff.ts';

const STATUS_TEXT: Record<AttributionCheck['status'], string> = {
  close: 'The record has them saying something close.',
  related: 'The record has them saying something related, not the same.',
  'someone-else': 'The record attributes these words to someone else.',
  'not-found': 'The record has nothing close from them.',
};

/** Words the other side lacks are marked: <ins> in the claim (added or changed), <del> in the record (left out). */
function Words({ words, mark }: { words: DiffWord[]; mark: 'ins' | 'del' }) {
  const Mark = mark;
  return (
    <>
      {words.map((w, i) => (
        <span key={i}>
          {w.same ? w.text : <Mark class="sp-diff">{w.text}</Mark>}
          {w.after}
        </span>
      ))}
    </>
  );
}

function WordingBlock({ wording, label, labels }: { wording: Wording; label: string; labels: ReadonlyMap<string, string> }) {
  return (
    <div class="sp-wording" data-position-id={wording.positionId}>
      <p class="sp-muted">
        {label}: {labels.get(wording.actorId) ?? wording.actorId} ({wording.field}, {Math.round(wording.similarity * 100)}% alike)
      </p>
      <p class="sp-diff-line" aria-label="Recorded wording, words the claim lacks struck through">
        <Words words={wording.diff.record} mark="del" />
      </p>
      <p class="sp-diff-line" aria-label="Claimed wording, words the record lacks marked">
        <Words words={wording.diff.claim} mark="ins" />
      </p>
    </div>
  );
}

export function AttributionView({ attribution, labels }: { attribution: AttributionCheck; labels: ReadonlyMap<string, string> }) {
  const speaker = labels.get(attribution.speakerId) ?? attribution.speakerText;
  return (
    <section class="sp-section sp-attribution" aria-labelledby="sp-attr-h" data-status={attribution.status}>
      <h2 id="sp-attr-h">Did {speaker} say it?</h2>
      <p class={`sp-attr-status sp-attr-${attribution.status}`}>{STATUS_TEXT[attribution.status]}</p>
      <p>
        <span class="sp-muted">Claimed:</span> “{attribution.claimed}”
      </p>
      {attribution.closest ? <WordingBlock wording={attribution.closest} label={`Closest from ${speaker}`} labels={labels} /> : null}
      {attribution.others.map((o) => (
        <WordingBlock key={o.positionId} wording={o} label="Closer on record from" labels={labels} />
      ))}
      {attribution.flagged.length > 0 ? (
        <p class="sp-flagged">
          Words the record attributes to someone else:{' '}
          {attribution.flagged.map((f, i) => (
            <span key={i}>
              {i > 0 ? ', ' : ''}
              <strong>{f.text}</strong> ({labels.get(f.actorId) ?? f.actorId})
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}
