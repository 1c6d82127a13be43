/**
 * Deadlines are calendar days (CONTRACT §2), compared with the browser's local date.
 * Pure functions: `today` is always passed in (`localToday()` gives the real one).
 */
import type { Status } from './model';

export type Urgency = 'done' | 'none' | 'overdue' | 'due-soon' | 'upcoming';

const DAY_MS = 86_400_000;

/** The browser's local date as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function utcMidnight(isoDate: string): number {
  const [y = 1970, m = 1, d = 1] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function dayNumber(isoDate: string): number {
  return Math.round(utcMidnight(isoDate) / DAY_MS);
}

/** Whole days from `today` to `deadline` (negative when past). */
export function daysUntil(deadline: string, today: string): number {
  return dayNumber(deadline) - dayNumber(today);
}

/** CONTRACT §3 `data-docket-urgency` for a tracked document. */
export function urgencyOf(doc: { status?: Status; deadline?: string }, today: string): Urgency {
  if (doc.status === 'delivered' || doc.status === 'archived') return 'done';
  if (!doc.deadline) return 'none';
  const days = daysUntil(doc.deadline, today);
  if (days < 0) return 'overdue';
  if (days <= 7) return 'due-soon';
  return 'upcoming';
}

/** Compact relative text for a badge: "due in 3 d", "due today", "2 d overdue", "done", or "" without a deadline. */
export function relativeDeadline(doc: { status?: Status; deadline?: string }, today: string): string {
  if (urgencyOf(doc, today) === 'done') return 'done';
  if (!doc.deadline) return '';
  const days = daysUntil(doc.deadline, today);
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  if (days > 0) return `due in ${span(days)}`;
  return `${span(-days)} overdue`;
}

/** 3 d, 10 wk… no: days up to 59, months up to 23, then years. */
function span(days: number): string {
  if (days < 60) return `${days} d`;
  if (days < 730) return `${Math.round(days / 30.44)} mo`;
  return `${Math.floor(days / 365.25)} y`;
}

/** One formatter per locale: `toLocaleDateString` with options builds a new one on every call (slow). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A long, human date for cards and lists: "Thu 10 Sep 2020". */
export function formatDate(isoDate: string, locale?: string): string {
  const key = locale ?? '';
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(key, format);
  }
  return format.format(new Date(utcMidnight(isoDate)));
}
