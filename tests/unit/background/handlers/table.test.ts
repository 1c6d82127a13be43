// The background's answers to the full page (utils/background/handlers/table.ts) over fake-indexeddb,
// through the service's dispatch (sender checks, shapes, read-only refusals).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDocketDb, type DocketDB } from '@/utils/background/db/schema';
import type { Sender, ServiceDeps } from '@/utils/background/service';
import { localToday } from '@/utils/shared/calendar';
import { allDeadlines } from '@/utils/popup/all-deadlines';
import { MAX_PAGE_DOCUMENTS } from '@/utils/shared/protocol';
import { ID, PAGE, caller, exported, fakeDeps, type Call } from '../../support/service-fixture';

const SAMPLE = readFileSync(new URL('../../../fixtures/sample-index.json', import.meta.url), 'utf8');
const CONTENT: Sender = { id: ID, url: 'https://www.intgovforum.org/wg-strategy/minutes-4.html', tab: { id: 7 } };
const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const PROPOSALS = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const SHEET = '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms';
const OUTCOMES = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';
const CONSOLIDATED = '1eVwoVFoch6id-SzT9EXd7etofFsjAeU1';
const DELIVERED = '1Bmfp_U-PnPnB8ZK6jNfhA8okvkR-s6Nd';
const TODAY = '2020-09-05';

let db: DocketDB;
let n = 0;
let deps: ServiceDeps;
let readOnly: string | undefined;
let call: Call;
const ok = async (type: string, data: unknown) => {
  const reply = await call(type, data);
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
};
const table = (extra: object = {}) =>
  ok('docs/table', { status: 'all', sort: 'deadline', dir: 'asc', group: 'none', offset: 0, limit: 100, today: TODAY, ...extra });

beforeEach(async () => {
  db = await openDocketDb(`table-service-test-${++n}`);
  readOnly = undefined;
  let t = 0;
  deps = fakeDeps(db, {
    now: () => `2026-11-22T10:00:${String(t++ % 60).padStart(2, '0')}.000Z`,
    readOnlyReason: () => readOnly,
    today: () => TODAY,
  });
  call = caller(deps, PAGE);
  await ok('import/apply', { text: SAMPLE, filename: 'sample.json' });
  vi.mocked(deps.indexChanged).mockClear();
});
afterEach(() => db.close());

describe('docs/table', () => {
  it('one window of rows in the table’s order, the total, and every id when asked', async () => {
    const page = await table({ offset: 1, limit: 2, ids: true });
    expect(page.total).toBe(6);
    expect(page.offset).toBe(1);
    expect(page.rows.map((r: any) => r.doc.id)).toEqual([PROPOSALS, SHEET]);
    expect(page.ids).toEqual([CONSOLIDATED, PROPOSALS, SHEET, OUTCOMES, MHLB, DELIVERED]);
    expect(page.rows[0].workstreamId).toBe('ws-improve');
    expect((await table()).ids).toBeUndefined();
  });

  it('filters with the search syntax and the status, groups by workstream', async () => {
    const page = await table({ text: 'proposals', status: 'active', group: 'workstream' });
    expect(page.rows.map((r: any) => r.doc.id).sort()).toEqual([PROPOSALS, SHEET].sort());
    expect(page.groups).toEqual([{ key: 'ws:ws-improve', count: 2 }]);
    // A status: in the box decides over the list.
    expect((await table({ text: 'status:delivered', status: 'active' })).rows.map((r: any) => r.doc.id)).toEqual([DELIVERED]);
    expect((await table({ status: 'active' })).total).toBe(5);
  });

  it('answers again after a change (the order kept for the old index is not reused)', async () => {
    expect((await table({ sort: 'title' })).rows[0].doc.id).toBe(CONSOLIDATED);
    await ok('docs/edit-many', { opId: 'op-test-0009', ids: [MHLB], change: { deadline: '2020-09-01' } });
    expect((await table()).rows[0].doc.id).toBe(MHLB);
  });

  it.each([[{ sort: 'size' }], [{ group: 'month' }], [{ limit: 501 }], [{ extra: true }]])(
    'refuses a malformed question %j',
    async (extra) => {
      const reply = await call('docs/table', {
        status: 'all',
        sort: 'deadline',
        dir: 'asc',
        group: 'none',
        offset: 0,
        limit: 10,
        ...extra,
      });
      expect(reply.ok).toBe(false);
    },
  );
});

describe('changes to many documents', () => {
  it('docs/edit-many: one change, counts back (not the documents), one refresh; Undo puts them back', async () => {
    const r = await ok('docs/edit-many', {
      opId: 'op-test-0001',
      ids: [MHLB, OUTCOMES, 'unknown-id-123'],
      change: { shiftDays: -3 },
    });
    expect(r).toEqual({ opId: 'op-test-0001', kind: 'edit', total: 3, done: 3, changed: 2, state: 'done' });
    expect((await db.get('documents', MHLB))!.deadline).toBe('2020-09-07');
    expect((await db.get('documents', OUTCOMES))!.deadline).toBe('2020-09-04');
    expect(deps.indexChanged).toHaveBeenCalledTimes(1);
    await ok('docs/undo', { opId: 'op-test-0002', of: 'op-test-0001' });
    expect((await db.get('documents', MHLB))!.deadline).toBe('2020-09-10');
  });

  it('a change that changes nothing writes nothing', async () => {
    const r = await ok('docs/edit-many', { opId: 'op-test-0001', ids: [CONSOLIDATED], change: { status: 'final' } });
    expect(r.changed).toBe(0);
    expect(deps.indexChanged).not.toHaveBeenCalled();
  });

  it('sets and clears the workstream; refuses one that does not exist', async () => {
    await ok('docs/edit-many', { opId: 'op-test-0001', ids: [MHLB, SHEET], change: { workstreamId: 'ws-outcomes' } });
    expect((await db.get('documents', SHEET))!.workstreamId).toBe('ws-outcomes');
    await ok('docs/edit-many', { opId: 'op-test-0002', ids: [SHEET], change: { workstreamId: null } });
    expect((await db.get('documents', SHEET))!.workstreamId).toBeUndefined();
    const reply = await call('docs/edit-many', { opId: 'op-test-0003', ids: [MHLB], change: { workstreamId: 'nope' } });
    expect(reply).toEqual({
      ok: false,
      error: 'There is no workstream “nope”.',
      // The page says it in its own language.
      said: { key: 'error_no_workstream', vars: { id: 'nope' } },
    });
  });

  it('docs/delete-many: to the trash; Undo brings them back out of it', async () => {
    const r = await ok('docs/delete-many', { opId: 'op-test-0001', ids: [MHLB, SHEET] });
    expect(r.changed).toBe(2);
    expect(await db.count('documents')).toBe(4);
    expect(await db.count('trash')).toBe(2);
    expect((await table()).total).toBe(4);
    await ok('docs/undo', { opId: 'op-test-0002', of: 'op-test-0001' });
    expect(await db.count('documents')).toBe(6);
    expect(await db.count('trash')).toBe(0);
    expect((await table()).total).toBe(6);
  });

  it('a content script may send none of them; a read-only index refuses the writes', async () => {
    for (const [type, data] of [
      ['docs/table', { status: 'all', sort: 'deadline', dir: 'asc', group: 'none', offset: 0, limit: 10 }],
      ['docs/edit-many', { opId: 'op-test-0001', ids: [MHLB], change: { status: 'final' } }],
      ['docs/delete-many', { opId: 'op-test-0001', ids: [MHLB] }],
      ['docs/undo', { opId: 'op-test-0001', of: 'op-test-0002' }],
      ['trash/list', { offset: 0, limit: 10 }],
      ['docs/export', { ids: [MHLB], format: 'json' }],
    ] as const) {
      expect(await call(type, data, CONTENT)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/Only Docket’s own pages/),
      });
    }
    readOnly = 'The index could not be upgraded.';
    expect(await call('docs/delete-many', { opId: 'op-test-0001', ids: [MHLB] })).toEqual({ ok: false, error: readOnly });
    expect(await call('docs/undo', { opId: 'op-test-0001', of: 'op-test-0002' })).toEqual({ ok: false, error: readOnly });
    expect(await call('trash/restore', { opId: 'op-test-0001', ids: [MHLB] })).toEqual({ ok: false, error: readOnly });
    expect(
      (await call('docs/table', { status: 'all', sort: 'deadline', dir: 'asc', group: 'none', offset: 0, limit: 1 })).ok,
    ).toBe(true);
    expect(await db.count('documents')).toBe(6);
  });
});

describe('reading for the timeline and exports', () => {
  it('docs/deadlines: every deadline not done, or the chosen ids that have one', async () => {
    const all = await ok('docs/deadlines', {});
    expect(all.documents.map((d: any) => d.id)).toEqual([CONSOLIDATED, PROPOSALS, SHEET, OUTCOMES, MHLB]);
    expect(all.workstreams).toHaveLength(4);
    const some = await ok('docs/deadlines', { ids: [DELIVERED, MHLB] });
    expect(some.documents.map((d: any) => d.id)).toEqual([MHLB, DELIVERED]);
  });

  it('docs/deadlines and index/get answer in pages (no answer grows with the index), and every page adds up', async () => {
    const page = await ok('docs/deadlines', { offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.documents.map((d: any) => d.id)).toEqual([PROPOSALS, SHEET]);
    const send = (_type: string, data: unknown) => ok('docs/deadlines', { ...(data as object), limit: 2 });
    const every = await allDeadlines(send as never, {});
    expect(every.documents.map((d) => d.id)).toEqual([CONSOLIDATED, PROPOSALS, SHEET, OUTCOMES, MHLB]);
    expect((await call('docs/deadlines', { limit: MAX_PAGE_DOCUMENTS + 1 })).ok).toBe(false);

    const first = await ok('index/get', { limit: 4 });
    const rest = await ok('index/get', { offset: 4, limit: 4 });
    expect(first.total).toBe(6);
    expect(first.documents).toHaveLength(4);
    expect([...first.documents, ...rest.documents].map((d: any) => d.id).sort()).toEqual(
      [CONSOLIDATED, PROPOSALS, SHEET, OUTCOMES, MHLB, DELIVERED].sort(),
    );
    expect((await ok('index/get', {})).documents).toHaveLength(6);
  });

  it('docs/timeline: per workstream, overdue on the asker’s day', async () => {
    const t = await ok('docs/timeline', { today: TODAY, weeks: 2 });
    expect(t.weeks).toEqual(['2020-08-31', '2020-09-07']);
    expect(t.rows.map((r: any) => [r.workstreamId, r.overdue, r.weeks, r.later])).toEqual([
      ['ws-hlb', 0, [0, 1], 0],
      ['ws-improve', 0, [2, 0], 0],
      ['ws-outcomes', 0, [0, 1], 0],
      ['ws-response', 1, [0, 0], 0],
    ]);
  });

  it('docs/export: the chosen documents and their workstreams, as the interchange file', async () => {
    const json = await exported(call, 'docs/export', { ids: [MHLB, SHEET], format: 'json' });
    // Dated with the member's own date of the export (2026-11-23 in Kiritimati), as the index export is.
    const day = localToday(new Date('2026-11-22T10:00:00.000Z'));
    expect(json.filename).toBe(`docket-2-documents-${day}.json`);
    const file = JSON.parse(json.text);
    expect(file.documents.map((d: any) => d.id).sort()).toEqual([MHLB, SHEET].sort());
    expect(file.workstreams.map((w: any) => w.id).sort()).toEqual(['ws-hlb', 'ws-improve']);
    const csv = await exported(call, 'docs/export', { ids: [MHLB], format: 'csv' });
    expect(csv.filename).toBe(`docket-1-document-${day}.csv`);
    expect(csv.text.trim().split('\n')).toHaveLength(2);
  });
});

describe('the first window with nothing in memory (a large index, the worker just started)', () => {
  it('comes from the database’s indexes, says it is partial, and the next answer is whole', async () => {
    const documents = Array.from({ length: 3_100 }, (_, i) => ({
      id: `bulk${String(i).padStart(8, '0')}`,
      kind: 'document',
      aliases: [],
      title: `Document ${i}`,
      workstreamId: ['ws-hlb', 'ws-improve', 'ws-outcomes'][i % 3],
      deadline: `2020-10-${String((i % 28) + 1).padStart(2, '0')}`,
      updatedAt: '2020-09-01T00:00:00.000Z',
    }));
    await ok('docs/track', { documents, workstreams: [] });
    // A new worker: the same database, an empty cache.
    call = caller(deps, PAGE);
    const q = { status: 'active', sort: 'deadline', dir: 'asc', group: 'workstream', offset: 0, limit: 5, today: TODAY };
    const cold = await ok('docs/table', q);
    expect(cold.partial).toBe(true);
    // Group A (first by name) in deadline order: the MHLB (10 September), then October's.
    expect(cold.rows.map((r: any) => r.doc.id)).toEqual([MHLB, 'bulk00000000', 'bulk00000084', 'bulk00000168', 'bulk00000252']);
    expect(cold.groups[0]).toEqual({ key: 'ws:ws-hlb', count: 1_035 });
    const whole = await ok('docs/table', q);
    expect(whole.partial).toBeUndefined();
    expect(whole.rows).toEqual(cold.rows);
    expect(whole.total).toBe(3_105);
    expect(whole.groups.map((g: any) => g.key)).toEqual(['ws:ws-hlb', 'ws:ws-improve', 'ws:ws-outcomes', 'ws:ws-response']);
  });
});
