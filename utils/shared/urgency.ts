/**
 * Deadlines are calendar days (CONTRACT §2), compared with the browser's local date.
 * Pure functions: `today` is always passed in (`localToday()` gives the real one).
 */
import { daysUntil } from './calendar';
import { t, tn } from './i18n';
import type { Status } from './model';

export type Urgency = 'done' | 'none' | 'overdue' | 'due-soon' | 'upcoming';

/** A deadline from today to this many days ahead (both included) is due soon. */
export const DUE_SOON_DAYS = 7;

/** The statuses that make a document done, whatever its deadline. */
export const DONE_STATUSES: readonly Status[] = ['delivered', 'archived'];

/** Delivered and archived documents are done: out of the "Active" view, the summary and Upcoming. */
export function isDone(doc: { status?: Status }): boolean {
  return doc.status !== undefined && DONE_STATUSES.includes(doc.status);
}

/** CONTRACT §3 `data-docket-urgency` for a tracked document. */
export function urgencyOf(doc: { status?: Status; deadline?: string }, today: string): Urgency {
  if (isDone(doc)) return 'done';
  if (!doc.deadline) return 'none';
  const days = daysUntil(doc.deadline, today);
  if (days < 0) return 'overdue';
  if (days <= DUE_SOON_DAYS) return 'due-soon';
  return 'upcoming';
}

/**
 * Compact relative text for a badge: "due in 3 d", "due today", "2 d overdue", "done", or "" without a deadline.
 * `spoken`: in whole words for a screen reader ("due in 3 days", "2 months overdue").
 */
export function relativeDeadline(doc: { status?: Status; deadline?: string }, today: string, spoken = false): string {
  if (urgencyOf(doc, today) === 'done') return t('rel_done');
  if (!doc.deadline) return '';
  const days = daysUntil(doc.deadline, today);
  if (days === 0) return t('rel_due_today');
  if (days === 1) return t('rel_due_tomorrow');
  if (days > 0) return t('rel_due_in', { span: span(days, spoken) });
  return t('rel_overdue', { span: span(-days, spoken) });
}

/** 3 d, 10 wk… no: days up to 59, months up to 23, then years ("3 days"… when `spoken`). */
function span(days: number, spoken: boolean): string {
  if (days < 60) return tn(spoken ? 'spoken_days' : 'span_days', days);
  if (days < 730) return tn(spoken ? 'spoken_months' : 'span_months', Math.round(days / 30.44));
  return tn(spoken ? 'spoken_years' : 'span_years', Math.floor(days / 365.25));
}
