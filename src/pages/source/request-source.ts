/** Asks the background for a source (extension contexts only: imports the browser API). */
import browser from 'webextension-polyfill';
import { asGetSourceResponse, getSourceRequest, type GetSourceResponse } from './source-message.ts';

export async function requestSource(sourceId: string): Promise<GetSourceResponse> {
  try {
    return asGetSourceResponse(await browser.runtime.sendMessage(getSourceRequest(sourceId)));
  } catch (err) {
    return { ok: false, error: `Could not reach OnRecord's background: ${err instanceof Error ? err.message : String(err)}` };
  }
}
