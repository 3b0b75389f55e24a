/** The options page's backup requests: write the backup file, restore one. */
import { PageBgBackup, PageBgRestore, PageBgRestorePreview, messageType } from '../shared/messages.ts';
import type { OnRecordDb } from '../storage/db.ts';
import { createBackup, previewRestore, restoreBackup } from './backup.ts';
import type { ControlRequestOf } from './control-handlers.ts';
import type { SettingsService } from './settings-service.ts';

export const BACKUP_REQUESTS = [
  messageType(PageBgBackup),
  messageType(PageBgRestorePreview),
  messageType(PageBgRestore),
] as const;
type BackupRequest = ControlRequestOf<(typeof BACKUP_REQUESTS)[number]>;

export class BackupHandlers {
  constructor(
    private readonly db: OnRecordDb,
    private readonly settings: SettingsService,
    private readonly recordChanged: () => Promise<void>,
  ) {}

  async handle(req: BackupRequest): Promise<object> {
    switch (req.type) {
      case 'page-bg-backup':
        return { backup: await createBackup(this.db) };
      case 'page-bg-restore-preview':
        return await previewRestore(this.db, req.text);
      case 'page-bg-restore': {
        const restored = await restoreBackup(this.db, req.text);
        await this.settings.reload();
        await this.recordChanged();
        return { restored };
      }
    }
  }
}
