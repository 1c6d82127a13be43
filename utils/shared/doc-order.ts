/**
 * Which documents a list shows and in what order, shared by the background's queries and the popup:
 * status filters, text match, grouping by workstream, the overdue summary and the Upcoming sections.
 */
import type { DocRecord, Status, Workstream } from './model';
import { daysUntil } from './calendar';
import { DUE_SOON_DAYS, isDone, urgencyOf } from './urgency';

export type StatusFilter = 'active' | 'all' | Status;

export interface DocFilter {
  status: StatusFilter;
  text: string;
}

export interface DocGroup {
  /** null: documents without a workstream (or whose workstream no longer exists). */
  workstream: Workstream | null;
  docs: DocRecord[];
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function matchesStatus(doc: DocRecord, status: StatusFilter): boolean {
  if (status === 'all') return true;
  if (status === 'active') return !isDone(doc);
  return doc.status === status;
}

/** Every whitespace-separated term must occur (case-insensitively) in title, id, notes, deadline note or workstream name. */
export function matchesText(doc: DocRecord, text: string, workstream?: Workstream | null): boolean {
  const terms = text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = [doc.title, doc.id, doc.notes, doc.deadlineNote, workstream?.name, ...doc.aliases]
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .join('\n')
    .toLocaleLowerCase();
  return terms.every((t) => haystack.includes(t));
}

/** The text a row shows as the document's name. */
export function displayTitle(doc: DocRecord): string {
  return doc.title?.trim() || doc.id;
}

/** Deadline first (earliest first, none last), then title. */
export function compareDocs(a: DocRecord, b: DocRecord): number {
  if (a.deadline !== b.deadline) {
    if (!a.deadline) return 1;
    if (!b.deadline) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return collator.compare(displayTitle(a), displayTitle(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Filter, group by workstream (groups by workstream name; "No workstream" last;
 * empty groups left out) and sort each group by deadline then title.
 * `today` is accepted for symmetry with `summarize` (urgency does not change the order).
 */
export function groupDocuments(
  docs: readonly DocRecord[],
  workstreams: readonly Workstream[],
  filter: DocFilter,
  _today?: string,
): DocGroup[] {
  const byId = new Map(workstreams.map((w) => [w.id, w]));
  const groups = new Map<string | null, DocGroup>();
  for (const doc of docs) {
    const ws = (doc.workstreamId && byId.get(doc.workstreamId)) || null;
    if (!matchesStatus(doc, filter.status)) continue;
    if (!matchesText(doc, filter.text, ws)) continue;
    const key = ws ? ws.id : null;
    let group = groups.get(key);
    if (!group) {
      group = { workstream: ws, docs: [] };
      groups.set(key, group);
    }
    group.docs.push(doc);
  }
  const out = [...groups.values()];
  for (const g of out) g.docs.sort(compareDocs);
  out.sort((a, b) => {
    if (!a.workstream) return 1;
    if (!b.workstream) return -1;
    return collator.compare(a.workstream.name, b.workstream.name) || (a.workstream.id < b.workstream.id ? -1 : 1);
  });
  return out;
}

export interface Summary {
  overdue: number;
  dueSoon: number;
}

/** How many documents (not done) are overdue, and how many are due soon (within DUE_SOON_DAYS, today included). */
export function summarize(docs: readonly DocRecord[], today: string): Summary {
  let overdue = 0;
  let dueSoon = 0;
  for (const doc of docs) {
    const u = urgencyOf(doc, today);
    if (u === 'overdue') overdue++;
    else if (u === 'due-soon') dueSoon++;
  }
  return { overdue, dueSoon };
}

export type UpcomingKey = 'overdue' | 'this-week' | 'next-week' | 'later' | 'none';

export interface UpcomingSection {
  key: UpcomingKey;
  docs: DocRecord[];
}

const UPCOMING_ORDER: readonly UpcomingKey[] = ['overdue', 'this-week', 'next-week', 'later', 'none'];

/**
 * Which Upcoming section a (not done) document belongs in: before today; due soon (today to +DUE_SOON_DAYS);
 * the window after that; later; none.
 */
export function upcomingKey(doc: DocRecord, today: string): UpcomingKey {
  if (!doc.deadline) return 'none';
  const days = daysUntil(doc.deadline, today);
  if (days < 0) return 'overdue';
  if (days <= DUE_SOON_DAYS) return 'this-week';
  if (days <= 2 * DUE_SOON_DAYS) return 'next-week';
  return 'later';
}

/** Documents not done, in the five Upcoming sections (always all five, in order; each sorted by deadline then title). */
export function upcomingSections(docs: readonly DocRecord[], today: string): UpcomingSection[] {
  const sections = new Map<UpcomingKey, UpcomingSection>(UPCOMING_ORDER.map((key) => [key, { key, docs: [] }]));
  for (const doc of docs) if (!isDone(doc)) sections.get(upcomingKey(doc, today))!.docs.push(doc);
  const out = [...sections.values()];
  for (const s of out) s.docs.sort(compareDocs);
  return out;
}
