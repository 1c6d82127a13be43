// @vitest-environment happy-dom
/**
 * The popup's first screen kept as markup and painted before React loads (utils/popup/first-screen.ts):
 * trimming React's screen, keeping and reading it back, when it may be painted, what is refused,
 * the painted screen (inert but for its search box), and React taking over (the typed text kept).
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { DocRecord, Workstream } from '../../utils/shared/model';
import type { DocsQuery } from '../../utils/shared/docs-query';
import type { KeyValueStore } from '../../utils/popup/first-page';
import { queryId } from '../../utils/popup/first-page';
import {
  FIRST_SCREEN_KEY,
  MAX_SCREEN_CHARS,
  SCREEN_ROWS,
  forgetEarly,
  keepScreen,
  prepareScreen,
  readScreen,
  safeScreen,
  screenToPaint,
  showScreen,
  trimScreen,
  typedEarly,
} from '../../utils/popup/first-screen';
import type { KeptScreen } from '../../utils/popup/first-screen';
import { answerRead } from './fake-backend';

import { App } from '../../components/App';
import { FIRST_QUERY } from '../../utils/popup/first-query';
import { firstQuestionId } from '../../components/useKeepScreen';

const protocol = vi.hoisted(() => ({ send: vi.fn(), sendToTab: vi.fn(), REVISION_KEY: 'docket:revision' }));
vi.mock('../../utils/shared/protocol', () => protocol);

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TODAY = '2020-09-08';
const Q: DocsQuery = { ...FIRST_QUERY, today: TODAY };
const QID = queryId(Q);

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/** A small stand-in for the popup's `.app` (the real one is drawn by React further down). */
function appMarkup(rows: number, extra = ''): string {
  const li = (i: number) =>
    `<li class="doc-row" data-doc-id="d${i}"><span class="doc-title">Doc ${i}</span><a class="button-like" href="https://docs.google.com/document/d/d${i}/edit" target="_blank" rel="noopener noreferrer">Open</a><button type="button">Edit</button></li>`;
  const group = (g: number, from: number, to: number) =>
    `<section class="doc-group"><h2 class="group-heading"><span class="swatch" aria-hidden="true" style="background: #8250df;"></span>WS ${g}</h2><ul class="doc-list">${Array.from({ length: to - from }, (_, i) => li(from + i)).join('')}</ul></section>`;
  const half = Math.ceil(rows / 2);
  return `<div class="app"><header class="app-header"><h1>Docket</h1></header>${extra}<div class="views"><div class="tabs" role="tablist"><button type="button" role="tab" aria-selected="true">Documents</button></div><div role="tabpanel" class="panel"><div class="documents"><div class="filters"><div class="field grow"><label for="f">Filter documents</label><input id="f" type="search" value="" placeholder="Title…"></div><div class="field"><label for="s">Status</label><select id="s"><option value="all">All</option><option value="active">Active</option></select></div></div>${group(1, 0, half)}${group(2, half, rows)}${group(3, rows, rows)}<button type="button" class="show-more">Show more</button></div></div></div></div>`;
}

function element(html: string): Element {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content.firstElementChild!;
}

/** `prepareScreen` then `showScreen`, as popupStart does: false (and `root` left alone) when the markup is refused. */
function paintScreen(root: Element, html: string): boolean {
  const prepared = prepareScreen(html, root.ownerDocument);
  return !!prepared && showScreen(root, prepared);
}

describe('trimming the first screen', () => {
  it('keeps the header, tabs, box and the first rows; drops what is transient, later groups and "Show more"', () => {
    const app = element(
      appMarkup(
        30,
        '<div class="alert" role="alert">Read-only</div><section class="this-page">This page</section><div class="toast" role="status">Deleted</div><div role="tabpanel" hidden><input type="file"></div>',
      ),
    );
    (app.querySelector('input[type=search]') as HTMLInputElement).value = 'typed';
    (app.querySelector('select') as HTMLSelectElement).value = 'active';
    const html = trimScreen(app)!;
    const out = element(html);
    expect(out.querySelectorAll('li[data-doc-id]')).toHaveLength(SCREEN_ROWS);
    expect([...out.querySelectorAll('li')].map((li) => li.getAttribute('data-doc-id'))).toEqual(
      Array.from({ length: SCREEN_ROWS }, (_, i) => `d${i}`),
    );
    expect(out.querySelectorAll('.alert, [role=alert], .this-page, .toast, [hidden], .show-more, input[type=file]')).toHaveLength(
      0,
    );
    expect(out.querySelector('h1')!.textContent).toBe('Docket');
    expect(out.querySelector('[role=tab]')!.textContent).toBe('Documents');
    expect((out.querySelector('input[type=search]') as HTMLInputElement).value).toBe('');
    expect(out.querySelector('option[selected]')!.getAttribute('value')).toBe('active');
    // The group holding the last kept row is there; the empty one after it is not.
    expect(out.querySelectorAll('.doc-group')).toHaveLength(1);
    // The page itself is untouched.
    expect(app.querySelectorAll('li')).toHaveLength(30);
  });

  it('keeps every row when there are fewer', () => {
    const out = element(trimScreen(element(appMarkup(3)))!);
    expect(out.querySelectorAll('li[data-doc-id]')).toHaveLength(3);
    expect(out.querySelectorAll('.doc-group')).toHaveLength(2);
  });

  it.each([
    ['no rows (an empty index, "Loading…")', appMarkup(0)],
    ['the editor open', appMarkup(5).replace('<div class="views">', '<main class="editor-wrap"></main><div class="views">')],
    ['search results', appMarkup(5).replace('class="doc-list"', 'class="doc-list results"')],
    ['too long', appMarkup(5).replace('Doc 0', 'x'.repeat(MAX_SCREEN_CHARS))],
  ])('is nothing with %s', (_, html) => {
    expect(trimScreen(element(html))).toBeNull();
  });
});

describe('keeping and reading back', () => {
  const kept = (extra: Partial<KeptScreen> = {}) =>
    JSON.stringify({ v: 1, query: QID, revision: 'r1', html: appMarkup(2), ...extra });

  it('keeps the markup with its question and revision, and reads it back', () => {
    const store = memoryStore();
    expect(keepScreen(store, QID, 'r1', appMarkup(2))).toBe(true);
    expect(readScreen(store)).toEqual({ v: 1, query: QID, revision: 'r1', html: appMarkup(2) });
  });

  it('forgets what was kept when there is nothing (or too much) to keep, or the storage is full', () => {
    const store = memoryStore();
    keepScreen(store, QID, 'r1', appMarkup(2));
    expect(keepScreen(store, QID, 'r2', null)).toBe(false);
    expect(store.map.has(FIRST_SCREEN_KEY)).toBe(false);
    keepScreen(store, QID, 'r1', appMarkup(2));
    expect(keepScreen(store, QID, 'r2', 'x'.repeat(MAX_SCREEN_CHARS + 1))).toBe(false);
    expect(store.map.has(FIRST_SCREEN_KEY)).toBe(false);
    keepScreen(store, QID, 'r1', appMarkup(2));
    const full = {
      ...store,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(keepScreen(full, QID, 'r2', appMarkup(2))).toBe(false);
    expect(store.map.has(FIRST_SCREEN_KEY)).toBe(false);
  });

  it.each<[string, string | null]>([
    ['nothing kept', null],
    ['not JSON', '{"v":1,'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['another version', kept({ v: 2 })],
    ['no revision', kept({ revision: undefined })],
    ['a revision that is not a string', kept({ revision: 7 as unknown as string })],
    ['no markup', kept({ html: '' })],
    ['markup that is not a string', kept({ html: ['<div>'] as unknown as string })],
    ['markup too long', kept({ html: 'x'.repeat(MAX_SCREEN_CHARS + 1) })],
  ])('reads nothing back: %s', (_, text) => {
    const store = memoryStore();
    if (text !== null) store.map.set(FIRST_SCREEN_KEY, text);
    expect(readScreen(store)).toBeNull();
  });

  it('reads nothing back when the storage throws', () => {
    const store = {
      ...memoryStore(),
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(readScreen(store)).toBeNull();
  });
});

describe('when the kept screen is painted', () => {
  const kept: KeptScreen = { v: 1, query: QID, revision: 'r1', html: appMarkup(2) };
  it.each<[string, KeptScreen | null, string, string | null, string, boolean]>([
    ['the same question at the same revision, a plain opening', kept, QID, 'r1', '', true],
    ['… with an empty query string', kept, QID, 'r1', '?', true],
    ['the index changed since (another revision)', kept, QID, 'r2', '', false],
    ['the revision is not known', kept, QID, null, '', false],
    ['another question (another day)', kept, queryId({ ...Q, today: '2020-09-09' }), 'r1', '', false],
    ['another question (another status)', kept, queryId({ ...Q, status: 'all' }), 'r1', '', false],
    ['opened for a tab', kept, QID, 'r1', '?tab=4', false],
    ['opened for a search', kept, QID, 'r1', '?q=roadmap', false],
    ['opened for the editor', kept, QID, 'r1', '?edit=1abc', false],
    ['nothing kept', null, QID, 'r1', '', false],
  ])('%s', (_, k, query, revision, search, painted) => {
    expect(screenToPaint(k, query, revision, search)).toBe(painted ? k : null);
  });
});

describe('what is refused when read back', () => {
  const ok = appMarkup(2);
  it("accepts the popup's own markup", () => {
    expect(safeScreen(ok)).not.toBeNull();
  });
  it.each([
    ['a script', ok.replace('<h1>', '<script>alert(1)</script><h1>')],
    ['an event handler', ok.replace('<h1>', '<h1 onclick="alert(1)">')],
    ['an image', ok.replace('<h1>', '<img src="x" onerror="alert(1)"><h1>')],
    ['a frame', ok.replace('<h1>', '<iframe></iframe><h1>')],
    ['a style sheet', ok.replace('<h1>', '<style>body{display:none}</style><h1>')],
    ['a javascript: link', ok.replace('href="https://docs.google.com/document/d/d0/edit"', 'href="javascript:alert(1)"')],
    ['a style that loads something', ok.replace('background: #8250df;', 'background: url(https://example.org/x.png)')],
    ['an unknown attribute', ok.replace('<h1>', '<h1 formaction="x">')],
    ['two elements at the top', ok + '<div class="app"></div>'],
    ['something else at the top', ok.replace('<div class="app">', '<div class="other">')],
    ['no rows', appMarkup(0)],
    ['plain text', 'hello'],
    ['text beside it', ok + 'hello'],
    ['a style sheet before it (the parser moves it to the head)', '<style>body{display:none}</style>' + ok],
    ['a script on the top element', ok.replace('<div class="app">', '<div class="app" onmouseover="alert(1)">')],
  ])('%s', (_, html) => {
    expect(safeScreen(html)).toBeNull();
    const root = document.createElement('div');
    root.textContent = 'before';
    expect(paintScreen(root, html)).toBe(false);
    expect(root.textContent).toBe('before');
  });
});

describe('the painted screen', () => {
  afterEach(() => forgetEarly());

  it('is inert except its search box, which is focused and hands over what was typed', () => {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    expect(typedEarly()).toBeNull();
    expect(paintScreen(root, appMarkup(4))).toBe(true);
    const app = root.querySelector('.app')!;
    expect(app.hasAttribute('data-early')).toBe(true);
    const box = root.querySelector<HTMLInputElement>('input[type=search]')!;
    expect(document.activeElement).toBe(box);
    expect(box.closest('[inert]')).toBeNull();
    for (const el of root.querySelectorAll('li, button, a, select, h1, [role=tab]'))
      expect(el.closest('[inert]'), el.outerHTML).not.toBeNull();
    expect(typedEarly()).toBe('');
    box.value = 'road';
    expect(typedEarly()).toBe('road');
    forgetEarly();
    expect(typedEarly()).toBeNull();
  });

  it('is prepared apart from the page, and only shown when asked', () => {
    const root = document.createElement('div');
    const prepared = prepareScreen(appMarkup(2))!;
    expect(root.childElementCount).toBe(0);
    expect(showScreen(root, prepared)).toBe(true);
    expect(root.querySelectorAll('li[data-doc-id]')).toHaveLength(2);
  });
});

describe('the first question', () => {
  it.each<[string, Parameters<typeof firstQuestionId>[0], string, string | null]>([
    ['the grouped list of active documents, box empty', { view: 'grouped', status: 'active', today: TODAY }, '', QID],
    ['text typed in the box', { view: 'grouped', status: 'active', today: TODAY }, 'r', null],
    ['a search', { view: 'search', text: 'road', status: 'active', today: TODAY }, '', null],
    ['another status', { view: 'grouped', status: 'all', today: TODAY }, '', null],
  ])('%s', (_, key, text, id) => {
    expect(firstQuestionId(key, text)).toBe(id);
  });
});

describe('React and the kept screen', () => {
  const WS: Workstream[] = [{ id: 'ws-a', name: 'A. Access', color: '#8250df' }];
  const docs: DocRecord[] = Array.from({ length: 14 }, (_, i) => ({
    id: `1doc${String(i).padStart(2, '0')}aaaaaaaaaaaaaaaaaaaaa`,
    kind: 'document',
    aliases: [],
    title: `Document ${i}`,
    workstreamId: i % 2 ? 'ws-a' : undefined,
    deadline: `2020-09-${String(10 + i).padStart(2, '0')}`,
    status: 'draft',
    updatedAt: '2020-09-01T00:00:00.000Z',
  }));
  let root: Root;
  let host: HTMLElement;

  beforeEach(() => {
    fakeBrowser.reset();
    localStorage.clear();
    protocol.send.mockReset();
    protocol.sendToTab.mockReset().mockRejectedValue(new Error('no content script'));
    protocol.send.mockImplementation(async (type: string, data: unknown) => {
      const read = answerRead({ documents: docs, workstreams: WS }, type, data);
      if (type === 'docs/query') return { ...(read as object), revision: 'r1' };
      if (read !== undefined) return read;
      if (type === 'status/get') return { readOnlyReason: 'Read-only for the test.' };
      if (type === 'subscriptions/list') return { subscriptions: [] };
      throw new Error(`unexpected ${type}`);
    });
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([] as never);
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue({ id: 3 } as never);
    host = document.createElement('div');
    document.body.replaceChildren(host);
    window.history.replaceState(null, '', '/popup.html');
  });
  afterEach(() => {
    act(() => root.unmount());
    forgetEarly();
    vi.useRealTimers();
  });

  it("keeps the screen React drew, at the answer's revision, for the first question only", async () => {
    vi.useFakeTimers({ now: new Date('2020-09-08T12:00:00') });
    root = createRoot(host);
    await act(async () => root.render(<App />));
    await act(async () => vi.advanceTimersByTimeAsync(2000));
    expect(host.querySelectorAll('li[data-doc-id]').length).toBe(14);
    expect(host.querySelector('[role=alert]')).not.toBeNull();
    const kept = readScreen(localStorage)!;
    expect(kept).toMatchObject({ query: QID, revision: 'r1' });
    const screen = element(kept.html);
    expect(screen.querySelectorAll('li[data-doc-id]')).toHaveLength(SCREEN_ROWS);
    expect(screen.querySelector('[role=alert]')).toBeNull();
    expect([...screen.querySelectorAll('li[data-doc-id]')].map((li) => li.getAttribute('data-doc-id'))).toEqual(
      [...host.querySelectorAll('li[data-doc-id]')].slice(0, SCREEN_ROWS).map((li) => li.getAttribute('data-doc-id')),
    );
    expect(safeScreen(kept.html)).not.toBeNull();

    // Text in the box: the list on screen is no longer the first screen, nothing is kept again.
    localStorage.clear();
    const box = host.querySelector<HTMLInputElement>('input[type=search]')!;
    await act(async () => {
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      set.call(box, 'Document 1');
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => vi.advanceTimersByTimeAsync(2000));
    expect(readScreen(localStorage)).toBeNull();
  });

  it('replaces the painted screen in its first commit, with what was typed in the box', async () => {
    expect(paintScreen(host, appMarkup(3))).toBe(true);
    host.querySelector<HTMLInputElement>('input[type=search]')!.value = 'Document 1';
    root = createRoot(host);
    await act(async () => root.render(<App />));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(host.querySelector('[data-early]')).toBeNull();
    expect(host.querySelectorAll('.app')).toHaveLength(1);
    expect(host.querySelector<HTMLInputElement>('input[type=search]')!.value).toBe('Document 1');
    expect(typedEarly()).toBeNull();
  });

  it('starts with an empty box when nothing was painted', async () => {
    root = createRoot(host);
    await act(async () => root.render(<App />));
    expect(host.querySelector<HTMLInputElement>('input[type=search]')!.value).toBe('');
  });
});

describe('when React cannot be loaded', () => {
  it('says so in place of the early screen, as text', async () => {
    const { showStartFailure } = await import('../../utils/popup/popup-start');
    const root = document.createElement('div');
    root.innerHTML = '<div class="app" inert><ul><li data-doc-id="x">kept row</li></ul></div>';
    showStartFailure(root, new Error('Failed to fetch dynamically imported module: <b>mount.js</b>'));
    expect(root.querySelector('[data-doc-id]')).toBeNull();
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(
      /^Docket could not start \(Failed to fetch dynamically imported module: <b>mount\.js<\/b>\)\. Close it and open it again/,
    );
    expect(root.querySelector('b')).toBeNull();
  });
});
