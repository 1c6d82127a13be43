import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, MIGRATIONS, openDocketDb, type DocketDB, openDocketDbSafely } from '@/utils/background/db/schema';
import {
  deleteDocument,
  deleteWorkstream,
  getBases,
  getIndex,
  getMeta,
  listSnapshots,
  listTrash,
  lookup,
  PROGRESS_EVERY,
  putDocument,
  putWorkstream,
  restoreSnapshot,
  writeAll,
  writeMerge,
} from '@/utils/background/db/store';
import { IndexCache } from '@/utils/background/index-cache';
import type { DocRecord, Workstream } from '@/utils/shared/model';

let n = 0;
const names: string[] = [];
const freshName = () => {
  const name = `docket-test-${++n}`;
  names.push(name);
  return name;
};
afterEach(() => {
  for (const name of names.splice(0)) indexedDB.deleteDatabase(name);
});

const HLB: Workstream = {
  id: 'ws-hlb',
  name: 'A. Possible implementation models for the Roadmap’s High-level body',
  color: '#1f6feb',
};
const IMPROVE: Workstream = { id: 'ws-improve', name: 'B. Improvements to the IGF', color: '#8250df' };
const doc = (id: string, extra: Partial<DocRecord> = {}): DocRecord => ({
  id,
  kind: 'document',
  aliases: [],
  updatedAt: '2020-08-27T14:00:00.000Z',
  ...extra,
});
const MHLB = doc('1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI', {
  title: 'Possible implementation models for the MHLB',
  workstreamId: 'ws-hlb',
  deadline: '2020-09-10',
  status: 'open-for-comments',
  aliases: ['2PACX-1vQpublishedcopyofthemhlbdoc'],
});
const SHEET = doc('1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms', { kind: 'file', workstreamId: 'ws-improve', deadline: '2020-09-06' });

describe('schema and upgrades', () => {
  it('has one migration per version', () => {
    expect(MIGRATIONS).toHaveLength(DB_VERSION);
  });

  it('creates the current schema from nothing', async () => {
    const db = await openDocketDb(freshName());
    expect([...db.objectStoreNames].sort()).toEqual([
      'bases',
      'documents',
      'meta',
      'operationData',
      'operations',
      'snapshotData',
      'snapshots',
      'subscriptions',
      'trash',
      'workstreams',
    ]);
    expect(await listSnapshots(db)).toEqual([]); // nothing to keep from an empty start
    const tx = db.transaction('documents');
    expect([...tx.store.indexNames].sort()).toEqual(['byAlias', 'byDeadline', 'byWorkstream']);
    expect(tx.store.index('byAlias').multiEntry).toBe(true);
    db.close();
  });

  it('upgrades a version 1 database (fixture) to the current one, keeping every record', async () => {
    const name = freshName();
    // A version 1 database exactly as version 1 made it.
    const v1 = await openDB(name, 1, {
      upgrade(db, oldVersion, _n, tx) {
        for (let v = oldVersion; v < 1; v++) MIGRATIONS[v]!(db as never, tx as never);
      },
    });
    await v1.put('workstreams', HLB);
    await v1.put('documents', MHLB);
    await v1.put('documents', { ...SHEET, extra: { fromAnOlderTool: true } });
    v1.close();

    const db = await openDocketDb(name);
    expect(db.version).toBe(DB_VERSION);
    const index = await getIndex(db);
    expect(index.workstreams).toEqual([HLB]);
    expect(index.documents).toHaveLength(2);
    expect(index.documents.find((d) => d.id === SHEET.id)?.extra).toEqual({ fromAnOlderTool: true });
    // The new store works on upgraded data.
    await deleteDocument(db, MHLB.id, '2026-11-22T10:00:00.000Z');
    expect((await listTrash(db)).map((t) => t.doc.id)).toEqual([MHLB.id]);
    db.close();
  });
});

describe('upgrades keep data and a snapshot; a failed upgrade loses nothing', () => {
  /** A database exactly as version `version` made it, with the sample records. */
  async function fixture(name: string, version: number) {
    const old = await openDB(name, version, {
      upgrade(db, oldVersion, _n, tx) {
        for (let v = oldVersion; v < version; v++) MIGRATIONS[v]!(db as never, tx as never);
      },
    });
    await old.put('workstreams', HLB);
    await old.put('documents', MHLB);
    await old.put('documents', SHEET);
    if (version >= 2) await old.put('trash', { doc: doc('1deletedbeforetheupgrade0'), deletedAt: '2020-09-01T00:00:00.000Z' });
    old.close();
  }

  it('upgrades a version 3 database (fixture) to 4: records kept, the operations stores there and working', async () => {
    const name = freshName();
    await fixture(name, 3);
    const db = await openDocketDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect((await getIndex(db)).documents).toHaveLength(2);
    expect((await listSnapshots(db))[0]).toMatchObject({ reason: 'upgrade', label: 'before the upgrade from version 3 to 4' });
    await db.put('operations', {
      id: 'op-upgraded-1',
      kind: 'delete',
      createdAt: '2026-11-22T10:00:00.000Z',
      ids: [],
      total: 0,
      done: 0,
      nextChunk: 0,
      changed: 0,
      state: 'done',
      notDone: { count: 0, examples: [] },
    });
    expect(await db.getAllKeysFromIndex('operations', 'byCreatedAt')).toEqual(['op-upgraded-1']);
    db.close();
  });

  it('upgrades a version 2 database (fixture): records and trash kept, the old index snapshotted', async () => {
    const name = freshName();
    await fixture(name, 2);
    const db = await openDocketDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect((await getIndex(db)).documents).toHaveLength(2);
    expect((await listTrash(db)).map((t) => t.doc.id)).toEqual(['1deletedbeforetheupgrade0']);
    const [snap] = await listSnapshots(db);
    expect(snap).toMatchObject({
      reason: 'upgrade',
      documents: 2,
      workstreams: 1,
      label: `before the upgrade from version 2 to ${DB_VERSION}`,
    });
    db.close();
  });

  it('a migration that fails leaves the old version readable, and says why nothing can be written', async () => {
    const name = freshName();
    await fixture(name, 3);
    const broken = [
      ...MIGRATIONS,
      () => {
        throw new Error('simulated failure in migration 3 → 4');
      },
    ];
    await expect(openDocketDb(name, broken)).rejects.toThrow(/simulated failure/);
    const { db, readOnlyReason, readOnlySaid } = await openDocketDbSafely(name, broken);
    expect(db.version).toBe(3);
    expect(readOnlyReason).toMatch(/could not upgrade.*simulated failure.*safe/s);
    // And as a key, said in the page's language (issue 21).
    expect(readOnlySaid).toEqual({ key: 'error_read_only', vars: { why: 'simulated failure in migration 3 → 4' } });
    expect((await getIndex(db)).documents.map((d) => d.id).sort()).toEqual([SHEET.id, MHLB.id].sort());
    db.close();
  });
});

describe('imports and syncs: snapshot, records and shared versions in one transaction', () => {
  const write = (documents: DocRecord[], opId: string, label = 'before importing team.json') => ({
    documents,
    workstreams: [IMPROVE],
    bases: new Map(documents.map((d) => [d.id, { title: d.title }] as const)),
    source: 'team.json',
    snapshot: { reason: 'import' as const, label },
    opId,
    now: '2026-11-22T10:00:00.000Z',
  });

  it('snapshots the index before writing, records the shared versions and the operation', async () => {
    const db = await openDocketDb(freshName());
    await writeAll(db, [MHLB], [HLB]);
    await writeMerge(db, write([SHEET, { ...MHLB, title: 'New title' }], 'op-1'));
    expect((await getIndex(db)).documents.map((d) => d.title)).toContain('New title');
    expect(await getMeta(db, 'lastOp')).toBe('op-1');
    expect((await getBases(db, [MHLB.id, 'nope'])).get(MHLB.id)).toEqual({ title: 'New title' });
    const [snap] = await listSnapshots(db);
    expect(snap).toMatchObject({ reason: 'import', label: 'before importing team.json', documents: 1, workstreams: 1 });

    // Restore puts the old index back, after keeping the current one.
    await restoreSnapshot(db, snap!.id, '2026-11-22T11:00:00.000Z');
    expect(await getIndex(db)).toEqual({ documents: [MHLB], workstreams: [HLB] });
    expect((await listSnapshots(db))[0]).toMatchObject({ reason: 'restore', documents: 2 });
    db.close();
  });

  it('a failing write leaves no snapshot, no record and no operation behind', async () => {
    const db = await openDocketDb(freshName());
    await writeAll(db, [MHLB], [HLB]);
    const bad = { ...SHEET, id: undefined } as unknown as DocRecord;
    await expect(writeMerge(db, write([SHEET, bad], 'op-bad'))).rejects.toBeTruthy();
    expect(await getIndex(db)).toEqual({ documents: [MHLB], workstreams: [HLB] });
    expect(await listSnapshots(db)).toEqual([]);
    expect(await getMeta(db, 'lastOp')).toBeUndefined();
    db.close();
  });

  it('writes many documents in any order, reporting progress every PROGRESS_EVERY and at the end', async () => {
    const db = await openDocketDb(freshName());
    const n = PROGRESS_EVERY * 2 + 7;
    // Not in key order: the write sorts them.
    const docs = Array.from({ length: n }, (_, i) =>
      doc(`1doc${String((i * 7919) % n).padStart(6, '0')}`, { deadline: '2026-12-01' }),
    );
    const progress: Array<[number, number]> = [];
    await writeMerge(db, write(docs, 'op-many'), (written, total) => progress.push([written, total]));
    expect(progress).toEqual([
      [PROGRESS_EVERY, n],
      [PROGRESS_EVERY * 2, n],
      [n, n],
    ]);
    expect(await db.count('documents')).toBe(n);
    expect(await db.countFromIndex('documents', 'byDeadline', '2026-12-01')).toBe(n);
    expect((await getBases(db, [docs[3]!.id])).size).toBe(1);
    expect(await getMeta(db, 'lastOp')).toBe('op-many');
    db.close();
  });

  it.each([
    ['first', 0],
    ['in the middle', 500],
    ['last', 999],
  ])('a bad record %s of a large write leaves the index as it was', async (_where, at) => {
    const db = await openDocketDb(freshName());
    await writeAll(db, [MHLB], [HLB]);
    const docs: DocRecord[] = Array.from({ length: 1000 }, (_, i) => doc(`1bulk${String(i).padStart(5, '0')}`));
    docs[at] = { ...docs[at]!, id: undefined } as unknown as DocRecord;
    await expect(writeMerge(db, write(docs, 'op-bad'))).rejects.toBeTruthy();
    expect(await getIndex(db)).toEqual({ documents: [MHLB], workstreams: [HLB] });
    expect(await listSnapshots(db)).toEqual([]);
    expect(await getMeta(db, 'lastOp')).toBeUndefined();
    db.close();
  });

  it('keeps the snapshots of the last 14 days, and the newest import’s whatever its age', async () => {
    const db = await openDocketDb(freshName());
    const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n, 10)).toISOString();
    await writeMerge(db, { ...write([doc('1documentnumber-import')], 'op-import', 'the import'), now: day(0) });
    for (let i = 1; i <= 20; i++) {
      await writeMerge(db, {
        ...write([doc(`1documentnumber${String(i).padStart(4, '0')}`)], `op-${i}`, `sync ${i}`),
        snapshot: { reason: 'sync', label: `sync ${i}` },
        now: day(i),
      });
    }
    const kept = await listSnapshots(db);
    // Day 20 is the newest: days 6 to 20 are within 14 days of it; the import is kept whatever its age.
    expect(kept.map((s) => s.label)).toEqual([...Array.from({ length: 15 }, (_, i) => `sync ${20 - i}`), 'the import']);
    expect(await db.count('snapshotData')).toBe(kept.length);
    expect(kept.slice(0, -1).every((s) => typeof s.bytes === 'number' && s.bytes > 0)).toBe(true);
    db.close();
  });

  it('writes no snapshot when only the shared versions change', async () => {
    const db = await openDocketDb(freshName());
    await writeMerge(db, { ...write([], 'op-bases'), bases: new Map([[MHLB.id, { title: 'x' }]]), snapshot: undefined });
    expect(await listSnapshots(db)).toEqual([]);
    expect(await getMeta(db, 'lastOp')).toBe('op-bases');
    db.close();
  });
});

describe('lookup', () => {
  it('answers a batch by id and by alias, with the workstream, and leaves out untracked ids', async () => {
    const db = await openDocketDb(freshName());
    await writeAll(db, [MHLB, SHEET], [HLB, IMPROVE]);
    const result = await lookup(db, [MHLB.id, '2PACX-1vQpublishedcopyofthemhlbdoc', 'untracked0000000000', SHEET.id, MHLB.id]);
    expect(Object.keys(result).sort()).toEqual([
      '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms',
      '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI',
      '2PACX-1vQpublishedcopyofthemhlbdoc',
    ]);
    expect(result['2PACX-1vQpublishedcopyofthemhlbdoc']?.doc.id).toBe(MHLB.id);
    expect(result[MHLB.id]?.workstream).toEqual(HLB);
    expect(result[SHEET.id]?.workstream?.name).toBe('B. Improvements to the IGF');
    db.close();
  });

  it.each([
    ['one request or two per id', 1_000],
    ['the keys read first', 1],
  ])('a large batch answers the same with %s', async (_how, keysFirstFrom) => {
    const db = await openDocketDb(freshName());
    await writeAll(db, [MHLB, SHEET], [HLB, IMPROVE]);
    const ids = [MHLB.id, '2PACX-1vQpublishedcopyofthemhlbdoc', 'untracked0000000000', SHEET.id, 'constructor', '__proto__'];
    const result = await lookup(db, ids, { keysFirstFrom });
    expect(Object.keys(result).sort()).toEqual([SHEET.id, MHLB.id, '2PACX-1vQpublishedcopyofthemhlbdoc']);
    expect(result['2PACX-1vQpublishedcopyofthemhlbdoc']).toEqual(result[MHLB.id]);
    expect(result[MHLB.id]?.workstream).toEqual(HLB);
    db.close();
  });

  // A shared alias (two documents published under one id), an id that is also another's alias,
  // ids named like Object.prototype's properties, a workstream that is gone.
  const SHARED = '2PACX-1vSsharedpublishedcopy00';
  const B = doc('1bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', { aliases: [SHARED, MHLB.id], workstreamId: 'ws-gone' });
  const A = doc('1aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', { aliases: [SHARED] });
  const IDS = [
    MHLB.id,
    '2PACX-1vQpublishedcopyofthemhlbdoc',
    SHARED,
    B.id,
    A.id,
    SHEET.id,
    'untracked0000000000',
    'constructor',
    '__proto__',
    MHLB.id,
  ];

  it.each([
    ['one request or two per id', (db: DocketDB) => lookup(db, IDS, { keysFirstFrom: 1_000 })],
    ['the keys read first', (db: DocketDB) => lookup(db, IDS, { keysFirstFrom: 1 })],
    [
      'the index in memory',
      async (db: DocketDB) => {
        const cache = new IndexCache(async () => db);
        expect(cache.lookup(IDS)).toBeNull(); // not loaded: never loads it
        expect(cache.loaded).toBe(false);
        await cache.get();
        return cache.lookup(IDS)!;
      },
    ],
  ])('answers the same with %s', async (_how, ask) => {
    const db = await openDocketDb(freshName());
    await writeAll(db, [B, SHEET, MHLB, A], [HLB, IMPROVE]);
    const result = await ask(db);
    expect(Object.fromEntries(Object.entries(result).map(([id, r]) => [id, [r.doc.id, r.workstream?.id ?? null]]))).toEqual({
      [MHLB.id]: [MHLB.id, 'ws-hlb'],
      '2PACX-1vQpublishedcopyofthemhlbdoc': [MHLB.id, 'ws-hlb'],
      [SHARED]: [A.id, null],
      [B.id]: [B.id, null],
      [A.id]: [A.id, null],
      [SHEET.id]: [SHEET.id, 'ws-improve'],
    });
    db.close();
  });

  it('a document whose workstream is gone still answers, without one', async () => {
    const db = await openDocketDb(freshName());
    await putDocument(db, doc('1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y', { workstreamId: 'ws-gone' }));
    const result = await lookup(db, ['1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y']);
    expect(result['1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y']).toEqual({
      doc: expect.objectContaining({ workstreamId: 'ws-gone' }),
    });
    db.close();
  });
});

describe('writes', () => {
  it('delete keeps the document in the trash and tracking it again takes it out', async () => {
    const db = await openDocketDb(freshName());
    await putDocument(db, MHLB);
    expect(await deleteDocument(db, MHLB.id, '2026-11-22T10:00:00.000Z')).toEqual(MHLB);
    expect(await deleteDocument(db, MHLB.id, '2026-11-22T10:00:01.000Z')).toBeNull();
    expect((await getIndex(db)).documents).toEqual([]);
    expect(await listTrash(db)).toEqual([{ doc: MHLB, deletedAt: '2026-11-22T10:00:00.000Z' }]);
    await putDocument(db, MHLB);
    expect(await listTrash(db)).toEqual([]);
    db.close();
  });

  it('deleting a workstream moves its documents, or leaves them without one', async () => {
    const db = await openDocketDb(freshName());
    await writeAll(
      db,
      [MHLB, SHEET, doc('1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4', { workstreamId: 'ws-hlb' })],
      [HLB, IMPROVE],
    );
    expect(await deleteWorkstream(db, 'ws-hlb', 'ws-improve', 'T1')).toEqual({ moved: 2, workstream: HLB });
    let docs = (await getIndex(db)).documents;
    expect(docs.map((d) => d.workstreamId)).toEqual(['ws-improve', 'ws-improve', 'ws-improve']);
    expect(await deleteWorkstream(db, 'ws-improve', null, 'T2')).toEqual({ moved: 3, workstream: IMPROVE });
    docs = (await getIndex(db)).documents;
    expect(docs.every((d) => !('workstreamId' in d) && d.updatedAt === 'T2')).toBe(true);
    db.close();
  });

  it('refuses to move documents to a workstream that does not exist, changing nothing', async () => {
    const db = await openDocketDb(freshName());
    await writeAll(db, [MHLB], [HLB]);
    await expect(deleteWorkstream(db, 'ws-hlb', 'ws-nope', 'T')).rejects.toThrow(/no workstream/);
    expect(await getIndex(db)).toEqual({ documents: [MHLB], workstreams: [HLB] });
    db.close();
  });

  it('writeAll is all or nothing', async () => {
    const db = await openDocketDb(freshName());
    await putWorkstream(db, HLB);
    const bad = { ...SHEET, id: undefined } as unknown as DocRecord; // no key: the put fails
    await expect(writeAll(db, [MHLB, bad], [IMPROVE])).rejects.toBeTruthy();
    expect(await getIndex(db)).toEqual({ documents: [], workstreams: [HLB] });
    db.close();
  });
});
