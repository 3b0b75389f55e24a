import { describe, expect, it, vi } from 'vitest';
import { classifySender, route, type RouterDeps } from './router.ts';

const ext = { extensionId: 'abcdefghijklmnopabcdefghijklmnop', extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const tab = { id: 3, index: 0, highlighted: false, active: true, pinned: false, incognito: false };
const content = { id: ext.extensionId, url: 'https://news.example/story', tab };
const page = { id: ext.extensionId, url: `${ext.extensionOrigin}src/pages/source/index.html` };

function deps(): RouterDeps & { handleContent: ReturnType<typeof vi.fn>; handlePage: ReturnType<typeof vi.fn> } {
  return { ...ext, handleContent: vi.fn(async () => ({ answer: 1 })), handlePage: vi.fn(async () => ({ answer: 2 })) };
}

describe('router', () => {
  it('classifies senders', () => {
    expect(classifySender(content, ext)).toBe('content');
    expect(classifySender(page, ext)).toBe('page');
    expect(classifySender({ ...content, id: 'another-extension' }, ext)).toBe('foreign');
    expect(classifySender({ ...content, url: 'file:///etc/passwd' }, ext)).toBe('foreign');
    expect(classifySender({ id: ext.extensionId }, ext)).toBe('foreign');
  });

  it('routes a valid content request and wraps the reply', async () => {
    const d = deps();
    const reply = await route({ type: 'cs-bg-get-record', entityId: 'dmitry-peskov' }, content, d);
    expect(reply).toEqual({ ok: true, answer: 1 });
    expect(d.handleContent).toHaveBeenCalledWith({ type: 'cs-bg-get-record', entityId: 'dmitry-peskov' }, content);
  });

  it('refuses malformed messages with the path of the problem', async () => {
    const d = deps();
    const reply = await route({ type: 'cs-bg-get-record', entityId: 42 }, content, d);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/^invalid message: entityId: /);
    expect(d.handleContent).not.toHaveBeenCalled();
  });

  it('never lets a content script reach a page-only request, nor a foreign sender anything', async () => {
    const d = deps();
    expect(await route({ type: 'page-bg-get-source', sourceId: 'seed-000' }, content, d)).toMatchObject({ ok: false });
    expect(await route({ type: 'cs-bg-scan', doc: '0123456789abcdef', parts: [{ text: 'Peskov' }] }, { ...content, id: 'evil' }, d)).toEqual({ ok: false, error: 'sender not allowed' });
    expect(d.handleContent).not.toHaveBeenCalled();
    expect(d.handlePage).not.toHaveBeenCalled();
    expect(await route({ type: 'page-bg-get-source', sourceId: 'seed-000' }, page, d)).toEqual({ ok: true, answer: 2 });
  });

  it('takes a scan of several chunks only within its limits', async () => {
    const d = deps();
    const scan = (parts: unknown) => route({ type: 'cs-bg-scan', doc: '0123456789abcdef', parts }, content, d);
    expect(await scan([{ text: 'Peskov' }, { text: 'Podolyak', late: true }])).toEqual({ ok: true, answer: 1 });
    expect(await scan([])).toMatchObject({ ok: false });
    expect(await scan([{ text: 'x'.repeat(40_000) }])).toMatchObject({ ok: false });
    expect(await scan(Array.from({ length: 257 }, () => ({ text: 'x' })))).toMatchObject({ ok: false });
    expect(await scan(Array.from({ length: 3 }, () => ({ text: 'x'.repeat(30_000) })))).toMatchObject({ ok: false });
    expect(d.handleContent).toHaveBeenCalledTimes(1);
  });

  it('turns a handler failure into an error reply', async () => {
    const d = deps();
    d.handleContent.mockRejectedValueOnce(new Error('unknown entity "x"'));
    expect(await route({ type: 'cs-bg-get-record', entityId: 'x' }, content, d)).toEqual({ ok: false, error: 'unknown entity "x"' });
  });
});
