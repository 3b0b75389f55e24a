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
});
