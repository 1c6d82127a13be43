// @vitest-environment happy-dom
/**
 * Issue 28, "Smaller": what an extension page kept in localStorage from its last opening (the
 * popup's first page, the tab's first rows, the table's settings) is checked before it is drawn.
 * A bug or a half-written entry must never leave the popup blank, draw a colour that fetches, or
 * keep drawing a row the index does not hold: the kept entry is dropped and the live answer drawn.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import type { DocsPage, DocsQuery } from '@/utils/shared/docs-query';
import { TABLE_SORTS } from '@/utils/shared/doc-table';
import type { TablePage } from '@/utils/shared/doc-table';
import { FIRST_QUERY } from '@/utils/popup/first-query';
import { FIRST_PAGE_KEY, keepFirstPage, parseKept } from '@/utils/popup/first-page';
import { localToday, addDays } from '@/utils/shared/calendar';
import { start } from '@/utils/popup/popup-start';
import { answered, keptFor, offerKept, takeEarly } from '@/utils/popup/early';
import { forgetEarly } from '@/utils/popup/first-screen';
import { swatch } from '@/utils/popup/draw-row';
import { TABLE_FIRST_KEY, keepTableFirst, keptTableFirst } from '@/utils/popup/table-first';
import { DEFAULT_PREFS, parsePrefs } from '@/utils/popup/table-view';
import type { TableKey } from '@/utils/popup/table-view';
import { answerRead } from '../support/fake-backend';

const protocol = vi.hoisted(() => ({ send: vi.fn(), sendToTab: vi.fn(), REVISION_KEY: 'docket:revision' }));
vi.mock('@/utils/shared/protocol', () => protocol);

const today = localToday();
const Q: DocsQuery = { ...FIRST_QUERY, today };
const WS: Workstream[] = [{ id: 'ws-a', name: 'Roadmap', color: '#1f6feb' }];
const docs: DocRecord[] = Array.from({ length: 3 }, (_, i) => ({
  id: `1doc${i}aaaaaaaaaaaaaaaaaaaaaaa`,
  kind: 'document',
  aliases: [],
  title: `Document ${i}`,
  workstreamId: 'ws-a',
  deadline: addDays(today, i),
  status: 'draft',
  updatedAt: '2020-09-01T00:00:00.000Z',
}));
const page = (documents = docs): DocsPage => ({
  ...(answerRead({ documents, workstreams: WS }, 'docs/query', Q) as DocsPage),
  revision: 'r1',
});

/** Keep `edit(page())` as the popup's first page, as a bug or a half-written entry might. */
function keepBroken(edit: (p: DocsPage) => unknown) {
  keepFirstPage(localStorage, Q, page());
  const kept = JSON.parse(localStorage.getItem(FIRST_PAGE_KEY)!) as { page: DocsPage };
  localStorage.setItem(FIRST_PAGE_KEY, JSON.stringify({ ...kept, page: edit(kept.page) }));
}

const root = () => document.getElementById('root')!;
const asked = () => protocol.send.mock.calls.filter(([type]) => type === 'docs/query').map(([, q]) => q as DocsQuery);

async function startPopup() {
  window.history.replaceState(null, '', '/popup.html');
  const s = start();
  await s.ready;
  await s.shown;
  return s;
}

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  protocol.send.mockReset().mockReturnValue(new Promise(() => undefined));
  document.body.innerHTML = '<div id="root"></div>';
  await browser.storage.local.set({ 'docket:revision': 'r1' });
});
afterEach(() => {
  takeEarly(Q);
  forgetEarly();
  vi.restoreAllMocks();
});

describe('the popup’s kept first page is checked before it is drawn', () => {
  it.each<[string, (p: DocsPage) => unknown]>([
    ['a row without a document', (p) => ({ ...p, rows: [{ workstreamId: 'ws-a' }, ...p.rows] })],
    ['a document without an id', (p) => ({ ...p, rows: [{ doc: { ...p.rows[0]!.doc, id: undefined } }] })],
    ['a document of an unknown kind', (p) => ({ ...p, rows: [{ doc: { ...p.rows[0]!.doc, kind: 'movie' } }] })],
    ['a deadline that is not a day', (p) => ({ ...p, rows: [{ doc: { ...p.rows[0]!.doc, deadline: 'soon' } }] })],
    [
      'a workstream colour that fetches (CSS url())',
      (p) => ({ ...p, workstreams: [{ ...WS[0]!, color: 'url(https://tracker.example/pixel.png)' }] }),
    ],
    ['a count that is not a number', (p) => ({ ...p, total: 'many' })],
    ['no workstreams list', (p) => ({ ...p, workstreams: undefined })],
  ])('%s: not drawn, the kept page dropped, the live answer asked at once', async (_, edit) => {
    keepBroken(edit);
    expect(parseKept(localStorage.getItem(FIRST_PAGE_KEY))).toBeNull();
    await startPopup();
    expect(root().childElementCount).toBe(0);
    expect(keptFor(Q)).toBeNull();
    expect(asked()).toEqual([Q]);
    expect(localStorage.getItem(FIRST_PAGE_KEY)).toBeNull();
  });

  it('a whole kept page still draws at once (the check lets every live answer through)', async () => {
    keepFirstPage(localStorage, Q, page());
    await startPopup();
    expect(root().querySelectorAll('li[data-doc-id]')).toHaveLength(docs.length);
    expect(root().querySelector<HTMLElement>('.group-heading .swatch')!.style.background).toMatch(/#1f6feb|rgb\(31, 111, 235\)/i);
  });

  it('a swatch draws only #rrggbb colours', () => {
    expect(swatch('url(https://tracker.example/pixel.png)').style.background).not.toMatch(/url/);
    expect(swatch('red; background-image: url(x)').style.background).not.toMatch(/url/);
    expect(swatch('#1f6feb').style.background).toMatch(/#1f6feb|rgb\(31, 111, 235\)/i);
  });

  it('a kept row the index does not hold (the live answer at the same revision differs): replaced by the live answer', async () => {
    const ghost: DocRecord = { ...docs[0]!, id: '1ghostaaaaaaaaaaaaaaaaaaaaa', title: 'Not in the index' };
    keepFirstPage(localStorage, Q, page([ghost, ...docs]));
    offerKept(Q, page([ghost, ...docs]));
    answered(Q, page());
    await vi.waitFor(() => expect(localStorage.getItem(FIRST_PAGE_KEY)).not.toContain(ghost.id));
    expect(parseKept(localStorage.getItem(FIRST_PAGE_KEY))?.page.rows.map((r) => r.doc.id)).toEqual(docs.map((d) => d.id));
  });
});

describe('the tab’s kept first rows and its settings are checked too', () => {
  const key: TableKey = { text: '', status: 'active', sort: 'deadline', dir: 'asc', group: 'workstream', today };
  const table = (): TablePage => ({
    total: docs.length,
    offset: 0,
    rows: docs.map((doc) => ({ doc, workstreamId: 'ws-a' })),
    groups: [{ key: 'ws-a', count: docs.length }],
    indexSize: docs.length,
    workstreams: WS,
  });

  it('whole kept rows are given back', () => {
    keepTableFirst(localStorage, key, 'r1', table());
    expect(keptTableFirst(localStorage, key, 'r1')).toEqual(table());
  });

  it.each<[string, (t: TablePage) => unknown]>([
    ['a row without a document', (t) => ({ ...t, rows: [{ workstreamId: 'ws-a' }] })],
    ['a colour that fetches', (t) => ({ ...t, workstreams: [{ ...WS[0]!, color: 'url(https://tracker.example/p.png)' }] })],
    ['a group without a count', (t) => ({ ...t, groups: [{ key: 'ws-a' }] })],
  ])('%s: not given back, and dropped', (_, edit) => {
    keepTableFirst(localStorage, key, 'r1', table());
    const kept = JSON.parse(localStorage.getItem(TABLE_FIRST_KEY)!) as { page: TablePage };
    localStorage.setItem(TABLE_FIRST_KEY, JSON.stringify({ ...kept, page: edit(kept.page) }));
    expect(keptTableFirst(localStorage, key, 'r1')).toBeNull();
    expect(localStorage.getItem(TABLE_FIRST_KEY)).toBeNull();
  });

  it.each([
    ['{"sort":"__proto__","dir":"sideways","group":{"x":1},"status":["active"]}'],
    ['{"sort":"title","dir":"asc","group":"none","status":"<img src=x>"}'],
    ['null'],
    ['[1,2]'],
    ['{"v":1,'],
  ])('saved table settings %s: only known values, else the defaults', (text) => {
    const prefs = parsePrefs(text);
    expect(TABLE_SORTS).toContain(prefs.sort);
    expect(['asc', 'desc']).toContain(prefs.dir);
    expect(typeof prefs.group).toBe('string');
    expect(typeof prefs.status).toBe('string');
    expect(prefs.status).not.toMatch(/</);
    if (text === 'null') expect(prefs).toEqual(DEFAULT_PREFS);
  });
});
