// The browser's own messages (no language chosen in Docket): each key asked of the browser once per page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import en from '@/public/_locales/en/messages.json';
import { formatNumber, messagesOf, setBrowserWords, setFallbackMessages, setLanguage, t, tn } from '@/utils/shared/i18n';

const english = messagesOf(en);

describe('words from the browser', () => {
  let asked: string[];
  let fail: boolean;
  beforeEach(() => {
    asked = [];
    fail = false;
    setLanguage(null);
    setFallbackMessages(null);
    setBrowserWords(null);
    (browser as unknown as { i18n: unknown }).i18n ??= {};
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string) => {
      asked.push(key);
      if (fail) throw new Error('Extension context invalidated.');
      return english[key] ?? '';
    }) as typeof browser.i18n.getMessage);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    setFallbackMessages(english);
  });

  it.each([
    ['a plain message', () => t('error_stopped'), ['error_stopped']],
    ['a plural form', () => tn('span_days', 2), ['span_days_other']],
  ])('%s is asked of the browser once, then read from memory', (_name, say, keys) => {
    const first = say();
    const second = say();
    expect(first).not.toBe('');
    expect(second).toBe(first);
    expect(asked.filter((k) => keys.includes(k))).toEqual(keys);
  });

  it('a failed call is not remembered: the next one asks again', () => {
    fail = true;
    expect(t('error_page_no_answer')).toBe('');
    fail = false;
    expect(t('error_page_no_answer')).toBe(english.error_page_no_answer);
    expect(asked.filter((k) => k === 'error_page_no_answer')).toHaveLength(2);
  });

  it('words kept by the background are read without asking the browser; others are asked', () => {
    setBrowserWords({ lang: 'en', messages: { error_stopped: 'Kept words', lang: 'en', span_days_one: '{count} day' } });
    expect(t('error_stopped')).toBe('Kept words');
    expect(tn('span_days', 1)).toBe('1 day');
    expect(asked).toEqual([]);
    expect(t('error_page_no_answer')).toBe(english.error_page_no_answer);
    expect(asked).toEqual(['error_page_no_answer']);
  });

  it.each([null, 'text', { lang: 'en' }, { messages: 'no' }])('kept words of another shape (%j) are ignored', (value) => {
    setBrowserWords(value);
    expect(t('error_stopped')).toBe(english.error_stopped);
    expect(asked).toEqual(['error_stopped']);
  });

  it('a language chosen in Docket wins over the remembered browser words', () => {
    expect(t('error_stopped')).toBe(english.error_stopped);
    setLanguage({ lang: 'fr', messages: { error_stopped: 'Arrêté' } });
    expect(t('error_stopped')).toBe('Arrêté');
    setLanguage(null);
    expect(t('error_stopped')).toBe(english.error_stopped);
  });
});

describe('formatNumber', () => {
  afterEach(() => setLanguage(null));
  const counts = [0, 1, 2, 7, 11, 21, 100, 1200, 20000, 9007199254740991];
  it.each(['en', 'fr', 'es', 'ru', 'zh_CN', 'ar'] as const)('writes counts as Intl does in %s', (lang) => {
    setLanguage({ lang, messages: {} });
    const intl = new Intl.NumberFormat(lang.replace('_', '-'), { useGrouping: false });
    for (const n of [...counts, -3, 2.5]) expect(formatNumber(n)).toBe(intl.format(n));
  });
  it('writes Arabic counts in Arabic digits', () => {
    setLanguage({ lang: 'ar', messages: {} });
    expect(formatNumber(12)).toBe(new Intl.NumberFormat('ar', { useGrouping: false }).format(12));
  });
});
