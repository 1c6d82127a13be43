// Changes to many documents at once (issue 28, items 1, 4, 5 and 6): operations with the page's id,
// written in chunks, answered with counts; Undo that never overwrites newer work; Recently deleted.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDocketDb, TRASH_LIMIT, type DocketDB } from '@/utils/background/db/schema';
import { OP_CHUNK, beginOperation, runChunk } from '@/utils/background/db/operations';
import type { DocRecord } from '@/utils/shared/model';
import { laterThan } from '@/utils/shared/bulk-change';
import { eventSequence } from '@/utils/popup/ics';
import { PAGE, caller, fakeDeps, type Call } from '../support/service-fixture';

let db: DocketDB;
let n = 0;
let call: Call;
let clock = 0;
/** A clock a second on at every write. */
const now = () => new Date(Date.UTC(2026, 10, 22, 10, 0, 0) + 1000 * clock++).toISOString();
const ok = async (type: string, data: unknown, c: Call = call) => {
  const reply = await c(type, data);
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
};
const id = (i: number) => `doc${String(i).padStart(6, '0')}xxxxxxxxxxxxxxxxxxx`;
function doc(i: number, more: Partial<DocRecord> = {}): DocRecord {
  return {
    id: id(i),
    kind: 'document',
    title: `Document ${i}`,
    aliases: [],
    deadline: '2026-12-01',
    status: 'draft',
    notes: 'x'.repeat(200),
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...more,
  };
}
const get = (i: number) => db.get('documents', id(i));
const service = () => caller(fakeDeps(db, { now }), PAGE);

async function seed(count: number, more: Partial<DocRecord> = {}) {
  const docs = Array.from({ length: count }, (_, i) => doc(i, more));
  await ok('ws/put', { workstream: { id: 'ws-a', name: 'A' } });
  await ok('docs/track', { documents: docs, workstreams: [] });
  return docs.map((d) => d.id);
}

beforeEach(async () => {
  db = await openDocketDb(`operations-test-${++n}`);
  clock = 0;
  call = service();
});
afterEach(() => db.close());

describe('docs/edit-many', () => {
  it('answers with counts only, never the documents, however many changed', async () => {
    const ids = await seed(OP_CHUNK * 2 + 500);
    const reply = await ok('docs/edit-many', { opId: 'op-edit-0001', ids, change: { status: 'final' } });
    expect(reply).toMatchObject({ opId: 'op-edit-0001', total: ids.length, changed: ids.length, state: 'done' });
    expect(JSON.stringify(reply).length).toBeLessThan(500);
    expect((await get(0))!.status).toBe('final');
    expect((await get(ids.length - 1))!.status).toBe('final');
  });

  it('a request sent again with the same operation id is not applied twice', async () => {
    const ids = await seed(OP_CHUNK + 10);
    const first = await ok('docs/edit-many', { opId: 'op-shift-0001', ids, change: { shiftDays: 7 } });
    // The reply was lost (a message too large, a worker that stopped): the page sends it again.
    const again = await ok('docs/edit-many', { opId: 'op-shift-0001', ids, change: { shiftDays: 7 } });
    expect(again).toEqual(first);
    // And to a new worker (nothing in memory).
    expect(await ok('docs/edit-many', { opId: 'op-shift-0001', ids, change: { shiftDays: 7 } }, service())).toEqual(first);
    expect((await get(0))!.deadline).toBe('2026-12-08');
    expect((await get(OP_CHUNK + 9))!.deadline).toBe('2026-12-08');
  });

  it('an operation cut short (the worker stopped) goes on where it stopped when sent again', async () => {
    const ids = await seed(OP_CHUNK * 2 + 3);
    await beginOperation(db, { id: 'op-cut-00001', kind: 'edit', ids, change: { shiftDays: 1 } }, now());
    await runChunk(db, 'op-cut-00001', now());
    expect((await ok('ops/status', { opId: 'op-cut-00001' })).operation).toMatchObject({
      state: 'running',
      done: OP_CHUNK,
      changed: OP_CHUNK,
      total: ids.length,
    });
    const reply = await ok('docs/edit-many', { opId: 'op-cut-00001', ids, change: { shiftDays: 1 } }, service());
    expect(reply).toMatchObject({ state: 'done', changed: ids.length, done: ids.length });
    const deadlines = new Set((await db.getAll('documents')).map((d) => d.deadline));
    expect([...deadlines]).toEqual(['2026-12-02']);
  });

  it('moves updatedAt forward even past a record dated ahead (and the calendar SEQUENCE with it)', async () => {
    const ids = await seed(3, { updatedAt: '2030-01-01T00:00:00.000Z' });
    await ok('docs/edit-many', { opId: 'op-ahead-001', ids, change: { status: 'final' } });
    const after = (await get(0))!;
    expect(after.updatedAt > '2030-01-01T00:00:00.000Z').toBe(true);
    expect(eventSequence(after)).toBeGreaterThan(eventSequence(doc(0, { updatedAt: '2030-01-01T00:00:00.000Z' })));
  });
});

describe('docs/undo', () => {
  it('puts back only the fields that still hold what the change wrote, and says what it left', async () => {
    const ids = await seed(4);
    await ok('docs/edit-many', { opId: 'op-move-0001', ids, change: { shiftDays: 7 } });
    await ok('docs/edit-many', { opId: 'op-stat-0001', ids, change: { status: 'final' } });
    // Newer work: a deadline set in the popup on 1, a status set in another tab on 2, 3 deleted.
    const one = (await get(1))!;
    await ok('doc/put', { doc: { ...one, deadline: '2027-01-15', notes: 'newer note', updatedAt: now() } });
    await ok('docs/edit-many', { opId: 'op-stat-0002', ids: [id(2)], change: { status: 'delivered' } });
    await ok('docs/delete-many', { opId: 'op-del-00001', ids: [id(3)] });
    const changedAt = (await get(0))!.updatedAt;

    const undo = await ok('docs/undo', { opId: 'op-undo-0001', of: 'op-move-0001' });
    expect(undo.changed).toBe(2); // 0 and 2: their deadlines
    expect((await get(0))!.deadline).toBe('2026-12-01');
    expect((await get(0))!.status).toBe('final'); // not this change's
    expect((await get(1))!.deadline).toBe('2027-01-15');
    expect((await get(1))!.notes).toBe('newer note');
    expect(await get(3)).toBeUndefined(); // deleted since: stays deleted
    expect(undo.notDone.count).toBe(2);
    expect(undo.notDone.examples).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: id(1), reason: 'its deadline was changed since' }),
        expect.objectContaining({ id: id(3), reason: 'it was deleted since' }),
      ]),
    );
    // Every write moves updatedAt forward, the undo's too.
    expect((await get(0))!.updatedAt > changedAt).toBe(true);
    expect(eventSequence((await get(0))!)).toBeGreaterThan(eventSequence({ ...doc(0), updatedAt: changedAt }));

    const undoStatus = await ok('docs/undo', { opId: 'op-undo-0002', of: 'op-stat-0001' });
    expect((await get(2))!.status).toBe('delivered');
    expect(undoStatus.notDone.examples).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: id(2), reason: 'its status was changed since' })]),
    );
    // Undone twice: refused; the same undo sent again: the same answer.
    expect((await call('docs/undo', { opId: 'op-undo-0003', of: 'op-move-0001' })).ok).toBe(false);
    expect(await ok('docs/undo', { opId: 'op-undo-0001', of: 'op-move-0001' })).toEqual(undo);
  });
});

describe('docs/delete-many and Recently deleted', () => {
  it('a delete larger than the trash snapshots the index first, and can be undone whole', async () => {
    const ids = await seed(TRASH_LIMIT + 100);
    const reply = await ok('docs/delete-many', { opId: 'op-delall-01', ids });
    expect(reply).toMatchObject({ changed: ids.length, state: 'done' });
    expect(reply.snapshotId).toEqual(expect.any(Number));
    const { snapshots } = await ok('snapshots/list', {});
    expect(snapshots[0]).toMatchObject({ id: reply.snapshotId, reason: 'delete', documents: ids.length });
    expect(await db.count('documents')).toBe(0);
    expect(await db.count('trash')).toBe(TRASH_LIMIT);

    const trash = await ok('trash/list', { offset: 0, limit: 50 });
    expect(trash.total).toBe(TRASH_LIMIT);
    expect(trash.entries).toHaveLength(50);
    expect(trash.entries[0]).toEqual({ id: expect.any(String), title: expect.any(String), deletedAt: expect.any(String) });
    expect(trash.bulk).toEqual([{ opId: 'op-delall-01', at: expect.any(String), count: ids.length }]);

    const undo = await ok('docs/undo', { opId: 'op-undodel01', of: 'op-delall-01' });
    expect(undo).toMatchObject({ changed: ids.length, state: 'done' });
    expect(await db.count('documents')).toBe(ids.length);
    expect(await db.count('trash')).toBe(0);
    expect((await ok('trash/list', { offset: 0, limit: 50 })).bulk).toEqual([]);
  });

  it('restores from the trash by id, and says which were not there', async () => {
    await seed(5);
    await ok('docs/delete-many', { opId: 'op-del-00002', ids: [id(0), id(1), id(2)] });
    const restored = await ok('trash/restore', { opId: 'op-rest-0001', ids: [id(0), id(4)] });
    expect(restored.changed).toBe(1);
    expect(restored.notDone.examples).toEqual([expect.objectContaining({ id: id(4), reason: 'it is in the index already' })]);
    expect((await get(0))!.updatedAt > '2026-11-01T00:00:00.000Z').toBe(true);
    expect((await ok('trash/list', { offset: 0, limit: 10 })).entries.map((e: { id: string }) => e.id).sort()).toEqual([
      id(1),
      id(2),
    ]);
  });
});

describe('laterThan', () => {
  it.each([
    ['2026-01-01T00:00:05.000Z', '2026-01-01T00:00:01.000Z', '2026-01-01T00:00:05.000Z'],
    ['2026-01-01T00:00:01.500Z', '2026-01-01T00:00:01.200Z', '2026-01-01T00:00:02.000Z'],
    ['2026-01-01T00:00:01.000Z', '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:01.000Z'],
    ['2026-01-01T00:00:01.000Z', undefined, '2026-01-01T00:00:01.000Z'],
  ])('a write at %s over %s is stamped %s', (at, previous, expected) => {
    expect(laterThan(at, previous)).toBe(expected);
  });
});
