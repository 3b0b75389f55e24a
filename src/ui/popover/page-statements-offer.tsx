/**
 * The empty card's offer (issue 12): an actor with nothing on record, quoted
 * on this very page — the statements the page attributes to them, each with
 * "Add to my record" (recorded with the finder's reading; the popup and side
 * panel offer the full form). Plain JSX text only, in the popover's closed
 * shadow root: nothing of it reaches the page's DOM.
 */
import type { ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../core/i18n.ts';
import type { PageStatement } from '../../core/recording/types.ts';

export interface PageStatementsOffer {
  /** This page's statements by the entity, not yet in the record. */
  load(entityId: string): Promise<PageStatement[]>;
  /** `keptAside`: the user's own layer did not read; it is kept aside and this started a fresh one (said, not silent). */
  add(statement: PageStatement): Promise<{ keptAside: boolean; positionId?: string; already?: boolean } | void>;
  /** Takes back a position this card added (its "Undo"). */
  undo?(positionId: string): Promise<void>;
}

/** What became of one statement the card offered: added (with the position, for Undo), already held, or taken back. */
type Outcome = { kind: 'added'; positionId: string | undefined } | { kind: 'already' } | { kind: 'undone' };

/** `emptyState`: what the card says when the page quotes no one it could add (shown while it looks); replaced by the offer when there is one (audit 10 A15). */
export function PageStatementsOfferView({ entityId, label, offer, emptyState }: { entityId: string; label: string; offer: PageStatementsOffer; emptyState?: ComponentChild }) {
  const [list, setList] = useState<PageStatement[] | null>(null);
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, Outcome>>(new Map());
  // The status that replaced the button a keyboard user pressed takes the focus the button had (A22).
  const focusStatus = useRef<string | null>(null);
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    const k = focusStatus.current;
    if (k === null) return;
    focusStatus.current = null;
    root.current?.querySelector<HTMLElement>(`[data-outcome="${k}"]`)?.focus({ preventScroll: true });
  }, [outcomes]);
  const settle = (k: string, o: Outcome) => {
    focusStatus.current = k;
    // An "already" that answers a press made while our own add was on its way must not take the "Added · Undo" away (review 11B RB2).
    setOutcomes((m) => (o.kind === 'already' && m.get(k)?.kind === 'added' ? m : new Map([...m, [k, o]])));
  };
  // Statements whose add is on its way: a second press is ignored until it answers (review 11B RB2). A ref, so two
  // presses before the next render are caught; the state marks the button busy (aria-disabled keeps the keyboard focus on it).
  const adding = useRef(new Set<string>());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const markBusy = (k: string, on: boolean) => {
    if (on) adding.current.add(k);
    else adding.current.delete(k);
    setBusy(new Set(adding.current));
  };
  const [error, setError] = useState<string>();
  const [keptAside, setKeptAside] = useState(false);
  useEffect(() => {
    let live = true;
    // A failed search is said, not shown as "nothing quoted here".
    offer.load(entityId).then(
      (l) => live && setList(l),
      (err: unknown) => {
        if (!live) return;
        setList([]);
        setError(t('popoverStatementsFailed', err instanceof Error ? err.message : String(err)));
      },
    );
    return () => {
      live = false;
    };
  }, [entityId]);
  const open = (list ?? []).filter((s) => !s.recorded);
  if (open.length === 0) {
    return (
      <>
        {emptyState}
        {error ? <p class="or-section-note" role="status">{error}</p> : null}
      </>
    );
  }
  const key = (s: PageStatement) => `${s.start}-${s.end}`;
  return (
    <section ref={root} class="or-section or-page-statements" aria-labelledby="or-quoted-heading">
      <h3 id="or-quoted-heading" class="or-section-title">
        {t('popoverQuotedHere', label)} <span class="or-section-count">{open.length}</span>
      </h3>
      <ul class="or-list">
        {open.map((s) => (
          <li key={key(s)} class="or-position">
            <blockquote class="or-quote">
              <q>{s.text}</q>
            </blockquote>
            {(() => {
              const o = outcomes.get(key(s));
              if (o?.kind === 'added') {
                const positionId = o.positionId;
                return (
                  <p class="or-meta or-added" role="status" tabIndex={-1} data-outcome={key(s)}>
                    {t('statementsAddedShort')}
                    {positionId && offer.undo ? (
                      <>
                        {' · '}
                        <button
                          type="button"
                          class="or-link-button or-undo-statement"
                          onClick={() => {
                            setError(undefined);
                            offer.undo!(positionId).then(
                              () => settle(key(s), { kind: 'undone' }),
                              (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
                            );
                          }}
                        >
                          {t('statementsUndo')}
                        </button>
                      </>
                    ) : null}
                  </p>
                );
              }
              if (o?.kind === 'already') {
                return <p class="or-meta" role="status" tabIndex={-1} data-outcome={key(s)}>{t('statementsInYourRecord')}</p>;
              }
              return (
                <>
                  {o?.kind === 'undone' && <p class="or-meta" role="status" tabIndex={-1} data-outcome={key(s)}>{t('statementsUndone')}</p>}
                  <button
                    type="button"
                    class="or-add-statement"
                    aria-disabled={busy.has(key(s)) ? 'true' : undefined}
                    onClick={() => {
                      const k = key(s);
                      if (adding.current.has(k)) return;
                      markBusy(k, true);
                      setError(undefined);
                      offer.add(s).then(
                        (r) => {
                          markBusy(k, false);
                          if (r?.keptAside) setKeptAside(true);
                          settle(k, r?.already ? { kind: 'already' } : { kind: 'added', positionId: r?.positionId });
                        },
                        (err: unknown) => {
                          markBusy(k, false);
                          setError(err instanceof Error ? err.message : String(err));
                        },
                      );
                    }}
                  >
                    {t('statementsAdd')}
                  </button>
                </>
              );
            })()}
          </li>
        ))}
      </ul>
      {keptAside && <p class="or-section-note" role="alert" data-kept-aside>{t('statementsAddedKeptAside')}</p>}
      {error && <p class="or-section-note" role="alert">{error}</p>}
    </section>
  );
}
