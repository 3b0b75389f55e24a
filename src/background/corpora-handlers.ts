/** The options page's corpus requests: list, export, import, remove, switch on or off. */
import { PageBgDiscardBundledEdits, PageBgImportUndoOffer, PageBgUndoCorpusImport, PageBgEnableCorpus, PageBgExportCorpus, PageBgImportCorpus, PageBgListCorpora, PageBgPreviewCorpusImport, PageBgRemoveCorpus, PageBgInstallProgress, messageType } from '../shared/messages.ts';
import type { OnRecordDb } from '../storage/db.ts';
import { NO_EDITS } from '../core/corpus/import-plan.ts';
import { BUNDLED, type BundledCorpus } from './bundled-corpus.ts';
import { saveBundledEdits } from './bundled-edits.ts';
import type { ControlRequestOf } from './control-handlers.ts';
import { InstallProgress } from './install-progress.ts';
import { exportCorpus, importCorpus, importUndoOffer, undoLastImport, listCorpora, previewImport, removeCorpus, setCorpusEnabled } from './corpus-admin.ts';

export const CORPORA_REQUESTS = [
  messageType(PageBgListCorpora),
  messageType(PageBgExportCorpus),
  messageType(PageBgPreviewCorpusImport),
  messageType(PageBgImportCorpus),
  messageType(PageBgDiscardBundledEdits),
  messageType(PageBgImportUndoOffer),
  messageType(PageBgUndoCorpusImport),
  messageType(PageBgRemoveCorpus),
  messageType(PageBgEnableCorpus),
  messageType(PageBgInstallProgress),
] as const;
type CorporaRequest = ControlRequestOf<(typeof CORPORA_REQUESTS)[number]>;

export class CorporaHandlers {
  constructor(
    private readonly db: OnRecordDb,
    private readonly recordChanged: () => Promise<void>,
    private readonly bundled: BundledCorpus = BUNDLED,
    private readonly progress: InstallProgress = new InstallProgress(() => undefined),
  ) {}

  async handle(req: CorporaRequest): Promise<object> {
    switch (req.type) {
      case 'page-bg-list-corpora':
        return { corpora: await listCorpora(this.db), bundledId: this.bundled.id };
      case 'page-bg-export-corpus':
        return { corpus: (await exportCorpus(this.db, req.id)) ?? null };
      case 'page-bg-preview-corpus-import':
        return { plan: await previewImport(this.db, req.text, req.fileName, this.bundled) };
      case 'page-bg-import-corpus':
        // One install from reading the file to the record's matcher compiled (the reload inside recordChanged).
        return this.progress.run(req.fileName, async () => {
          const row = await importCorpus(this.db, req.text, req.fileName, this.bundled, req.choice, this.progress);
          await this.recordChanged();
          return { corpus: row };
        });
      case 'page-bg-install-progress':
        return { progress: this.progress.current };
      case 'page-bg-import-undo-offer':
        return { undo: (await importUndoOffer(this.db)) ?? null };
      case 'page-bg-undo-corpus-import': {
        const undone = await undoLastImport(this.db, this.bundled);
        await this.recordChanged();
        return undone;
      }
      case 'page-bg-discard-bundled-edits':
        await saveBundledEdits(this.db, this.bundled, NO_EDITS);
        await this.recordChanged();
        return {};
      case 'page-bg-remove-corpus':
        await removeCorpus(this.db, req.id);
        await this.recordChanged();
        return {};
      case 'page-bg-enable-corpus':
        await setCorpusEnabled(this.db, req.id, req.enabled);
        await this.recordChanged();
        return {};
    }
  }
}
