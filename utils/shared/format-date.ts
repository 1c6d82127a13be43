/** Every date Docket shows, formatted in one place. */
import { utcMidnight } from './calendar';
import { isIsoDate } from './model';

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar day as "24 Sep 2020" (English, as the rest of the popup). */
export function formatDay(isoDate: string): string {
  if (!isIsoDate(isoDate)) return isoDate;
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_ABBR[m - 1]} ${y}`;
}

/** An instant as "22 Nov 2026, 10:05" (local time unless `timeZone` is given). */
export function formatInstant(iso: string, timeZone?: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(timeZone ? { timeZone } : {}),
    })
      .formatToParts(new Date(t))
      .map((p) => [p.type, p.value]),
  );
  return `${Number(parts.day)} ${MONTH_ABBR[Number(parts.month) - 1]} ${parts.year}, ${parts.hour}:${parts.minute}`;
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

const dayTexts = new Map<string, string>();

/** formatDate, remembered per day: a list of hundreds of rows shares a few hundred dates (and Intl is slow to set up). */
export function dayText(isoDate: string): string {
  let text = dayTexts.get(isoDate);
  if (text === undefined) {
    text = formatDate(isoDate);
    if (dayTexts.size > 5_000) dayTexts.clear();
    dayTexts.set(isoDate, text);
  }
  return text;
}
