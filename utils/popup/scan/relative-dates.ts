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
  pattern: () =>
    /\b(?:(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|(next)\s+)?(?:working\s+|work\s+)?week|EOW|(this)\s+week)\b/i,
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

/** Marks results read relative to the meeting: casual words, spans, a weekday alone. */
const relativeRefiner: chrono.Refiner = {
  refine: (_context, results) => {
    for (const r of results) {
      const tags = r.tags();
      const weekdayOnly = !r.start.isCertain('day') && r.start.isCertain('weekday');
      if (weekdayOnly || tags.has('result/relativeDate') || [...tags].some((t) => t.startsWith('casualReference/'))) {
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

let instance: chrono.Chrono | undefined;

/** The extended parser (built once). */
export function deadlineChrono(): chrono.Chrono {
  instance ??= build();
  return instance;
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
}

function iso(d: Date): string {
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Every date chrono (extended) reads in `text`, seen from `ref` (the meeting day at noon). */
export function readDates(text: string, ref: Date): ReadDate[] {
  let results: chrono.ParsedResult[] = [];
  try {
    results = deadlineChrono().parse(text, ref, { forwardDate: true });
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
    out.push({
      date: iso(s.date()),
      index: r.index,
      text: r.text,
      relative,
      span: tags.has('result/relativeDate'),
      ...(written ? { month: s.get('month') ?? 0, day: s.get('day') ?? 0 } : {}),
      yearWritten: s.isCertain('year'),
    });
  }
  return out;
}
