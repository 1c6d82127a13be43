/**
 * The deadline timeline of the full page: for each workstream, how many documents (not done) are
 * overdue, due in each of the next weeks and later, and the first few in date order (overdue first).
 * Pure: the background answers `docs/timeline` with it over its copy of the index.
 */
import type { DocRecord, Workstream } from './model';
import { compareDocs } from './doc-order';
import { isDone } from './urgency';
import { addDays, daysBetween } from './calendar';
import { weekStart } from './doc-table';

export interface TimelineRow {
  /** null: documents without a (known) workstream. */
  workstreamId: string | null;
  overdue: number;
  /** Due in each week of `Timeline.weeks` (the first week from today on). */
  weeks: number[];
  /** Due after the last week shown. */
  later: number;
  /** The first documents by deadline (the overdue ones first), at most `NEXT_PER_ROW`. */
  next: DocRecord[];
}

export interface Timeline {
  today: string;
  /** The Monday of each week shown, the week of today first. */
  weeks: string[];
  rows: TimelineRow[];
  workstreams: Workstream[];
  /** Documents not done with a deadline. */
  dated: number;
}

export const NEXT_PER_ROW = 5;
export const TIMELINE_WEEKS = 8;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Workstreams with a deadline not done (by name, documents without a workstream last). */
export function buildTimeline(
  docs: readonly DocRecord[],
  workstreams: readonly Workstream[],
  today: string,
  weekCount = TIMELINE_WEEKS,
): Timeline {
  const wsById = new Map(workstreams.map((w) => [w.id, w] as const));
  const first = weekStart(today);
  const weeks = Array.from({ length: weekCount }, (_, i) => addDays(first, 7 * i));
  const end = addDays(first, 7 * weekCount);
  const rows = new Map<string | null, TimelineRow & { all: DocRecord[] }>();
  let dated = 0;
  for (const doc of docs) {
    if (!doc.deadline || isDone(doc)) continue;
    dated++;
    const ws = doc.workstreamId && wsById.has(doc.workstreamId) ? doc.workstreamId : null;
    let row = rows.get(ws);
    if (!row) rows.set(ws, (row = { workstreamId: ws, overdue: 0, weeks: weeks.map(() => 0), later: 0, next: [], all: [] }));
    row.all.push(doc);
    if (doc.deadline < today) row.overdue++;
    else if (doc.deadline >= end) row.later++;
    else row.weeks[Math.floor(daysBetween(first, doc.deadline) / 7)]!++;
  }
  const out = [...rows.values()].map(({ all, ...row }) => ({ ...row, next: all.sort(compareDocs).slice(0, NEXT_PER_ROW) }));
  out.sort((a, b) => {
    if (a.workstreamId === null) return 1;
    if (b.workstreamId === null) return -1;
    return collator.compare(wsById.get(a.workstreamId)!.name, wsById.get(b.workstreamId)!.name);
  });
  return { today, weeks, rows: out, workstreams: [...workstreams], dated };
}
