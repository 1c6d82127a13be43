/**
 * Issue 13 in the background's handlers: what a content script may ask and what it gets back
 * (items 2, 4, 5, 6), what "Open" goes to (item 12), and what unsubscribing gives back (item 11).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDocketDb, type DocketDB } from '@/utils/background/db/schema';
import { writeAll } from '@/utils/background/db/store';
import type { Sender, ServiceDeps } from '@/utils/background/service';
import { ID, caller, fakeDeps, type Call } from '../support/service-fixture';
import { EDITOR_OPENS_PER_MINUTE } from '@/utils/background/handlers/reads';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { openAddress } from '@/utils/shared/open-url';

const DEFAULT_PAGE: Sender = { id: ID, url: 'https://www.intgovforum.org/wg-strategy/minutes-4.html', tab: { id: 7 } };
const ENABLED_PAGE: Sender = { id: ID, url: 'https://lists.example.org/pipermail/wg/1.html', tab: { id: 8 } };
const REVOKED_PAGE: Sender = { id: ID, url: 'https://revoked.example.org/x.html', tab: { id: 9 } };
const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const OTHER = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';

const ws: Workstream = { id: 'ws-a', name: 'A. High-level body', color: '#1f6feb', account: 'me@example.org', extra: { x: 1 } };
const doc: DocRecord = {
  id: MHLB,
  kind: 'document',
  title: 'MHLB models',
  url: `https://docs.google.com/url?q=https://evil.example/`,
  aliases: ['2PACX-1vQpublishedcopyofthemhlbdoc'],
  workstreamId: 'ws-a',
  deadline: '2020-09-10',
  deadlineNote: 'before the next meeting',
  status: 'open-for-comments',
  notes: 'the member’s private notes',
  source: 'https://private.example.org/minutes',
  sourceTitle: 'WG minutes',
  updatedAt: '2026-11-22T10:00:00.000Z',
  subscriptionId: 'sub-x',
  syncConflicts: [{ field: 'title', theirs: 'x', subscriptionId: 'sub-x', at: 'T' }],
  extra: { secret: 'kept for export' },
};

let db: DocketDB;
let n = 0;
let deps: ServiceDeps;
let call: Call;

beforeEach(async () => {
  db = await openDocketDb(`service-trust-${++n}`);
  await writeAll(db, [doc], [ws]);
  deps = fakeDeps(db, {
    sites: {
      get: vi.fn(async () => ({ defaults: [], enabled: [] })),
      enable: vi.fn(async () => ({ defaults: [], enabled: [] })),
      disable: vi.fn(async () => ({ defaults: [], enabled: [] })),
      mayRun: vi.fn(async (url: string) => !url.startsWith('https://revoked.')),
      release: vi.fn(async () => undefined),
    },
  });
  call = caller(deps);
});
afterEach(() => db.close());

describe('item 4: a content script gets lookup and editor/open only, and only what a badge shows', () => {
  it('may not list workstreams (with their accounts) or read whole records', async () => {
    expect(await call('workstreams/list', {}, DEFAULT_PAGE)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/own pages/),
    });
    expect(await call('docs/find', { ids: [MHLB] }, DEFAULT_PAGE)).toMatchObject({ ok: false });
    expect((await call('workstreams/list', {})).result.workstreams).toEqual([ws]);
  });

  it('on the working group’s own sites: the badge and card fields, no account, extras, conflicts or subscription', async () => {
    const { records } = (await call('lookup', { ids: [MHLB] }, DEFAULT_PAGE)).result;
    expect(records[MHLB]).toEqual({
      doc: {
        id: MHLB,
        kind: 'document',
        title: 'MHLB models',
        deadline: '2020-09-10',
        deadlineNote: 'before the next meeting',
        status: 'open-for-comments',
        notes: 'the member’s private notes',
        source: 'https://private.example.org/minutes',
        sourceTitle: 'WG minutes',
        open: `https://docs.google.com/document/d/${MHLB}/edit?authuser=me%40example.org`,
      },
      workstream: { name: 'A. High-level body', color: '#1f6feb' },
    });
  });

  it('on a site the member enabled: not the notes, the deadline note or where it was tracked from', async () => {
    const { records } = (await call('lookup', { ids: [MHLB] }, ENABLED_PAGE)).result;
    expect(Object.keys(records[MHLB].doc).sort()).toEqual(['deadline', 'id', 'kind', 'open', 'status', 'title']);
    expect(JSON.stringify(records)).not.toMatch(/private|before the next meeting|me@example|secret/);
  });

  it('Docket’s own pages still get whole records (docs/find)', async () => {
    expect((await call('docs/find', { ids: [MHLB] })).result.records[MHLB].doc).toEqual(doc);
  });
});

describe('item 5: a site Docket no longer runs on gets no answers', () => {
  it('refuses its lookups with a code its content script acts on', async () => {
    expect(await call('lookup', { ids: [MHLB] }, REVOKED_PAGE)).toEqual({
      ok: false,
      error: 'Docket no longer runs on this site.',
      code: 'not-enabled',
      said: { key: 'error_site_not_enabled' },
    });
    expect((await call('lookup', { ids: [MHLB] }, DEFAULT_PAGE)).ok).toBe(true);
  });
});

describe('item 6: one bad id never costs the others', () => {
  it('drops ids that are not Drive ids one by one, for content scripts and Docket’s pages', async () => {
    const ids = [MHLB, `1${'x'.repeat(299)}`, 'bad id with spaces', OTHER, '', '../../etc'];
    const reply = await call('lookup', { ids }, DEFAULT_PAGE);
    expect(reply.ok).toBe(true);
    expect(Object.keys(reply.result.records)).toEqual([MHLB]);
    expect(Object.keys((await call('docs/find', { ids })).result.records)).toEqual([MHLB]);
  });
});

describe('item 2: editor windows', () => {
  it('a page’s tab may open the editor only a few times a minute', async () => {
    const open = () => call('editor/open', { id: MHLB }, DEFAULT_PAGE);
    for (let i = 0; i < EDITOR_OPENS_PER_MINUTE; i++) expect((await open()).ok).toBe(true);
    expect(await open()).toMatchObject({ ok: false, error: expect.stringMatching(/at most a few times a minute/) });
    // Another tab has its own allowance; the tab id goes along so that its window is reused.
    expect((await call('editor/open', { id: MHLB }, ENABLED_PAGE)).ok).toBe(true);
    expect(deps.openEditorWindow).toHaveBeenLastCalledWith({ close: true, edit: MHLB }, 8);
  });
});

describe('a join link on a page (issue 25): it opens the join view, never subscribes', () => {
  const SHEET = 'https://docs.google.com/spreadsheets/d/e/2PACX-1/pub?output=csv';
  it('opens popup.html?join= in the tab’s window, and nothing is subscribed', async () => {
    expect(await call('join/open', { url: SHEET }, DEFAULT_PAGE)).toEqual({ ok: true, result: { opened: true } });
    expect(deps.openEditorWindow).toHaveBeenLastCalledWith({ join: SHEET }, 7);
    expect((await call('subscriptions/list', {})).result.subscriptions).toEqual([]);
  });
  it('a page may not subscribe, sync or list subscriptions itself', async () => {
    for (const [type, data] of [
      ['subscriptions/add', { url: SHEET, name: 'x' }],
      ['subscriptions/sync', {}],
      ['subscriptions/list', {}],
    ] as const)
      expect(await call(type, data, DEFAULT_PAGE)).toMatchObject({ ok: false, error: expect.stringMatching(/own pages/) });
    expect((await call('subscriptions/list', {})).result.subscriptions).toEqual([]);
  });
  it('refuses an address that is not a web address, and a flood of opens from one tab', async () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', `${SHEET}#x y`, ''])
      expect((await call('join/open', { url }, DEFAULT_PAGE)).ok).toBe(false);
    for (let i = 0; i < EDITOR_OPENS_PER_MINUTE; i++)
      expect((await call('join/open', { url: SHEET }, DEFAULT_PAGE)).ok).toBe(true);
    expect(await call('join/open', { url: SHEET }, DEFAULT_PAGE)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at most a few times a minute/),
    });
  });
});

describe('item 11: unsubscribing gives back what nothing else needs', () => {
  it('asks the site registry to release the subscription’s origins', async () => {
    await db.put('subscriptions', {
      id: 'sub-x',
      url: 'https://sheets.example.org/team.csv',
      name: 'Team',
      createdAt: 'T',
      origins: ['https://cdn.example.net/*'],
    });
    expect((await call('subscriptions/remove', { id: 'sub-x' })).result).toEqual({ removed: true });
    expect(deps.sites.release).toHaveBeenCalledWith(['https://sheets.example.org/*', 'https://cdn.example.net/*']);
  });
});

describe('item 12: Open goes to the document’s own address', () => {
  it.each<[string, string | undefined, string]>([
    [
      'a stored address of this document',
      `https://docs.google.com/document/d/${MHLB}/edit#heading=h.1`,
      `https://docs.google.com/document/d/${MHLB}/edit#heading=h.1`,
    ],
    [
      'a Google redirector',
      `https://docs.google.com/url?q=https://evil.example/`,
      `https://docs.google.com/document/d/${MHLB}/edit`,
    ],
    [
      'a redirector wrapping this very document',
      `https://docs.google.com/url?q=https://docs.google.com/document/d/${MHLB}/edit`,
      `https://docs.google.com/document/d/${MHLB}/edit`,
    ],
    [
      'another file’s download',
      `https://drive.google.com/uc?id=${OTHER}&export=download`,
      `https://docs.google.com/document/d/${MHLB}/edit`,
    ],
    ['another document', `https://docs.google.com/document/d/${OTHER}/edit`, `https://docs.google.com/document/d/${MHLB}/edit`],
    ['not Google', 'https://evil.example/', `https://docs.google.com/document/d/${MHLB}/edit`],
    ['none', undefined, `https://docs.google.com/document/d/${MHLB}/edit`],
  ])('%s', (_name, url, expected) => {
    expect(openAddress({ id: MHLB, kind: 'document', url })).toBe(expected);
  });
});

describe('item 13: two popups editing one document each keep their change', () => {
  it('the second Save writes only its own fields, onto the first one’s', async () => {
    const opened = (await call('doc/get', { id: MHLB })).result.doc as DocRecord;
    // Popup A changes the deadline and saves; popup B, opened before, changes the title.
    const a = { ...opened, deadline: '2020-10-01', updatedAt: '2026-11-22T11:00:00.000Z' };
    expect((await call('doc/put', { doc: a, base: opened })).ok).toBe(true);
    const b = { ...opened, title: 'New title from B', notes: undefined, updatedAt: '2026-11-22T12:00:00.000Z' };
    expect((await call('doc/put', { doc: b, base: opened })).ok).toBe(true);
    const saved = (await call('doc/get', { id: MHLB })).result.doc as DocRecord;
    expect(saved).toMatchObject({ deadline: '2020-10-01', title: 'New title from B', updatedAt: '2026-11-22T12:00:00.000Z' });
    // B emptied the notes on purpose: that is its change too.
    expect(saved.notes).toBeUndefined();
  });

  it('a document deleted meanwhile is put back whole (the editor says so)', async () => {
    const opened = (await call('doc/get', { id: MHLB })).result.doc as DocRecord;
    await call('doc/delete', { id: MHLB });
    await call('doc/put', { doc: { ...opened, title: 'Back' }, base: opened });
    expect((await call('doc/get', { id: MHLB })).result.doc).toMatchObject({ title: 'Back', deadline: '2020-09-10' });
  });
});

describe('item 5: disabling a site tells its open pages at once', () => {
  it('bumps the index revision, so that their next lookup is refused and their badges go', async () => {
    await call('sites/disable', { origin: 'https://lists.example.org/*' });
    expect(deps.sites.disable).toHaveBeenCalledWith('https://lists.example.org/*');
    expect(deps.indexChanged).toHaveBeenCalledTimes(1);
  });
});
