/**
 * What the index keeps of an operation on many documents (the `operations` and `operationData` stores,
 * ./schema.ts); what operations do is ./operations.ts. Types only, so that the schema needs nothing else.
 */
import type { DocRecord } from '../../shared/model';
import type { DocChange } from '../../shared/bulk-change';
import type { NotDone, OpKind } from '../../shared/operations';

export interface OperationRecord {
  id: string;
  kind: OpKind;
  createdAt: string;
  /** Edit: the change. */
  change?: DocChange;
  /** Undo: the operation it undoes. */
  of?: string;
  /** Edit, delete, restore: the documents asked for, in order, once each. Undo: empty (it follows `of`'s chunks). */
  ids: string[];
  /** Documents to go through (undo: the documents `of` changed). */
  total: number;
  /** Gone through so far, and the next chunk. */
  done: number;
  nextChunk: number;
  /** Changed so far (edited, deleted, put back). */
  changed: number;
  state: 'running' | 'done';
  notDone: { count: number; examples: NotDone[] };
  /** The snapshot taken first (a delete larger than the trash holds). */
  snapshotId?: number;
  /** The operation that undid this one. */
  undoneBy?: string;
}

/** One document an operation changed: as it was, and the values it wrote (null: deleted). */
export interface OperationChange {
  id: string;
  before: DocRecord | null;
  wrote: Partial<DocRecord> | null;
}

export interface OperationChunk {
  opId: string;
  chunk: number;
  changes: OperationChange[];
}
