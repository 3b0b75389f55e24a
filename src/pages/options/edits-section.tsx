/**
 * The user layer: aliases added to an entity and positions typed in by hand
 * (with their source and date). They live apart from every corpus, so a
 * corpus update never erases them.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EntitySummary } from '../../shared/entity-summary.ts';
import { t } from '../../core/i18n.ts';
import { plural, uiLanguage } from '../../ui/plural.ts';
import { ask, errorText } from '../ask-background.ts';
import { downloadJson } from '../download.ts';

interface Entities {
  list: EntitySummary[];
  userPositions: { id: string; actor: string; stance: string }[];
  /** Every copy of the user layer that failed to read: each kept as it was, never written over. */
  damaged: { key: string; foundAt: string; problem: string; inPlace: boolean }[];
}

/** When a copy was found unreadable, in the reader's language. */
const foundAt = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
};

const byLabel = (a: EntitySummary, b: EntitySummary) => a.label.localeCompare(b.label);

function field(form: HTMLFormElement, name: string): string {
  const el = form.elements.namedItem(name);
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement ? el.value.trim() : '';
}

function selected(form: HTMLFormElement, name: string): string[] {
  const el = form.elements.namedItem(name);
  return el instanceof HTMLSelectElement ? [...el.selectedOptions].map((o) => o.value) : [];
}

export function EditsSection() {
  const [data, setData] = useState<Entities>();
  const [entityId, setEntityId] = useState<string>('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();

  const refresh = () => ask<Entities>({ type: 'page-bg-list-entities' }).then(setData);
  useEffect(() => void refresh().catch((err: unknown) => setError(errorText(err))), []);

  const run = (work: () => Promise<unknown>, done?: string) => {
    setError(undefined);
    setStatus(undefined);
    work()
      .then(refresh)
      .then(() => done && setStatus(done))
      .catch((err: unknown) => setError(errorText(err)));
  };

  if (!data) return <section><h2>{t('optEditsTitle')}</h2></section>;
  const sorted = [...data.list].sort(byLabel);
  const actors = sorted.filter((e) => e.type !== 'topic');
  const topics = sorted.filter((e) => e.type === 'topic' || e.type === 'event');
  const entity = data.list.find((e) => e.id === entityId);
  const labelOf = new Map(data.list.map((e) => [e.id, e.label]));

  const addAlias = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const text = field(form, 'alias');
    const lang = field(form, 'lang');
    if (!entity || !text) return;
    run(() => ask({ type: 'page-bg-add-alias', entityId: entity.id, alias: { text, ...(lang ? { lang } : {}) } }), t('optAliasAdded', [text, entity.label]));
    form.reset();
  };

  const addPosition = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const quote = field(form, 'quote');
    const paraphrase = field(form, 'paraphrase');
    const url = field(form, 'url');
    const day = field(form, 'date');
    const position = {
      actor: field(form, 'actor'),
      topics: selected(form, 'topics'),
      stance: field(form, 'stance'),
      ...(quote ? { quote } : {}),
      ...(paraphrase ? { paraphrase } : {}),
      date: { from: day, to: day, precision: 'day' },
      source: { title: field(form, 'title'), outlet: field(form, 'outlet'), language: field(form, 'language') || 'en', ...(url ? { url } : {}) },
    };
    run(async () => {
      await ask({ type: 'page-bg-add-position', position });
      form.reset();
    }, t('optPositionAdded'));
  };

  return (
    <section aria-labelledby="edits-title">
      <h2 id="edits-title">{t('optEditsTitle')}</h2>
      <p class="note">{t('optEditsHint')}</p>
      {data.damaged.length > 0 && (
        <div role="alert" class="error damaged-layer">
          <p>{t('optUserLayerDamaged')}</p>
          <p>{plural('optUserLayerCopies', data.damaged.length)}</p>
          {/* Every copy kept aside, each with its own Save and Forget; the validator's words only behind Details. */}
          <ul>
            {data.damaged.map((copy) => (
              <li key={copy.key} data-damaged-copy={copy.key}>
                <span id={`damaged-${copy.key}`}>
                  {copy.inPlace ? t('optUserLayerCopyInPlace') : t('optUserLayerCopyFound', [foundAt(copy.foundAt)])}
                </span>{' '}
                <button
                  type="button"
                  aria-describedby={`damaged-${copy.key}`}
                  onClick={() =>
                    run(async () => {
                      const { damaged } = await ask<{ damaged: unknown }>({ type: 'page-bg-damaged-user-layer', key: copy.key });
                      downloadJson(`onrecord-your-additions-damaged-${(copy.foundAt || new Date().toISOString()).slice(0, 19).replace(/[:T]/g, '-')}.json`, damaged);
                    })
                  }
                >
                  {t('optUserLayerSaveCopy')}
                </button>{' '}
                <button type="button" aria-describedby={`damaged-${copy.key}`} onClick={() => run(() => ask({ type: 'page-bg-dismiss-damaged-user-layer', key: copy.key }))}>
                  {t('optUserLayerDismiss')}
                </button>
                <details>
                  <summary>{t('optDetails')}</summary>
                  <p class="note">{copy.problem}</p>
                </details>
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3>{t('optAliasesTitle')}</h3>
      <label class="row">
        {t('optEntity')}{' '}
        <select value={entityId} onChange={(e) => setEntityId(e.currentTarget.value)} name="alias-entity">
          <option value="">{t('optChoose')}</option>
          {sorted.map((e) => <option key={e.id} value={e.id}>{e.label}</option>)}
        </select>
      </label>
      {entity && (
        <>
          <ul class="aliases">
            {entity.aliases.map((a) => (
              <li key={`${a.lang ?? ''}:${a.text}`}>
                {a.text} {a.lang && <span class="note">({a.lang})</span>}
                {entity.userAliases.includes(a.text) && (
                  <button type="button" onClick={() => run(() => ask({ type: 'page-bg-remove-alias', entityId: entity.id, text: a.text }))}>
                    {t('optRemove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <form class="row" onSubmit={addAlias}>
            <label>{t('optAlias')} <input name="alias" required maxLength={200} /></label>
            <label>{t('optLang')} <input name="lang" size={4} placeholder="en" pattern="[a-z]{2,3}(-[A-Za-z0-9]{2,8})*" /></label>
            <button type="submit">{t('optAddAlias')}</button>
          </form>
        </>
      )}
      <h3>{t('optAddPositionTitle')}</h3>
      <form class="grid" onSubmit={addPosition}>
        <label>{t('optActor')}
          <select name="actor" required>
            <option value="">{t('optChoose')}</option>
            {actors.map((e) => <option key={e.id} value={e.id}>{e.label}</option>)}
          </select>
        </label>
        <label>{t('optTopics')}
          <select name="topics" multiple size={4}>
            {topics.map((e) => <option key={e.id} value={e.id}>{e.label}</option>)}
          </select>
        </label>
        <label>{t('optStance')} <input name="stance" required maxLength={500} /></label>
        <label>{t('optQuote')} <textarea name="quote" rows={2} maxLength={5000} /></label>
        <label>{t('optParaphrase')} <textarea name="paraphrase" rows={2} maxLength={5000} /></label>
        <label>{t('optDate')} <input name="date" type="date" required /></label>
        <label>{t('optSourceTitle')} <input name="title" required maxLength={300} /></label>
        <label>{t('optOutlet')} <input name="outlet" required maxLength={300} /></label>
        <label>{t('optUrl')} <input name="url" type="url" /></label>
        <label>{t('optLang')} <input name="language" size={4} placeholder="en" /></label>
        <button type="submit">{t('optAddPosition')}</button>
      </form>
      {data.userPositions.length > 0 && (
        <>
          <h3>{t('optYourPositions')}</h3>
          <ul class="user-positions">
            {data.userPositions.map((p) => (
              <li key={p.id}>
                <strong>{labelOf.get(p.actor) ?? p.actor}</strong>: {p.stance}{' '}
                <button type="button" onClick={() => run(() => ask({ type: 'page-bg-remove-position', id: p.id }))}>{t('optRemove')}</button>
              </li>
            ))}
          </ul>
        </>
      )}
      {status && <p role="status" class="ok">{status}</p>}
      {error && <pre role="alert" class="error">{error}</pre>}
    </section>
  );
}
