/** The Checks view's search and filters, as a pure function over rows. */
import { foldString } from '../text/fold.ts';
import type { CheckRow, Verdict } from './check-record.ts';
import { localDay } from '../local-day.ts';

export interface CheckFilter {
  /** Words looked up in the claim, the note, the page title and the URL. */
  text?: string;
  verdict?: Verdict | '';
  site?: string;
  actorId?: string;
  /** Inclusive YYYY-MM-DD bounds on the local day the check was made (as the date inputs and the list show it). */
  from?: string;
  to?: string;
}

export function filterChecks(rows: readonly CheckRow[], f: CheckFilter, labels: ReadonlyMap<string, string> = new Map()): CheckRow[] {
  const needles = foldString(f.text ?? '').split(' ').filter(Boolean);
  return rows
    .filter((r) => {
      if (f.verdict && r.verdict !== f.verdict) return false;
      if (f.site && r.site !== f.site) return false;
      if (f.actorId && !r.actorIds.includes(f.actorId) && r.speakerId !== f.actorId) return false;
      const day = localDay(r.createdAt);
      if (f.from && day < f.from) return false;
      if (f.to && day > f.to) return false;
      if (needles.length === 0) return true;
      const hay = foldString([r.claim, r.note, r.pageTitle, r.pageUrl, ...r.actorIds.map((id) => labels.get(id) ?? id)].join(' '));
      return needles.every((n) => hay.includes(n));
    })
    .sort((a, b) => b.createdAt - a.createdAt);
}
