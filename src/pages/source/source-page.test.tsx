import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { makeCorpus, SOURCE_TEXT } from '../../core/record/test-corpus.ts';
import { installDom } from '../../ui/test-dom.ts';
import type { GetSourceResponse, SourcePayload } from './source-message.ts';
import { SourcePage } from './source-page.tsx';

let dom: ReturnType<typeof installDom>;
let scrolled: string[];

beforeEach(() => {
  dom = installDom();
  scrolled = [];
  const proto = (dom.window as unknown as { HTMLElement: typeof HTMLElement }).HTMLElement.prototype;
  proto.scrollIntoView = function (this: HTMLElement) {
    scrolled.push(this.textContent ?? '');
  };
});

afterEach(() => {
  act(() => render(null, dom.container));
});

function payload(): SourcePayload {
  const corpus = makeCorpus();
  const source = corpus.sources.find((s) => s.id === 'src-a')!;
  const positions = corpus.positions.filter((p) => p.source === 'src-a' && p.passage.end > 10);
  return { ok: true, source: { ...source, framing: ['Calls the city "Kiev"'], published: { ...source.published, reasoning: 'dateline of the article' } }, text: SOURCE_TEXT, positions, entities: Object.fromEntries(corpus.entities.map((e) => [e.id, e])) };
}

async function mount(search: { sourceId: string | null; positionId: string | null }, response: GetSourceResponse) {
  const changes: string[] = [];
  let resolve!: (r: GetSourceResponse) => void;
  const pending = new Promise<GetSourceResponse>((r) => (resolve = r));
  act(() => render(<SourcePage location={search} load={() => pending} onPositionChange={(id) => changes.push(id)} />, dom.container));
  const loadingText = dom.container.textContent;
  await act(async () => {
    resolve(response);
    await pending;
  });
  return { changes, loadingText };
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('SourcePage', () => {
  it('shows loading, then the source with the requested passage in a <mark>', async () => {
    const { loadingText } = await mount({ sourceId: 'src-a', positionId: 'podolyak-talks-2022-12' }, payload());
    expect(loadingText).toContain('Loading the source');
    const c = dom.container;
    expect(text(c.querySelector('h1'))).toBe('Talks stall');
    expect(text(c.querySelector('.src-facts'))).toContain('BBC');
    expect(text(c.querySelector('.src-facts'))).toContain('2 Dec 2022');
    expect(text(c.querySelector('.src-facts'))).toContain('dateline of the article');
    expect(text(c.querySelector('.src-framing h2'))).toBe('How this outlet frames it');
    expect([...c.querySelectorAll('.src-framing li')].map(text)).toEqual(['Calls the city "Kiev"']);
    const marks = [...c.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['Mykhailo Podolyak replied that Kyiv would not surrender.']);
    // The text is intact around the mark.
    expect(c.querySelector('.src-text')!.textContent).toBe(SOURCE_TEXT);
    expect(scrolled).toEqual(['Mykhailo Podolyak replied that Kyiv would not surrender.']);
  });

  it('lists the other positions and highlights one when chosen', async () => {
    const { changes } = await mount({ sourceId: 'src-a', positionId: 'podolyak-talks-2022-12' }, payload());
    const c = dom.container;
    const buttons = [...c.querySelectorAll('button.src-position')];
    expect(buttons.map((b) => b.getAttribute('data-position-id'))).toEqual(['peskov-talks-2022-11', 'podolyak-talks-2022-12', 'un-annex-2022-10']);
    expect(buttons[1]!.getAttribute('aria-current')).toBe('true');
    act(() => {
      buttons[2]!.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
    });
    expect(changes).toEqual(['un-annex-2022-10']);
    expect([...c.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['The UN called the votes illegal.']);
    expect(c.querySelector('button[data-position-id="un-annex-2022-10"]')!.getAttribute('aria-current')).toBe('true');
    expect(c.querySelector('.src-text')!.textContent).toBe(SOURCE_TEXT);
  });

  it('says when the source is not in the record', async () => {
    await mount({ sourceId: 'gone', positionId: null }, { ok: false, error: 'No source "gone".' });
    expect(text(dom.container.querySelector('[role="alert"] h1'))).toBe('This source is not in your record');
    expect(text(dom.container.querySelector('[role="alert"]'))).toContain('No source "gone".');
  });

  it('keeps markup in the text as text', async () => {
    const data = payload();
    data.text = `<script>alert(1)</script>${data.text.slice(25)}`;
    await mount({ sourceId: 'src-a', positionId: null }, data);
    expect(dom.container.querySelector('script')).toBeNull();
    expect(dom.container.querySelector('.src-text')!.textContent).toBe(data.text);
    expect(dom.container.querySelectorAll('mark')).toHaveLength(0);
  });

  it('warns when the requested position is not from this source', async () => {
    await mount({ sourceId: 'src-a', positionId: 'zelensky-annex-2023' }, payload());
    expect(text(dom.container.querySelector('.src-notice'))).toContain('not recorded from this source');
  });
});
