/** The options page's corpus requests: list, export, import, remove, switch on or off. */
import type { OnRecordDb } from '../storage/db.ts';
import { BUNDLED_CORPUS_ID } from './bundled-corpus.ts';
import type { ControlRequestOf } from './control-handlers.ts';
import { exportCorpus, importCorpus, listCorpora, removeCorpus, setCorpusEnabled } from './corpus-admin.ts';

export const CORPORA_REQUESTS = [
  'page-bg-list-corpora',
  'page-bg-export-corpus',
  'page-bg-import-corpus',
  'page-bg-remove-corpus',
  'page-bg-enable-corpus',
] as const;
type CorporaRequest = ControlRequestOf<(typeof CORPORA_REQUESTS)[number]>;

export class CorporaHandlers {
  constructor(
    private readonly db: OnRecordDb,
    private readonly recordChanged: () => Promise<void>,
  ) {}

  async handle(req: CorporaRequest): Promise<object> {
    switch (req.type) {
      case 'page-bg-list-corpora':
        return { corpora: await listCorpora(this.db), bundledId: BUNDLED_CORPUS_ID };
      case 'page-bg-export-corpus':
        return { corpus: (await exportCorpus(this.db, req.id)) ?? null };
      case 'page-bg-import-corpus': {
        const row = await importCorpus(this.db, req.text, req.fileName, BUNDLED_CORPUS_ID);
        await this.recordChanged();
        return { corpus: row };
      }
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
