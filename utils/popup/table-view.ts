/**
 * The full page's settings and words (its URL: utils/shared/page-urls.ts): the table's sort, grouping and
 * status kept between visits, group headings, and what a bulk action did. Pure.
 */
import { t, tn } from '../shared/i18n';
import type { DocChange } from '../shared/bulk-change';
import {
  TABLE_GROUPS,
  TABLE_SORTS,
  weekStart,
  type SortDir,
  type TableGroupBy,
  type TableQuery,
  type TableSort,
} from '../shared/doc-table';
import type { StatusFilter } from '../shared/doc-order';
import type { Workstream } from '../shared/model';
import { STATUS_LABELS } from '../shared/states';
import { daysBetween } from '../shared/calendar';
import { formatDate } from '../shared/format-date';
import { parseStatusFilter } from './params';

export interface TablePrefs {
  sort: TableSort;
  dir: SortDir;
  group: TableGroupBy;
  status: StatusFilter;
}

/** The table's question without its window. */
export type TableKey = Omit<TableQuery, 'offset' | 'limit' | 'ids'>;

/** Rows asked for at once (the first block is the first screen). */
export const TABLE_BLOCK = 100;

/** The question for a search box, settings and day (the entry script asks it before React loads, with the same key). */
export function tableKey(text: string, prefs: TablePrefs, today: string): TableKey {
  return { text, status: prefs.status, sort: prefs.sort, dir: prefs.dir, group: prefs.group, today };
}

export const DEFAULT_PREFS: TablePrefs = { sort: 'deadline', dir: 'asc', group: 'workstream', status: 'active' };
export const PREFS_KEY = 'docket:table-prefs:v1';

/** Prefs kept as JSON (anything missing or unknown falls back to the default). */
export function parsePrefs(text: string | null): TablePrefs {
  let raw: Record<string, unknown> = {};
  try {
    const v: unknown = text ? JSON.parse(text) : null;
    if (v && typeof v === 'object') raw = v as Record<string, unknown>;
  } catch {
    // Not JSON: the defaults.
  }
  const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
    typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
  return {
    sort: pick(raw.sort, TABLE_SORTS, DEFAULT_PREFS.sort),
    dir: pick(raw.dir, ['asc', 'desc'] as const, DEFAULT_PREFS.dir),
    group: pick(raw.group, TABLE_GROUPS, DEFAULT_PREFS.group),
    status: typeof raw.status === 'string' ? parseStatusFilter(raw.status) : DEFAULT_PREFS.status,
  };
}

/** A click on a column heading: that column ascending, or the other way round when it already sorts by it. */
export function nextSort(prefs: TablePrefs, sort: TableSort): TablePrefs {
  return prefs.sort === sort ? { ...prefs, dir: prefs.dir === 'asc' ? 'desc' : 'asc' } : { ...prefs, sort, dir: 'asc' };
}

/** A group's heading: the workstream's name, or the week ("Week of 7 Sep 2020 · next week"). */
export function groupLabel(key: string, wsById: ReadonlyMap<string, Workstream>, today: string): string {
  if (key === 'ws:') return t('group_no_workstream');
  if (key.startsWith('ws:')) return wsById.get(key.slice(3))?.name ?? key.slice(3);
  if (key === 'week:') return t('group_no_deadline');
  const monday = key.slice(5);
  const weeks = Math.round(daysBetween(weekStart(today), monday) / 7);
  const when =
    weeks === 0
      ? t('week_this')
      : weeks === 1
        ? t('week_next')
        : weeks === -1
          ? t('week_last')
          : weeks > 0
            ? tn('week_in', weeks)
            : tn('week_ago', -weeks);
  return t('week_of', { date: formatDate(monday), when });
}

const n = (count: number) => tn('count_documents', count);

/** What a bulk change did, for the notice with Undo ("Status set to Final on 12 documents."). */
export function changeText(change: DocChange, count: number, workstreams: readonly Workstream[]): string {
  if (count === 0) return t('change_nothing');
  if ('shiftDays' in change) {
    const d = Math.abs(change.shiftDays);
    return tn(change.shiftDays < 0 ? 'change_shift_earlier' : 'change_shift_later', d, { docs: n(count) });
  }
  if ('workstreamId' in change) {
    const ws = workstreams.find((w) => w.id === change.workstreamId);
    return change.workstreamId === null
      ? t('change_ws_cleared', { docs: n(count) })
      : t('change_ws_set', { docs: n(count), name: ws?.name ?? change.workstreamId });
  }
  if ('status' in change) {
    return change.status === null
      ? t('change_status_cleared', { docs: n(count) })
      : t('change_status_set', { status: STATUS_LABELS[change.status], docs: n(count) });
  }
  return change.deadline === null
    ? t('change_deadline_cleared', { docs: n(count) })
    : t('change_deadline_set', { date: formatDate(change.deadline), docs: n(count) });
}

export function deletedText(count: number): string {
  return t('change_deleted', { docs: n(count) });
}
