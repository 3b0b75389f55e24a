/**
 * Where accepted candidates go: your record (the user layer), an imported corpus, or a new corpus named here
 * (created with the first acceptance). Kept by the background with the queue; bulk acceptance and undo use it.
 */
import { useState } from 'preact/hooks';
import { t } from '../../core/i18n.ts';
import type { ReviewState } from '../../core/recording/review-types.ts';
import type { ReviewTargetChoice } from './review-client.ts';

interface Props {
  target: ReviewState['target'];
  corpora: ReviewState['corpora'];
  disabled: boolean;
  onChoose(choice: ReviewTargetChoice): void;
}

const LAYER = 'layer';
const NEW = 'new';

export function TargetPicker({ target, corpora, disabled, onChoose }: Props) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const current = target.kind === 'layer' ? LAYER : `corpus:${target.id}`;
  // A new corpus chosen but not created yet (nothing accepted into it) is still offered under its name.
  const listed = target.kind === 'corpus' && !corpora.some((c) => c.id === target.id) ? [...corpora, { id: target.id, title: target.title }] : corpora;
  const submitName = (e: Event) => {
    e.preventDefault();
    const title = name.trim();
    if (!title) return;
    setNaming(false);
    setName('');
    onChoose({ kind: 'corpus', title });
  };
  return (
    <div class="rv-target">
      <label for="rv-target">{t('reviewTargetLabel')}</label>
      <select
        id="rv-target"
        value={naming ? NEW : current}
        disabled={disabled}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (v === NEW) return setNaming(true);
          setNaming(false);
          if (v === LAYER) onChoose({ kind: 'layer' });
          else {
            const c = listed.find((x) => `corpus:${x.id}` === v);
            if (c) onChoose({ kind: 'corpus', id: corpora.some((x) => x.id === c.id) ? c.id : undefined, title: c.title } as ReviewTargetChoice);
          }
        }}
      >
        <option value={LAYER}>{t('reviewTargetLayer')}</option>
        {listed.map((c) => (
          <option key={c.id} value={`corpus:${c.id}`}>{t('reviewTargetCorpus', c.title)}</option>
        ))}
        <option value={NEW}>{t('reviewTargetNew')}</option>
      </select>
      {naming && (
        <form class="rv-target-new" onSubmit={submitName} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setNaming(false))}>
          <input aria-label={t('reviewTargetNewName')} value={name} maxLength={200} required ref={(el) => el?.focus()} onInput={(e) => setName(e.currentTarget.value)} />
          <button type="submit">{t('reviewTargetNewUse')}</button>
        </form>
      )}
    </div>
  );
}
