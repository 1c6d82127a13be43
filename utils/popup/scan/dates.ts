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

/** The languages whose minutes Scan reads dates in. */
export const DATE_LANGS = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;
export type DateLang = (typeof DATE_LANGS)[number];

const FR_WORDS = /(?<!\p{L})(?:le|la|les|des|du|et|est|pour|avec|sur|une|dans|avant|réunion|ordre du jour)(?!\p{L})/giu;
const ES_WORDS = /(?<!\p{L})(?:el|la|los|las|del|y|es|para|con|una|en|antes|reunión|orden del día)(?!\p{L})/giu;
const EN_WORDS = /(?<!\p{L})(?:the|and|is|for|with|of|to|in|by|meeting|agenda)(?!\p{L})/giu;

/**
 * The language to read a page's dates in: its `lang` attribute when it is one Scan reads, else its text
 * (the script: Cyrillic, Han, Arabic; among Latin pages, the most frequent little words).
 */
export function dateLanguage(text: string, lang = ''): DateLang {
  const code = lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if ((DATE_LANGS as readonly string[]).includes(code)) return code as DateLang;
  const sample = text.slice(0, 20_000);
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  const letters = Math.max(1, count(/\p{L}/gu));
  if (count(/\p{Script=Cyrillic}/gu) / letters > 0.3) return 'ru';
  if (count(/\p{Script=Han}/gu) / letters > 0.2) return 'zh';
  if (count(/\p{Script=Arabic}/gu) / letters > 0.3) return 'ar';
  const en = count(EN_WORDS);
  const fr = count(FR_WORDS);
  const es = count(ES_WORDS);
  if (fr > en * 1.5 && fr >= es) return 'fr';
  if (es > en * 1.5 && es > fr) return 'es';
  return 'en';
}
