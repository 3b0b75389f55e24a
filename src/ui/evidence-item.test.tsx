/** Audit 10 A20: a position gone from the record is shown from the check's snapshot, with its words, marked as gone. */
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { installDom } from './test-dom.ts';
import { EvidenceItem } from './evidence-item.tsx';

const PESKOV = 'peskov-talks-2022-03';

describe('EvidenceItem', () => {
  it('renders the snapshot with its words and the "no longer in your record" mark', () => {
    const dom = installDom();
    const summary = { id: PESKOV, speaker: 'Dmitry Peskov', words: 'There is some progress', kind: 'quote' as const, date: { from: '2022-03-01', to: '2022-03-31', precision: 'month' as const }, outlet: 'BBC', sourceId: 'src-a', gone: true as const };
    render(<ul><EvidenceItem id={PESKOV} summary={summary} locale="en" prefix="ck" /></ul>, dom.container);
    const li = dom.container.querySelector('li')!;
    expect(li.textContent).toContain('There is some progress');
    expect(li.textContent).toContain('Dmitry Peskov');
    expect(li.textContent).toContain('no longer in your record');
    expect(li.classList.contains('ck-evidence-gone')).toBe(true);
    render(null, dom.container);
  });

  it('a position gone with no snapshot says only that it is missing', () => {
    const dom = installDom();
    render(<ul><EvidenceItem id={PESKOV} summary={undefined} locale="en" prefix="or" /></ul>, dom.container);
    expect(dom.container.querySelector('li')!.className).toBe('or-evidence-missing');
    render(null, dom.container);
  });

  it('marks a position taken from the check\'s own page "from this page" (audit A30), in the Checks tab and the card', () => {
    const dom = installDom();
    const base = { id: PESKOV, speaker: 'Dmitry Peskov', words: 'We are still ready', kind: 'quote' as const, date: { from: '2023-12-05', to: '2023-12-05', precision: 'day' as const }, outlet: 'TASS', sourceId: 'src-a' };
    const summary = { ...base, sourceUrl: 'https://tass.example.com/politics/1716093' };
    render(<ul><EvidenceItem id={PESKOV} summary={summary} locale="en" prefix="ck" pageUrl="https://www.tass.example.com/politics/1716093/#top" /></ul>, dom.container);
    expect(dom.container.querySelector('.ck-same-page')?.textContent).toContain('From this page');
    render(<ul><EvidenceItem id={PESKOV} summary={summary} locale="en" prefix="ck" pageUrl="https://elsewhere.example.net/story" /></ul>, dom.container);
    expect(dom.container.querySelector('.ck-same-page')).toBeNull();
    render(<ul><EvidenceItem id={PESKOV} summary={{ ...base, samePage: true }} locale="en" prefix="or" /></ul>, dom.container);
    expect(dom.container.querySelector('.or-same-page')?.textContent).toContain('From this page');
    render(null, dom.container);
  });
});
