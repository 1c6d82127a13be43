/**
 * Operations on many documents at once (`docs/edit-many`, `docs/delete-many`, `docs/undo`,
 * `trash/restore`), as the background answers them: ids and counts, never the documents
 * (issue 28, item 1). The page chooses the operation's id: the same request sent again is
 * answered from the background's record of it, never applied twice.
 */

export type OpKind = 'edit' | 'delete' | 'undo' | 'restore';

/** One document an operation left as it was, and why (in the member's words). */
export interface NotDone {
  id: string;
  title: string;
  /** "its deadline was changed since", "it was deleted since", … */
  reason: string;
  field?: string;
}

export interface OpResult {
  opId: string;
  kind: OpKind;
  /** Documents to go through, and gone through so far. */
  total: number;
  done: number;
  /** Changed (edited, deleted, put back). */
  changed: number;
  /** `running` while it is written (progress), `done` once all of it is. */
  state: 'running' | 'done';
  /** What could not be done (an undo: fields changed since, documents deleted since): how many, and some of them. */
  notDone?: { count: number; examples: NotDone[] };
  /** A snapshot of the index taken first (a delete larger than the trash holds). */
  snapshotId?: number;
  /** The operation that undid this one. */
  undoneBy?: string;
}

/** An operation id: letters, digits, `-` and `_`. */
export const OP_ID_RE = /^[A-Za-z0-9_-]{8,100}$/;

export function newOpId(): string {
  return `op-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
