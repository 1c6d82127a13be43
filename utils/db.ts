/**
 * The index: IndexedDB in the extension's origin, opened only by the background
 * service worker. Typed schema (idb's DBSchema) and upgrades gated by `oldVersion`:
 * MIGRATIONS[n] takes a database from version n to n + 1, and every one of them
 * is tested from a fixture of the version before it (tests/unit/db.test.ts).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { BadgeRecord, DocRecord, Workstream } from './model';

export const DB_NAME = 'docket';
export const DB_VERSION = 2;

export interface TrashEntry {
  doc: DocRecord;
  deletedAt: string;
}

export interface DocketSchema extends DBSchema {
  documents: {
    key: string;
    value: DocRecord;
    indexes: { byWorkstream: string; byDeadline: string; byAlias: string };
  };
  workstreams: { key: string; value: Workstream };
  /** v2: deleted documents, kept so that nothing deleted is lost for good (newest kept). */
  trash: { key: string; value: TrashEntry; indexes: { byDeletedAt: string } };
}

export type DocketDB = IDBPDatabase<DocketSchema>;
type UpgradeTx = IDBPTransaction<DocketSchema, StoreNames<DocketSchema>[], 'versionchange'>;

/** MIGRATIONS[n]: version n → n + 1. Never edit a shipped one; add the next. */
export const MIGRATIONS: ReadonlyArray<(db: DocketDB, tx: UpgradeTx) => void> = [
  // 0 → 1: documents and workstreams.
  (db) => {
    const docs = db.createObjectStore('documents', { keyPath: 'id' });
    docs.createIndex('byWorkstream', 'workstreamId');
    docs.createIndex('byDeadline', 'deadline');
    docs.createIndex('byAlias', 'aliases', { multiEntry: true });
    db.createObjectStore('workstreams', { keyPath: 'id' });
  },
  // 1 → 2: a trash for deleted documents.
  (db) => {
    const trash = db.createObjectStore('trash', { keyPath: 'doc.id' });
    trash.createIndex('byDeletedAt', 'deletedAt');
  },
];

export const TRASH_LIMIT = 500;

export function openDocketDb(name = DB_NAME): Promise<DocketDB> {
  return openDB<DocketSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(db, tx);
    },
  });
}

/** Tracked records for a batch of link ids, keyed by the id asked for (by id first, then alias). */
export async function lookup(db: DocketDB, ids: readonly string[]): Promise<Record<string, BadgeRecord>> {
  const tx = db.transaction(['documents', 'workstreams'], 'readonly');
  const docs = tx.objectStore('documents');
  const byAlias = docs.index('byAlias');
  const wsStore = tx.objectStore('workstreams');
  const wsCache = new Map<string, Promise<Workstream | undefined>>();
  const out: Record<string, BadgeRecord> = {};
  await Promise.all(
    [...new Set(ids)].map(async (id) => {
      const doc = (await docs.get(id)) ?? (await byAlias.get(id));
      if (!doc) return;
      let workstream: Workstream | undefined;
      if (doc.workstreamId) {
        let p = wsCache.get(doc.workstreamId);
        if (!p) wsCache.set(doc.workstreamId, (p = wsStore.get(doc.workstreamId)));
        workstream = await p;
      }
      out[id] = workstream ? { doc, workstream } : { doc };
    }),
  );
  await tx.done;
  return out;
}

export async function getIndex(db: DocketDB): Promise<{ documents: DocRecord[]; workstreams: Workstream[] }> {
  const tx = db.transaction(['documents', 'workstreams'], 'readonly');
  const [documents, workstreams] = await Promise.all([
    tx.objectStore('documents').getAll(),
    tx.objectStore('workstreams').getAll(),
  ]);
  await tx.done;
  return { documents, workstreams };
}

export async function putDocument(db: DocketDB, doc: DocRecord): Promise<DocRecord> {
  const tx = db.transaction(['documents', 'trash'], 'readwrite');
  await tx.objectStore('documents').put(doc);
  // A document tracked again leaves the trash.
  await tx.objectStore('trash').delete(doc.id);
  await tx.done;
  return doc;
}

/** Delete a document, keeping it in the trash; returns what was deleted. */
export async function deleteDocument(db: DocketDB, id: string, now: string): Promise<DocRecord | null> {
  const tx = db.transaction(['documents', 'trash'], 'readwrite');
  const docs = tx.objectStore('documents');
  const doc = await docs.get(id);
  if (doc) {
    await docs.delete(id);
    const trash = tx.objectStore('trash');
    await trash.put({ doc, deletedAt: now });
    // Keep the newest TRASH_LIMIT entries.
    const count = await trash.count();
    if (count > TRASH_LIMIT) {
      let cursor = await trash.index('byDeletedAt').openCursor();
      for (let extra = count - TRASH_LIMIT; cursor && extra > 0; extra--) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
    }
  }
  await tx.done;
  return doc ?? null;
}

export async function listTrash(db: DocketDB): Promise<TrashEntry[]> {
  return (await db.getAllFromIndex('trash', 'byDeletedAt')).reverse();
}

export async function putWorkstream(db: DocketDB, ws: Workstream): Promise<Workstream> {
  await db.put('workstreams', ws);
  return ws;
}

/** Delete a workstream; its documents move to `reassignTo` or lose their workstream. One transaction. */
export async function deleteWorkstream(
  db: DocketDB,
  id: string,
  reassignTo: string | null,
  now: string,
): Promise<{ moved: number; workstream: Workstream | null }> {
  const tx = db.transaction(['documents', 'workstreams'], 'readwrite');
  const wsStore = tx.objectStore('workstreams');
  const workstream = (await wsStore.get(id)) ?? null;
  if (reassignTo !== null && !(await wsStore.get(reassignTo))) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(`There is no workstream “${reassignTo}” to move the documents to.`);
  }
  const docs = tx.objectStore('documents');
  let moved = 0;
  let cursor = await docs.index('byWorkstream').openCursor(IDBKeyRange.only(id));
  while (cursor) {
    const next: DocRecord = { ...cursor.value, updatedAt: now };
    if (reassignTo === null) delete next.workstreamId;
    else next.workstreamId = reassignTo;
    await cursor.update(next);
    moved++;
    cursor = await cursor.continue();
  }
  await wsStore.delete(id);
  await tx.done;
  return { moved, workstream };
}

/** Get the existing records an import touches. */
export async function getExisting(
  db: DocketDB,
  docIds: readonly string[],
): Promise<{ documents: Map<string, DocRecord>; workstreams: Map<string, Workstream> }> {
  const tx = db.transaction(['documents', 'workstreams'], 'readonly');
  const store = tx.objectStore('documents');
  const documents = new Map<string, DocRecord>();
  await Promise.all(
    docIds.map(async (id) => {
      const doc = await store.get(id);
      if (doc) documents.set(id, doc);
    }),
  );
  const workstreams = new Map((await tx.objectStore('workstreams').getAll()).map((w) => [w.id, w] as const));
  await tx.done;
  return { documents, workstreams };
}

/** Write an import in one transaction: all of it or nothing. */
export async function writeAll(db: DocketDB, documents: readonly DocRecord[], workstreams: readonly Workstream[]): Promise<void> {
  const tx = db.transaction(['documents', 'workstreams'], 'readwrite');
  const ws = tx.objectStore('workstreams');
  const docs = tx.objectStore('documents');
  const writes: Promise<unknown>[] = [];
  try {
    for (const w of workstreams) writes.push(ws.put(w));
    for (const d of documents) writes.push(docs.put(d));
  } catch (error) {
    // A bad record can throw synchronously (no key): abort so that nothing before it lands.
    tx.abort();
    await Promise.allSettled([...writes, tx.done]);
    throw error;
  }
  await Promise.all([...writes, tx.done]);
}

/** How many documents are overdue on `today` (deadline before it, not delivered or archived). Reads only those. */
export async function countOverdue(db: DocketDB, today: string): Promise<number> {
  let count = 0;
  let cursor = await db.transaction('documents').store.index('byDeadline').openCursor(IDBKeyRange.upperBound(today, true));
  while (cursor) {
    const status = cursor.value.status;
    if (status !== 'delivered' && status !== 'archived') count++;
    cursor = await cursor.continue();
  }
  return count;
}

/** Documents whose deadline is on one of these days (for reminders). */
export async function dueOn(db: DocketDB, days: readonly string[]): Promise<DocRecord[]> {
  const index = db.transaction('documents').store.index('byDeadline');
  const out = await Promise.all(days.map((day) => index.getAll(IDBKeyRange.only(day))));
  return out.flat();
}
