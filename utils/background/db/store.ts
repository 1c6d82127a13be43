/**
 * Reading and writing the index: snapshots, merges and whole-index writes (one transaction each),
 * documents and workstreams one at a time, the trash, and the badges' batch lookup.
 */
import {
  BASE_BUCKETS,
  type DocketDB,
  type DocketSchema,
  type SharedVersion,
  type TrashEntry,
  baseBucket,
  snapshotIn,
} from './schema';
import { unwrap, type IDBPIndex } from 'idb';
import { deleteDocuments } from './bulk';
import type { MergeBase } from '../interchange/merge';
import type { BadgeRecord, DocRecord, Workstream } from '../../shared/model';
import type { SnapshotInfo, SnapshotLabel, SnapshotReason } from '../../shared/reports';
import { urgencyOf } from '../../shared/urgency';
import { SaidError, said } from '../../shared/said';

export async function listSnapshots(db: DocketDB): Promise<SnapshotInfo[]> {
  return (await db.getAll('snapshots')).reverse();
}

/** Put a snapshot back (after snapshotting the index as it is now): one transaction. */
export async function restoreSnapshot(db: DocketDB, id: number, now: string): Promise<SnapshotInfo> {
  const tx = db.transaction(['documents', 'workstreams', 'snapshots', 'snapshotData'], 'readwrite');
  const info = await tx.objectStore('snapshots').get(id);
  const data = await tx.objectStore('snapshotData').get(id);
  if (!info || !data) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new SaidError(said('error_snapshot_gone'));
  }
  // A label of text is kept as text (the form snapshot-label.ts reads); one of data nests as data.
  const label: SnapshotLabel =
    typeof info.label === 'string'
      ? `before restoring the snapshot of ${info.createdAt} (${info.label})`
      : { op: 'restore-snapshot', at: info.createdAt, of: info.label };
  await snapshotIn(tx, 'restore', label, now);
  await Promise.all([tx.objectStore('documents').clear(), tx.objectStore('workstreams').clear()]);
  await Promise.all([
    ...data.workstreams.map((w) => tx.objectStore('workstreams').put(w)),
    ...data.documents.map((d) => tx.objectStore('documents').put(d)),
  ]);
  await tx.done;
  return info;
}

export interface MergeWrite {
  documents: readonly DocRecord[];
  workstreams: readonly Workstream[];
  /** New shared versions, by document id. */
  bases: ReadonlyMap<string, MergeBase>;
  /** Where they came from: a file name or `subscription:<id>`. */
  source: string;
  /** The index as it was, kept first (none when only shared versions change: the index does not). */
  snapshot?: { reason: SnapshotReason; label: SnapshotLabel };
  /** Written to meta `lastOp` in the same transaction: proof that the operation landed. */
  opId: string;
  now: string;
}

/** How often (in documents written) `writeMerge` reports progress. */
export const PROGRESS_EVERY = 5_000;

/**
 * An import or sync: snapshot, records, shared versions and the operation's id, all in one
 * transaction (all of it or nothing). Built for 50,000 documents: the documents go in as plain
 * IndexedDB requests in key order (no promise per record, which costs as much as the write
 * itself), and the transaction is `relaxed` (Chromium then does not wait for the disk's flush
 * at commit; atomicity is unchanged: a browser stopped mid-way leaves the old index whole).
 * `onProgress(written, total)` is called every PROGRESS_EVERY documents and at the end.
 */
export async function writeMerge(
  db: DocketDB,
  write: MergeWrite,
  onProgress?: (written: number, total: number) => void,
): Promise<void> {
  const tx = db.transaction(['documents', 'workstreams', 'snapshots', 'snapshotData', 'bases', 'meta'], 'readwrite', {
    durability: 'relaxed',
  });
  const writes: Promise<unknown>[] = [];
  try {
    if (write.snapshot) writes.push(snapshotIn(tx as never, write.snapshot.reason, write.snapshot.label, write.now));
    const ws = tx.objectStore('workstreams');
    const bases = tx.objectStore('bases');
    for (const w of write.workstreams) writes.push(ws.put(w));
    const docs = unwrap(tx.objectStore('documents')) as IDBObjectStore;
    // Key order: IndexedDB's LevelDB backend takes sorted keys faster.
    const ordered = [...write.documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const total = ordered.length;
    for (let i = 0; i < total; i++) {
      const request = docs.put(ordered[i]!);
      const written = i + 1;
      if (onProgress && (written % PROGRESS_EVERY === 0 || written === total))
        request.onsuccess = () => onProgress(written, total);
    }
    // Maps, not objects: ids such as `__proto__` stay plain keys.
    const buckets = new Map<number, Map<string, SharedVersion>>();
    for (const [id, fields] of write.bases) {
      const b = baseBucket(id);
      let entries = buckets.get(b);
      if (!entries) buckets.set(b, (entries = new Map()));
      entries.set(id, { fields, at: write.now, source: write.source });
    }
    for (const [b, entries] of buckets) {
      writes.push(bases.get(b).then((old) => bases.put({ id: b, entries: new Map([...(old?.entries ?? []), ...entries]) })));
    }
    writes.push(tx.objectStore('meta').put({ key: 'lastOp', value: write.opId }));
  } catch (error) {
    // A bad record can throw synchronously (no key): abort so that nothing before it lands.
    tx.abort();
    await Promise.allSettled([...writes, tx.done]);
    throw error;
  }
  await Promise.all([...writes, tx.done]);
}

export async function getBases(db: DocketDB, ids: readonly string[]): Promise<Map<string, MergeBase>> {
  const out = new Map<string, MergeBase>();
  for (const [id, v] of await getSharedVersions(db, ids)) out.set(id, v.fields);
  return out;
}

/** The versions last shared with a file or sheet, with where they came from, for these documents. */
export async function getSharedVersions(db: DocketDB, ids: readonly string[]): Promise<Map<string, SharedVersion>> {
  const tx = db.transaction('bases');
  const wanted = new Set(ids.map(baseBucket));
  const buckets =
    wanted.size > BASE_BUCKETS / 4 ? await tx.store.getAll() : await Promise.all([...wanted].map((b) => tx.store.get(b)));
  await tx.done;
  const out = new Map<string, SharedVersion>();
  const all = new Map<string, SharedVersion>();
  for (const bucket of buckets) if (bucket) for (const [id, v] of bucket.entries) all.set(id, v);
  for (const id of ids) {
    const v = all.get(id);
    if (v) out.set(id, v);
  }
  return out;
}

/** Meta key of the index's own note that an import or sync starts (its completion: `lastOp`). */
export const PENDING_OP = 'pendingOp';

/** Note in the index that an operation starts, before its transaction (read at start: ../journal.ts). */
export async function noteStarted(
  db: DocketDB,
  entry: { id: string; op: string; label: string; startedAt: string },
): Promise<void> {
  await db.put('meta', { key: PENDING_OP, value: entry });
}

export async function getMeta<T>(db: DocketDB, key: string): Promise<T | undefined> {
  return (await db.get('meta', key))?.value as T | undefined;
}

/** Tracked records for a batch of link ids, keyed by the id asked for (by id first, then alias). */
export async function lookup(
  db: DocketDB,
  ids: readonly string[],
  opts: { keysFirstFrom?: number } = {},
): Promise<Record<string, BadgeRecord>> {
  const tx = db.transaction(['documents', 'workstreams'], 'readonly');
  const docs = tx.objectStore('documents');
  const byAlias = docs.index('byAlias');
  const wsStore = tx.objectStore('workstreams');
  const wsCache = new Map<string, Promise<Workstream | undefined>>();
  const out: Record<string, BadgeRecord> = {};
  const unique = [...new Set(ids)];
  // A large batch (a page of hundreds of links, most of them untracked or not) first reads which
  // ids the index holds, keys only, and then fetches just those: one request per tracked id
  // instead of up to two per id.
  let known: ((id: string) => string | undefined) | undefined;
  if (unique.length >= (opts.keysFirstFrom ?? KEYS_FIRST_FROM)) {
    const [keys, aliases] = await Promise.all([docs.getAllKeys(), aliasKeys(byAlias)]);
    const have = new Set<string>(keys);
    known = (id) => (have.has(id) ? id : aliases.get(id));
  }
  await Promise.all(
    unique.map(async (id) => {
      let doc: DocRecord | undefined;
      if (known) {
        const key = known(id);
        doc = key === undefined ? undefined : await docs.get(key);
      } else {
        doc = (await docs.get(id)) ?? (await byAlias.get(id));
      }
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

/** From this many ids on, {@link lookup} reads the index's keys first. */
export const KEYS_FIRST_FROM = 200;

/**
 * Every alias → the id of its document (a key cursor over the alias index: aliases are few). An
 * alias two documents share goes to the first in index order, the lower id, as `byAlias.get` gives.
 */
async function aliasKeys(
  index: IDBPIndex<DocketSchema, ['documents', 'workstreams'], 'documents', 'byAlias'>,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let c = await index.openKeyCursor(); c; c = await c.continue()) if (!out.has(c.key)) out.set(c.key, c.primaryKey);
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

/** Delete a document, keeping it in the trash (as many documents are: bulk.ts); returns what was deleted. */
export async function deleteDocument(db: DocketDB, id: string, now: string): Promise<DocRecord | null> {
  return (await deleteDocuments(db, [id], now))[0] ?? null;
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
    throw new SaidError(said('error_no_workstream_to_move', { id: reassignTo }));
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
  // One request, not one cursor step per document: after a large import tens of thousands of
  // deadlines are past, and a cursor would take seconds of the background's time.
  const past = await db.getAllFromIndex('documents', 'byDeadline', IDBKeyRange.upperBound(today, true));
  let count = 0;
  for (const doc of past) if (urgencyOf(doc, today) === 'overdue') count++;
  return count;
}

/** Documents whose deadline is on one of these days (for reminders). */
export async function dueOn(db: DocketDB, days: readonly string[]): Promise<DocRecord[]> {
  const index = db.transaction('documents').store.index('byDeadline');
  const out = await Promise.all(days.map((day) => index.getAll(IDBKeyRange.only(day))));
  return out.flat();
}
