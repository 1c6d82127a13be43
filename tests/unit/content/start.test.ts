// @vitest-environment happy-dom
/**
 * Issue 13, items 3 and 5, in the content script's wiring: it ends only when its extension is
 * really gone, and a lookup refused for this site removes its badges while the page's own
 * messages (Scan this page) still answer.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDocket } from '@/utils/content/start';
import { startFirstPart, type FirstRuntime } from '@/utils/content/first-part';
import { linkGuesses } from '@/utils/content/link-context';
import type * as protocol from '@/utils/shared/protocol';
import { REVISION_KEY } from '@/utils/shared/protocol';

const answers = vi.hoisted(() => ({ refuse: false, lookups: 0 }));
vi.mock('@/utils/shared/protocol', async (importOriginal) => {
  const real = await importOriginal<typeof protocol>();
  return {
    ...real,
    send: vi.fn(async (type: string, data: { ids?: string[] }) => {
      if (type !== 'lookup') return {};
      answers.lookups++;
      if (answers.refuse) throw new real.DocketError('Docket no longer runs on this site.', 'not-enabled');
      return { records: {} as Record<string, unknown>, ids: data.ids };
    }),
  };
});

const LINK = 'https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit';
const badges = () => document.querySelectorAll('docket-badge').length;
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

beforeEach(() => {
  fakeBrowser.reset();
  answers.refuse = false;
  answers.lookups = 0;
  document.body.innerHTML = `<p><a href="${LINK}">doc</a></p>`;
});
afterEach(() => {
  document.body.innerHTML = '';
});

type Listener = Parameters<FirstRuntime['onMessage']['addListener']>[0];
/** The browser's runtime as the first part sees it: an id while the extension is there, and message listeners. */
function fakeRuntime() {
  const listeners = new Set<Listener>();
  const runtime = {
    id: 'docket' as string | undefined,
    /** To the background: only a join link's click sends (`join/open`). */
    sendMessage: vi.fn(async (_message: unknown): Promise<unknown> => ({ ok: true, result: { opened: true } })),
    onMessage: { addListener: (fn: Listener) => listeners.add(fn), removeListener: (fn: Listener) => listeners.delete(fn) },
    /** Send a message as the popup does; the first listener's reply. */
    ask: (message: unknown) =>
      new Promise((resolve) => {
        for (const fn of listeners) fn(message, {}, resolve);
        if (!listeners.size) resolve(undefined);
      }),
    listeners,
  };
  return runtime;
}
const laterPart = { start: startDocket, linkGuesses };

describe('the content script’s life', () => {
  it('a refused lookup (the site was disabled) removes the badges; the page still answers Scan', async () => {
    const runtime = fakeRuntime();
    const first = startFirstPart({ doc: document, runtime, load: async () => laterPart });
    await until(() => badges() === 1);
    const linker = (await first.badges())!.linker;
    answers.refuse = true;
    await fakeBrowser.storage.local.set({ [REVISION_KEY]: 'after-disable' });
    await until(() => badges() === 0);
    expect(linker.badgeCount).toBe(0);
    // New links get nothing either: this copy stopped watching.
    const more = document.createElement('a');
    more.href = LINK.replace('1zk8', '2zk8');
    document.body.append(more);
    await new Promise((r) => setTimeout(r, 60));
    expect(badges()).toBe(0);
    expect(await runtime.ask({ type: 'page/info', data: {} })).toEqual({
      ok: true,
      result: { url: expect.any(String), title: expect.any(String) },
    });
  });

  it('a page’s look-alike of WXT’s start-up event switches nothing off while the extension is there', async () => {
    startFirstPart({ doc: document, runtime: fakeRuntime(), load: async () => laterPart });
    await until(() => badges() === 1);
    document.dispatchEvent(
      new CustomEvent(`${fakeBrowser.runtime.id}:content:wxt:content-script-started`, {
        detail: { contentScriptName: 'content', messageId: 'forged' },
      }),
    );
    const later = document.createElement('a');
    later.href = LINK.replace('1zk8', '3zk8');
    document.body.append(later);
    await until(() => badges() === 2);
  });

  it('ends when its extension is gone: the badges go at the page’s next change', async () => {
    const runtime = fakeRuntime();
    startFirstPart({ doc: document, runtime, load: async () => laterPart });
    await until(() => badges() === 1);
    runtime.id = undefined;
    document.body.append(document.createElement('p'));
    await until(() => badges() === 0);
    // The first part ends with it: it no longer answers the page's messages.
    expect(runtime.listeners.size).toBe(0);
  });

  it('a copy that finds its extension gone when a link appears ends without loading anything', async () => {
    document.body.innerHTML = '<p>No document here.</p>';
    const runtime = fakeRuntime();
    const load = vi.fn(async () => {
      throw new Error('Extension context invalidated.');
    });
    startFirstPart({ doc: document, runtime, load });
    runtime.id = undefined;
    document.body.insertAdjacentHTML('beforeend', `<a href="${LINK}">doc</a>`);
    await until(() => load.mock.calls.length === 1);
    await until(() => runtime.listeners.size === 0);
    expect(badges()).toBe(0);
  });
});

describe('the first part only looks until a document link appears (issue 27)', () => {
  it('loads the badge code only when a page gets a document link, and badges it', async () => {
    document.body.innerHTML = '<p><a href="/en/content/x">site</a> <a href="https://example.org/">elsewhere</a></p>';
    const load = vi.fn(async () => laterPart);
    const first = startFirstPart({ doc: document, runtime: fakeRuntime(), load });
    // Changes without a candidate link: nothing loads.
    document.body.insertAdjacentHTML('beforeend', '<div><p><a href="/en/content/y">more</a></p></div>');
    document.querySelector('a')!.setAttribute('href', '/en/content/z');
    await new Promise((r) => setTimeout(r, 20));
    expect(load).not.toHaveBeenCalled();
    expect(await first.badges()).toBeNull();
    // A thread that expands with a document link in it.
    document.body.insertAdjacentHTML('beforeend', `<div class="thread"><p>See <a href="${LINK}">the draft</a></p></div>`);
    await until(() => badges() === 1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('an address that becomes a document link loads the badge code', async () => {
    document.body.innerHTML = '<p><a href="https://example.org/">later a doc</a></p>';
    const load = vi.fn(async () => laterPart);
    startFirstPart({ doc: document, runtime: fakeRuntime(), load });
    document.querySelector('a')!.setAttribute('href', LINK);
    await until(() => badges() === 1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a newer copy takes over: the older one stops looking and answering', async () => {
    document.body.innerHTML = '<p>Nothing yet.</p>';
    const older = fakeRuntime();
    const olderLoad = vi.fn(async () => laterPart);
    startFirstPart({ doc: document, runtime: older, load: olderLoad });
    const newer = fakeRuntime();
    startFirstPart({ doc: document, runtime: newer, load: async () => laterPart });
    expect(older.listeners.size).toBe(0);
    document.body.insertAdjacentHTML('beforeend', `<a href="${LINK}">doc</a>`);
    await until(() => badges() === 1);
    expect(olderLoad).not.toHaveBeenCalled();
  });

  it('answers "Track in Docket…" for the link a context menu was opened on, loading the guesses then', async () => {
    document.body.innerHTML = `<h2>Outcomes</h2><p><a id="x" href="https://example.org/a">The plan</a></p>`;
    const runtime = fakeRuntime();
    const load = vi.fn(async () => laterPart);
    startFirstPart({ doc: document, runtime, load });
    expect(await runtime.ask({ type: 'page/link-context', data: { url: '' } })).toEqual({ ok: true, result: { text: '' } });
    expect(load).not.toHaveBeenCalled();
    document.getElementById('x')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true }));
    expect(await runtime.ask({ type: 'page/link-context', data: { url: '' } })).toEqual({
      ok: true,
      result: { text: 'The plan', heading: 'Outcomes' },
    });
  });
});

describe('a join link (issue 25): read on the member’s click only', () => {
  const SHEET = 'https://docs.google.com/spreadsheets/d/e/2PACX-1vT/pub?output=csv';
  let prevented: boolean[] = [];
  // Record whether Docket kept the link from being followed, then keep happy-dom from navigating.
  const stopNavigation = (e: Event) => {
    prevented.push(e.defaultPrevented);
    e.preventDefault();
  };
  beforeEach(() => {
    prevented = [];
    window.addEventListener('click', stopNavigation);
    document.body.innerHTML = `<p><a id="join" href="${SHEET}#docket-join"><b>Join our index</b></a> <a id="plain" href="${SHEET}">sheet</a></p>`;
  });
  afterEach(() => window.removeEventListener('click', stopNavigation));
  /** A click as the browser gives the member's (`isTrusted`), or as a page's script makes one. */
  const click = (el: Element, trusted: boolean, init: MouseEventInit = {}) => {
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init });
    if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
    el.dispatchEvent(event);
  };

  it('the member’s click (on the link or inside it) asks the background to open the join view, not the file', () => {
    const runtime = fakeRuntime();
    startFirstPart({ doc: document, runtime, load: async () => laterPart });
    click(document.querySelector('#join b')!, true);
    expect(runtime.sendMessage).toHaveBeenCalledExactlyOnceWith({ type: 'join/open', data: { url: SHEET } });
    expect(prevented).toEqual([true]);
  });

  it.each<[string, string, boolean, MouseEventInit]>([
    ['the page’s own click (link.click(), a dispatched event)', '#join', false, {}],
    ['a Ctrl-click (a new tab)', '#join', true, { ctrlKey: true }],
    ['a middle-button click', '#join', true, { button: 1 }],
    ['a plain link to the sheet', '#plain', true, {}],
  ])('%s: nothing is sent, the link is left to the browser', (_name, selector, trusted, init) => {
    const runtime = fakeRuntime();
    startFirstPart({ doc: document, runtime, load: async () => laterPart });
    click(document.querySelector(selector)!, trusted, init);
    expect(runtime.sendMessage).not.toHaveBeenCalled();
    expect(prevented).toEqual([false]);
  });

  it('a stopped copy no longer reads clicks', () => {
    const runtime = fakeRuntime();
    startFirstPart({ doc: document, runtime, load: async () => laterPart }).stop();
    click(document.querySelector('#join')!, true);
    expect(runtime.sendMessage).not.toHaveBeenCalled();
  });
});
