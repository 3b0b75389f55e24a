import { describe, expect, it, vi } from 'vitest';
import type { TabSettings } from '../core/settings.ts';

const replies: Array<(value: unknown) => void> = [];
// The content script's messaging (runtime.ts, which reads chrome.runtime or browser.runtime).
vi.mock('./runtime.ts', () => ({
  default: {
    runtime: {
      onMessage: { addListener: vi.fn() },
      sendMessage: vi.fn(() => new Promise((resolve) => replies.push(resolve))),
    },
  },
}));

const notices: string[] = [];
let retryNotice: (() => void) | undefined;
vi.mock('./page-notice.ts', () => ({
  showFailure: (kind: string, retry: () => void) => {
    notices.push(`show ${kind}`);
    retryNotice = retry;
  },
  clearFailure: (kind: string) => notices.push(`clear ${kind}`),
}));

const { SiteControl } = await import('./site-control.ts');

// Whole tab settings: the background's reply is read by its schema (shared/messages.ts ContentReplies).
const settings = (on: boolean): TabSettings => ({ on, hoverDelayMs: 300, highlightStyle: 'underline', enabledTypes: ['person'], hideEmptyNames: false });

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

  it('a mention count the worker did not take is sent again, not dropped', async () => {
    vi.useFakeTimers();
    try {
      replies.splice(0);
      const sent = (await import('./runtime.ts')).default.runtime.sendMessage as unknown as ReturnType<typeof vi.fn>;
      sent.mockClear();
      const control = new SiteControl(async (_signal, _settings, _session, count) => {
        count(5);
      });
      const syncing = control.sync();
      replies[0]!({ ok: true, settings: settings(true), fingerprint: 'f' });
      await syncing;
      await vi.advanceTimersByTimeAsync(0);
      const counts = () => sent.mock.calls.map((c) => c[0] as { type: string; count?: number }).filter((m) => m.type === 'cs-bg-mention-count');
      expect(counts()).toEqual([{ type: 'cs-bg-mention-count', count: 5 }]);
      replies[1]!(undefined); // the worker stopped before answering
      await vi.advanceTimersByTimeAsync(600);
      expect(counts()).toHaveLength(2);
      replies[2]!({ ok: true });
      await vi.advanceTimersByTimeAsync(2_000);
      expect(counts()).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('new settings that fail to load are tried again (bounded), then the reader is told, and Try again asks again', async () => {
    vi.useFakeTimers();
    try {
      replies.splice(0);
      notices.splice(0);
      const runtime = (await import('./runtime.ts')).default.runtime;
      const sent = runtime.sendMessage as unknown as ReturnType<typeof vi.fn>;
      const listen = runtime.onMessage.addListener as unknown as ReturnType<typeof vi.fn>;
      listen.mockClear();
      new SiteControl(async () => undefined);
      const onMessage = listen.mock.calls[0]![0] as (m: unknown, s: unknown) => unknown;
      sent.mockClear();
      const asked = () => sent.mock.calls.filter((c) => (c[0] as { type: string }).type === 'cs-bg-get-settings').length;
      onMessage({ type: 'bg-cs-settings-changed' }, { id: undefined });
      for (let i = 0; i < 4; i++) {
        await vi.advanceTimersByTimeAsync(0);
        expect(asked()).toBe(i + 1);
        replies[i]!({ ok: false, error: 'the worker is busy' });
        await vi.advanceTimersByTimeAsync(10_000);
      }
      expect(asked()).toBe(4);
      expect(notices).toEqual(['show settings']);
      retryNotice!();
      await vi.advanceTimersByTimeAsync(0);
      expect(asked()).toBe(5);
      replies[4]!({ ok: true, settings: settings(false), fingerprint: 'f' });
      await vi.advanceTimersByTimeAsync(0);
      expect(notices).toEqual(['show settings', 'clear settings']);
    } finally {
      vi.useRealTimers();
    }
  });
});
