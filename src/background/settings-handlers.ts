/**
 * The background's answers to the popup and the options page (issue 7):
 * each request is one call into its service; anything that changes what
 * tabs draw forgets the cached record and tells the tabs.
 */
import browser from 'webextension-polyfill';
import { ControlPageRequests, type ControlPageRequest } from '../shared/messages.ts';
import type { EntitySummary } from '../shared/entity-summary.ts';
import { createBackup, restoreBackup } from './backup.ts';
import { BUNDLED_CORPUS } from './bundled-corpus.ts';
import { exportCorpus, importCorpus, listCorpora, removeCorpus, setCorpusEnabled } from './corpus-admin.ts';
import type { OnRecordDb } from '../storage/db.ts';
import type { RecordService } from './record-service.ts';
import { broadcastSettingsChanged, type SettingsService } from './settings-service.ts';
import { addAlias, addPosition, readUserLayer, removeAlias, removePosition } from './user-layer.ts';

const CONTROL_TYPES: ReadonlySet<string> = new Set(ControlPageRequests.map((s) => s.entries.type.literal));

export function isControlRequest(req: { type: string }): req is ControlPageRequest {
  return CONTROL_TYPES.has(req.type);
}

export class ControlHandlers {
  constructor(
    private readonly db: OnRecordDb,
    private readonly records: RecordService,
    private readonly settings: SettingsService,
  ) {}

  /** After a change to corpora or the user layer: rebuild the record, then every tab re-reads it. */
  async #recordChanged(): Promise<void> {
    this.records.invalidate();
    await this.records.active();
    await broadcastSettingsChanged();
  }

  async handle(req: ControlPageRequest): Promise<object> {
    switch (req.type) {
      case 'page-bg-get-settings':
        return { settings: await this.settings.get() };
      case 'page-bg-update-settings':
        return { settings: await this.settings.update(req.patch) };
      case 'page-bg-set-site':
        return { settings: await this.settings.setSite(req.site, req.on) };
      case 'page-bg-list-corpora':
        return { corpora: await listCorpora(this.db), bundledId: BUNDLED_CORPUS.id };
      case 'page-bg-export-corpus':
        return { corpus: (await exportCorpus(this.db, req.id)) ?? null };
      case 'page-bg-import-corpus': {
        const row = await importCorpus(this.db, req.text, req.fileName, BUNDLED_CORPUS.id);
        await this.#recordChanged();
        return { corpus: row };
      }
      case 'page-bg-remove-corpus':
        await removeCorpus(this.db, req.id);
        await this.#recordChanged();
        return {};
      case 'page-bg-enable-corpus':
        await setCorpusEnabled(this.db, req.id, req.enabled);
        await this.#recordChanged();
        return {};
      case 'page-bg-list-entities':
        return this.#entities();
      case 'page-bg-add-alias':
        await addAlias(this.db, req.entityId, req.alias);
        await this.#recordChanged();
        return {};
      case 'page-bg-remove-alias':
        await removeAlias(this.db, req.entityId, req.text);
        await this.#recordChanged();
        return {};
      case 'page-bg-add-position': {
        const { corpus } = await this.records.active();
        const position = await addPosition(this.db, corpus, req.position);
        await this.#recordChanged();
        return { position };
      }
      case 'page-bg-remove-position':
        await removePosition(this.db, req.id);
        await this.#recordChanged();
        return {};
      case 'page-bg-backup':
        return { backup: await createBackup(this.db) };
      case 'page-bg-restore': {
        const restored = await restoreBackup(this.db, req.backup);
        await this.settings.reload();
        await this.#recordChanged();
        return { restored };
      }
    }
  }

  async #entities(): Promise<{ list: EntitySummary[]; userPositions: { id: string; actor: string; stance: string }[] }> {
    const [{ corpus }, layer] = await Promise.all([this.records.active(), readUserLayer(this.db)]);
    const list = corpus.entities.map((e) => ({
      id: e.id,
      label: e.label,
      type: e.type,
      aliases: e.aliases,
      userAliases: (layer.aliases[e.id] ?? []).map((a) => a.text),
    }));
    const userPositions = layer.positions.map((p) => ({ id: p.id, actor: p.actor, stance: p.stance }));
    return { list, userPositions };
  }
}

/** The toolbar badge: the number of mentions on the tab's page, empty when none. */
export async function showMentionCount(tabId: number, count: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' });
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#4a5568' });
}
