/** The popup's and options page's settings requests: read, change, and switch a site on or off. */
import { PageBgGetSettings, PageBgSetSite, PageBgUpdateSettings, messageType } from '../shared/messages.ts';
import type { ControlRequestOf } from './control-handlers.ts';
import type { SettingsService } from './settings-service.ts';

export const SETTINGS_REQUESTS = [
  messageType(PageBgGetSettings),
  messageType(PageBgUpdateSettings),
  messageType(PageBgSetSite),
] as const;
type SettingsRequest = ControlRequestOf<(typeof SETTINGS_REQUESTS)[number]>;

export class SettingsHandlers {
  constructor(private readonly settings: SettingsService) {}

  async handle(req: SettingsRequest): Promise<object> {
    switch (req.type) {
      case 'page-bg-get-settings':
        return { settings: await this.settings.get() };
      case 'page-bg-update-settings':
        return { settings: await this.settings.update(req.patch) };
      case 'page-bg-set-site':
        return { settings: await this.settings.setSite(req.site, req.on) };
    }
  }
}
