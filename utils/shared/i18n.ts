/**
 * Every word a member reads comes from the locale files (public/_locales/<lang>/messages.json, the platform's
 * format): `t('key')`, `t('key', { name })`, and `tn('key', n)` for a word that depends on a number, whose forms
 * are keys `key_zero`, `key_one`, `key_two`, `key_few`, `key_many`, `key_other` chosen by `Intl.PluralRules` in the
 * language in use (English has 2 forms, Russian 4, Arabic 6).
 *
 * The language follows the browser (the platform's `i18n.getMessage`); a member may choose another one in Docket
 * (Settings). The platform cannot switch language at run time, so the chosen language's messages are kept in
 * `storage.local` (LANGUAGE_KEY) by the page that chose it; every view reads them from there and redraws when
 * they change.
 *
 * Placeholders are `{name}` in the message (not the platform's `$1`/`$NAME$`), so that both sources read the same.
 * Why not a library: `@wxt-dev/i18n` (1.2 kB) knows only "0 | 1 | n" plurals and no language chosen at run time;
 * ICU MessageFormat (`intl-messageformat`) would add 34 kB to a 48 kB content script. This file adds about 1.5 kB.
 */
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

/** A message's key (checked against the English file, which has every key). */
export type MessageKey = keyof typeof en;
/** A plural message's key without its `_one`/`_other` ending. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;
export type Vars = Record<string, string | number>;

/** The languages of Docket's interface: the locale folder, and the language's own name for itself. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
  { code: 'es', name: 'Español' },
  { code: 'ar', name: 'العربية' },
  { code: 'ru', name: 'Русский' },
  { code: 'zh_CN', name: '简体中文' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

/** storage.local: the language a member chose, with its messages (absent: follow the browser). */
export const LANGUAGE_KEY = 'docket.language';
export interface ChosenLanguage {
  lang: LanguageCode;
  messages: Record<string, string>;
}

/** The chosen language's messages, or null: the platform's (the browser's language). */
let chosen: ChosenLanguage | null = null;
/** Messages set directly (unit tests: the fake browser has no i18n). */
let fallback: Record<string, string> | null = null;

export function isLanguageCode(value: unknown): value is LanguageCode {
  return LANGUAGES.some((l) => l.code === value);
}

/** Use these messages (a chosen language), or null to follow the browser again. */
export function setLanguage(value: ChosenLanguage | null): void {
  chosen = value && isLanguageCode(value.lang) && value.messages ? value : null;
  plurals = undefined;
  numbers = undefined;
  grouped = undefined;
}

/** The messages to use when the platform has none (unit tests). */
export function setFallbackMessages(messages: Record<string, string> | null): void {
  fallback = messages;
}

/** The chosen language, or null when Docket follows the browser. */
export function chosenLanguage(): LanguageCode | null {
  return chosen?.lang ?? null;
}

/**
 * storage.local: the messages of the browser's language, written by the background at install, update and browser
 * start (background/language.ts). A content script reads them with the chosen language (`loadLanguage`), so that it
 * does not ask the browser for its first word: the first `i18n.getMessage` in a page loads the locale files inside
 * the page's task (25–29 ms of script on S3's page, sampled, against none for every later word).
 */
export const BROWSER_WORDS_KEY = 'docket.browser-words';
export interface BrowserWords {
  /** The platform's locale folder (`zh_CN`). */
  lang: string;
  messages: Record<string, string>;
}

/**
 * The browser's messages as read so far. Each `i18n.getMessage` is a call into the browser, and a badge asks for
 * several words: on S3's page (5,000 badges) the calls took 31 ms of Docket's 269 ms. The browser's language cannot
 * change while a page lives, so each key is asked once.
 */
const platform = new Map<string, string>();

/** Words of the browser's language known without asking it (stored by the background); any other is asked. */
export function setBrowserWords(value: unknown): void {
  platform.clear();
  const messages = (value as Partial<BrowserWords> | null)?.messages;
  if (typeof messages !== 'object' || messages === null) return;
  for (const [key, text] of Object.entries(messages)) if (typeof text === 'string') platform.set(key, text);
}

function raw(key: string): string {
  if (chosen) {
    const m = chosen.messages[key];
    if (m !== undefined) return m;
  }
  if (fallback) return fallback[key] ?? '';
  let m = platform.get(key);
  if (m === undefined) {
    try {
      m = (browser.i18n.getMessage as (name: string) => string)(key) || '';
    } catch {
      // An extension context gone (an update): nothing kept, asked again next time.
      return '';
    }
    platform.set(key, m);
  }
  return m;
}

/** The locale `Intl` formats in: the chosen language's, else the browser's (undefined: the default). */
export function intlLocale(): string | undefined {
  return chosen ? chosen.lang.replace('_', '-') : undefined;
}

/** The direction of the language in use. */
export function uiDir(): 'ltr' | 'rtl' {
  return raw('dir') === 'rtl' ? 'rtl' : 'ltr';
}

/** The language of the messages in use, as a BCP 47 tag (for `lang` attributes). */
export function uiLang(): string {
  return raw('lang') || 'en';
}

let numbers: Intl.NumberFormat | undefined;
/**
 * A count as the language in use writes it (١٢ in Arabic), without grouping: "1200 documents", as Docket's
 * reports have always said it (scripts and tests read the counts back).
 */
export function formatNumber(n: number): string {
  const locale = intlLocale() ?? uiLang();
  // A count in a language written with Latin digits is its digits: no formatter needed. The first
  // Intl.NumberFormat of a page's world loads the locale's data: 27 ms of a page's first badges (S3's page, sampled).
  if (Number.isSafeInteger(n) && n >= 0 && LATIN_DIGITS.test(locale)) return String(n);
  numbers ??= new Intl.NumberFormat(locale, { useGrouping: false });
  return numbers.format(n);
}

/** Docket's languages whose counts are written in Latin digits (Arabic's are not: ١٢). */
const LATIN_DIGITS = /^(en|fr|es|ru|zh)(-|$)/;

let grouped: Intl.NumberFormat | undefined;
/** A large number to read, grouped as the language groups digits ("20,000", "20 000"). */
export function formatGrouped(n: number): string {
  grouped ??= new Intl.NumberFormat(intlLocale() ?? uiLang());
  return grouped.format(n);
}

function fill(message: string, vars: Vars | undefined): string {
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return v === undefined ? whole : typeof v === 'number' ? formatNumber(v) : v;
  });
}

/** A message, its `{name}` placeholders filled (numbers in the language's digits). */
export function t(key: MessageKey, vars?: Vars): string {
  return fill(raw(key), vars);
}

let plurals: Intl.PluralRules | undefined;
/** A message that depends on `count`: the form the language's plural rules choose, `{count}` filled. */
export function tn(key: PluralKey, count: number, vars?: Vars): string {
  plurals ??= new Intl.PluralRules(intlLocale() ?? uiLang());
  const form = plurals.select(count);
  const message = raw(`${key}_${form}`) || raw(`${key}_other`);
  return fill(message, { count, ...vars });
}

/** Read the chosen language from storage (at start), and use it. */
export async function loadLanguage(): Promise<void> {
  try {
    const got = await browser.storage.local.get([LANGUAGE_KEY, BROWSER_WORDS_KEY]);
    setBrowserWords(got[BROWSER_WORDS_KEY]);
    setLanguage((got[LANGUAGE_KEY] as ChosenLanguage | undefined) ?? null);
  } catch {
    setLanguage(null);
  }
}

/** Call `onChange` after the chosen language changes (in any view); returns a function that stops listening. */
export function onLanguageChange(onChange: (value: ChosenLanguage | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(LANGUAGE_KEY in changes)) return;
    const value = (changes[LANGUAGE_KEY]!.newValue as ChosenLanguage | undefined) ?? null;
    setLanguage(value);
    onChange(value);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** A locale file of this extension, as `{ key: text }` (Docket's own pages and the background; never a content script). */
export async function fetchMessages(lang: LanguageCode): Promise<Record<string, string>> {
  const res = await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/popup.html'));
  if (!res.ok) throw new Error(t('error_no_messages', { lang }));
  return messagesOf((await res.json()) as Record<string, { message: string }>);
}

/** A locale file's messages as `{ key: text }` (the platform's `{ key: { message } }` form). */
export function messagesOf(file: Record<string, { message: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(file)) out[key] = value.message;
  return out;
}
