/** Asks the background for a source (extension contexts only: imports the browser API). */
import browser from 'webextension-polyfill';
import { t } from '../../core/i18n.ts';
import { asGetSourceResponse, getSourceRequest, type GetSourceResponse } from './source-message.ts';

export async function requestSource(sourceId: string): Promise<GetSourceResponse> {
  try {
    return asGetSourceResponse(await browser.runtime.sendMessage(getSourceRequest(sourceId)));
  } catch (err) {
    return { ok: false, error: t('sourceUnreachable', err instanceof Error ? err.message : String(err)) };
  }
}
