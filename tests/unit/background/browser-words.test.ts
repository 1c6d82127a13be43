// The browser's language's words, kept by the background for the content scripts (i18n.ts BROWSER_WORDS_KEY).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { refreshBrowserWords } from '@/utils/background/language';
import { browserWordsItem } from '@/utils/shared/storage-items';

const files: Record<string, Record<string, { message: string }>> = {
  fr: { lang: { message: 'fr' }, error_stopped: { message: 'Docket s’est arrêté.' } },
  zh_CN: { lang: { message: 'zh-CN' }, error_stopped: { message: 'Docket 已停止。' } },
};

describe('refreshBrowserWords', () => {
  let tag: string;
  beforeEach(() => {
    fakeBrowser.reset();
    (browser as unknown as { i18n: unknown }).i18n ??= {};
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string) =>
      key === 'lang' ? tag : '') as typeof browser.i18n.getMessage);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const lang = /_locales\/(\w+)\/messages\.json/.exec(url)?.[1] ?? '';
        return files[lang] ? new Response(JSON.stringify(files[lang])) : new Response('', { status: 404 });
      }),
    );
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it.each([
    ['fr', 'fr', 'Docket s’est arrêté.'],
    ['zh-CN', 'zh_CN', 'Docket 已停止。'],
  ])('keeps the words of the language the browser gives (%s)', async (given, folder, stopped) => {
    tag = given;
    await refreshBrowserWords();
    const kept = await browserWordsItem.get();
    expect(kept?.lang).toBe(folder);
    expect(kept?.messages.error_stopped).toBe(stopped);
  });

  it('drops kept words when the browser names no language of Docket', async () => {
    tag = 'fr';
    await refreshBrowserWords();
    tag = '';
    await refreshBrowserWords();
    expect(await browserWordsItem.get()).toBeNull();
  });
});
