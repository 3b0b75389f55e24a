/** The attribution check: the claim's words beside the closest recorded wording, differences marked. */
import type { AttributionCheck, Wording } from '../../core/claims/attribution.ts';
import type { DiffWord } from '../../core/claims/word-diff.ts';
import { t, type MessageKey } from '../../core/i18n.ts';

const STATUS_KEYS: Readonly<Record<AttributionCheck['status'], MessageKey>> = {
  close: 'sidepanelAttrClose',
  related: 'sidepanelAttrRelated',
  'someone-else': 'sidepanelAttrSomeoneElse',
  'not-found': 'sidepanelAttrNotFound',
};

const FIELD_KEYS: Readonly<Record<Wording['field'], MessageKey>> = {
  quote: 'sidepanelFieldQuote',
  paraphrase: 'sidepanelFieldParaphrase',
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
        {t('sidepanelWordingMeta', [label, labels.get(wording.actorId) ?? wording.actorId, t(FIELD_KEYS[wording.field]), Math.round(wording.similarity * 100)])}
      </p>
      <p class="sp-diff-line" aria-label={t('sidepanelRecordedWording')}>
        <Words words={wording.diff.record} mark="del" />
      </p>
      <p class="sp-diff-line" aria-label={t('sidepanelClaimedWording')}>
        <Words words={wording.diff.claim} mark="ins" />
      </p>
    </div>
  );
}

export function AttributionView({ attribution, labels }: { attribution: AttributionCheck; labels: ReadonlyMap<string, string> }) {
  const speaker = labels.get(attribution.speakerId) ?? attribution.speakerText;
  return (
    <section class="sp-section sp-attribution" aria-labelledby="sp-attr-h" data-status={attribution.status}>
      <h2 id="sp-attr-h">{t('sidepanelDidTheySay', speaker)}</h2>
      <p class={`sp-attr-status sp-attr-${attribution.status}`}>{t(STATUS_KEYS[attribution.status])}</p>
      <p>
        <span class="sp-muted">{t('sidepanelClaimed')}</span> “{attribution.claimed}”
      </p>
      {attribution.closest ? <WordingBlock wording={attribution.closest} label={t('sidepanelClosestFrom', speaker)} labels={labels} /> : null}
      {attribution.others.map((o) => (
        <WordingBlock key={o.positionId} wording={o} label={t('sidepanelCloserFrom')} labels={labels} />
      ))}
      {attribution.flagged.length > 0 ? (
        <p class="sp-flagged">
          {t('sidepanelFlagged')}{' '}
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
