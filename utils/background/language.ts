/**
 * The background's language (notifications, context menus, the address bar, the toolbar's title): the one a
 * member chose in Docket, else the browser's. Read at start; on a change, `redraw` (menus, toolbar, omnibox)
 * says everything again. After an update, the chosen language's messages are read again from the new locale
 * files, so that no view keeps the old words.
 */
import { browser } from 'wxt/browser';
import { LANGUAGES, chosenLanguage, loadLanguage, fetchMessages, onLanguageChange } from '../shared/i18n';
import { browserWordsItem, languageItem } from '../shared/storage-items';

export function startLanguage(redraw: () => void): Promise<void> {
  onLanguageChange(redraw);
  return loadLanguage().then(redraw);
}

/** After an install or update: the chosen language's messages from this version's locale file. */
export async function refreshChosenLanguage(): Promise<void> {
  await loadLanguage();
  const lang = chosenLanguage();
  if (!lang) return;
  const messages = await fetchMessages(lang).catch(() => null);
  if (messages) await languageItem.set({ lang, messages });
}

/**
 * At install, update and the browser's start: the messages of the language the browser gives Docket, kept for the
 * content scripts (i18n.ts, BROWSER_WORDS_KEY), so that a page's first badge does not wait for the browser to load
 * the locale files. Asked of the browser itself, not of the kept words.
 */
export async function refreshBrowserWords(): Promise<void> {
  const tag = (browser.i18n.getMessage as (name: string) => string)('lang');
  const lang = LANGUAGES.find((l) => l.code.replace('_', '-') === tag)?.code;
  if (!lang) {
    await browserWordsItem.remove();
    return;
  }
  const messages = await fetchMessages(lang).catch(() => null);
  if (messages) await browserWordsItem.set({ lang, messages });
}
