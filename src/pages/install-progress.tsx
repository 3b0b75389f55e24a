/**
 * The install of a record, as the popup and the options page show it (issue 15): the file's name, the phase and
 * a progress bar, from the worker's reports (background/install-progress.ts). Nothing is shown when no install
 * runs. A page opened midway asks for the current state first.
 */
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../core/i18n.ts';
import { BgPageInstallProgress, PageBgInstallProgress, messageType, type InstallPhase, type InstallProgressState } from '../shared/messages.ts';
import { ask } from './ask-background.ts';

/** Calls `changed` with the current state, then with every change; returns the unsubscribe. */
export type WatchInstallProgress = (changed: (state: InstallProgressState | null) => void) => () => void;

/** The worker's reports: only the extension's own worker (a sender without a tab), read by their schema. */
export const watchInstallProgress: WatchInstallProgress = (changed) => {
  let live = true;
  let heard = false;
  const listener = (message: unknown, sender: browser.Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || sender.tab) return;
    const parsed = v.safeParse(BgPageInstallProgress, message);
    if (!parsed.success) return;
    heard = true;
    changed(parsed.output.progress);
  };
  browser.runtime.onMessage.addListener(listener);
  ask<{ progress: InstallProgressState | null }>({ type: messageType(PageBgInstallProgress) })
    // A report heard meanwhile is newer than this answer.
    .then((r) => live && !heard && changed(r.progress))
    .catch(() => undefined);
  return () => {
    live = false;
    browser.runtime.onMessage.removeListener(listener);
  };
};

const PHASE_KEYS: Record<InstallPhase, MessageKey> = {
  reading: 'installPhaseReading',
  writing: 'installPhaseWriting',
  compiling: 'installPhaseCompiling',
  loading: 'installPhaseLoading',
};

export function InstallProgressView({ watch = watchInstallProgress }: { watch?: WatchInstallProgress }) {
  const [state, setState] = useState<InstallProgressState | null>(null);
  useEffect(() => watch(setState), [watch]);
  const percent = state ? Math.round(state.fraction * 100) : 0;
  return (
    // The live region stays mounted, so its first report is announced too; it holds the file and the phase only (a
    // polite region, not role=status: the page's own outcome line is its status). The percent is the bar's, not
    // announced at every step. Empty and hidden while no install runs.
    <div class="install-progress" hidden={!state} data-install-phase={state?.phase}>
      <p aria-live="polite">{state ? (state.phase === 'loading' ? t('installPhaseLoading') : t('installProgress', [state.title, t(PHASE_KEYS[state.phase])])) : ''}</p>
      {/* Loading a stored record has no measurable steps: an indeterminate bar. */}
      {state && (state.phase === 'loading' ? <progress aria-label={t('installPhaseLoading')} /> : <progress max={100} value={percent} aria-label={t('installProgressBar', state.title)} />)}
    </div>
  );
}
