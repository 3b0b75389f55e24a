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
import type { PageMentions, PopupClient } from './popup-client.ts';

let dom: ReturnType<typeof installDom>;
beforeEach(() => {
  dom = installDom();
});
afterEach(() => render(null, dom.container));

function client(page: PageMentions): PopupClient {
  return {
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
