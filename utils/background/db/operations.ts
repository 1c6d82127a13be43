/**
 * Changes to many documents at once (issue 28, items 1, 3, 4 and 5): an edit, a delete, an undo of
 * either, a restore from the trash. Each is an operation with an id the page chose:
 *
 * - It is recorded before any document changes, and written in chunks of OP_CHUNK documents, one
 *   transaction each; every chunk records what it changed (each document as it was, and the values
 *   the operation wrote) and how far the operation got, in that same transaction. A request sent
 *   again with the same id (a retry, a reply the browser lost) finds its operation: done, it answers
 *   what was done without doing it again; cut short (the worker stopped), it goes on from where it
 *   stopped. What the member is told is read from these records, so it always matches the index.
 * - A delete larger than the trash holds takes a snapshot of the index first, in the transaction that
 *   records the operation; the operation's chunks keep every deleted document besides.
 * - Undo puts back, per field, only what still holds the value the change wrote (the three-way rule
 *   of imports and syncs: interchange/merge.ts), never brings back a document deleted since, says
 *   what it could not undo and why, and moves `updatedAt` forward.
 * - No answer carries documents: ids and counts only.
 */
import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import { type DocketDB, type DocketSchema, TRASH_LIMIT, snapshotIn } from './schema';
import { threeWay } from '../interchange/merge';
import { DOC_VALUE_FIELDS, type DocRecord } from '../../shared/model';
import { applyChange, laterThan, type DocChange } from '../../shared/bulk-change';
import type { NotDone, OpKind, OpResult } from '../../shared/operations';
import type { OperationChange, OperationRecord } from './operation-records';
import { SaidError, said } from '../../shared/said';

/** Documents per transaction: a few tens of milliseconds of the background's time each. */
export const OP_CHUNK = 1_000;
/** Operations kept (for retries and Undo): the newest OPS_KEPT, and any of the last OPS_KEPT_DAYS days. */
export const OPS_KEPT = 20;
export const OPS_KEPT_DAYS = 7;
/** Examples of what an operation could not do, kept with the count. */
export const NOT_DONE_EXAMPLES = 20;

export function resultOf(op: OperationRecord): OpResult {
  const out: OpResult = {
    opId: op.id,
    kind: op.kind,
    total: op.total,
    done: op.done,
    changed: op.changed,
    state: op.state,
  };
  if (op.notDone.count) out.notDone = op.notDone;
  if (op.snapshotId !== undefined) out.snapshotId = op.snapshotId;
  if (op.undoneBy) out.undoneBy = op.undoneBy;
  return out;
}

export async function getOperation(db: DocketDB, opId: string): Promise<OperationRecord | undefined> {
  return db.get('operations', opId);
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Record a new operation (or find the one with this id). A delete of more documents than the
 * trash holds snapshots the index in the same transaction. Old operations are forgotten here.
 */
export async function beginOperation(
  db: DocketDB,
  start: { id: string; kind: OpKind; ids?: readonly string[]; change?: DocChange; of?: string },
  now: string,
): Promise<OperationRecord> {
  const found = await db.get('operations', start.id);
  if (found) return found;
  const ids = [...new Set(start.ids ?? [])];
  let total = ids.length;
  if (start.kind === 'undo') {
    const target = start.of ? await db.get('operations', start.of) : undefined;
    if (!target || target.kind === 'undo') throw new SaidError(said('error_change_gone'));
    if (target.undoneBy && target.undoneBy !== start.id) throw new SaidError(said('error_change_undone_already'));
    total = target.changed;
  }
  const snapshot = start.kind === 'delete' && ids.length > TRASH_LIMIT;
  const tx = db.transaction(
    ['operations', 'operationData', 'documents', 'workstreams', 'snapshots', 'snapshotData'],
    'readwrite',
  );
  const ops = tx.objectStore('operations');
  const again = await ops.get(start.id);
  if (again) {
    await tx.done;
    return again;
  }
  const op: OperationRecord = {
    id: start.id,
    kind: start.kind,
    createdAt: now,
    ids,
    total,
    done: 0,
    nextChunk: 0,
    changed: 0,
    state: 'running',
    notDone: { count: 0, examples: [] },
  };
  if (start.change) op.change = start.change;
  if (start.of) op.of = start.of;
  // Its label is data (what and how many), put into words where it is shown (utils/popup/snapshot-label.ts).
  if (snapshot) op.snapshotId = await snapshotIn(tx as never, 'delete', { op: 'delete', count: ids.length }, now);
  await ops.put(op);
  await forgetOld(tx, now);
  await tx.done;
  return op;
}

type OpTx = IDBPTransaction<
  DocketSchema,
  Array<'operations' | 'operationData' | 'documents' | 'workstreams' | 'snapshots' | 'snapshotData'>,
  'readwrite'
>;

/** Drop operations beyond the newest OPS_KEPT that are older than OPS_KEPT_DAYS, with their chunks. */
async function forgetOld(tx: OpTx, now: string): Promise<void> {
  const ops = tx.objectStore('operations');
  const all = await ops.index('byCreatedAt').getAllKeys();
  if (all.length <= OPS_KEPT) return;
  const since = new Date(Date.parse(now) - OPS_KEPT_DAYS * 86_400_000).toISOString();
  for (const id of all.slice(0, all.length - OPS_KEPT)) {
    const op = await ops.get(id);
    if (!op || op.createdAt >= since || op.state === 'running') continue;
    await ops.delete(id);
    await tx.objectStore('operationData').delete(IDBKeyRange.bound([id, 0], [id, Infinity]));
  }
}

/** What one chunk did: the documents written and deleted (for the copy in memory). */
export interface ChunkWritten {
  put: DocRecord[];
  deleted: string[];
}

/**
 * Run the next chunk of `opId` (one transaction). Returns null when the operation is done (or
 * was already), else what the chunk wrote.
 */
export async function runChunk(db: DocketDB, opId: string, now: string): Promise<ChunkWritten | null> {
  const tx = db.transaction(['operations', 'operationData', 'documents', 'trash'], 'readwrite');
  const ops = tx.objectStore('operations');
  const data = tx.objectStore('operationData');
  const docs = tx.objectStore('documents');
  const trash = tx.objectStore('trash');
  const op = await ops.get(opId);
  if (!op || op.state === 'done') {
    await tx.done;
    return null;
  }
  const n = op.nextChunk;
  // What this chunk goes through: ids (edit, delete, restore) or the undone operation's chunk n.
  let items: Array<{ id: string; undo?: OperationChange }>;
  if (op.kind === 'undo') {
    const target = await ops.get(op.of!);
    const chunk = target && n < target.nextChunk ? await data.get([target.id, n]) : undefined;
    items = target && n < target.nextChunk ? (chunk?.changes ?? []).map((c) => ({ id: c.id, undo: c })) : [];
    if (!target || n >= target.nextChunk) {
      op.state = 'done';
      if (target) {
        target.undoneBy = op.id;
        await ops.put(target);
      }
    }
  } else {
    items = op.ids.slice(n * OP_CHUNK, (n + 1) * OP_CHUNK).map((id) => ({ id }));
    if (!items.length) op.state = 'done';
  }
  const changes: OperationChange[] = [];
  const written: ChunkWritten = { put: [], deleted: [] };
  const writes: Promise<unknown>[] = [];
  const notDone = (doc: DocRecord | { id: string; title?: string }, reason: string, field?: string) => {
    op.notDone.count++;
    if (op.notDone.examples.length < NOT_DONE_EXAMPLES) {
      const example: NotDone = { id: doc.id, title: doc.title || doc.id, reason };
      if (field) example.field = field;
      op.notDone.examples.push(example);
    }
  };
  const current = await Promise.all(items.map((item) => docs.get(item.id)));
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const doc = current[i];
    if (op.kind === 'edit') {
      const next = doc && applyChange(doc, op.change!, now);
      if (!doc || !next) continue;
      writes.push(docs.put(next));
      changes.push({ id: doc.id, before: doc, wrote: wroteBy(doc, next) });
      written.put.push(next);
    } else if (op.kind === 'delete') {
      if (!doc) continue;
      writes.push(docs.delete(doc.id), trash.put({ doc, deletedAt: now }));
      changes.push({ id: doc.id, before: doc, wrote: null });
      written.deleted.push(doc.id);
    } else if (op.kind === 'restore') {
      const entry = await trash.get(item.id);
      if (doc) {
        if (entry) writes.push(trash.delete(item.id));
        notDone(doc, 'it is in the index already');
        continue;
      }
      if (!entry) {
        notDone({ id: item.id }, 'it is no longer in Recently deleted');
        continue;
      }
      const back = { ...entry.doc, updatedAt: laterThan(now, entry.doc.updatedAt) };
      writes.push(docs.put(back), trash.delete(item.id));
      changes.push({ id: back.id, before: null, wrote: back });
      written.put.push(back);
    } else {
      const back = await undoOne(item.undo!, doc, now, notDone, async (id) => (await trash.get(id))?.doc);
      if (!back) continue;
      writes.push(docs.put(back), trash.delete(back.id));
      changes.push({ id: back.id, before: doc ?? null, wrote: back });
      written.put.push(back);
    }
  }
  op.done = Math.min(op.total, op.done + items.length);
  op.changed += changes.length;
  if (op.state !== 'done') op.nextChunk = n + 1;
  if (op.state !== 'done' || changes.length) await data.put({ opId: op.id, chunk: n, changes });
  if (op.state === 'done') op.done = op.total;
  await ops.put(op);
  if (op.state === 'done' && op.kind === 'delete') await trimTrash(trash);
  await Promise.all([...writes, tx.done]);
  return op.state === 'done' && !changes.length ? null : written;
}

/** The values `next` wrote over `doc` (fields set to undefined: removed), and its `updatedAt`. */
function wroteBy(doc: DocRecord, next: DocRecord): Partial<DocRecord> {
  const out: Record<string, unknown> = { updatedAt: next.updatedAt };
  for (const key of DOC_VALUE_FIELDS) if (!same(doc[key], next[key])) out[key] = next[key];
  return out as Partial<DocRecord>;
}

/**
 * One document put back by an undo, or null. `change`: what the undone operation did to it;
 * `current`: the document now (undefined: not in the index).
 */
async function undoOne(
  change: OperationChange,
  current: DocRecord | undefined,
  now: string,
  notDone: (doc: DocRecord, reason: string, field?: string) => void,
  inTrash: (id: string) => Promise<DocRecord | undefined>,
): Promise<DocRecord | null> {
  const before = change.before;
  // Undo of a delete: the document comes back unless it was tracked again since.
  if (!change.wrote) {
    if (!before) return null;
    if (current) {
      notDone(current, 'it was tracked again since');
      return null;
    }
    return { ...before, updatedAt: laterThan(now, before.updatedAt) };
  }
  // Undo of a restore from the trash: back to the trash, unless it was changed since.
  if (!before) {
    if (!current) return null;
    notDone(current, 'putting back a document restored from Recently deleted is not undone; delete it again if needed');
    return null;
  }
  // Undo of an edit: never brings back a document deleted since.
  if (!current) {
    notDone((await inTrash(before.id)) ?? before, 'it was deleted since');
    return null;
  }
  const next = { ...current } as Record<string, unknown>;
  const was = before as unknown as Record<string, unknown>;
  const wrote = change.wrote as Record<string, unknown>;
  let changed = false;
  for (const key of DOC_VALUE_FIELDS) {
    if (!Object.hasOwn(wrote, key)) continue;
    const rule = threeWay(next[key], was[key], wrote[key]);
    if (rule === 'incoming') {
      if (was[key] === undefined) delete next[key];
      else next[key] = was[key];
      changed = true;
    } else if (rule === 'conflict') notDone(current, `its ${FIELD_WORDS[key] ?? key} was changed since`, key);
  }
  if (!changed) return null;
  next.updatedAt = laterThan(now, current.updatedAt);
  return next as unknown as DocRecord;
}

/** Field names as the member reads them. */
const FIELD_WORDS: Record<string, string> = {
  workstreamId: 'workstream',
  deadline: 'deadline',
  status: 'status',
  deadlineNote: 'deadline note',
  notes: 'notes',
  title: 'title',
};

/** Keep the trash to its newest TRASH_LIMIT entries (the oldest keys read at once, then deleted). */
async function trimTrash(
  trash: IDBPObjectStore<DocketSchema, ['operations', 'operationData', 'documents', 'trash'], 'trash', 'readwrite'>,
): Promise<void> {
  const count = await trash.count();
  if (count <= TRASH_LIMIT) return;
  const oldest = await trash.index('byDeletedAt').getAllKeys(null, count - TRASH_LIMIT);
  await Promise.all(oldest.map((key) => trash.delete(key)));
}

/** Delete operations whose documents did not all stay in the trash, newest first: Recently deleted lists them. */
export async function bulkDeletes(db: DocketDB): Promise<OperationRecord[]> {
  const all = await db.getAll('operations');
  return all
    .filter((op) => op.kind === 'delete' && op.state === 'done' && op.changed > 0 && !op.undoneBy)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
