import { describe, expect, it, vi } from 'vitest';
import type { TabSettings } from '../core/settings.ts';

const replies: Array<(value: unknown) => void> = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      onMessage: { addListener: vi.fn() },
      sendMessage: vi.fn(() => new Promise((resolve) => replies.push(resolve))),
    },
  },
}));

const { SiteControl } = await import('./site-control.ts');

const settings = (on: boolean): TabSettings => ({ on, site: 'a.example' }) as unknown as TabSettings;

describe('SiteControl', () => {
  it('applies only the latest settings when two replies arrive out of order', async () => {
    const started: boolean[] = [];
    const control = new SiteControl(async (signal) => {
      started.push(true);
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    });
    const first = control.sync(); // the site was on…
    const second = control.sync(); // …and has just been switched off
    replies[1]!({ ok: true, settings: settings(false), fingerprint: 'f' });
    await second;
    replies[0]!({ ok: true, settings: settings(true), fingerprint: 'f' });
    await first;
    // The stale "on" reply, answered last, must not start a session.
    expect(started).toEqual([]);
  });
});
