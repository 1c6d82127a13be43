/** Issue 13, item 2: one editor window per tab, reused, remembered across service worker starts. */
import { describe, expect, it, vi } from 'vitest';
import { createEditorWindows, type WindowApi, type WindowMemory } from '@/utils/background/editor-windows';
import { createRateLimiter } from '@/utils/background/rate-limit';

function fakeWindows() {
  const open = new Map<number, string>();
  let next = 100;
  const api: WindowApi = {
    create: vi.fn(async (url: string) => {
      open.set(++next, url);
      return next;
    }),
    reuse: vi.fn(async (id: number, url: string) => {
      if (!open.has(id)) return false;
      open.set(id, url);
      return true;
    }),
  };
  return { api, open };
}

function memory(): WindowMemory & { saved: Record<string, number> } {
  const m = {
    saved: {} as Record<string, number>,
    load: async () => ({ ...m.saved }),
    save: async (pairs: Record<string, number>) => void (m.saved = { ...pairs }),
  };
  return m;
}

describe('editor windows', () => {
  it('opens one window per tab and reuses it', async () => {
    const { api, open } = fakeWindows();
    const editors = createEditorWindows(api);
    await editors.open('popup.html?track=a', 7);
    await editors.open('popup.html?track=b', 7);
    await editors.open('popup.html?track=c', 8);
    expect([...open.values()]).toEqual(['popup.html?track=b', 'popup.html?track=c']);
    expect(api.create).toHaveBeenCalledTimes(2);
  });

  it('opens a new one when the member closed it', async () => {
    const { api, open } = fakeWindows();
    const editors = createEditorWindows(api);
    await editors.open('popup.html?track=a', 7);
    open.clear();
    await editors.closed(101);
    await editors.open('popup.html?track=b', 7);
    expect([...open.values()]).toEqual(['popup.html?track=b']);
  });

  it('a restarted service worker still reuses the window', async () => {
    const { api, open } = fakeWindows();
    const kept = memory();
    await createEditorWindows(api, kept).open('popup.html?track=a', 7);
    // A new worker: a new instance, the same session memory.
    await createEditorWindows(api, kept).open('popup.html?track=b', 7);
    expect([...open.values()]).toEqual(['popup.html?track=b']);
  });

  it('the rate limit counts per key, and a refused event is not counted', () => {
    let now = 0;
    const limit = createRateLimiter(2, 1000, () => now);
    expect([limit.take('7'), limit.take('7'), limit.take('7'), limit.take('8')]).toEqual([true, true, false, true]);
    now = 999;
    expect(limit.take('7')).toBe(false);
    now = 1000;
    expect(limit.take('7')).toBe(true);
  });
});
