/**
 * The full-page table (docket.html): which documents it lists, in what order and in which groups.
 * The background answers `docs/table` with these functions over its copy of the index; the page
 * names the groups and draws a window of rows. Pure: `today` is always passed in.
 */
import { STATUSES, type DocRecord, type Workstream } from './model';
import type { StatusFilter } from './doc-order';
import { compareDocs, displayTitle } from './doc-order';
import type { DocsRow } from './docs-query';
import { addDays, daysBetween } from './calendar';

export const TABLE_SORTS = ['title', 'workstream', 'deadline', 'status', 'source'] as const;
export type TableSort = (typeof TABLE_SORTS)[number];
export const TABLE_GROUPS = ['none', 'workstream', 'week'] as const;
export type TableGroupBy = (typeof TABLE_GROUPS)[number];
export type SortDir = 'asc' | 'desc';

export interface TableQuery {
  /** The popup's search syntax (words, `overdue`, `due:14`, `ws:`, `status:`). */
  text?: string;
  status: StatusFilter;
  sort: TableSort;
  dir: SortDir;
  group: TableGroupBy;
  offset: number;
  /** At most MAX_QUERY_LIMIT. */
  limit: number;
  /** The asker's local date (`YYYY-MM-DD`). */
  today?: string;
  /** Also send every matching document's id, in order (selecting all, ranges beyond the rows loaded). */
  ids?: boolean;
}

/**
 * A group of the table, in order: `ws:<id>` (`ws:` for documents without a workstream) or
 * `week:<Monday>` (`week:` for documents without a deadline).
 */
export interface TableGroup {
  key: string;
  count: number;
}

export interface TablePage {
  /** How many documents match. */
  total: number;
  /** The first row's position among them. */
  offset: number;
  rows: DocsRow[];
  /** Empty when not grouped. */
  groups: TableGroup[];
  indexSize: number;
  workstreams: Workstream[];
  ids?: string[];
  /**
   * Answered from IndexedDB's indexes before the index was in memory: `rows` are exact, but groups
   * not read yet are left out of `groups` and `total`. Ask again for the whole answer.
   */
  partial?: boolean;
}

/** The Monday of the (ISO) week a day is in. */
export function weekStart(day: string): string {
  // 1970-01-05 was a Monday.
  const sinceMonday = (((daysBetween('1970-01-05', day) % 7) + 7) % 7) as number;
  return addDays(day, -sinceMonday);
}

/** The group a document is in. */
export function groupKey(doc: DocRecord, group: TableGroupBy, wsById: ReadonlyMap<string, Workstream>): string {
  if (group === 'workstream') return `ws:${doc.workstreamId && wsById.has(doc.workstreamId) ? doc.workstreamId : ''}`;
  if (group === 'week') return `week:${doc.deadline ? weekStart(doc.deadline) : ''}`;
  return '';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const STATUS_RANK = new Map<string, number>(STATUSES.map((s, i) => [s, i]));

/** Where a document came from, as the Source column shows and sorts it (the page's title, else its address). */
export function sourceText(doc: DocRecord): string {
  return doc.sourceTitle?.trim() || doc.source?.trim() || '';
}

/** Empty values last, whichever the direction. */
function byText(a: string, b: string, dir: number): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return collator.compare(a, b) * dir;
}

/**
 * The table's order for one column: that column (empty values last), then deadline and title
 * (compareDocs) so that rows never tie.
 */
export function tableComparator(
  sort: TableSort,
  dir: SortDir,
  wsById: ReadonlyMap<string, Workstream>,
): (a: DocRecord, b: DocRecord) => number {
  const d = dir === 'desc' ? -1 : 1;
  const wsName = (doc: DocRecord) => (doc.workstreamId ? (wsById.get(doc.workstreamId)?.name ?? '') : '');
  switch (sort) {
    case 'title':
      return (a, b) => collator.compare(displayTitle(a), displayTitle(b)) * d || compareDocs(a, b);
    case 'workstream':
      return (a, b) => byText(wsName(a), wsName(b), d) || compareDocs(a, b);
    case 'status':
      return (a, b) => {
        const ra = a.status ? STATUS_RANK.get(a.status)! : -1;
        const rb = b.status ? STATUS_RANK.get(b.status)! : -1;
        if (ra !== rb) return ra < 0 ? 1 : rb < 0 ? -1 : (ra - rb) * d;
        return compareDocs(a, b);
      };
    case 'source':
      return (a, b) => byText(sourceText(a), sourceText(b), d) || compareDocs(a, b);
    case 'deadline':
    default:
      return (a, b) => byText(a.deadline ?? '', b.deadline ?? '', d) || compareDocs(a, b);
  }
}

/** Groups in order: workstreams by name, "No workstream" last; weeks in time, "No deadline" last. */
function compareGroups(a: string, b: string, wsById: ReadonlyMap<string, Workstream>): number {
  const ea = a.endsWith(':');
  const eb = b.endsWith(':');
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  if (a.startsWith('ws:')) {
    const wa = wsById.get(a.slice(3))!;
    const wb = wsById.get(b.slice(3))!;
    return collator.compare(wa.name, wb.name) || (wa.id < wb.id ? -1 : 1);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The documents in the table's order, and its groups (each group's rows are contiguous). */
export function orderTable(
  docs: readonly DocRecord[],
  workstreams: readonly Workstream[],
  sort: TableSort,
  dir: SortDir,
  group: TableGroupBy,
): { docs: DocRecord[]; groups: TableGroup[] } {
  const wsById = new Map(workstreams.map((w) => [w.id, w] as const));
  const cmp = tableComparator(sort, dir, wsById);
  if (group === 'none') return { docs: [...docs].sort(cmp), groups: [] };
  const byGroup = new Map<string, DocRecord[]>();
  for (const doc of docs) {
    const key = groupKey(doc, group, wsById);
    let list = byGroup.get(key);
    if (!list) byGroup.set(key, (list = []));
    list.push(doc);
  }
  const keys = [...byGroup.keys()].sort((a, b) => compareGroups(a, b, wsById));
  const out: DocRecord[] = [];
  const groups: TableGroup[] = [];
  for (const key of keys) {
    const list = byGroup.get(key)!.sort(cmp);
    groups.push({ key, count: list.length });
    for (const doc of list) out.push(doc);
  }
  return { docs: out, groups };
}
