/**
 * Calendar days, the one home of date arithmetic. A deadline is a day, not an instant (CONTRACT §2):
 * days are `YYYY-MM-DD` strings, computed in UTC so that no time zone or daylight-saving change moves them.
 * Pure: `today` is always passed in (`localToday()` gives the browser's).
 */
import { isIsoDate } from './model';

const DAY_MS = 86_400_000;

/** The browser's local date as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}

/** `YYYY-MM-DD` for a year, month (1–12) and day, or undefined when there is no such day. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(s) ? s : undefined;
}

/** Milliseconds at UTC midnight of that day. */
export function utcMidnight(day: string): number {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** The calendar day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: string, n: number): string {
  const t = new Date(utcMidnight(day) + n * DAY_MS);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())!;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** Whole days from `today` to `deadline` (negative when past). */
export function daysUntil(deadline: string, today: string): number {
  return daysBetween(today, deadline);
}

/** A local Date at noon on that day (what chrono-node takes as its reference). */
export function noonOf(day: string): Date {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12, 0, 0);
}
