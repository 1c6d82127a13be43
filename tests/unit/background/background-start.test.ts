// The background's start (entrypoints/background.ts, issue 28 item 7): the message listener is
// registered first, and an optional API that is missing or throws costs only its own feature.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const ORIGIN = () => fakeBrowser.runtime.getURL('/');
const fromPage = () => ({ id: fakeBrowser.runtime.id, url: `${ORIGIN()}popup.html` });
type Api = Record<string, unknown>;

async function startBackground(): Promise<void> {
  vi.resetModules();
  const { default: background } = await import('@/entrypoints/background');
  (background as { main: () => void }).main();
}

/** What the listeners answer to one message from Docket's popup. */
async function ask(type: string, data: unknown = {}): Promise<any> {
  const replies = await fakeBrowser.runtime.onMessage.trigger({ type, data }, fromPage(), () => undefined);
  return replies.find((r) => r !== undefined);
}

let saved: Record<string, unknown>;
const OPTIONAL = ['omnibox', 'contextMenus', 'alarms', 'notifications'] as const;
beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  saved = Object.fromEntries(OPTIONAL.map((k) => [k, (fakeBrowser as unknown as Api)[k]]));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) (fakeBrowser as unknown as Api)[k] = v;
});

const throwing = (name: string): unknown =>
  new Proxy(
    {},
    {
      get: () => {
        throw new Error(`${name} is not available`);
      },
    },
  );

describe('the background starts and answers', () => {
  it.each([
    ['missing', () => undefined],
    ['throwing at every use', (name: string) => throwing(name)],
  ])('with omnibox, contextMenus, alarms and notifications %s', async (_how, make) => {
    for (const k of OPTIONAL) (fakeBrowser as unknown as Api)[k] = make(k);
    await startBackground();
    const reply = await ask('status/get');
    expect(reply).toEqual({ ok: true, result: {} });
    const summary = await ask('index/summary', { today: '2026-12-07' });
    expect(summary.ok).toBe(true);
    expect(summary.result.total).toBe(0);
  });

  it('registers the message listener before anything else can fail', async () => {
    // Everything the start calls after the listener may throw: the listener is there all the same.
    fakeBrowser.windows.onRemoved.addListener = () => {
      throw new Error('windows is not available');
    };
    (fakeBrowser as unknown as Api).omnibox = throwing('omnibox');
    await startBackground();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
    expect((await ask('status/get')).ok).toBe(true);
  });
});
