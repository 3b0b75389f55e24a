import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { buildEntityRecord } from '../../core/record/entity-record.ts';
import { makeCorpus } from '../../core/record/test-corpus.ts';
import type { EntityRecord } from '../../core/record/types.ts';
import { installDom } from '../test-dom.ts';
import { sourcePagePath } from '../../shared/source-page-path.ts';
import { Popover } from './popover.tsx';

interface Calls {
  close: number;
  source: string[];
  entity: [string, string | undefined][];
}

let dom: ReturnType<typeof installDom>;
let calls: Calls;
/** The elements focus() was called on: linkedom keeps no activeElement. */
let focused: string[];

beforeEach(() => {
  dom = installDom();
  calls = { close: 0, source: [], entity: [] };
  focused = [];
  const proto = (dom.window as unknown as { HTMLElement: typeof HTMLElement }).HTMLElement.prototype;
  proto.focus = function (this: HTMLElement) {
    focused.push(this.getAttribute('data-position-id') ?? this.tagName);
  };
});

/** The position focus last went to, which must also be the one marked as the jump target. */
function landedOn(root: Element): string | undefined {
  const marked = [...root.querySelectorAll('[data-or-target]')].map((e) => e.getAttribute('data-position-id'));
  expect(marked).toHaveLength(1);
  expect(focused.at(-1)).toBe(marked[0]);
  return focused.at(-1);
}

afterEach(() => {
  act(() => render(null, dom.container));
});

function show(record: EntityRecord, focusPositionId?: string): HTMLElement {
  act(() =>
    render(
      <Popover
        record={record}
        onClose={() => calls.close++}
        onOpenSource={(id, sourceId) => calls.source.push(`${sourceId}/${id}`)}
        sourceHref={(id, sourceId) => `chrome-extension://x/${sourcePagePath(sourceId, id)}`}
        onOpenEntity={(actor, pos) => calls.entity.push([actor, pos])}
        focusPositionId={focusPositionId}
      />,
      dom.container,
    ),
  );
  return dom.container.querySelector('.or-popover') as HTMLElement;
}

function click(el: Element | null): void {
  if (!el) throw new Error('nothing to click');
  act(() => {
    el.dispatchEvent(new dom.window.Event('click', { bubbles: true, cancelable: true }));
  });
}

const ids = (root: Element, selector: string) => [...root.querySelectorAll(`${selector} [data-position-id]`)].map((e) => e.getAttribute('data-position-id'));
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('Popover for an actor', () => {
  const corpus = makeCorpus();
  const peskov = () => buildEntityRecord(corpus, 'dmitry-peskov');

  it('is a labelled dialog with a header, counts and a close button', () => {
    const root = show(peskov());
    expect(root.getAttribute('role')).toBe('dialog');
    expect(root.getAttribute('aria-label')).toBe('On record: Dmitry Peskov');
    expect(text(root.querySelector('h2'))).toBe('Dmitry Peskov');
    expect(text(root.querySelector('.or-subtitle'))).toContain('Kremlin spokesman');
    expect(text(root.querySelector('.or-badge-side'))).toBe('Russia');
    expect(text(root.querySelector('.or-count'))).toBe('3 recorded positions');
    click(root.querySelector('button[aria-label="Close"]'));
    expect(calls.close).toBe(1);
  });

  it('closes on Escape', () => {
    const root = show(peskov());
    act(() => {
      root.dispatchEvent(Object.assign(new dom.window.Event('keydown', { bubbles: true }), { key: 'Escape' }));
    });
    expect(calls.close).toBe(1);
  });

  it('lists own positions newest first, quotes marked as quotes and paraphrases as paraphrases', () => {
    const root = show(peskov());
    const own = root.querySelector('section[aria-labelledby="or-own-heading"]')!;
    expect(ids(root, 'section[aria-labelledby="or-own-heading"]')).toEqual(['peskov-talks-2022-11', 'peskov-annex-2022-09', 'peskov-talks-2022-03']);
    const first = own.querySelector('[data-position-id="peskov-talks-2022-11"]')!;
    expect(text(first.querySelector('blockquote q'))).toBe('talks were stalled');
    expect(text(first.querySelector('blockquote .or-visually-hidden'))).toBe('Quote:');
    expect(text(first.querySelector('time'))).toBe('20 Nov 2022');
    const second = own.querySelector('[data-position-id="peskov-annex-2022-09"]')!;
    expect(second.querySelector('blockquote')).toBeNull();
    expect(text(second.querySelector('.or-paraphrase'))).toBe('Paraphrase He said the votes reflected the will of the people');
    const third = own.querySelector('[data-position-id="peskov-talks-2022-03"]')!;
    expect(text(third.querySelector('time'))).toBe('Mar 2022');
    expect(text(third.querySelector('.or-meta'))).toBe('Mar 2022 · conference call · BBC');
  });

  it('renders the source link with an href and hands the click to onOpenSource', () => {
    const root = show(peskov());
    const link = root.querySelector('[data-position-id="peskov-annex-2022-09"] a.or-source-link')!;
    expect(link.getAttribute('href')).toBe('chrome-extension://x/src/pages/source/index.html?source=src-a&position=peskov-annex-2022-09');
    expect(text(link)).toContain('Source passage');
    click(link);
    expect(calls.source).toEqual(['src-a/peskov-annex-2022-09']);
  });

  it('filters positions with topic chips and goes back with "All"', () => {
    const root = show(peskov());
    const chip = root.querySelector('.or-chip[data-topic="annexation"]')!;
    expect(chip.getAttribute('aria-pressed')).toBe('false');
    click(chip);
    expect(root.querySelector('.or-chip[data-topic="annexation"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(ids(root, 'section[aria-labelledby="or-own-heading"]')).toEqual(['peskov-annex-2022-09']);
    expect(ids(root, '.or-other-side')).toEqual(['zelensky-annex-2023']);
    click([...root.querySelectorAll('.or-chip')].find((b) => text(b) === 'All') ?? null);
    expect(ids(root, 'section[aria-labelledby="or-own-heading"]')).toHaveLength(3);
  });

  it('shows the other side with actor names', () => {
    const root = show(peskov());
    const other = root.querySelector('.or-other-side')!;
    expect(text(other.querySelector('h3'))).toContain('The other side');
    expect(ids(root, '.or-other-side')).toEqual(['zelensky-annex-2023', 'podolyak-talks-2022-12']);
    expect(text(other.querySelector('[data-position-id="podolyak-talks-2022-12"] .or-actor'))).toBe('Mykhailo Podolyak Ukraine');
  });

  it('shows second-hand statements as reported by the relaying actor', () => {
    const root = show(peskov());
    const relayed = root.querySelector('.or-relayed [data-position-id="putin-annex-2022-09"]')!;
    expect(text(relayed.querySelector('.or-actor'))).toContain('Vladimir Putin');
    expect(text(relayed.querySelector('.or-reported'))).toBe('· reported by Dmitry Peskov');
  });

  it('shows links both ways; following one inside the record clears a hiding filter, one outside opens that actor', () => {
    const root = show(peskov());
    const latest = root.querySelector('section[aria-labelledby="or-own-heading"] [data-position-id="peskov-talks-2022-11"]')!;
    const links = [...latest.querySelectorAll('.or-link-button')].map(text);
    expect(links).toEqual([
      'reaffirms Dmitry Peskov, Mar 2022: Talks are making progress.',
      'contradicted by Mykhailo Podolyak, 1 Dec 2022: Ukraine will not surrender to reach talks.',
    ]);
    // Filter to "Preconditions", which hides the March position, then follow the link to it.
    click(root.querySelector('.or-chip[data-topic="preconditions"]'));
    expect(ids(root, 'section[aria-labelledby="or-own-heading"]')).toEqual(['peskov-talks-2022-11']);
    click(root.querySelector('[data-position-id="peskov-talks-2022-11"] .or-link-button'));
    expect(ids(root, 'section[aria-labelledby="or-own-heading"]')).toHaveLength(3);
    expect(landedOn(root)).toBe('peskov-talks-2022-03');
    expect(calls.entity).toEqual([]);
  });

  it('jumps inside the record to a link target in "the other side", and asks the host for one outside it', () => {
    const root = show(buildEntityRecord(corpus, 'mykhailo-podolyak'));
    // Podolyak contradicts Peskov's November position, which his record shows under "the other side".
    click(root.querySelector('section[aria-labelledby="or-own-heading"] .or-link-button'));
    expect(calls.entity).toEqual([]);
    expect(landedOn(root)).toBe('peskov-talks-2022-11');

    const c = makeCorpus();
    c.positions.find((p) => p.id === 'un-annex-2022-10')!.links = [{ type: 'responds-to', target: 'peskov-annex-2022-09' }];
    const un = show(buildEntityRecord(c, 'united-nations'));
    const link = un.querySelector('.or-link-button')!;
    expect(text(link)).toBe('responds to Dmitry Peskov, 30 Sep 2022: The referendums are legitimate.');
    click(link);
    expect(calls.entity).toEqual([['dmitry-peskov', 'peskov-annex-2022-09']]);
  });

  it('draws one focusable timeline mark per position, with a title, and jumps to it', () => {
    const root = show(peskov());
    const svg = root.querySelector('svg.or-timeline')!;
    const marks = [...svg.querySelectorAll('.or-timeline-mark')];
    expect(marks.map((m) => m.getAttribute('data-mark-for'))).toEqual(['peskov-talks-2022-03', 'peskov-annex-2022-09', 'peskov-talks-2022-11']);
    expect(marks.every((m) => m.getAttribute('tabindex') === '0' && m.querySelector('title') !== null)).toBe(true);
    expect(text(marks[1]!.querySelector('title'))).toBe('30 Sep 2022: The referendums are legitimate.');
    expect([...svg.querySelectorAll('.or-timeline-tick text')].map(text)).toEqual(['2022']);
    click(marks[0]!);
    expect(landedOn(root)).toBe('peskov-talks-2022-03');
  });

  it('focuses the requested position when opened with one', () => {
    const root = show(peskov(), 'peskov-annex-2022-09');
    expect(landedOn(root)).toBe('peskov-annex-2022-09');
  });

  it('shows an empty state for an actor with no positions', () => {
    const root = show(buildEntityRecord(corpus, 'bbc'));
    expect(text(root.querySelector('.or-empty-title'))).toBe('No recorded positions yet');
    expect(text(root.querySelector('.or-count'))).toBe('0 recorded positions');
    expect(root.querySelector('.or-positions')).toBeNull();
  });

  it('counts the positions it shows: an outlet with none of its own counts the ones it relayed (audit 11 A15)', () => {
    const c = makeCorpus();
    c.positions.find((p) => p.id === 'putin-annex-2022-09')!.reportedBy = 'bbc';
    const root = show(buildEntityRecord(c, 'bbc'));
    expect(text(root.querySelector('.or-count'))).toBe('1 recorded position');
    expect(root.querySelectorAll('.or-relayed [data-position-id]')).toHaveLength(1);
  });

  it("a government's card has one section per speaker, its people included (audit 11 A14)", () => {
    const c = makeCorpus();
    c.entities.push({ id: 'russian-government', type: 'collective', label: 'Russian government', aliases: [{ text: 'Russian government' }], context: [], side: 'russia' });
    c.entities.push({ id: 'kremlin', type: 'organization', label: 'Kremlin', aliases: [{ text: 'Kremlin' }], context: [], speaksAs: 'russian-government' });
    for (const e of c.entities) if (e.id === 'dmitry-peskov' || e.id === 'vladimir-putin') e.affiliation = 'Kremlin';
    const root = show(buildEntityRecord(c, 'kremlin'));
    expect(text(root.querySelector('.or-via'))).toBe('Speaks for the Russian government: its positions');
    const headings = [...root.querySelectorAll('.or-body h3')].map(text);
    expect(headings[0]).toBe('Dmitry Peskov 3');
    expect(headings).toContain('Vladimir Putin 1');
    expect(text(root.querySelector('.or-count'))).toMatch(/^\d+ recorded positions$/);
  });

  it('never interprets data as markup', () => {
    const c = makeCorpus();
    c.positions[0]!.quote = '<img src=x onerror=alert(1)>';
    const root = show(buildEntityRecord(c, 'dmitry-peskov'));
    expect(root.querySelector('img')).toBeNull();
    expect(text(root.querySelector('[data-position-id="peskov-talks-2022-03"] q'))).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('Popover for a topic', () => {
  it('groups positions by side with headings and counts', () => {
    const root = show(buildEntityRecord(makeCorpus(), 'annexation'));
    const headings = [...root.querySelectorAll('.or-body h3')].map(text);
    expect(headings).toEqual(['Russia 2', 'Ukraine 1', 'Others 1']);
    expect(text(root.querySelector('.or-count'))).toBe('4 recorded positions');
    expect(root.querySelector('.or-chips')).toBeNull();
    expect([...root.querySelectorAll('.or-body [data-position-id]')].map((e) => e.getAttribute('data-position-id'))).toEqual([
      'peskov-annex-2022-09',
      'putin-annex-2022-09',
      'zelensky-annex-2023',
      'un-annex-2022-10',
    ]);
  });

  it('shows an empty state for a topic nobody spoke about', () => {
    const c = makeCorpus();
    c.entities.push({ id: 'neutrality', type: 'topic', label: 'Neutrality', aliases: [{ text: 'neutrality' }], context: [] });
    const root = show(buildEntityRecord(c, 'neutrality'));
    expect(text(root.querySelector('.or-empty'))).toContain('No recorded positions yet');
  });
});
