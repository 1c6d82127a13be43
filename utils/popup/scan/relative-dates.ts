/**
 * chrono-node, extended for the deadlines minutes write: its casual English parser plus
 * - "end of (the/this/next) week", "EOW", "this week", "by the end of the week" → that working
 *   week's Friday (chrono reads "end of the week" as the week's last day, "this week" as today);
 * - "end of (the) day", "EOD", "COB", "close of business" → the meeting's own day;
 * - "one more week", "two more weeks", "a further 10 days" → the meeting + the span;
 * and a refiner that marks which results are relative to the meeting ("tomorrow", "this
 * Wednesday", "within 10 days"), so that a weekday alone is read forward from the meeting.
 * Everything is read from the reference day given (the meeting's date), never today.
 */
import * as chrono from 'chrono-node/en';
import * as chronoAr from 'chrono-node/ar';
import * as chronoEs from 'chrono-node/es';
import * as chronoFr from 'chrono-node/fr';
import * as chronoRu from 'chrono-node/ru';
import * as chronoZh from 'chrono-node/zh';
import type { DateLang } from './dates';
import type { ZonedClock } from '../../shared/format-date';

const DAY_MS = 86_400_000;

function addDaysTo(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The Friday of the working week holding `ref` (a Saturday or Sunday looks at the next one). */
function fridayOf(ref: Date, weeksAhead = 0): Date {
  const day = ref.getDay(); // 0 Sunday … 6 Saturday
  const toFriday = day === 6 ? 6 : day === 0 ? 5 : 5 - day;
  return addDaysTo(ref, toFriday + 7 * weeksAhead);
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

type Components = { year: number; month: number; day: number };

function components(d: Date): Components {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

const endOfWeekParser: chrono.Parser = {
  pattern: () => /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|(next)\s+)?(?:working\s+|work\s+)?week|EOW|(this)\s+week)\b/i,
  extract: (context, match) => {
    const weeks = match[1] ? 1 : 0;
    const result = context.createParsingResult(match.index ?? 0, match[0], components(fridayOf(context.refDate, weeks)));
    result.addTag('docket/relative');
    return result;
  },
};

const endOfDayParser: chrono.Parser = {
  pattern: () => /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+|working\s+)?day|EOD|COB|close\s+of\s+business)\b/i,
  extract: (context, match) => {
    const result = context.createParsingResult(match.index ?? 0, match[0], components(context.refDate));
    result.addTag('docket/relative');
    result.addTag('docket/time-of-day');
    return result;
  },
};

const moreSpanParser: chrono.Parser = {
  pattern: () =>
    /\b(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty)\s+(?:more|further|additional|extra)\s+(?:working\s+|calendar\s+)?(days?|weeks?)\b|\ba\s+further\s+(\d{1,2})\s+(days?|weeks?)\b/i,
  extract: (context, match) => {
    const raw = (match[1] ?? match[3] ?? '').toLowerCase();
    const n = /^\d+$/.test(raw) ? Number(raw) : (NUMBER_WORDS[raw] ?? 0);
    if (!n) return null;
    const unit = (match[2] ?? match[4] ?? '').toLowerCase();
    const result = context.createParsingResult(
      match.index ?? 0,
      match[0],
      components(addDaysTo(context.refDate, /^week/.test(unit) ? n * 7 : n)),
    );
    result.addTag('result/relativeDate');
    return result;
  },
};

/** Casual words of the other languages chrono does not tag ("明天" is tomorrow, certain to chrono). */
const CASUAL_WORDS = /^(?:[今明后後]天|今日|明日|后日|後日|今晚)/u;

const DAY_WORDS = /\/(?:today|tomorrow|yesterday|tonight|now)$/;

/** Marks results read relative to the meeting: casual words, spans, a weekday alone. */
const relativeRefiner: chrono.Refiner = {
  refine: (_context, results) => {
    for (const r of results) {
      const tags = r.tags();
      const weekdayOnly = !r.start.isCertain('day') && r.start.isCertain('weekday');
      // "tomorrow", "today": a casual day; "june 30th midnight PST" carries chrono's casual "midnight" tag,
      // but its day is written out.
      const casual = [...tags].filter((t) => t.startsWith('casualReference/'));
      const casualDay = casual.some((t) => DAY_WORDS.test(t)) || (casual.length > 0 && !r.start.isCertain('month'));
      if (weekdayOnly || tags.has('result/relativeDate') || casualDay || CASUAL_WORDS.test(r.text)) {
        r.addTag('docket/relative');
      }
      if (weekdayOnly) r.addTag('docket/weekday');
    }
    return results;
  },
};

function build(): chrono.Chrono {
  const c = chrono.casual.clone();
  c.parsers.unshift(endOfWeekParser, endOfDayParser, moreSpanParser);
  c.refiners.push(relativeRefiner);
  return c;
}

const LOCALES: Record<Exclude<DateLang, 'en'>, { casual: chrono.Chrono }> = {
  fr: chronoFr,
  es: chronoEs,
  ru: chronoRu,
  zh: chronoZh,
  ar: chronoAr,
};

const instances = new Map<DateLang, chrono.Chrono>();

/** The extended parser of a language (built once): English with Docket's parsers, the others chrono's own. */
export function deadlineChrono(lang: DateLang = 'en'): chrono.Chrono {
  let c = instances.get(lang);
  if (!c) {
    if (lang === 'en') c = build();
    else {
      c = LOCALES[lang].casual.clone();
      c.refiners.push(relativeRefiner);
    }
    instances.set(lang, c);
  }
  return c;
}

export interface ReadDate {
  /** `YYYY-MM-DD` as chrono resolves it from the reference (a weekday alone: forward). */
  date: string;
  index: number;
  text: string;
  /** Read relative to the meeting ("tomorrow", "this week", "within 10 days", "Friday"). */
  relative: boolean;
  /** A span from the meeting ("in 10 days", "one more week"), not a named day. */
  span: boolean;
  /** Month and day written out (the year may be inferred). */
  month?: number;
  day?: number;
  yearWritten: boolean;
  /** A time of day written with its zone ("11am ET", "23:59 UTC", "midnight PST"): the day is that zone's. */
  time?: ZonedTime;
}

/** A time of day written with its zone (its one shape lives with the formatter that shows it). */
export type ZonedTime = ZonedClock;

const ZONE_WORD = /\b([A-Z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)\s*$|\b(UTC|GMT)\s*[+-]\d{1,2}(?::?\d{2})?\b/;

function zonedTime(r: chrono.ParsedResult): ZonedTime | undefined {
  const s = r.start;
  if (!s.isCertain('timezoneOffset') || !s.isCertain('hour')) return undefined;
  const words = r.text.match(/\b(?:UTC|GMT)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|\b[A-Z]{1,4}T\b|\b(?:Z|ET|PT|CT|MT)\b/);
  return {
    hour: s.get('hour') ?? 0,
    minute: s.get('minute') ?? 0,
    offset: s.get('timezoneOffset') ?? 0,
    zone: (words?.[0] ?? ZONE_WORD.exec(r.text)?.[0] ?? 'UTC').replace(/\s+/g, ''),
  };
}

/**
 * The day a result names, from its components: the day as written in the text's own zone ("tomorrow
 * 11am ET" on 4 April is 5 April), never the instant seen from the member's zone.
 */
function dayOf(s: chrono.ParsedResult['start']): string {
  const y = s.get('year') ?? 0;
  const m = s.get('month') ?? 0;
  const d = s.get('day') ?? 0;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Every date chrono (extended) reads in `text`, seen from `ref` (the meeting day at noon), in `lang`. */
export function readDates(text: string, ref: Date, lang: DateLang = 'en'): ReadDate[] {
  let results: chrono.ParsedResult[] = [];
  try {
    results = deadlineChrono(lang).parse(text, ref, { forwardDate: true });
  } catch {
    return [];
  }
  const out: ReadDate[] = [];
  for (const r of results) {
    const tags = r.tags();
    const relative = tags.has('docket/relative');
    const s = r.start;
    const written = !relative && s.isCertain('day') && s.isCertain('month');
    if (!relative && !written) continue;
    const time = zonedTime(r);
    out.push({
      date: dayOf(s),
      index: r.index,
      text: r.text,
      relative,
      span: tags.has('result/relativeDate'),
      ...(written ? { month: s.get('month') ?? 0, day: s.get('day') ?? 0 } : {}),
      yearWritten: s.isCertain('year'),
      ...(time ? { time } : {}),
    });
  }
  return out;
}
