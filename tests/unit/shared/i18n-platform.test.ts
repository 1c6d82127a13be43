// The browser's own messages (no language chosen in Docket): each key asked of the browser once per page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import en from '@/public/_locales/en/messages.json';
import { messagesOf, setFallbackMessages, setLanguage, t, tn } from '@/utils/shared/i18n';

const english = messagesOf(en);

describe('words from the browser', () => {
  let asked: string[];
  let fail: boolean;
  beforeEach(() => {
    asked = [];
    fail = false;
    setLanguage(null);
    setFallbackMessages(null);
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

  it('a language chosen in Docket wins over the remembered browser words', () => {
    expect(t('error_stopped')).toBe(english.error_stopped);
    setLanguage({ lang: 'fr', messages: { error_stopped: 'Arrêté' } });
    expect(t('error_stopped')).toBe('Arrêté');
    setLanguage(null);
    expect(t('error_stopped')).toBe(english.error_stopped);
  });
});
