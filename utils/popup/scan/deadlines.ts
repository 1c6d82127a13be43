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
import { noonOf } from '../../shared/calendar';
import { inferYear } from './dates';
import type { DateLang } from './dates';
import { readDates } from './relative-dates';
import type { ReadDate, ZonedTime } from './relative-dates';

export interface DeadlinePhrase {
  date: string;
  /** Where the date (or span) is in the sentence. */
  index: number;
  text: string;
  /** A span from the meeting ("in the next 10 days"), not a date written out. */
  relative: boolean;
  /** The time and zone written with the day ("tomorrow 11am ET"): the day is that zone's. */
  time?: ZonedTime;
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
/** A relative day ("this week", "tomorrow") needs one of these to be a deadline, if no cue precedes it. */
const RELATIVE_OK =
  /\b(?:needs?\s+to|must|should|has\s+to|have\s+to|please|asap|deadline|due|expected|to\s+be\s+(?:done|ready|sent|submitted|finished|completed|reviewed))\b/i;
const NEXT_MEETING =
  /\b(?:by|before|until|ahead\s+of|prior\s+to|in\s+time\s+for|at)\s+(?:the\s+|our\s+)?next\s+(?:[\w’']+\s+){0,2}(?:meeting|call|session)\b/gi;

const ANNOUNCEMENT =
  /^(?:\d+\.\s*)?next (?:\w+ )?meeting\b|\bnext (?:\w+[’']?s? ){0,3}meeting\b(?: of [^.,;]{0,40})? (?:is|was|will be|has been|would be) (?:\w+ ){0,2}(?:planned|scheduled|set|held|convened|hosted|confirmed|on|the regular|in)\b|\bmeeting (?:is|will be) (?:planned|scheduled|held) (?:for|on)\b|\bnext (?:\w+ )?meeting (?:is|will be)\b/i;

/** Cheap pre-check before chrono: a digit, a month, a weekday or a relative word. */
const MAYBE_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:days?|weeks?|months?|tomorrow|today|tonight|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:eow|eod|cob|close of business|next meeting|next call)\b/i;

/** "Next meeting is planned for October 15th": a meeting date, no document's deadline. */
export function isMeetingAnnouncement(sentence: string): boolean {
  return ANNOUNCEMENT.test(sentence);
}

/** Deadline cues of the other languages, before the date ("avant le 15 mai", "до 15 мая", "قبل ١٥ أيار"). */
const CUES: Record<Exclude<DateLang, 'en'>, RegExp> = {
  fr: /(?<!\p{L})(?:avant(?:\s+le)?|d[’']ici(?:\s+(?:le|au|à))?|jusqu[’']?(?:au|à|a)(?:\s+le)?|au\s+plus\s+tard(?:\s+le)?|date\s+limite|échéance|délai|pour\s+le)(?!\p{L})/giu,
  es: /(?<!\p{L})(?:antes\s+del?|hasta(?:\s+el)?|a\s+más\s+tardar(?:\s+el)?|para\s+el|fecha\s+límite|plazo|vence)(?!\p{L})/giu,
  ru: /(?<!\p{L})(?:до|к|не\s+позднее|не\s+позже|срок|крайний\s+срок|дедлайн)(?!\p{L})/giu,
  zh: /截止|截至|最迟|最晚|不晚于|之前|以前/gu,
  ar: /(?<!\p{L})(?:قبل|حتى|بحلول|لغاية|إلى\s+غاية|موعد\s+أقصاه|موعد\s+لا\s+يتجاوز|الموعد\s+النهائي)(?!\p{L})/gu,
};
/** Chinese writes the cue after the date too: "5月15日前", "6月30日之前", "月底为止". */
const ZH_AFTER = /^\s*(?:之前|以前|前|为止|為止|截止)/u;

/** Deadline cue ending within the 60 characters (same clause) before `index`? */
function cuedAt(sentence: string, index: number, lang: DateLang = 'en', length = 0): boolean {
  if (lang === 'zh' && ZH_AFTER.test(sentence.slice(index + length, index + length + 6))) return true;
  const before = sentence.slice(Math.max(0, index - 60), index);
  let last = -1;
  for (const m of before.matchAll(lang === 'en' ? CUE : CUES[lang])) last = m.index + m[0].length;
  if (last < 0) return false;
  const between = before.slice(last);
  if (/[.;!?。；！？]/.test(between)) return false;
  return lang !== 'en' || !/\b(?:and|but|while|when|where|which)\b/i.test(between.replace(/\([^)]*$/, ''));
}

/**
 * Dates of elections, votes, pull requests, releases and registration are not a document's deadline ("Voting
 * closes on April 20", "PR due by Friday"), nor those of a meeting or event unless the clause also speaks of
 * the document's work ("The call for comments closes on 5 May" is one).
 */
const EVENT_ALWAYS =
  /\b(?:elections?|vot(?:e|es|ing)|ballots?|polls?|nominations?|candidac(?:y|ies)|pull\s+requests?|PRs?|regist(?:er|ration)|RSVP)\b/i;
const EVENT_UNLESS_DOC = /\b(?:meetings?|calls?|events?|conferences?|summits?|workshops?|webinars?|hackathons?|sessions?)\b/i;
const DOC_WORDS =
  /\b(?:comments?|feedback|inputs?|reviews?|drafts?|doc(?:ument)?s?|proposals?|papers?|edits?|suggestions?|responses?|text)\b/i;

function eventSubject(sentence: string, index: number): boolean {
  const before = sentence.slice(0, index);
  const clause = before.slice(Math.max(before.search(/[^.;:!?,]*$/), 0));
  let cue = -1;
  for (const m of clause.matchAll(CUE)) cue = m.index;
  const subject = cue >= 0 ? clause.slice(0, cue) : clause;
  if (EVENT_ALWAYS.test(subject)) return true;
  return EVENT_UNLESS_DOC.test(subject) && !DOC_WORDS.test(subject);
}

export interface PhraseOptions {
  /** The next meeting's date, when the page gives it: "by the next meeting" resolves to it. */
  nextMeeting?: string;
  /** The language the page is written in (default English). */
  lang?: DateLang;
  /**
   * False when the page states no meeting date (nor anything it can be inferred from): `ref` is then only
   * the year's guess for days written without one, and no relative deadline ("tomorrow", "in 10 days") is read.
   */
  meetingKnown?: boolean;
}

/** "next week (Jun 15)": the day written in brackets right after a relative phrase is cued as that phrase is. */
function bracketed(sentence: string, dates: readonly ReadDate[]): Map<ReadDate, ReadDate> {
  const out = new Map<ReadDate, ReadDate>();
  for (const [i, d] of dates.entries()) {
    const next = dates[i + 1];
    if (!d.relative || !next || next.relative) continue;
    if (/^\s*\(\s*(?:on\s+|i\.\s?e\.,?\s*|ie\s+|by\s+)?$/i.test(sentence.slice(d.index + d.text.length, next.index)))
      out.set(next, d);
  }
  return out;
}

/** The deadlines a sentence gives, relative to the meeting date `ref` (`YYYY-MM-DD`). */
export function deadlinePhrases(sentence: string, ref: string, opts: PhraseOptions = {}): DeadlinePhrase[] {
  const lang = opts.lang ?? 'en';
  if ((lang === 'en' && !MAYBE_DATE.test(sentence)) || isMeetingAnnouncement(sentence)) return [];
  const relativeOk = opts.meetingKnown !== false;
  const out: DeadlinePhrase[] = [];
  const dates = readDates(sentence, noonOf(ref), lang);
  const standsFor = bracketed(sentence, dates);
  const push = (d: ReadDate, date: string, relative: boolean) =>
    out.push({ date, index: d.index, text: d.text, relative, ...(d.time ? { time: d.time } : {}) });
  for (const d of dates) {
    if (eventSubject(sentence, d.index)) continue;
    if (d.span) {
      if (!relativeOk) continue;
      // "in the next 10 days", "within two weeks", "one more week": a span from the meeting.
      const before = sentence.slice(Math.max(0, d.index - 20), d.index);
      if (!SPAN_CUE.test(before) && !/^(?:in|within|over|during)\b/i.test(d.text) && !/\b(?:more|further)\b/i.test(d.text))
        continue;
      if (d.date > ref) push(d, d.date, true);
      continue;
    }
    if (d.relative) {
      if (!relativeOk) continue;
      // "by tomorrow 11am", "due this Wednesday", "needs to happen this week", "By end of TODAY".
      if (!cuedAt(sentence, d.index, lang, d.text.length) && !(lang === 'en' && RELATIVE_OK.test(sentence))) continue;
      if (d.date >= ref) push(d, d.date, true);
      continue;
    }
    const stand = standsFor.get(d);
    const cued = stand
      ? cuedAt(sentence, stand.index, lang, stand.text.length) ||
        (lang === 'en' &&
          (RELATIVE_OK.test(sentence) || SPAN_CUE.test(sentence.slice(Math.max(0, stand.index - 20), stand.index))))
      : cuedAt(sentence, d.index, lang, d.text.length);
    if (!cued) continue;
    const date = d.yearWritten ? d.date : inferYear(d.month ?? 0, d.day ?? 0, ref);
    if (date) push(d, date, false);
  }
  // "by the next meeting", where the page gives that meeting's date (and the sentence does not).
  if (opts.nextMeeting && opts.nextMeeting > ref && !out.some((o) => !o.relative)) {
    for (const m of sentence.matchAll(NEXT_MEETING)) {
      out.push({ date: opts.nextMeeting, index: m.index, text: m[0], relative: false });
      break;
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The one deadline a sentence proposes: the first date written out, else the first relative one. */
export function sentenceDeadline(sentence: string, ref: string, opts: PhraseOptions = {}): DeadlinePhrase | undefined {
  const all = deadlinePhrases(sentence, ref, opts);
  return all.find((p) => !p.relative) ?? all[0];
}

/**
 * The next meeting's date as the page announces it ("The next meeting is Thursday, December
 * 8th", "Next meeting: 24 September 2020"), after `ref`; undefined when the page gives none.
 */
export function nextMeetingDate(sentences: Iterable<string>, ref: string, lang: DateLang = 'en'): string | undefined {
  for (const s of sentences) {
    if (!isMeetingAnnouncement(s)) continue;
    for (const d of readDates(s, noonOf(ref), lang)) {
      if (d.relative || d.span) continue;
      const date = d.yearWritten ? d.date : inferYear(d.month ?? 0, d.day ?? 0, ref);
      if (date && date > ref) return date;
    }
  }
  return undefined;
}

const TOPIC =
  /\b(?:comm?ent\w*|feedback|inputs?|suggest\w*|review\w*|contribut\w*|priorit\w*|deliver\w*|submi\w*|provide|send\w*|share|respon\w*|reactions?|views|edit\w*|sign[- ]?(?:off|up)|(?:put|add|enter|write|fill in)\s+(?:your|their|our|the|any|names?)\b|fill (?:in|out)|complet\w+|finali[sz]\w*|approv\w*|circulat\w*|publish\w*|post(?:ed)?\s+(?:to|on)|read\s+(?:and|the)|look\s+at)\b/i;

/** Does the sentence speak of comments, review, input, edits, sign-off or delivery? */
export function speaksOfWork(sentence: string): boolean {
  return TOPIC.test(sentence);
}
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
