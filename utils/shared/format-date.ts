/**
 * Every date Docket shows, in one format: the member's locale (the language chosen in Docket, else the browser's), the month as a
 * word, so that no one reads 09/10/2020 the wrong way round ("Thu, Sep 10, 2020" in American English,
 * "Thu 10 Sep 2020" in British English, "jeu. 10 sept. 2020" in French). Popup, badge cards, reminders
 * and the import preview all use it; files keep `YYYY-MM-DD` (CONTRACT §2).
 */
import { utcMidnight } from './calendar';
import { intlLocale } from './i18n';
import { isIsoDate } from './model';

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** One formatter per locale, kind and time zone: building one costs far more than using it. */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string | undefined, withTime: boolean, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${withTime ? 't' : 'd'}|${timeZone ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { ...DAY, ...(withTime ? TIME : {}), ...(timeZone ? { timeZone } : {}) };
    f = new Intl.DateTimeFormat(locale, options);
    // Some locales write the short month as a number (Czech "10. 9. 2020", Finnish "10.9.2020"): the long one is a word.
    if (/\d/.test(f.formatToParts(0).find((p) => p.type === 'month')?.value ?? '')) {
      f = new Intl.DateTimeFormat(locale, { ...options, month: 'long' });
    }
    formats.set(key, f);
  }
  return f;
}

/** A calendar day (`YYYY-MM-DD`): "Thu, Sep 10, 2020" (in the member's locale); anything else as it is. */
export function formatDate(isoDate: string, locale = intlLocale()): string {
  if (!isIsoDate(isoDate)) return isoDate;
  return format(locale, false, 'UTC').format(new Date(utcMidnight(isoDate)));
}

/** An instant: "Sun, Nov 22, 2026, 10:05 AM" (local time unless `timeZone` is given); anything else as it is. */
export function formatInstant(iso: string, timeZone?: string, locale = intlLocale()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return format(locale, true, timeZone).format(new Date(t));
}

const monthDays = new Map<string, Intl.DateTimeFormat>();

/** A calendar day without its weekday and year, for labels within the year ("Week of Sep 21"): the same words. */
export function formatMonthDay(isoDate: string, locale = intlLocale()): string {
  if (!isIsoDate(isoDate)) return isoDate;
  const key = locale ?? '';
  let f = monthDays.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', timeZone: 'UTC' };
    f = new Intl.DateTimeFormat(locale, options);
    if (/\d/.test(f.formatToParts(0).find((p) => p.type === 'month')?.value ?? '')) {
      f = new Intl.DateTimeFormat(locale, { ...options, month: 'long' });
    }
    monthDays.set(key, f);
  }
  return f.format(new Date(utcMidnight(isoDate)));
}

const dayTexts = new Map<string, string>();

/** formatDate, remembered per day: a list of hundreds of rows shares a few hundred dates. */
export function dayText(isoDate: string): string {
  const key = `${intlLocale() ?? ''}|${isoDate}`;
  let text = dayTexts.get(key);
  if (text === undefined) {
    text = formatDate(isoDate);
    if (dayTexts.size > 5_000) dayTexts.clear();
    dayTexts.set(key, text);
  }
  return text;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Whether `text` already names the day `isoDate` ("Working Group minutes — 27 August 2020", "Aug 27, 2020",
 * "2020-08-27"), so that a line need not say it twice. English month names, and the member's locale's.
 */
export function mentionsDay(text: string, isoDate: string, locale = intlLocale()): boolean {
  if (!isIsoDate(isoDate)) return false;
  if (text.includes(isoDate)) return true;
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const lower = text.toLocaleLowerCase();
  const names = new Set([MONTHS[m - 1]!]);
  for (const month of ['long', 'short'] as const) {
    const name = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' }).format(new Date(utcMidnight(isoDate)));
    names.add(name.toLocaleLowerCase().replace(/\.$/, ''));
  }
  const day = String(d);
  return [...names].some((name) => {
    const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const near = new RegExp(
      `(?:^|\\D)0?${day}(?:st|nd|rd|th|er|\\.)?\\s+(?:de\\s+)?${n}|${n}\\p{L}*\\.?\\s+0?${day}(?!\\d)`,
      'u',
    );
    return near.test(lower) && (lower.includes(String(y)) || !/\b\d{4}\b/.test(lower));
  });
}

/** A time of day written with its zone: minutes east of UTC, and the zone as written ("ET"). */
export interface ZonedClock {
  hour: number;
  minute: number;
  offset: number;
  zone: string;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

function clockFormat(locale: string | undefined, withDay: boolean): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${withDay ? 'd' : ''}`;
  let f = clocks.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = withDay
      ? { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }
      : { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' };
    f = new Intl.DateTimeFormat(locale, options);
    clocks.set(key, f);
  }
  return f;
}

/**
 * A deadline's day with the time and zone the minutes wrote, and the member's own time where it differs:
 * "Apr 5, 11:00 AM ET = Apr 6, 12:00 AM your time" (Tokyo), "Apr 5, 11:00 AM ET" (New York). The day
 * stays the zone's: this only says when that is for the member. `timeZone` is the member's (default: the
 * browser's).
 */
export function formatZonedTime(isoDate: string, clock: ZonedClock, locale?: string, timeZone?: string): string {
  if (!isIsoDate(isoDate)) return isoDate;
  // The wall time in the written zone, as if it were UTC: formatting it in UTC shows it as written.
  const wall = utcMidnight(isoDate) + (clock.hour * 60 + clock.minute) * 60_000;
  const written = `${clockFormat(locale, true).format(wall)} ${clock.zone}`;
  const instant = wall - clock.offset * 60_000;
  const here = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => Number(here.find((p) => p.type === type)?.value ?? 0);
  const localWall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  if (localWall === wall) return written;
  return `${written} = ${clockFormat(locale, true).format(localWall)} your time`;
}
