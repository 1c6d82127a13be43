/** Calendar-day helpers for the scanner (dates are `YYYY-MM-DD`, computed in UTC: no time zone drift). */
import { isIsoDate } from '../../shared/model';

const DAY_MS = 86_400_000;

export function isoDate(year: number, month: number, day: number): string | undefined {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(s) ? s : undefined;
}

function utc(iso: string): number {
  const [y = 1970, m = 1, d = 1] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

export function addDays(iso: string, days: number): string {
  const t = new Date(utc(iso) + days * DAY_MS);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())!;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** A local Date at noon on that day (what chrono takes as its reference). */
export function noonOf(iso: string): Date {
  const [y = 1970, m = 1, d = 1] = iso.split('-').map(Number);
  return new Date(y, m - 1, d, 12, 0, 0);
}

/**
 * The year of a day written without one ("by 7 September"), seen from `ref` (the meeting):
 * the first such day that is no more than `backDays` before the reference. So a 2020
 * meeting proposes 2020 deadlines, a December meeting's "by 10 January" is next January,
 * and "by 4 September" in a 10 September mail stays this year's (a deadline just passed).
 */
export function inferYear(month: number, day: number, ref: string, backDays = 31): string | undefined {
  const refYear = Number(ref.slice(0, 4));
  for (const y of [refYear - 1, refYear, refYear + 1]) {
    const d = isoDate(y, month, day);
    if (d && daysBetween(ref, d) >= -backDays) return d;
  }
  return isoDate(refYear, month, day);
}

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** "sept", "Sep.", "September" → 9; undefined when not a month. */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(w) || (w === 'sept' && m === 'september'));
  return i >= 0 ? i + 1 : undefined;
}
