/**
 * The meeting date a page (minutes, a mail about a meeting) gives: `YYYY-MM-DD`.
 *
 * Every full date (with a year) is a candidate: "24 September 2020", "24 september2020",
 * "20 May 2021 at 1 p.m. UTC", "Aug 27, 2020", "2020-08-27". The one chosen is the
 * most prominent, by points, earliest on ties:
 * - +5 when the words before it say a meeting happened then ("held on", "hosted on",
 *   "took place on", "meeting on", "meeting of", "meeting (");
 * - +2 when its line speaks of a meeting or a time ("meeting", "UTC", "p.m.");
 * - +2 when it is near the top of the page (first 600 characters);
 * - +3 for a date in the page's title;
 * - −5 on a mail's reply line ("On Thu, Aug 27, 2020 at 4:05 PM … wrote:", "Sent:", "Date:"), and on a
 *   line announcing the next meeting ("The next meeting … is scheduled for 13 June 2023").
 * A date without a year is no meeting date ("Next meeting is planned for October 15th").
 */
import { isoDate } from '../../shared/calendar';
import { monthNumber } from './dates';
import type { DateLang } from './dates';
import { readDates } from './relative-dates';

export interface DateMention {
  date: string;
  index: number;
  text: string;
}

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:of\\s+)?${MONTH}\\.?,?\\s*(\\d{4})(?!\\d)`, 'gi');
const MDY = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'gi');
const YMD = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
/** "20211207" (file names, titles) and "13.11.2025" (day first, as most of the world writes it). */
const COMPACT = /(?<![\d.])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d])/g;
/** "12/10/2020": month first in English pages (the US way), day first in the others. */
const SLASHED = /(?<![\d/])(0?[1-9]|[12]\d|3[01])\/(0?[1-9]|[12]\d|3[01])\/((?:19|20)\d{2})(?![\d/])/g;
const DOTTED = /(?<![\d.])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d{2})(?![\d])/g;

/** Every full date written in `text`, in order (`lang`: also those chrono reads in that language, "15 mai 2023"). */
export function findFullDates(text: string, lang: DateLang = 'en'): DateMention[] {
  const out: DateMention[] = [];
  const add = (index: number, raw: string, y: number, m: number | undefined, d: number) => {
    if (!m || y < 1990 || y > 2100) return;
    const date = isoDate(y, m, d);
    if (date && !out.some((o) => o.index === index)) out.push({ date, index, text: raw });
  };
  for (const m of text.matchAll(DMY)) add(m.index, m[0], Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  for (const m of text.matchAll(MDY)) add(m.index, m[0], Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  for (const m of text.matchAll(YMD)) add(m.index, m[0], Number(m[1]), Number(m[2]), Number(m[3]));
  for (const m of text.matchAll(COMPACT)) add(m.index, m[0], Number(m[1]), Number(m[2]), Number(m[3]));
  for (const m of text.matchAll(DOTTED)) add(m.index, m[0], Number(m[3]), Number(m[2]), Number(m[1]));
  for (const m of text.matchAll(SLASHED)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const monthFirst = b > 12 || (a <= 12 && lang === 'en');
    add(m.index, m[0], Number(m[3]), monthFirst ? a : b, monthFirst ? b : a);
  }
  if (lang !== 'en') {
    for (const d of readDates(text.slice(0, 50_000), new Date(2000, 0, 1, 12), lang)) {
      if (!d.relative && d.yearWritten) add(d.index, d.text, Number(d.date.slice(0, 4)), d.month, d.day ?? 0);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

const HAPPENED =
  /(?:held|hosted|took place|convened|met|meeting(?: was held)?|meeting of|call|session)\s*(?:on|of)?\s*(?:[A-Za-z]+day,?\s*)?[(\s]*$/i;
const MEETINGISH = /\bmeeting\b|\bminutes\b|\bUTC\b|\bGMT\b|\bCES?T\b|\bp\.m\.|\ba\.m\./i;
/** "The next meeting … is scheduled for 13 June 2023": another meeting's date. */
const NEXT_MEETING_LINE = /\bnext (?:\w+ )?(?:meeting|call)\b|\bupcoming meeting\b/i;
const REPLY_LINE = /^\s*(?:on\b.*\bwrote\b|sent:|date:|from:)/i;

function lineAround(text: string, index: number): string {
  const s = text.lastIndexOf('\n', index - 1) + 1;
  const e = text.indexOf('\n', index);
  return text.slice(s, e < 0 ? undefined : e);
}

/** The meeting date of a page's text (and title), or undefined. */
export function findMeetingDate(text: string, title = '', lang: DateLang = 'en'): string | undefined {
  let best: { date: string; score: number; index: number } | undefined;
  const consider = (date: string, score: number, index: number) => {
    if (!best || score > best.score || (score === best.score && index < best.index)) best = { date, score, index };
  };
  for (const m of findFullDates(text, lang)) {
    let score = 0;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const line = lineAround(text, m.index);
    if (HAPPENED.test(before)) score += 5;
    if (MEETINGISH.test(line)) score += 2;
    if (m.index < 600) score += 2;
    if (REPLY_LINE.test(line)) score -= 5;
    if (NEXT_MEETING_LINE.test(line)) score -= 5;
    consider(m.date, score, m.index);
  }
  for (const m of findFullDates(title, lang)) consider(m.date, 3, -1);
  return best?.date;
}

/** `D:20190502120000+02'00'` (a PDF's CreationDate/ModDate) → `2019-05-02`, the day as the PDF wrote it. */
export function pdfDate(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /^(?:D:)?((?:19|20)\d{2})(\d{2})(\d{2})/.exec(value.trim()) : null;
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** The meta tags that date a page: a PDF's own dates (pdf.ts writes them), a publisher's. */
const DATE_META = [
  'docket:pdf-created',
  'docket:pdf-modified',
  'article:published_time',
  'dcterms.created',
  'dcterms.date',
  'dc.date',
  'date',
  'citation_date',
];

/** A date in an address: `/2019/05/02/`, `2019-05-02`, `20190502`, `minutes-2019-05-02.pdf`. */
const URL_DATE = /(?<!\d)((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)/;

/**
 * The day a page was written when its text states no meeting date: the PDF's creation date, a
 * publisher's date in its meta tags, a date in its address. Undefined when none gives one: then
 * no relative deadline is read ("tomorrow" of which day?).
 */
export function pageDate(doc: Document, url = ''): string | undefined {
  for (const name of DATE_META) {
    const el = doc.querySelector(`meta[name="${name}" i], meta[property="${name}" i]`);
    const content = el?.getAttribute('content')?.trim() ?? '';
    const m = /^((?:19|20)\d{2})-(\d{2})-(\d{2})/.exec(content);
    const day = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : pdfDate(content);
    if (day) return day;
  }
  let path = url;
  try {
    const u = new URL(url);
    path = decodeURIComponent(u.pathname); // the address without its query or fragment
  } catch {
    // not an address: read it as it is
  }
  const m = URL_DATE.exec(path);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}
