import type { Source } from '../../core/corpus/schema.ts';
import { formatDate } from '../../core/record/format-date.ts';

const UNKNOWN_OUTLET = 'unknown';

/** Title, outlet, date with the reasoning that dated it, and the outlet's framing. */
export function SourceHeader({ source }: { source: Source }) {
  const framing = source.framing ?? [];
  return (
    <header class="src-header">
      <h1>{source.title}</h1>
      <dl class="src-facts">
        <dt>Outlet</dt>
        <dd>
          {source.outlet === UNKNOWN_OUTLET ? 'Unknown' : source.outlet}
          {source.outletEvidence ? <span class="src-muted"> — {source.outletEvidence}</span> : null}
        </dd>
        <dt>Published</dt>
        <dd>
          <time dateTime={source.published.from}>{formatDate(source.published)}</time>
          {source.published.precision !== 'day' ? <span class="src-muted"> (to the {source.published.precision})</span> : null}
        </dd>
        {source.published.reasoning ? (
          <>
            <dt>How it is dated</dt>
            <dd>{source.published.reasoning}</dd>
          </>
        ) : null}
        {source.url ? (
          <>
            <dt>Original</dt>
            <dd>
              <a href={source.url} rel="noreferrer noopener" target="_blank">
                {source.url}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {framing.length > 0 ? (
        <section class="src-framing" aria-labelledby="src-framing-heading">
          <h2 id="src-framing-heading">How this outlet frames it</h2>
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
