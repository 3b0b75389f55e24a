/**
 * The comparison behind a suggestion as a table (issue 11): every aspect at once — polarity, modality, condition, roles
 * — for a real check of the seed record, with header cells a screen reader reads per cell, and the aspect that differs
 * marked in words (not by colour alone).
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { createClaimChecker } from '../../core/claims/index.ts';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../../core/concepts/index.ts';
import { parseCorpusShape } from '../../core/corpus/schema.ts';
import { compileMatcher } from '../../core/match/index.ts';
import { installDom } from '../../ui/test-dom.ts';
import { ComparisonTable } from './suggestion-view.tsx';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const checker = createClaimChecker(corpus, compileMatcher(corpus.entities), createConceptLexicon(BUNDLED_CONCEPTS));

let dom: ReturnType<typeof installDom>;
beforeEach(() => {
  dom = installDom();
});
afterEach(() => render(null, dom.container));

async function table(claim: string): Promise<HTMLTableElement> {
  const check = checker.check(claim);
  await act(() => render(<ComparisonTable rows={check.comparison ?? []} labels={new Map(Object.entries(check.labels))} />, dom.container));
  const el = dom.container.querySelector('table');
  if (!el) throw new Error('no table rendered');
  return el as HTMLTableElement;
}

describe('comparison table', () => {
  it('shows polarity, modality, condition and roles as rows with column and row headers', async () => {
    const t = await table('Peskov said Moscow would agree to a diplomatic settlement with Kyiv only if Ukraine capitulated.');
    expect(t.querySelector('caption')?.textContent).toBeTruthy();
    expect([...t.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).toEqual(['col', 'col', 'col']);
    const rows = [...t.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-aspect'))).toEqual(['polarity', 'modality', 'condition', 'roles']);
    for (const r of rows) expect(r.querySelector('th')?.getAttribute('scope')).toBe('row');
    // The condition is what decides here: the claim states one, the record ("at any moment") none.
    const condition = rows[2]!;
    expect(condition.getAttribute('data-differs')).toBe('true');
    expect(condition.querySelectorAll('td')[1]!.textContent).toMatch(/\(/);
    expect(rows[0]!.getAttribute('data-differs')).toBe('false');
  });

  it('marks the opposite polarity of a contradiction, and nothing for a consistent claim', async () => {
    const contra = await table('Peskov said Russia is no longer ready for negotiations.');
    expect([...contra.querySelectorAll('tbody tr')].filter((r) => r.getAttribute('data-differs') === 'true').length).toBeGreaterThan(0);
    const same = await table('Peskov said Russia is still ready for negotiations.');
    expect([...same.querySelectorAll('tbody tr')].filter((r) => r.getAttribute('data-differs') === 'true')).toEqual([]);
  });

  it('names who does it on both sides when the roles are reversed', async () => {
    const t = await table('Polishchuk said would-be mediators should persuade Moscow to withdraw its troops.');
    const roles = t.querySelector('tbody tr[data-aspect="roles"]')!;
    const [claimCell, recordCell] = [...roles.querySelectorAll('td')].map((td) => td.textContent ?? '');
    expect(roles.getAttribute('data-differs')).toBe('true');
    expect(claimCell).not.toBe(recordCell);
  });

  it('renders nothing without rows (a claim with no evidence)', async () => {
    await act(() => render(<ComparisonTable rows={[]} labels={new Map()} />, dom.container));
    expect(dom.container.querySelector('table')).toBeNull();
  });
});
