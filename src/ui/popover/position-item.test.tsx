/**
 * The position row of the popover, rendered (issue 13, audit G10): a misspelling the source printed is shown as
 * written and marked [sic]; a stance that only repeats the paraphrase is not shown again; a position linked both
 * ways to another is one line.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { LinkView, PositionView } from '../../core/record/types.ts';
import { installDom } from '../test-dom.ts';
import { PositionItem } from './position-item.tsx';
import type { PositionActions } from './props.ts';

let dom: ReturnType<typeof installDom>;
beforeEach(() => {
  dom = installDom();
});
afterEach(() => {
  act(() => render(null, dom.container));
});

const actions: PositionActions = { locale: 'en', sourceHref: () => '#', onOpenSource: () => {}, goTo: () => {} };
const day = (d: string) => ({ from: d, to: d, precision: 'day' as const });

function position(over: Partial<PositionView>): PositionView {
  return {
    id: 'p1',
    stance: 'Peskov said talks with Kyiv were frozen.',
    date: day('2022-05-17'),
    passage: { start: 0, end: 10 },
    actor: { id: 'dmitry-peskov', label: 'Dmitry Peskov', type: 'person' },
    source: { id: 's1', title: 'Briefing', outlet: 'TASS' },
    topics: [],
    links: [],
    ...over,
  };
}

function row(p: PositionView): HTMLElement {
  act(() => render(<ul><PositionItem position={p} actions={actions} /></ul>, dom.container));
  return dom.container.querySelector('.or-position') as HTMLElement;
}

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const link = (type: LinkView['type'], direction: LinkView['direction'], targetId: string): LinkView => ({
  type,
  direction,
  target: { id: targetId, actorId: 'mykhailo-podolyak', actorLabel: 'Mykhailo Podolyak', stance: 'Podolyak said the talks went on.', date: day('2022-05-18') },
});

describe('PositionItem', () => {
  it('shows a misspelling the source printed as written, each followed by [sic]', () => {
    const el = row(position({ quote: 'Talks with Kiyv are frozen; Kiyv knows why', sic: ['Kiyv'] }));
    const quote = el.querySelector('.or-quote q')!;
    expect(text(quote)).toBe('Talks with Kiyv [sic] are frozen; Kiyv [sic] knows why');
    expect(quote.querySelectorAll('.or-sic')).toHaveLength(2);
    // Without a noted misspelling nothing is marked.
    expect(row(position({ quote: 'Talks with Kyiv are frozen' })).querySelectorAll('.or-sic')).toHaveLength(0);
  });

  it('shows a paraphrase that says what the stance says once, and both when they differ', () => {
    const same = row(position({ paraphrase: 'talks with Kyiv, Peskov said, were frozen', stance: 'Peskov said talks with Kyiv were frozen.' }));
    expect(text(same.querySelector('.or-paraphrase'))).toContain('talks with Kyiv, Peskov said, were frozen');
    expect(same.querySelector('.or-stance')).toBeNull();
    const differ = row(position({ paraphrase: 'the grain corridor would stay open until July', stance: 'Peskov said talks with Kyiv were frozen.' }));
    expect(differ.querySelector('.or-paraphrase')).not.toBeNull();
    expect(text(differ.querySelector('.or-stance'))).toBe('Peskov said talks with Kyiv were frozen.');
    // A quote always keeps its stance: the words are the speaker's, the stance the record's reading.
    expect(text(row(position({ quote: 'Talks with Kyiv are frozen' })).querySelector('.or-stance'))).toBe('Peskov said talks with Kyiv were frozen.');
  });

  it('lists each linked position on one line, once, even when linked both ways', () => {
    const el = row(position({ quote: 'Frozen.', links: [link('contradicts', 'outgoing', 'p2'), link('contradicts', 'incoming', 'p2'), link('responds-to', 'incoming', 'p3')] }));
    const lines = [...el.querySelectorAll('.or-links > li')];
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.querySelectorAll('button'))).toSatisfy((bs: NodeListOf<Element>[]) => bs.every((b) => b.length === 1));
    expect(text(lines[0]!)).toContain('Mykhailo Podolyak');
  });
});
