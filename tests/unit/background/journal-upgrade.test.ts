/**
 * Issue 28, item 8: an import that an in-place update cut short, when the index was written by an OLD build.
 *
 * The old builds kept no note in the index (meta `pendingOp` is this build's): 0.1.0 (5932ee7, index version 3)
 * noted an import only in storage.local (`docket:journal`), and wrote its snapshot, its documents and its
 * completion (meta `lastOp`) in one transaction; the first format (b03f6c3, version 2) kept no journal at all
 * and no snapshots. So an import the update stopped left nothing in an old index (its one transaction was
 * never committed), and what can tell the member is 0.1.0's note in storage, which this build reads under
 * the same key. These tests build each old index as that build left it, run the upgrade and the start-up
 * check the background runs (openDocketDbSafely, then recoverJournal), and read what the popup is told.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_VERSION, MIGRATIONS, openDocketDbSafely } from '@/utils/background/db/schema';
import { getIndex, listSnapshots } from '@/utils/background/db/store';
import { recoverJournal, statusReader } from '@/utils/background/journal';
import type { DocRecord } from '@/utils/shared/model';

let n = 0;
const names: string[] = [];
const freshName = () => {
  const name = `docket-journal-upgrade-${++n}`;
  names.push(name);
  return name;
};
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  for (const name of names.splice(0)) indexedDB.deleteDatabase(name);
});

const doc = (id: string): DocRecord => ({ id, kind: 'document', aliases: [], updatedAt: '2026-11-20T10:00:00.000Z' });
const EARLIER = 'op-earlier-import';
const CUT = 'op-cut-by-the-update';
const STARTED = '2026-11-22T10:00:00.000Z';

/**
 * An index as 0.1.0 left it (version 3): two documents from an earlier import that landed (its snapshot of
 * the index before it, and its completion `lastOp`); of the import the update stopped, nothing.
 */
async function indexOf010(name: string) {
  const old = await openDB(name, 3, {
    upgrade(db, oldVersion, _n, tx) {
      for (let v = oldVersion; v < 3; v++) MIGRATIONS[v]!(db as never, tx as never);
    },
  });
  const tx = old.transaction(['documents', 'snapshots', 'snapshotData', 'meta'], 'readwrite');
  const info = {
    createdAt: '2026-11-20T10:00:00.000Z',
    reason: 'import',
    label: 'before importing first.json',
    documents: 0,
    workstreams: 0,
    bytes: 0,
  };
  const id = await tx.objectStore('snapshots').add(info);
  await tx.objectStore('snapshotData').put({ id, documents: [], workstreams: [] });
  await tx.objectStore('documents').put(doc('1firstImportDocumentNumberOne000'));
  await tx.objectStore('documents').put(doc('1firstImportDocumentNumberTwo000'));
  await tx.objectStore('meta').put({ key: 'lastOp', value: EARLIER });
  await tx.done;
  old.close();
}

/** 0.1.0's journal note, written as it wrote it (browser.storage.local, key `docket:journal`). */
const oldNote = (id: string) =>
  fakeBrowser.storage.local.set({ 'docket:journal': { id, op: 'import', label: 'import of big.json', startedAt: STARTED } });

/** What the background does at start: open (and upgrade) the index, then check the journal. */
async function start(name: string) {
  const opened = await openDocketDbSafely(name);
  const entry = await recoverJournal(opened.db);
  const status = await statusReader(() => opened.readOnlyReason).get();
  return { ...opened, entry, status };
}

describe('an update from 0.1.0 (index version 3) while an import was being written', () => {
  it('the import that did not land is told to the member after the upgrade, once', async () => {
    const name = freshName();
    await indexOf010(name);
    await oldNote(CUT);
    const { db, entry, status, readOnlyReason } = await start(name);
    expect(readOnlyReason).toBeUndefined();
    expect(db.version).toBe(DB_VERSION);
    expect(entry).toMatchObject({ id: CUT });
    expect(status).toEqual({ interrupted: { label: 'import of big.json', startedAt: STARTED } });
    // The index is as the earlier import left it, with the upgrade's snapshot on top.
    expect((await getIndex(db)).documents).toHaveLength(2);
    expect((await listSnapshots(db)).map((s) => s.reason)).toEqual(['upgrade', 'import']);
    // The note is used up: the next start says nothing new (the notice stays until dismissed).
    expect(await recoverJournal(db)).toBeNull();
    expect(await fakeBrowser.storage.local.get('docket:journal')).toEqual({});
    db.close();
  });

  it('an import whose transaction landed (its note not cleared yet) is not told', async () => {
    const name = freshName();
    await indexOf010(name);
    await oldNote(EARLIER);
    const { db, entry, status } = await start(name);
    expect(entry).toBeNull();
    expect(status).toEqual({});
    db.close();
  });

  it('no note (no import was running): nothing is told, whatever snapshots the index holds', async () => {
    const name = freshName();
    await indexOf010(name);
    const { db, entry, status } = await start(name);
    expect(entry).toBeNull();
    expect(status).toEqual({});
    db.close();
  });
});

describe('an update from the first index format (version 2: no journal, no snapshots, no meta)', () => {
  async function indexOfFirstFormat(name: string) {
    const old = await openDB(name, 2, {
      upgrade(db, oldVersion, _n, tx) {
        for (let v = oldVersion; v < 2; v++) MIGRATIONS[v]!(db as never, tx as never);
      },
    });
    await old.put('documents', doc('1firstFormatDocumentNumberOne000'));
    old.close();
  }

  it('upgrades and starts without a word: nothing there can tell of an import', async () => {
    const name = freshName();
    await indexOfFirstFormat(name);
    const { db, entry, status } = await start(name);
    expect(db.version).toBe(DB_VERSION);
    expect(entry).toBeNull();
    expect(status).toEqual({});
    db.close();
  });

  it('an upgrade that fails (the index left readable at version 2, without a meta store): the check answers, not throws', async () => {
    const name = freshName();
    await indexOfFirstFormat(name);
    const broken = [
      ...MIGRATIONS,
      () => {
        throw new Error('simulated failure');
      },
    ];
    const opened = await openDocketDbSafely(name, broken);
    expect(opened.db.version).toBe(2);
    expect(opened.readOnlyReason).toBeTruthy();
    await expect(recoverJournal(opened.db)).resolves.toBeNull();
    expect(await statusReader(() => opened.readOnlyReason).get()).toEqual({ readOnlyReason: opened.readOnlyReason });
    opened.db.close();
  });
});
