/**
 * Stores the settings (one row in the `settings` table), answers tabs with
 * what applies to their own site, and tells every open tab when anything
 * changed, so switching a site off clears its tabs at once.
 */
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import { SettingsPatch, readSettings, siteOf, tabSettings, withSite, type Settings, type TabSettings } from '../core/settings.ts';
import type { OnRecordDb } from '../storage/db.ts';
import { BgCsSettingsChanged, BgPageSettingsChanged, messageType } from '../shared/messages.ts';
import { announceToAllTabs, announceToPages } from './announce.ts';

export const SETTINGS_KEY = 'settings';

export class SettingsService {
  #cached: Promise<Settings> | undefined;

  constructor(private readonly db: OnRecordDb) {}

  get(): Promise<Settings> {
    this.#cached ??= this.db.settings.get(SETTINGS_KEY).then((row) => readSettings(row?.value));
    this.#cached.catch(() => (this.#cached = undefined));
    return this.#cached;
  }

  /** What the tab at `url` needs: whether OnRecord runs there, and how it draws and opens. */
  async forTab(url: string | undefined): Promise<TabSettings> {
    return tabSettings(await this.get(), url ? siteOf(url) : undefined);
  }

  async update(patch: unknown): Promise<Settings> {
    const parsed = v.parse(SettingsPatch, patch);
    const next = readSettings({ ...(await this.get()), ...parsed });
    await this.#store(next);
    return next;
  }

  async setSite(site: string, on: boolean): Promise<Settings> {
    const next = withSite(await this.get(), site, on);
    await this.#store(next);
    return next;
  }

  /** Forgets the cache (after a restore wrote the table directly) and tells the tabs. */
  async reload(): Promise<void> {
    this.#cached = undefined;
    await broadcastSettingsChanged();
  }

  async #store(next: Settings): Promise<void> {
    await this.db.settings.put({ key: SETTINGS_KEY, value: next });
    this.#cached = Promise.resolve(next);
    await broadcastSettingsChanged();
  }
}

/** Every http(s) tab re-asks for its settings, and so does an open options page; tabs without our content script simply do not answer. */
export async function broadcastSettingsChanged(): Promise<void> {
  // A tab without our content script (browser pages, pages loaded before install) does not answer: that is not an error.
  await Promise.all([announceToAllTabs({ type: messageType(BgCsSettingsChanged) }), announceToPages({ type: messageType(BgPageSettingsChanged) })]);
}
