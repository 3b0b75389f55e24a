/** The options page's and popup's requests about the user layer: the entities with their added aliases, added positions. */
import { PageBgAddAlias, PageBgAddPosition, PageBgDamagedUserLayer, PageBgDismissDamagedUserLayer, PageBgListEntities, PageBgRemoveAlias, PageBgRemovePosition, messageType } from '../shared/messages.ts';
import type { EntitySummary } from '../shared/entity-summary.ts';
import type { OnRecordDb } from '../storage/db.ts';
import type { ControlRequestOf } from './control-handlers.ts';
import type { RecordService } from './record-service.ts';
import { entityLabel } from '../core/record/entity-label.ts';
import { workerUiLocale } from './ui-locale.ts';
import {
  addAlias, addPosition, dismissDamagedUserLayer, listDamagedUserLayers, readDamagedCopy, type DamagedCopy, readUserLayer, removeAlias, removePosition, userAliasesOf,
} from './user-layer.ts';

export const USER_LAYER_REQUESTS = [
  messageType(PageBgListEntities),
  messageType(PageBgAddAlias),
  messageType(PageBgRemoveAlias),
  messageType(PageBgAddPosition),
  messageType(PageBgRemovePosition),
  messageType(PageBgDamagedUserLayer),
  messageType(PageBgDismissDamagedUserLayer),
] as const;
type UserLayerRequest = ControlRequestOf<(typeof USER_LAYER_REQUESTS)[number]>;

export class UserLayerHandlers {
  constructor(
    private readonly db: OnRecordDb,
    private readonly records: RecordService,
    private readonly recordChanged: () => Promise<void>,
  ) {}

  async handle(req: UserLayerRequest): Promise<object> {
    switch (req.type) {
      case 'page-bg-list-entities':
        return this.#entities();
      case 'page-bg-add-alias':
        await addAlias(this.db, req.entityId, req.alias);
        await this.recordChanged();
        return {};
      case 'page-bg-remove-alias':
        await removeAlias(this.db, req.entityId, req.text);
        await this.recordChanged();
        return {};
      case 'page-bg-add-position': {
        const { corpus } = await this.records.active();
        const position = await addPosition(this.db, corpus, req.position);
        await this.recordChanged();
        return { position };
      }
      case 'page-bg-remove-position':
        await removePosition(this.db, req.id);
        await this.recordChanged();
        return {};
      case 'page-bg-damaged-user-layer':
        // No key: the first copy there is (the popup asks whether there is any).
        return { damaged: (await readDamagedCopy(this.db, req.key ?? (await listDamagedUserLayers(this.db))[0]?.key ?? '')) ?? null };
      case 'page-bg-dismiss-damaged-user-layer':
        await dismissDamagedUserLayer(this.db, req.key);
        return {};
    }
  }

  async #entities(): Promise<{
    list: EntitySummary[];
    userPositions: { id: string; actor: string; stance: string }[];
    damaged: DamagedCopy[];
  }> {
    const [{ corpus }, layer, damaged] = await Promise.all([this.records.active(), readUserLayer(this.db), listDamagedUserLayers(this.db)]);
    const locale = workerUiLocale();
    const list = corpus.entities.map((e) => ({
      id: e.id,
      label: entityLabel(e, locale),
      type: e.type,
      aliases: e.aliases,
      userAliases: userAliasesOf(layer, e.id).map((a) => a.text),
    }));
    const userPositions = layer.positions.map((p) => ({ id: p.id, actor: p.actor, stance: p.stance }));
    return { list, userPositions, damaged };
  }
}
