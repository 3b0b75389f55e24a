/** The verdicts in the UI language (the side panel and the library's Checks view). Exports keep core's English VERDICT_LABELS. */
import type { Verdict } from '../core/claims/check-record.ts';
import { t, type MessageKey } from '../core/i18n.ts';

const VERDICT_KEYS: Readonly<Record<Verdict, MessageKey>> = {
  consistent: 'sidepanelVerdictConsistent',
  contradicts: 'sidepanelVerdictContradicts',
  misattributed: 'sidepanelVerdictMisattributed',
  'not-in-record': 'sidepanelVerdictNotInRecord',
};

export function verdictLabel(verdict: Verdict): string {
  return t(VERDICT_KEYS[verdict]);
}
