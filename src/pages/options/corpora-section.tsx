/**
 * The installed corpora with counts; import (validated by the CLI's own
 * loader, previewed as a diff, applied in one transaction), export, remove
 * an imported corpus, switch one on or off.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CorpusSummary } from '../../storage/db.ts';
import type { Corpus } from '../../core/corpus/schema.ts';
import { MAX_CORPUS_BYTES, decodeCorpusBytes, loadCorpusText, tooLargeProblem } from '../../core/corpus/load.ts';
import { formatProblem } from '../../core/corpus/problem.ts';
import { t } from '../../core/i18n.ts';
import { ask, errorText } from '../ask-background.ts';
import { diffCorpus, isNoChange, type CorpusDiff, type SectionDiff } from './corpus-diff.ts';
import { downloadJson } from '../download.ts';
import { readFileBytes } from './download.ts';
import { JsonFileField } from './json-file-field.tsx';

interface Pending {
  fileName: string;
  text: string;
  corpus: Corpus;
  diff: CorpusDiff;
}

/** Ids listed per line of the preview; the rest are counted. */
const SHOWN_IDS = 12;

function DiffLine({ label, d }: { label: string; d: SectionDiff }) {
  const ids = (list: string[]) => list.slice(0, SHOWN_IDS).join(', ') + (list.length > SHOWN_IDS ? ` …(+${list.length - SHOWN_IDS})` : '');
  return (
    <tr>
      <th scope="row">{label}</th>
      <td data-kind="added" title={ids(d.added)}>{d.added.length}</td>
      <td data-kind="changed" title={ids(d.changed)}>{d.changed.length}</td>
      <td data-kind="removed" title={ids(d.removed)}>{d.removed.length}</td>
    </tr>
  );
}

export function CorporaSection() {
  const [corpora, setCorpora] = useState<CorpusSummary[]>();
  const [problems, setProblems] = useState<string[]>([]);
  const [pending, setPending] = useState<Pending>();
  const [status, setStatus] = useState<string>();

  const refresh = () => ask<{ corpora: CorpusSummary[] }>({ type: 'page-bg-list-corpora' }).then((r) => setCorpora(r.corpora));
  useEffect(() => void refresh().catch((err: unknown) => setProblems([errorText(err)])), []);

  const run = (work: () => Promise<unknown>) => {
    setProblems([]);
    setStatus(undefined);
    work().then(refresh).catch((err: unknown) => setProblems(errorText(err).split('\n')));
  };

  const choose = async (file: File) => {
    setPending(undefined);
    setStatus(undefined);
    if (file.size > MAX_CORPUS_BYTES) return setProblems([formatProblem(tooLargeProblem(file.name, file.size))]);
    const decoded = decodeCorpusBytes(await readFileBytes(file), file.name);
    if (decoded.text === undefined) return setProblems(decoded.problems.map(formatProblem));
    const checked = loadCorpusText(decoded.text, { fileName: file.name });
    if (!checked.corpus) return setProblems(checked.problems.filter((p) => p.severity === 'error').map(formatProblem));
    const corpus = checked.corpus;
    // Every refusal the import would give is known here, before the preview offers Apply.
    const { bundledId } = await ask<{ bundledId: string }>({ type: 'page-bg-list-corpora' });
    if (corpus.id === bundledId) return setProblems([t('optImportBundledId', [file.name, bundledId])]);
    const { corpus: installed } = await ask<{ corpus: Corpus | null }>({ type: 'page-bg-export-corpus', id: corpus.id });
    setProblems(checked.problems.map(formatProblem));
    setPending({ fileName: file.name, text: decoded.text, corpus, diff: diffCorpus(installed ?? undefined, corpus) });
  };

  const apply = (p: Pending) =>
    run(async () => {
      await ask({ type: 'page-bg-import-corpus', text: p.text, fileName: p.fileName });
      setPending(undefined);
      setStatus(t('optImported', [p.corpus.title, p.corpus.version]));
    });

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
                  {c.title} <span class="note">({c.origin === 'bundled' ? t('optBundled') : t('optImportedOrigin')})</span>
                </td>
                <td>{c.version}</td>
                <td data-counts>{t('optCountsValue', [String(c.counts.entities), String(c.counts.positions), String(c.counts.sources)])}</td>
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
      {pending && (
        <div class="preview" role="region" aria-label={t('optPreview')}>
          <h3>{pending.diff.replaces ? t('optPreviewUpdate', [pending.corpus.title, pending.diff.replaces, pending.corpus.version]) : t('optPreviewNew', [pending.corpus.title, pending.corpus.version])}</h3>
          {isNoChange(pending.diff) ? (
            <p>{t('optPreviewNoChange')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th />
                  <th scope="col">{t('optAdded')}</th>
                  <th scope="col">{t('optChanged')}</th>
                  <th scope="col">{t('optRemoved')}</th>
                </tr>
              </thead>
              <tbody>
                <DiffLine label={t('optEntities')} d={pending.diff.entities} />
                <DiffLine label={t('optPositions')} d={pending.diff.positions} />
                <DiffLine label={t('optSources')} d={pending.diff.sources} />
              </tbody>
            </table>
          )}
          <button type="button" onClick={() => apply(pending)}>{t('optApply')}</button>{' '}
          <button type="button" onClick={() => setPending(undefined)}>{t('optCancel')}</button>
        </div>
      )}
      {status && <p role="status" class="ok">{status}</p>}
      {problems.length > 0 && (
        <ul role="alert" class="problems">
          {problems.map((p, i) => <li key={i}>{p}</li>)}
        </ul>
      )}
    </section>
  );
}
