import type { DatePrecision, Source } from '../../core/corpus/schema.ts';
import { t, type MessageKey } from '../../core/i18n.ts';
import { formatDate } from '../../core/record/format-date.ts';
import { safeHref } from '../../core/schema/http-url.ts';
import { interfaceLocale } from '../../ui/dates.ts';

const UNKNOWN_OUTLET = 'unknown';

/** Said after a date known only to the month or the year. */
const PRECISION_KEYS: Readonly<Record<Exclude<DatePrecision, 'day'>, MessageKey>> = {
  month: 'sourcePrecisionMonth',
  year: 'sourcePrecisionYear',
};

/** Title, outlet, date with the reasoning that dated it, and the outlet's framing. */
export function SourceHeader({ source }: { source: Source }) {
  const framing = source.framing;
  return (
    <header class="src-header">
      <h1>{source.title}</h1>
      <dl class="src-facts">
        <dt>{t('sourceOutlet')}</dt>
        <dd>
          {source.outlet === UNKNOWN_OUTLET ? t('sourceOutletUnknown') : source.outlet}
          {source.outletEvidence ? <span class="src-muted"> — {source.outletEvidence}</span> : null}
        </dd>
        <dt>{t('sourcePublished')}</dt>
        <dd>
          <time dateTime={source.published.from}>{formatDate(source.published, interfaceLocale())}</time>
          {source.published.precision !== 'day' ? <span class="src-muted"> {t(PRECISION_KEYS[source.published.precision])}</span> : null}
        </dd>
        {source.published.reasoning ? (
          <>
            <dt>{t('sourceHowDated')}</dt>
            <dd>{source.published.reasoning}</dd>
          </>
        ) : null}
        {safeHref(source.url) ? (
          <>
            <dt>{t('sourceOriginal')}</dt>
            <dd>
              <a href={safeHref(source.url)} rel="noreferrer noopener" target="_blank">
                {source.url}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {framing.length > 0 ? (
        <section class="src-framing" aria-labelledby="src-framing-heading">
          <h2 id="src-framing-heading">{t('sourceFraming')}</h2>
          <ul>
            {framing.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </header>
  );
}
