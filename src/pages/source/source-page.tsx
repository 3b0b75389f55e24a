/**
 * The source passage page: loads one source from the background and shows
 * its text with the requested position's passage highlighted. Choosing
 * another position updates the address without a reload.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../core/i18n.ts';
import { SourceView } from './source-view.tsx';
import type { GetSourceResponse, SourcePayload } from './source-message.ts';
import type { SourceLocation } from './url-state.ts';

type LoadState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; data: SourcePayload };

interface Props {
  location: SourceLocation;
  load(sourceId: string): Promise<GetSourceResponse>;
  /** Called when the reader picks another position (the page replaces its URL). */
  onPositionChange(positionId: string): void;
}

export function SourcePage({ location, load, onPositionChange }: Props) {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [selectedId, setSelectedId] = useState<string | null>(location.positionId);
  const [chosenByReader, setChosenByReader] = useState(false);

  useEffect(() => {
    const { sourceId } = location;
    if (!sourceId) {
      setState({ status: 'error', error: t('sourceNoSourceInLink') });
      return;
    }
    let live = true;
    load(sourceId).then(
      (res) => {
        if (!live) return;
        setState(res.ok ? { status: 'ready', data: res } : { status: 'error', error: res.error });
        if (res.ok) document.title = t('sourceDocTitleOf', res.source.title);
      },
      (err: unknown) => live && setState({ status: 'error', error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [location.sourceId]);

  if (state.status === 'loading') {
    return (
      <p class="src-loading" role="status" aria-live="polite">
        {t('sourceLoading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div class="src-error" role="alert">
        <h1>{t('sourcePageNotFound')}</h1>
        <p class="src-muted">{state.error}</p>
      </div>
    );
  }
  return (
    <SourceView
      data={state.data}
      selectedId={selectedId}
      focusPassage={!chosenByReader}
      onSelect={(id) => {
        setChosenByReader(true);
        setSelectedId(id);
        onPositionChange(id);
      }}
    />
  );
}
