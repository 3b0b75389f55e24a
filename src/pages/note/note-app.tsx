/**
 * The note window: the highlight editor in an extension page, so what the
 * reader types never raises an event in the page they are reading. Ctrl/⌘+
 * Enter saves and closes; Esc (or Close) keeps what was typed — it is saved,
 * and if saving fails the window stays open with the text. Every change is
 * also kept in this extension's own storage until a save confirms it, and
 * offered back the next time the highlight is opened (src/ui/kept-editor.tsx,
 * shared with the library's dialog).
 */
import { useEffect, useState } from 'preact/hooks';
import type { HighlightPatch, SavedHighlight } from '../../core/annotations/model.ts';
import { t } from '../../core/i18n.ts';
import type { DraftShelf } from '../../ui/draft-shelf.tsx';
import { KeptEditor } from '../../ui/kept-editor.tsx';

export interface NoteClient {
  load(): Promise<{ highlight: SavedHighlight; tags: string[] }>;
  save(patch: HighlightPatch): Promise<void>;
  remove(): Promise<void>;
  /** What is typed and not saved, as it changes (the background keeps it if the window is closed). */
  draft(patch: HighlightPatch | null): void;
  openLibrary(): void;
  close(): void;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function NoteApp({ client, shelf, fresh }: { client: NoteClient; shelf: DraftShelf<HighlightPatch>; fresh: boolean }) {
  const [state, setState] = useState<{ highlight: SavedHighlight; tags: string[] } | { error: string } | null>(null);

  useEffect(() => {
    client.load().then(
      ({ highlight, tags }) => setState({ highlight, tags }),
      (err: unknown) => setState({ error: errorText(err) }),
    );
  }, []);

  if (state === null) return <p class="note-banner" role="status">{t('noteLoading')}</p>;
  if ('error' in state) return <p class="note-banner note-error" role="alert">{t('noteLoadFailed', state.error)}</p>;
  return (
    <>
      <KeptEditor
        highlight={state.highlight}
        knownTags={state.tags}
        focus="note"
        fresh={fresh}
        shelf={shelf}
        bannerClass="note-banner"
        onDraft={client.draft}
        onSave={client.save}
        onDelete={client.remove}
        onDone={client.close}
        onOpenLibrary={client.openLibrary}
      />
      <p class="or-hint">{t('noteWindowHint')}</p>
    </>
  );
}
