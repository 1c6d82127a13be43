/**
 * One change made to several documents at once from the full page (`docs/edit-many`): set the
 * workstream, status or deadline, or move deadlines by a number of days. Pure.
 */
import type { DocRecord, Status } from './model';
import { addDays } from './calendar';

export type DocChange =
  { workstreamId: string | null } | { status: Status | null } | { deadline: string | null } | { shiftDays: number };

/**
 * The `updatedAt` of a write made at `now` to a record last changed at `previous`: `now` when that
 * is in a later second than `previous`, else the start of the second after `previous` (the clock
 * behind a record from a file dated ahead, or two writes within one second). Every write moves it
 * forward, an undo included, and by whole seconds, so that a calendar file's SEQUENCE (seconds
 * since 2020: utils/popup/ics.ts) grows with it.
 */
export function laterThan(now: string, previous: string | undefined): string {
  const t = Date.parse(now);
  const p = previous ? Date.parse(previous) : NaN;
  if (Number.isNaN(p) || Math.floor(t / 1000) > Math.floor(p / 1000)) return now;
  return new Date((Math.floor(p / 1000) + 1) * 1000).toISOString();
}

/** The document after the change, or null when the change leaves it as it is (a shift without a deadline). */
export function applyChange(doc: DocRecord, change: DocChange, now: string): DocRecord | null {
  const next: DocRecord = { ...doc };
  if ('shiftDays' in change) {
    if (!doc.deadline || change.shiftDays === 0) return null;
    next.deadline = addDays(doc.deadline, change.shiftDays);
  } else if ('workstreamId' in change) {
    if ((doc.workstreamId ?? null) === change.workstreamId) return null;
    if (change.workstreamId === null) delete next.workstreamId;
    else next.workstreamId = change.workstreamId;
  } else if ('status' in change) {
    if ((doc.status ?? null) === change.status) return null;
    if (change.status === null) delete next.status;
    else next.status = change.status;
  } else {
    if ((doc.deadline ?? null) === change.deadline) return null;
    if (change.deadline === null) delete next.deadline;
    else next.deadline = change.deadline;
  }
  next.updatedAt = laterThan(now, doc.updatedAt);
  return next;
}
