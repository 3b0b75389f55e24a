/**
 * One position a verdict rests on, as a list item: "Dmitry Peskov: “We are
 * still ready …” — TASS, 5 Dec 2023" (a paraphrase is marked as one), or a
 * line saying the position is gone from the record. A position gone from the
 * record that the check kept a snapshot of is shown from it, marked "no longer
 * in your record". Shared by the library's
 * Checks tab (`ck-` classes) and a claim mark's card on the page (`or-`).
 */
import type { PositionSummary } from '../core/claims/position-summary.ts';
import { t } from '../core/i18n.ts';
import { formatDate } from '../core/record/format-date.ts';
import { samePage } from '../core/claims/same-page.ts';

/** `pageUrl`: the page the check is on; a position taken from it is marked "from this page" (audit A30). */
export function EvidenceItem({ id, summary, locale, prefix, pageUrl }: { id: string; summary: (PositionSummary & { gone?: true }) | undefined; locale: string; prefix: 'ck' | 'or'; pageUrl?: string }) {
  if (!summary) {
    return (
      <li class={`${prefix}-evidence-missing`} data-position-id={id}>
        {t('checksPositionMissing')}
      </li>
    );
  }
  return (
    <li data-position-id={id} class={summary.gone ? `${prefix}-evidence-gone` : undefined}>
      <span class={`${prefix}-speaker`}>{summary.speaker}</span>:{' '}
      {summary.kind === 'quote' ? <q class={`${prefix}-words`}>{summary.words}</q> : <span class={`${prefix}-words ${prefix}-paraphrase`}>{t('checksParaphrase', summary.words)}</span>}
      <span class={`${prefix}-muted`}>
        {' '}
        — {summary.outlet === 'unknown' ? t('sidepanelOutletUnknown') : summary.outlet}, <time dateTime={summary.date.from}>{formatDate(summary.date, locale)}</time>
      </span>
      {summary.samePage || samePage(summary.sourceUrl, pageUrl) ? (
        <span class={`${prefix}-same-page`} title={t('sidepanelFromThisPageTitle')}>
          {' '}
          ({t('sidepanelFromThisPage')})
        </span>
      ) : null}
      {summary.gone ? <span class={`${prefix}-muted ${prefix}-gone`}> ({t('checksPositionGone')})</span> : null}
    </li>
  );
}
