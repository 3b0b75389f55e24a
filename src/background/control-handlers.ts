/**
 * The background's answers to the popup and the options page (issue 7), routed
 * to one handler per concern: settings, corpora, the user layer, backup.
 * Anything that changes what tabs draw forgets the cached record and tells the tabs.
 */
import { ControlPageRequests, type ControlPageRequest } from '../shared/messages.ts';
import type { OnRecordDb } from '../storage/db.ts';
import { BackupHandlers, BACKUP_REQUESTS } from './backup-handlers.ts';
import { CorporaHandlers, CORPORA_REQUESTS } from './corpora-handlers.ts';
import type { RecordService } from './record-service.ts';
import { SettingsHandlers, SETTINGS_REQUESTS } from './settings-handlers.ts';
import { broadcastSettingsChanged, type SettingsService } from './settings-service.ts';
import { UserLayerHandlers, USER_LAYER_REQUESTS } from './user-layer-handlers.ts';

/** One control request type, by name. */
export type ControlRequestOf<T extends ControlPageRequest['type']> = Extract<ControlPageRequest, { type: T }>;

const CONTROL_TYPES: ReadonlySet<string> = new Set(ControlPageRequests.map((s) => s.entries.type.literal));

export function isControlRequest(req: { type: string }): req is ControlPageRequest {
  return CONTROL_TYPES.has(req.type);
}

function isOneOf<T extends ControlPageRequest['type']>(req: ControlPageRequest, types: readonly T[]): req is ControlRequestOf<T> {
  return (types as readonly string[]).includes(req.type);
}

export class ControlHandlers {
  readonly #settings: SettingsHandlers;
  readonly #corpora: CorporaHandlers;
  readonly #userLayer: UserLayerHandlers;
  readonly #backup: BackupHandlers;

  constructor(db: OnRecordDb, records: RecordService, settings: SettingsService) {
    /** After a change to corpora or the user layer: rebuild the record, then every tab re-reads it. */
    const recordChanged = async () => {
      records.invalidate();
      await records.active();
      await broadcastSettingsChanged();
    };
    this.#settings = new SettingsHandlers(settings);
    this.#corpora = new CorporaHandlers(db, recordChanged, undefined, records.progress);
    this.#userLayer = new UserLayerHandlers(db, records, recordChanged);
    this.#backup = new BackupHandlers(db, settings, recordChanged);
  }

  handle(req: ControlPageRequest): Promise<object> {
    if (isOneOf(req, SETTINGS_REQUESTS)) return this.#settings.handle(req);
    if (isOneOf(req, CORPORA_REQUESTS)) return this.#corpora.handle(req);
    if (isOneOf(req, USER_LAYER_REQUESTS)) return this.#userLayer.handle(req);
    if (isOneOf(req, BACKUP_REQUESTS)) return this.#backup.handle(req);
    // Every control request belongs to one concern: a new one that does not fails to compile here.
    const unhandled: never = req;
    throw new Error(`no handler for ${(unhandled as { type: string }).type}`);
  }
}
