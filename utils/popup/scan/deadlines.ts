/**
 * Deadlines in next-steps language, read relative to the MEETING date (never today: a 2020
 * page proposes 2020 deadlines).
 *
 * A sentence gives a deadline when:
 * - a date (chrono: a day and a month at least) follows a deadline word within 60 characters
 *   of the same clause: "by 7 September", "by **September 28**", "By the next WG’s meeting
 *   (10 September)", "After this deadline (October 1)", "by the 3 June meeting", "before",
 *   "until", "due", "no later than", "deadline";
 * - or it gives a time span from the meeting: "In the next 10 days", "within the next seven
 *   days", "within two weeks", "one more week" (= meeting date + the span).
 * A date written out wins over a span in the same sentence ("within the next seven days (by
 * 4 September)" → 4 September). A day without a year takes the year that puts it after the
 * meeting (a month of slack backwards, see `inferYear`).
 *
 * Not deadlines: meeting announcements ("Next meeting is planned for October 15th", "The next
 * meeting of this WG is planned for 10 September") and dates with no deadline word ("was held
 * on 24 September 2020").
 */
import * as chrono from 'chrono-node/en';
import { addDays, isoDate, noonOf } from '../../shared/calendar';
import { inferYear } from './dates';

export interface DeadlinePhrase {
  date: string;
  /** Where the date (or span) is in the sentence. */
  index: number;
  text: string;
  /** A span from the meeting ("in the next 10 days"), not a date written out. */
  relative: boolean;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'par',
  'para',
  'no',
  'nos',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'cf',
  'st',
  'jr',
  'sr',
  'fig',
  'sec',
  'art',
  'p.m',
  'a.m',
  'pm',
  'am',
  'approx',
  'incl',
  'ref',
  'vol',
  'pp',
  'p',
  'op',
  'cit',
  'al',
  'u.s',
  'u.n',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'co',
  'inc',
  'ltd',
  'dept',
]);

/**
 * Sentences of a paragraph. A full stop does not end a sentence after an abbreviation ("Par.
 * 93c", "p.m. UTC", "e.g."), a single letter ("A. Possible…") or a paragraph number ("15. Next
 * Steps: …").
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const re = /[.!?]+["”’)]*(?=\s+["“(]?[A-Z0-9])/g;
  for (const m of text.matchAll(re)) {
    const endIdx = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1) {
      const word = /([\p{L}\p{N}.]+)$/u.exec(text.slice(start, m.index))?.[1] ?? '';
      const lw = word.toLowerCase();
      if (ABBREVIATIONS.has(lw) || /^[A-Za-z]$/.test(word) || /^[IVX]{1,4}$/.test(word) || /\.[a-z]$/i.test(word)) continue;
      // A paragraph number ("15.") at the start of the paragraph.
      if (/^\d{1,3}$/.test(word) && text.slice(start, m.index).trim() === word) continue;
    }
    push(start, endIdx);
    start = endIdx;
  }
  push(start, text.length);
  return out;

  function push(s: number, e: number) {
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, start: s + lead, end: s + lead + t.length });
  }
}

const CUE =
  /\b(?:by|before|until|till|til|through|deadline|due(?:\s+(?:on|by))?|no later than|not later than|latest(?:\s+by)?|ahead of|prior to|in time for|closes?(?:\s+on)?)\b/gi;
const SPAN_CUE = /\b(?:in|within|by|over|during|for)\s+(?:the\s+)?(?:next\s+|coming\s+|following\s+)?$/i;
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
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};
const SPAN =
  /\b(?:(?:in|within)\s+(?:the\s+)?(?:next\s+|coming\s+|following\s+)?|(?=\w+\s+more\s))(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty)\s+(?:more\s+|further\s+|additional\s+)?(?:working\s+|calendar\s+)?(days?|weeks?)\b/gi;

const ANNOUNCEMENT =
  /^(?:\d+\.\s*)?next (?:\w+ )?meeting\b|\bnext (?:\w+[’']?s? ){0,3}meeting\b(?: of [^.,;]{0,40})? (?:is|was|will be|has been|would be) (?:planned|scheduled|set|held|convened|hosted|confirmed)\b|\bmeeting (?:is|will be) (?:planned|scheduled|held) (?:for|on)\b/i;

/** Cheap pre-check before chrono: a digit, a month or a span word. */
const MAYBE_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:days?|weeks?|months?|tomorrow|tonight)\b/i;

/** "Next meeting is planned for October 15th": a meeting date, no document's deadline. */
export function isMeetingAnnouncement(sentence: string): boolean {
  return ANNOUNCEMENT.test(sentence);
}

/** Deadline cue ending within the 60 characters (same clause) before `index`? */
function cuedAt(sentence: string, index: number): boolean {
  const before = sentence.slice(Math.max(0, index - 60), index);
  let last = -1;
  for (const m of before.matchAll(CUE)) last = m.index + m[0].length;
  if (last < 0) return false;
  const between = before.slice(last);
  return !/[.;!?]/.test(between) && !/\b(?:and|but|while|when|where|which)\b/i.test(between.replace(/\([^)]*$/, ''));
}

/** The deadlines a sentence gives, relative to the meeting date `ref` (`YYYY-MM-DD`). */
export function deadlinePhrases(sentence: string, ref: string): DeadlinePhrase[] {
  if (!MAYBE_DATE.test(sentence) || isMeetingAnnouncement(sentence)) return [];
  const out: DeadlinePhrase[] = [];
  const refDate = noonOf(ref);
  let results: chrono.ParsedResult[] = [];
  try {
    results = chrono.parse(sentence, refDate);
  } catch {
    results = [];
  }
  for (const r of results) {
    const s = r.start;
    const relative = /\b(?:days?|weeks?|months?|tomorrow|today|tonight)\b/i.test(r.text);
    if (relative) {
      const before = sentence.slice(Math.max(0, r.index - 20), r.index);
      if (!SPAN_CUE.test(before)) continue;
      const date = isoDate(s.get('year') ?? 0, s.get('month') ?? 0, s.get('day') ?? 0);
      if (date && date > ref) out.push({ date, index: r.index, text: r.text, relative: true });
      continue;
    }
    if (!s.isCertain('day') || !s.isCertain('month')) continue;
    if (!cuedAt(sentence, r.index)) continue;
    const month = s.get('month') ?? 0;
    const day = s.get('day') ?? 0;
    const date = s.isCertain('year') ? isoDate(s.get('year') ?? 0, month, day) : inferYear(month, day, ref);
    if (date) out.push({ date, index: r.index, text: r.text, relative: false });
  }
  // Spans chrono does not read ("one more week", "within two weeks").
  for (const m of sentence.matchAll(SPAN)) {
    if (out.some((o) => o.relative && Math.abs(o.index - m.index) < m[0].length)) continue;
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : (NUMBER_WORDS[m[1]!.toLowerCase()] ?? 0);
    if (!n) continue;
    const days = /^week/i.test(m[2]!) ? n * 7 : n;
    out.push({ date: addDays(ref, days), index: m.index, text: m[0], relative: true });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The one deadline a sentence proposes: the first date written out, else the first span. */
export function sentenceDeadline(sentence: string, ref: string): DeadlinePhrase | undefined {
  const all = deadlinePhrases(sentence, ref);
  return all.find((p) => !p.relative) ?? all[0];
}

const TOPIC =
  /\b(?:comm?ent\w*|feedback|inputs?|suggest\w*|review\w*|contribut\w*|priorit\w*|deliver\w*|submi\w*|provide|send|share|respon\w*|reactions?|views|edits?|sign[- ]?off)\b/i;
const HYPOTHETICAL = /\b(?:was|were)\s+(?:supposed|expected|meant|planned)\s+to\b|\bhad\s+been\b|\boriginally\b|\bpreviously\b/i;

export interface DeadlineCandidate {
  sentence: string;
  phrase: DeadlinePhrase;
  /** Blocks between the link and the sentence (0: same block). */
  distance: number;
  /** The sentence comes before the link. */
  before: boolean;
  /** In a "Next steps" block, or the sentence itself starts with "Next steps". */
  nextSteps: boolean;
}

/**
 * Points for a deadline sentence (the highest wins):
 * 10, +6 next steps, +2 when it speaks of comments/feedback/inputs/delivery,
 * +1 for a date written out, −0.5 per block away (at most −5), −0.5 when before the link,
 * −6 when it tells what was planned ("was supposed to be delivered by September 25").
 */
export function deadlineScore(c: DeadlineCandidate): number {
  let score = 10;
  if (c.nextSteps || /^(?:\d+\.\s*)?next steps?\b/i.test(c.sentence)) score += 6;
  if (TOPIC.test(c.sentence)) score += 2;
  if (!c.phrase.relative) score += 1;
  score -= Math.min(5, 0.5 * c.distance);
  if (c.before) score -= 0.5;
  if (HYPOTHETICAL.test(c.sentence)) score -= 6;
  return score;
}

/** The sentence as shown under the deadline: whitespace collapsed, without its paragraph number. */
export function cleanSentence(sentence: string): string {
  return sentence
    .replace(/\s+/g, ' ')
    .replace(/^\d{1,3}\.\s+/, '')
    .trim();
}
