/**
 * The index: IndexedDB in the extension's origin, opened only by the background
 * service worker. Typed schema (idb's DBSchema) and upgrades gated by `oldVersion`:
 * MIGRATIONS[n] takes a database from version n to n + 1, and every one of them
 * is tested from a fixture of the version before it (tests/unit/background/db.test.ts).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { MergeBase } from '../interchange/merge';
import type { DocRecord, Workstream } from '../../shared/model';
import type { SnapshotInfo, SnapshotLabel, SnapshotReason, Subscription } from '../../shared/reports';
import { estimateBytes, snapshotsToDrop } from '../history';
import type { OperationChunk, OperationRecord } from './operation-records';
import { said, say, type Said } from '../../shared/said';

export const DB_NAME = 'docket';
export const DB_VERSION = 4;

export interface TrashEntry {
  doc: DocRecord;
  deletedAt: string;
}

export interface SharedVersion {
  fields: MergeBase;
  at: string;
  source: string;
}

export const BASE_BUCKETS = 256;

/** Which bucket of `bases` holds a document's shared version. */
export function baseBucket(id: string): number {
  let h = 5381;
  for (let i = 0; i < id.length; i++) h = ((h << 5) + h + id.charCodeAt(i)) | 0;
  return (h >>> 0) % BASE_BUCKETS;
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
  /** v3: the index as it was before each import, sync, upgrade and restore (which ones are kept: ../history.ts). */
  snapshots: { key: number; value: SnapshotInfo };
  snapshotData: { key: number; value: { id: number; documents: DocRecord[]; workstreams: Workstream[] } };
  /**
   * v3: per document, the version last shared with a file or sheet (three-way merges), kept in
   * BASE_BUCKETS buckets by a hash of the id, so that an import writes a few hundred records
   * rather than one per document.
   */
  bases: { key: number; value: { id: number; entries: Map<string, SharedVersion> } };
  subscriptions: { key: string; value: Subscription };
  /** v3: small facts, e.g. the id of the last operation written (`lastOp`). */
  meta: { key: string; value: { key: string; value: unknown } };
  /**
   * v4: changes to many documents at once (an edit, a delete, an undo, a restore from the trash),
   * by the operation id the page chose: a request sent again finds its operation and is not applied
   * twice; its progress; what it changed (operationData) for Undo (./operation-records.ts).
   */
  operations: { key: string; value: OperationRecord; indexes: { byCreatedAt: string } };
  /** v4: one chunk of an operation's changes: each document as it was, and what the operation wrote. */
  operationData: { key: [string, number]; value: OperationChunk };
}

export type DocketDB = IDBPDatabase<DocketSchema>;
type UpgradeTx = IDBPTransaction<DocketSchema, StoreNames<DocketSchema>[], 'versionchange'>;

/**
 * A build made with `wxt build -m broken-upgrade` (for tests/e2e/update.e2e.ts; never shipped) has one more
 * migration, which fails: the update test's proof that a failed upgrade leaves the old data readable.
 * In every other build this is an empty list.
 */
function failingUpgradeForTests(): Array<(db: DocketDB, tx: UpgradeTx) => void> {
  if (import.meta.env.MODE !== 'broken-upgrade') return [];
  return [
    () => {
      throw new Error('this test build’s upgrade fails on purpose');
    },
  ];
}

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
  // 2 → 3: snapshots, shared versions for merging, subscriptions, meta.
  (db) => {
    db.createObjectStore('snapshots', { keyPath: 'id', autoIncrement: true });
    db.createObjectStore('snapshotData', { keyPath: 'id' });
    db.createObjectStore('bases', { keyPath: 'id' });
    db.createObjectStore('subscriptions', { keyPath: 'id' });
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  // 3 → 4: operations on many documents, kept for retries, progress and Undo.
  (db) => {
    const ops = db.createObjectStore('operations', { keyPath: 'id' });
    ops.createIndex('byCreatedAt', 'createdAt');
    db.createObjectStore('operationData', { keyPath: ['opId', 'chunk'] });
  },
  ...failingUpgradeForTests(),
];

export const TRASH_LIMIT = 500;

/**
 * Open (and upgrade) the index. Before an upgrade of a database that has data, the index is
 * snapshotted inside the upgrade transaction; a migration that throws aborts that transaction,
 * which leaves the database at its old version with its data (see `openDocketDbSafely`).
 */
export function openDocketDb(
  name = DB_NAME,
  migrations: ReadonlyArray<(db: DocketDB, tx: UpgradeTx) => void> = MIGRATIONS,
): Promise<DocketDB> {
  const version = migrations.length;
  let failure: unknown;
  return openDB<DocketSchema>(name, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      // The open request reports an aborted upgrade; this promise need not.
      tx.done.catch(() => undefined);
      let snapshotted = false;
      const snapshotFirst = () => {
        if (snapshotted || oldVersion === 0 || !db.objectStoreNames.contains('snapshots')) return;
        snapshotted = true;
        // Aborted with the upgrade if a migration fails: then there is nothing to keep anyway.
        snapshotIn(
          tx as never,
          'upgrade',
          `before the upgrade from version ${oldVersion} to ${version}`,
          new Date().toISOString(),
        ).catch(() => undefined);
      };
      try {
        for (let v = oldVersion; v < version; v++) {
          snapshotFirst();
          migrations[v]!(db, tx);
        }
        snapshotFirst();
      } catch (error) {
        failure = error;
        tx.abort();
      }
    },
  }).catch((error: unknown) => {
    throw failure ?? error;
  });
}

export interface OpenResult {
  db: DocketDB;
  /** Set when the upgrade failed: the old data, readable, and why nothing can be written (in words, and as a key). */
  readOnlyReason?: string;
  readOnlySaid?: Said;
}

/** Open the index; if an upgrade fails, open the data as it is (its old version) for reading and export. */
export async function openDocketDbSafely(
  name = DB_NAME,
  migrations: ReadonlyArray<(db: DocketDB, tx: UpgradeTx) => void> = MIGRATIONS,
): Promise<OpenResult> {
  try {
    return { db: await openDocketDb(name, migrations) };
  } catch (error) {
    const db = (await openDB<DocketSchema>(name)) as DocketDB;
    const why = error instanceof Error ? error.message : String(error);
    const readOnlySaid = said('error_read_only', { why });
    return { db, readOnlyReason: say(readOnlySaid), readOnlySaid };
  }
}

export type SnapshotTx = IDBPTransaction<
  DocketSchema,
  Array<'documents' | 'workstreams' | 'snapshots' | 'snapshotData'>,
  'readwrite' | 'versionchange'
>;

/** Copy the index into a new snapshot within `tx`, then keep what the history keeps (../history.ts). */
export async function snapshotIn(tx: SnapshotTx, reason: SnapshotReason, label: SnapshotLabel, now: string): Promise<number> {
  const [documents, workstreams] = await Promise.all([
    tx.objectStore('documents').getAll(),
    tx.objectStore('workstreams').getAll(),
  ]);
  const snapshots = tx.objectStore('snapshots');
  // autoIncrement puts the new key into `id`.
  const info = {
    createdAt: now,
    reason,
    label,
    documents: documents.length,
    workstreams: workstreams.length,
    bytes: estimateBytes(documents, workstreams),
  };
  const id = await snapshots.add(info as SnapshotInfo);
  await tx.objectStore('snapshotData').put({ id, documents, workstreams });
  for (const old of snapshotsToDrop(await snapshots.getAll(), now)) {
    await snapshots.delete(old);
    await tx.objectStore('snapshotData').delete(old);
  }
  return id;
}
