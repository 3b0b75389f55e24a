/**
 * The popup's account of this page's saved highlights that could not be placed (issue 14): a status the
 * user can read (role=status), saying when the library could not be told, instead of a console line.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { DEFAULT_SETTINGS } from '../../core/settings.ts';
import { installDom } from '../../ui/test-dom.ts';
import { Popup } from './popup.tsx';
import { waitTabIdle, type PageMentions, type PopupClient } from './popup-client.ts';

let dom: ReturnType<typeof installDom>;
beforeEach(() => {
  dom = installDom();
});
afterEach(() => render(null, dom.container));

function client(page: PageMentions): PopupClient {
  return {
    settled: async () => undefined,
    settings: async () => DEFAULT_SETTINGS,
    labels: async () => new Map(),
    mentions: async () => page,
    focus: async () => undefined,
    setSite: async () => DEFAULT_SETTINGS,
    setPaused: async () => DEFAULT_SETTINGS,
    openOptions: () => undefined,
    openLibrary: () => undefined,
    statements: {
      load: async () => ({ page: { url: 'https://news.example/a', title: 'A', outlet: 'News', language: 'en', published: null }, statements: [], entities: {} }),
      entities: async () => [],
      record: async () => ({ positionId: 'p' }),
      unrecord: async () => undefined,
    },
  };
}

async function mount(page: PageMentions) {
  act(() => render(<Popup client={client(page)} />, dom.container));
  await act(async () => new Promise<void>((r) => setTimeout(r, 0)));
  return dom.container.querySelector('[role="status"].unplaced');
}

describe('Popup: saved highlights this page could not place', () => {
  it('says how many, and that the library could not be told when every report failed', async () => {
    const status = await mount({ site: 'news.example', on: true, mentions: [], saved: { unplaced: 2, unreported: true } });
    expect(status?.textContent).toContain('2 of your saved highlights could not be found on this page');
    expect(status?.textContent).toContain('could not mark them in your library');
  });

  it('says only how many when the library knows', async () => {
    const status = await mount({ site: 'news.example', on: true, mentions: [], saved: { unplaced: 1, unreported: false } });
    expect(status?.textContent).toContain('1 of your saved highlights could not be found');
    expect(status?.textContent).not.toContain('could not mark them');
  });

  it('shows nothing when every saved highlight is placed', async () => {
    expect(await mount({ site: 'news.example', on: true, mentions: [], saved: { unplaced: 0, unreported: false } })).toBeNull();
    expect(await mount({ site: 'news.example', on: true, mentions: [] })).toBeNull();
  });
});

describe('Popup: the list after a switch change', () => {
  it('re-reads the tab only once the tab reports it has applied the change, and shows the new counts', async () => {
    let reads = 0;
    let release!: () => void;
    let asked!: () => void;
    const waiting = new Promise<void>((r) => (asked = r));
    const settled = new Promise<void>((r) => (release = r));
    const before: PageMentions = { site: 'news.example', on: true, mentions: [{ entityId: 'dmitry-peskov', type: 'person', count: 1 }] };
    const after: PageMentions = { site: 'news.example', on: true, mentions: [{ entityId: 'dmitry-peskov', type: 'person', count: 2 }] };
    const c: PopupClient = { ...client(before), mentions: async () => (reads++ === 0 ? before : after), settled: () => (asked(), settled) };
    act(() => render(<Popup client={c} />, dom.container));
    await act(async () => new Promise<void>((r) => setTimeout(r, 0)));
    const count = () => dom.container.querySelector('button[data-entity="dmitry-peskov"] .count')?.textContent;
    expect(count()).toBe('1');
    const pause = dom.container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[1]!;
    await act(async () => {
      pause.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
      await waiting; // the popup now waits for the tab
      await new Promise<void>((r) => setTimeout(r, 0));
    });
    // The tab has not said it is done: the popup is waiting for it and has not read it again.
    expect(reads).toBe(1);
    await act(async () => {
      release();
      await new Promise<void>((r) => setTimeout(r, 0));
    });
    expect(reads).toBe(2);
    expect(count()).toBe('2');
  });
});

describe('waitTabIdle', () => {
  const busy = { href: 'https://news.example/a', idle: false, finished: 3, timers: 1, requests: 0, busyQueues: 0 };
  it('asks again until the tab reports idle', async () => {
    const replies = [busy, busy, { ...busy, idle: true, timers: 0 }];
    let asked = 0;
    await waitTabIdle(async () => replies[asked++], 1, 5_000);
    expect(asked).toBe(3);
  });

  it('stops at once on a tab that cannot answer or answers something else', async () => {
    let asked = 0;
    await waitTabIdle(async () => (asked++, { idle: 'yes' }), 1, 5_000);
    expect(asked).toBe(1);
    await waitTabIdle(async () => {
      asked++;
      throw new Error('Receiving end does not exist');
    }, 1, 5_000);
    expect(asked).toBe(2);
  });

  it('gives up after its bound on a tab that stays busy', async () => {
    let asked = 0;
    await waitTabIdle(async () => (asked++, busy), 1, 30);
    expect(asked).toBeGreaterThan(1);
  });
});

describe('Popup: the install of a record (issue 15)', () => {
  it('shows the file, the phase and the bar while the worker reports (the live region announcing file and phase only), and nothing once it is over', async () => {
    let report!: (state: Parameters<Parameters<NonNullable<PopupClient['installProgress']>>[0]>[0]) => void;
    let unsubscribed = false;
    const c: PopupClient = {
      ...client({ site: 'news.example', on: true, mentions: [] }),
      installProgress: (changed) => {
        report = changed;
        changed({ title: 'big.json', phase: 'writing', fraction: 0.42 });
        return () => void (unsubscribed = true);
      },
    };
    act(() => render(<Popup client={c} />, dom.container));
    await act(async () => new Promise<void>((r) => setTimeout(r, 0)));
    const shown = () => dom.container.querySelector<HTMLElement>('.install-progress')!;
    const announced = () => shown().querySelector('[aria-live="polite"]')!.textContent;
    expect(shown().hidden).toBe(false);
    expect(announced()).toBe('Installing big.json: saving the record');
    expect(shown().querySelector('progress')?.getAttribute('value')).toBe('42');
    act(() => report({ title: 'big.json', phase: 'compiling', fraction: 0.9 }));
    expect(shown().dataset['installPhase']).toBe('compiling');
    expect(announced()).toBe('Installing big.json: preparing the names for pages');
    expect(shown().querySelector('progress')?.getAttribute('value')).toBe('90');
    act(() => report(null));
    // The live region stays, empty and hidden, ready to announce the next install's first report.
    expect(shown().hidden).toBe(true);
    expect(announced()).toBe('');
    expect(shown().querySelector('progress')).toBeNull();
    act(() => render(null, dom.container));
    expect(unsubscribed).toBe(true);
  });
});
