/**
 * The side panel: the claim and its page, what it mentions, the ranked
 * positions (the other side apart), the attribution check and the verdict
 * form. It follows its tab: a new "Check claim" there replaces the claim.
 * A verdict typed and not saved is never lost: it is kept as a draft of that
 * claim on that page (a new claim, a re-check, the panel closing), offered
 * back with Discard when the claim is checked again, and a claim that
 * replaced it says so, with a way back.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ClaimCheck } from '../../core/claims/check-claim.ts';
import { pageKey, type CheckRow, type Verdict } from '../../core/claims/check-record.ts';
import { t } from '../../core/i18n.ts';
import { EmptyState } from './empty-state.tsx';
import type { PanelClient, PendingClaim } from './panel-client.ts';
import { ResultList } from './result-list.tsx';
import { SuggestionView } from './suggestion-view.tsx';
import { VerdictForm } from './verdict-form.tsx';
import { safeHref } from '../../core/schema/http-url.ts';
import { DraftBack, keptDrafts, localDraftShelf, type DraftShelf } from '../../ui/draft-shelf.tsx';

interface Props {
  client: PanelClient;
  tabId: number | undefined;
}

/** What is typed in the verdict form and not saved, with the claim and page it is about (to go back to it). */
export interface VerdictDraft {
  verdict: Verdict | null;
  note: string;
  claim: string;
  page: PendingClaim;
}

const norm = (s: string) => s.replace(/\s+/gu, ' ').trim();
/** Drafts are kept per page, then per claim: `<page> <claim>`. */
const pagePrefix = (pageUrl: string) => `${pageKey(pageUrl)} `;

/** One claim on one page: the shelf of its draft. */
export const claimDraftShelf = (pageUrl: string, claim: string): DraftShelf<VerdictDraft> => localDraftShelf<VerdictDraft>('claim', `${pagePrefix(pageUrl)}${norm(claim)}`);

/** The newest draft kept for another claim of this page, if any. */
function otherDraft(page: PendingClaim, claim: string): VerdictDraft | null {
  const mine = `${pagePrefix(page.pageUrl)}${norm(claim)}`;
  return keptDrafts<VerdictDraft>('claim', pagePrefix(page.pageUrl)).find((d) => d.id !== mine)?.draft ?? null;
}

const CLAIM_PREVIEW_CHARS = 60;

type Load = { status: 'idle' } | { status: 'checking' } | { status: 'error'; error: string } | { status: 'ready'; check: ClaimCheck };

/** The saved check for this claim on this page, if any: same page, same words. */
function findSaved(rows: readonly CheckRow[], claim: string): CheckRow | null {
  return rows.find((r) => norm(r.claim) === norm(claim)) ?? null;
}

export function ClaimPanel({ client, tabId }: Props) {
  const [pending, setPending] = useState<PendingClaim | null>(null);
  const [text, setText] = useState('');
  const [load, setLoad] = useState<Load>({ status: 'idle' });
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [note, setNote] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [saved, setSaved] = useState<CheckRow | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** The claim the verdict form is about, and the shelf of its draft. */
  const form = useRef<{ claim: string; page: PendingClaim; shelf: DraftShelf<VerdictDraft> } | null>(null);
  const [restored, setRestored] = useState(false);
  /** Another claim of this page whose verdict was typed and not saved (replaced by a new claim, or the panel closed). */
  const [left, setLeft] = useState<VerdictDraft | null>(null);
  // The newest claim applied, and the newest check asked for: two reads in flight (a new "Check claim" while the
  // last one is still being checked, or a re-check typed meanwhile) may be answered out of order, and an older
  // answer must never replace a newer one.
  const lastAt = useRef<number | null>(null);
  const checkSeq = useRef(0);
  const readSeq = useRef(0);

  const runCheck = useCallback(
    async (claim: string, page: PendingClaim | null) => {
      const mine = ++checkSeq.current;
      form.current = null;
      setLoad({ status: 'checking' });
      setSaveError(null);
      try {
        const [check, rows] = await Promise.all([client.check(claim, page?.pageUrl), page ? client.checksForPage(page.pageUrl) : Promise.resolve([])]);
        if (mine !== checkSeq.current) return;
        const existing = findSaved(rows, check.claim);
        const shelf = page ? claimDraftShelf(page.pageUrl, check.claim) : null;
        const kept = shelf?.get() ?? null;
        const back = kept !== null && (kept.verdict !== (existing?.verdict ?? null) || kept.note !== (existing?.note ?? ''));
        if (kept && !back) shelf?.put(null);
        form.current = page && shelf ? { claim: check.claim, page, shelf } : null;
        setLeft(page ? otherDraft(page, check.claim) : null);
        setRestored(back);
        setSaved(existing);
        setVerdict(back ? kept.verdict : (existing?.verdict ?? null));
        setNote(back ? kept.note : (existing?.note ?? ''));
        setChosen(new Set(existing?.positionIds ?? []));
        setLoad({ status: 'ready', check });
        queueMicrotask(() => heading.current?.focus());
      } catch (err) {
        if (mine === checkSeq.current) setLoad({ status: 'error', error: err instanceof Error ? err.message : String(err) });
      }
    },
    [client],
  );

  const refreshPending = useCallback(async () => {
    const mine = ++readSeq.current;
    try {
      const p = await client.pending(tabId);
      if (mine !== readSeq.current || !p || p.at === lastAt.current) return;
      lastAt.current = p.at;
      setPending(p);
      setText(p.text);
      await runCheck(p.text, p);
    } catch (err) {
      if (mine === readSeq.current) setLoad({ status: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  }, [client, tabId, runCheck]);

  useEffect(() => {
    void refreshPending();
    return client.onChange(() => void refreshPending());
  }, [refreshPending]);

  /** Every change goes on the shelf at once; a form back at what is saved leaves nothing there. */
  const edit = (next: Pick<VerdictDraft, 'verdict' | 'note'>) => {
    setVerdict(next.verdict);
    setNote(next.note);
    const differs = next.verdict !== (saved?.verdict ?? null) || next.note !== (saved?.note ?? '');
    const at = form.current;
    at?.shelf.put(differs ? { ...next, claim: at.claim, page: at.page } : null);
  };

  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const save = async () => {
    if (load.status !== 'ready' || verdict === null || !pending) return;
    setSaving(true);
    setSaveError(null);
    // The panel may move to another claim while the save is on its way: its answer is about this one only.
    const at = form.current;
    const mine = checkSeq.current;
    try {
      const { check } = load;
      const row = await client.save({
        ...(saved ? { id: saved.id } : {}),
        claim: check.claim,
        pageUrl: pending.pageUrl,
        pageTitle: pending.pageTitle,
        ...(pending.selectors ? { selectors: pending.selectors } : {}),
        verdict,
        note,
        positionIds: [...chosen],
        actorIds: check.actors.map((a) => a.id),
        topicIds: check.topics.map((topic) => topic.id),
        ...(check.attribution ? { speakerId: check.attribution.speakerId } : {}),
        suggestion: { verdict: check.suggestion.verdict, ...check.suggestion.evidence },
      });
      at?.shelf.put(null);
      if (mine !== checkSeq.current) return;
      setSaved(row);
      setRestored(false);
    } catch (err) {
      setSaveError(t('sidepanelSaveFailed', err instanceof Error ? err.message : String(err)));
    } finally {
      setSaving(false);
    }
  };

  const check = load.status === 'ready' ? load.check : null;
  const labels = new Map(Object.entries(check?.labels ?? {}));
  for (const r of [...(check?.results ?? []), ...(check?.otherSide ?? [])]) labels.set(r.position.actor.id, r.position.actor.label);

  return (
    <main class="sp">
      <section class="sp-section" aria-labelledby="sp-claim-h">
        <h1 id="sp-claim-h" ref={heading} tabIndex={-1}>
          {t('sidepanelTitle')}
        </h1>
        {pending ? (
          <p class="sp-page sp-muted">
            {t('sidepanelOnPage')} <a href={safeHref(pending.pageUrl)} target="_blank" rel="noreferrer">{pending.pageTitle || pending.pageUrl}</a>
          </p>
        ) : null}
        <form
          class="sp-claim-form"
          onSubmit={(e) => {
            e.preventDefault();
            void runCheck(text, pending);
          }}
        >
          <label for="sp-claim" class="sp-muted">
            {t('sidepanelClaim')}
          </label>
          <textarea id="sp-claim" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit">{t('sidepanelCheckAgain')}</button>
        </form>
        {check?.truncated ? <p class="sp-muted">{t('sidepanelTruncated')}</p> : null}
      </section>

      {left ? (
        <p class="sp-draft-left" role="status">
          {t('sidepanelDraftLeft', left.claim.length > CLAIM_PREVIEW_CHARS ? `${left.claim.slice(0, CLAIM_PREVIEW_CHARS)}…` : left.claim)}{' '}
          <button
            type="button"
            onClick={() => {
              const { claim, page } = left;
              setPending(page);
              setText(claim);
              void runCheck(claim, page);
            }}
          >
            {t('sidepanelDraftGoBack')}
          </button>
        </p>
      ) : null}
      {load.status === 'idle' && !pending ? <EmptyState reason="no-claim" /> : null}
      {load.status === 'checking' ? (
        <p role="status" aria-live="polite" class="sp-muted">
          {t('sidepanelChecking')}
        </p>
      ) : null}
      {load.status === 'error' ? (
        <p class="sp-error" role="alert">
          {load.error}
        </p>
      ) : null}

      {check ? (
        <>
          {check.actors.length + check.topics.length > 0 ? (
            <section class="sp-section" aria-labelledby="sp-mentions-h">
              <h2 id="sp-mentions-h">{t('sidepanelMentions')}</h2>
              <ul class="sp-chips" aria-label={t('sidepanelActors')}>
                {check.actors.map((a) => (
                  <li key={a.id} class="sp-chip sp-chip-actor">
                    {a.label}
                  </li>
                ))}
              </ul>
              <ul class="sp-chips" aria-label={t('sidepanelTopics')}>
                {check.topics.map((topic) => (
                  <li key={topic.id} class="sp-chip">
                    {topic.label}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {check.empty ? <EmptyState reason={check.empty} /> : null}
          {check.empty !== 'empty' && check.empty !== 'no-words' ? (
            <SuggestionView
              check={check}
              labels={labels}
              onUse={() => {
                edit({ verdict: check.suggestion.verdict, note });
                setChosen(new Set(check.suggestion.evidence.positionIds));
                queueMicrotask(() => document.querySelector<HTMLInputElement>(`input[name="verdict"][value="${check.suggestion.verdict}"]`)?.focus());
              }}
            />
          ) : null}
          {check.results.length > 0 ? (
            <ResultList id="sp-results" title={t('sidepanelOnRecord')} results={check.results} labels={labels} chosen={chosen} onToggle={toggle} onOpenSource={(s, p) => void client.openSource(s, p)} />
          ) : null}
          {check.otherSide.length > 0 ? (
            <ResultList id="sp-other" title={t('sidepanelOtherSide')} results={check.otherSide} labels={labels} chosen={chosen} onToggle={toggle} onOpenSource={(s, p) => void client.openSource(s, p)} />
          ) : null}
          {pending && check.empty !== 'empty' && check.empty !== 'no-words' ? (
            <VerdictForm
              verdict={verdict}
              note={note}
              positionCount={chosen.size}
              saving={saving}
              saved={saved}
              error={saveError}
              onVerdict={(v) => edit({ verdict: v, note })}
              onNote={(n) => edit({ verdict, note: n })}
              draftBack={
                restored ? (
                  <DraftBack
                    class="sp-draft-back"
                    onDiscard={() => {
                      setRestored(false);
                      edit({ verdict: saved?.verdict ?? null, note: saved?.note ?? '' });
                    }}
                  />
                ) : null
              }
              onSave={() => void save()}
            />
          ) : null}
        </>
      ) : null}
    </main>
  );
}
