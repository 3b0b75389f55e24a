/**
 * The installed corpora with counts; import (checked and previewed by the
 * service worker — the true difference in names, every refusal, a file that
 * repeats another corpus with the choice to update, replace or cancel —
 * then applied in one transaction), export, remove an imported corpus,
 * switch one on or off, undo the user's changes to the bundled record.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CorpusSummary } from '../../storage/db.ts';
import type { Corpus } from '../../core/corpus/schema.ts';
import { isNoChange, type CorpusDiff, type ImportChoice, type ImportPlan, type SectionDiff } from '../../core/corpus/import-plan.ts';
import { plural } from '../../ui/plural.ts';
import { t } from '../../core/i18n.ts';
import { ask, errorText } from '../ask-background.ts';
import { downloadJson } from '../download.ts';
import { readCorpusFile } from './read-files.ts';
import { JsonFileField } from './json-file-field.tsx';
import { InstallProgressView } from '../install-progress.tsx';

interface Pending {
  text: string;
  plan: ImportPlan;
}

/** Names listed per kind of change; the rest are counted. */
const SHOWN_NAMES = 12;

function sections(d: CorpusDiff): [string, SectionDiff][] {
  return [
    [t('optEntities'), d.entities],
    [t('optPositions'), d.positions],
    [t('optSources'), d.sources],
    [t('optSides'), d.sides],
  ];
}

/** The difference as counts per table, then the names of what is added, changed and removed. */
function DiffView({ diff }: { diff: CorpusDiff }) {
  if (isNoChange(diff)) return <p data-no-change>{t('optPreviewNoChange')}</p>;
  const kinds = [['added', t('optAdded')], ['changed', t('optChanged')], ['removed', t('optRemoved')]] as const;
  const rows = sections(diff).filter(([label, d]) => label !== t('optSides') || d.added.length + d.changed.length + d.removed.length > 0);
  return (
    <>
      <table>
        <thead>
          <tr>
            <th />
            {kinds.map(([, word]) => <th key={word} scope="col">{word}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, d]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {kinds.map(([kind]) => <td key={kind} data-kind={kind}>{d[kind].length}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {diff.details && <p>{t('optDetailsChanged')}</p>}
      <ul class="diff-names">
        {rows.flatMap(([label, d]) =>
          kinds
            .filter(([kind]) => d[kind].length > 0)
            .map(([kind, word]) => (
              <li key={`${label}-${kind}`} data-names={kind}>
                <strong>{t('optDiffNames', [label, word])}</strong>{' '}
                {d[kind].slice(0, SHOWN_NAMES).map((x) => x.name).join('; ')}
                {d[kind].length > SHOWN_NAMES ? ` ${t('optMore', String(d[kind].length - SHOWN_NAMES))}` : ''}
              </li>
            )),
        )}
      </ul>
    </>
  );
}

/** What updating (a copy) or merging into (an overlap) the repeated corpus changes in it, or why it cannot. */
function TargetChange({ repeat, heading }: { repeat: NonNullable<ImportPlan['repeat']>; heading: string }) {
  if (repeat.updateRefusal) return <p class="problems">{t('optRepeatUpdateRefused', [repeat.title, repeat.updateRefusal])}</p>;
  return (
    <>
      <h4>{heading}</h4>
      <DiffView diff={repeat.updateDiff} />
      {repeat.origin === 'bundled' && <p class="note">{t('optRepeatBundledKept')}</p>}
    </>
  );
}

function heading(plan: ImportPlan): string {
  if (plan.updates?.origin === 'bundled') return t('optPreviewBundledEdit', [plan.updates.title]);
  if (plan.updates) return t('optPreviewUpdate', [plan.title, plan.updates.version, plan.version]);
  return t('optPreviewNew', [plan.title, plan.version]);
}

export function CorporaSection() {
  const [corpora, setCorpora] = useState<CorpusSummary[]>();
  const [problems, setProblems] = useState<string[]>([]);
  const [problemDetails, setProblemDetails] = useState<string[]>([]);
  const [pending, setPending] = useState<Pending>();
  const [status, setStatus] = useState<string>();
  /** The last import can be undone until then (the worker keeps what it changed aside: corpus-admin.ts IMPORT_UNDO_MS). */
  const [undoUntil, setUndoUntil] = useState<number>();
  const undoTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const offerUndo = (until: number | undefined) => {
    clearTimeout(undoTimer.current);
    setUndoUntil(until);
    if (until !== undefined) undoTimer.current = setTimeout(() => setUndoUntil(undefined), Math.max(0, until - Date.now()));
  };
  useEffect(() => () => clearTimeout(undoTimer.current), []);

  const refresh = () => ask<{ corpora: CorpusSummary[] }>({ type: 'page-bg-list-corpora' }).then((r) => setCorpora(r.corpora));
  useEffect(() => void refresh().catch((err: unknown) => setProblems([errorText(err)])), []);

  /** One message at a time: a new action clears the last status and problems. */
  const run = (work: () => Promise<unknown>) => {
    setProblems([]);
    setProblemDetails([]);
    setStatus(undefined);
    offerUndo(undefined);
    work()
      .then(async (done) => {
        await refresh();
        if (typeof done === 'string') setStatus(done);
      })
      .catch((err: unknown) => setProblems(errorText(err).split('\n')));
  };

  /** Size first (before reading), then encoding; the service worker checks the rest and previews. */
  const choose = async (file: File) => {
    setPending(undefined);
    setStatus(undefined);
    setProblems([]);
    setProblemDetails([]);
    const read = await readCorpusFile(file);
    if ('refused' in read) return setProblems(read.refused);
    const { plan } = await ask<{ plan: ImportPlan }>({ type: 'page-bg-preview-corpus-import', text: read.text, fileName: file.name });
    // Every refusal Apply would meet is known here: none is offered.
    if (plan.refusals.length > 0) {
      // A sentence; the validator's lines behind Details.
      setProblems([plural('optRefusedSummary', plan.refusals.length, [plan.refusals.length, plan.fileName])]);
      setProblemDetails(plan.refusals);
      return;
    }
    setPending({ text: read.text, plan });
  };

  const apply = (p: Pending, choice?: ImportChoice) =>
    run(async () => {
      await ask({ type: 'page-bg-import-corpus', text: p.text, fileName: p.plan.fileName, ...(choice ? { choice } : {}) });
      setPending(undefined);
      // Whatever the import changed or removed can be undone for a while: the Undo sits in the status message.
      const { undo } = await ask<{ undo: { until: number } | null }>({ type: 'page-bg-import-undo-offer' });
      if (undo) offerUndo(undo.until);
      if (choice === 'update' && p.plan.repeat) return t('optUpdatedWith', [p.plan.repeat.title, p.plan.fileName]);
      if (choice === 'replace' && p.plan.repeat) return t('optReplacedWith', [p.plan.repeat.title, p.plan.fileName]);
      if (choice === 'merge' && p.plan.repeat) return t('optMergedInto', [p.plan.repeat.title, p.plan.fileName]);
      if (choice === 'new-only') return t('optImportedNewOnly', [p.plan.fileName, p.plan.title]);
      return t('optImported', [p.plan.title, p.plan.version]);
    });

  const preview = pending && (() => {
    const { plan } = pending;
    const repeat = plan.repeat;
    const bundledRepeat = repeat?.origin === 'bundled';
    return (
      <div class="preview" role="region" aria-label={t('optPreview')}>
        <h3>{heading(plan)}</h3>
        {repeat && !repeat.full ? (
          <>
            <ul data-overlaps={repeat.id}>
              {repeat.overlaps.map((o) => (
                <li key={o.id}>{plural('optOverlap', o.of, [o.repeated, o.of, o.title])}</li>
              ))}
            </ul>
            <p>{t('optOverlapNotCopy', [repeat.title])}</p>
            <TargetChange repeat={repeat} heading={t('optMergeWhat', [repeat.title])} />
            {repeat.newOnly?.refusal && <p class="problems">{t('optNewOnlyRefused', [repeat.newOnly.refusal])}</p>}
            <div class="actions">
              {!repeat.updateRefusal && (
                <button type="button" onClick={() => apply(pending, 'merge')}>{t('optMerge', [repeat.title])}</button>
              )}
              {repeat.newOnly && !repeat.newOnly.refusal && (
                <button type="button" onClick={() => apply(pending, 'new-only')}>{t('optNewOnly', [String(repeat.newOnly.positions)])}</button>
              )}
              <button type="button" onClick={() => apply(pending, 'both')}>{t('optBoth', [repeat.title])}</button>
              <button type="button" onClick={() => setPending(undefined)}>{t('optCancel')}</button>
            </div>
          </>
        ) : repeat ? (
          <>
            <p data-repeat={repeat.id}>{t('optRepeatIntro', [plan.fileName, String(repeat.repeated), String(repeat.of), repeat.title, repeat.examples.join('; ')])}</p>
            <TargetChange repeat={repeat} heading={t('optRepeatUpdateWhat', [repeat.title])} />
            <div class="actions">
              {!repeat.updateRefusal && (
                <button type="button" onClick={() => apply(pending, 'update')}>
                  {bundledRepeat ? t('optRepeatUpdateBundled') : t('optRepeatUpdate', [repeat.title])}
                </button>
              )}
              {plan.id !== repeat.id && (
                <button type="button" onClick={() => apply(pending, 'replace')}>
                  {bundledRepeat ? t('optRepeatReplaceBundled') : t('optRepeatReplace', [repeat.title])}
                </button>
              )}
              <button type="button" onClick={() => setPending(undefined)}>{t('optCancel')}</button>
            </div>
          </>
        ) : isNoChange(plan.diff) ? (
          <>
            <DiffView diff={plan.diff} />
            <button type="button" onClick={() => setPending(undefined)}>{t('optClose')}</button>
          </>
        ) : (
          <>
            <DiffView diff={plan.diff} />
            {plan.updates?.origin === 'bundled' && <p class="note">{t('optRepeatBundledKept')}</p>}
            <button type="button" onClick={() => apply(pending)}>{t('optApply')}</button>{' '}
            <button type="button" onClick={() => setPending(undefined)}>{t('optCancel')}</button>
          </>
        )}
        {plan.warnings.length > 0 && (
          <ul class="note">{plan.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
        )}
      </div>
    );
  })();

  return (
    <section aria-labelledby="corpora-title">
      <h2 id="corpora-title">{t('optCorporaTitle')}</h2>
      {corpora && (
        <table class="corpora">
          <thead>
            <tr>
              <th scope="col">{t('optCorpus')}</th>
              <th scope="col">{t('optVersion')}</th>
              <th scope="col">{t('optCounts')}</th>
              <th scope="col">{t('optOn')}</th>
              <th scope="col"><span class="sr">{t('optActions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {corpora.map((c) => (
              <tr key={c.id} data-corpus={c.id}>
                <td>
                  {c.title} <span class="note">({c.origin === 'bundled' ? t('optBundled') : t('optImportedOrigin')}{c.edits && c.edits.count > 0 ? `, ${t('optBundledEdited', String(c.edits.count))}` : ''})</span>
                  {c.edits?.problem && <p class="problems" data-edits-problem>{t('optBundledEditsProblem', [c.edits.problem])}</p>}
                </td>
                <td>{c.version}</td>
                <td data-counts>{t('optCountsValue', [plural('countEntities', c.counts.entities), plural('countPositions', c.counts.positions), plural('countSources', c.counts.sources)])}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('optCorpusOn', c.title)}
                    checked={c.enabled}
                    onChange={(e) => run(() => ask({ type: 'page-bg-enable-corpus', id: c.id, enabled: e.currentTarget.checked }))}
                  />
                </td>
                <td class="actions">
                  <button
                    type="button"
                    onClick={() =>
                      run(async () => {
                        const { corpus } = await ask<{ corpus: Corpus | null }>({ type: 'page-bg-export-corpus', id: c.id });
                        if (corpus) downloadJson(`${c.id}-${c.version}.json`, corpus);
                      })
                    }
                  >
                    {t('optExport')}
                  </button>
                  {c.origin === 'bundled' && c.edits && c.edits.count > 0 && (
                    <button
                      type="button"
                      onClick={() =>
                        window.confirm(t('optBundledEditsUndoConfirm', String(c.edits?.count ?? 0))) &&
                        run(async () => {
                          await ask({ type: 'page-bg-discard-bundled-edits' });
                          return t('optBundledEditsUndone');
                        })
                      }
                    >
                      {t('optBundledEditsUndo')}
                    </button>
                  )}
                  {c.origin === 'imported' && (
                    <button type="button" onClick={() => window.confirm(t('optRemoveConfirm', c.title)) && run(() => ask({ type: 'page-bg-remove-corpus', id: c.id }))}>
                      {t('optRemove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <JsonFileField label={t('optImport')} testId="corpus-file" onFile={(file) => choose(file).catch((err: unknown) => setProblems([errorText(err)]))} />
      {preview}
      <InstallProgressView />
      {status && (
        <p role="status" class="ok">
          {status}
          {undoUntil !== undefined && (
            <>
              {' '}
              <button
                type="button"
                onClick={() =>
                  run(async () => {
                    const { fileName } = await ask<{ fileName: string }>({ type: 'page-bg-undo-corpus-import' });
                    return t('optImportUndone', [fileName]);
                  })
                }
              >
                {t('optUndoImport')}
              </button>
            </>
          )}
        </p>
      )}
      {problems.length > 0 && (
        <div role="alert" class="problems">
          <ul>
            {problems.map((p, i) => <li key={i}>{p}</li>)}
          </ul>
          {problemDetails.length > 0 && (
            <details>
              <summary>{t('optDetails')}</summary>
              <ul class="note">{problemDetails.map((p, i) => <li key={i}>{p}</li>)}</ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
