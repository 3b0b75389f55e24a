/**
 * The one place an extension page asks the browser for a site (optional host permissions, for "only sites
 * I allow"): the browser's own prompt, for that site and its www. form, nothing wider. Resolves whether the
 * user granted it; a refused or failed prompt is `false`.
 */
import browser from 'webextension-polyfill';
import { sitePermissionOrigins } from '../core/settings.ts';

export async function requestSitePermission(site: string): Promise<boolean> {
  return browser.permissions.request({ origins: sitePermissionOrigins(site) }).catch(() => false);
}
