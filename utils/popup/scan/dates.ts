/** Dates as minutes write them: a day without its year, month names. Arithmetic lives in shared/calendar. */
import { daysBetween, isoDate } from '../../shared/calendar';

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
