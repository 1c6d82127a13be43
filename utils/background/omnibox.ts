/** The `dk` keyword in the address bar. */
import { browser } from 'wxt/browser';
import { t } from '../shared/i18n';
import { getIndex } from './db/store';
import { type DocketDB } from './db/schema';
import { destination, suggestions, type Suggestion } from './omnibox-suggestions';
import { DocSearch } from '../shared/search';
import { localToday } from '../shared/calendar';

export type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

/** What the address bar's events do, apart from the browser: unit tests drive these. */
export function omniboxHandlers(deps: {
  search: () => Promise<DocSearch>;
  today: () => string;
  xml: boolean;
  open: (url: string, disposition: Disposition) => Promise<unknown>;
  /** Nothing matched: open Docket's search with the words. */
  openPopup: (query: string) => Promise<unknown>;
  /** `dk` and Enter with no words: Docket in a tab. */
  openFullPage: () => Promise<unknown>;
}) {
  return {
    async changed(text: string, suggest: (s: Suggestion[]) => void): Promise<void> {
      suggest(suggestions((await deps.search()).search(text, deps.today(), 8), deps.today(), deps.xml));
    },
    async entered(text: string, disposition: Disposition): Promise<void> {
      if (!text.trim()) {
        await deps.openFullPage();
        return;
      }
      const url = destination(text, (await deps.search()).search(text, deps.today(), 1));
      await (url ? deps.open(url, disposition) : deps.openPopup(text));
    },
  };
}

export function startOmnibox(
  db: () => Promise<DocketDB>,
  openPopup: (query: string) => Promise<void>,
  openFullPage: () => Promise<unknown>,
): { invalidate(): void; redraw(): void } {
  let search: Promise<DocSearch> | undefined;
  const handlers = omniboxHandlers({
    search: () =>
      (search ??= db()
        .then(getIndex)
        .then((i) => new DocSearch(i.documents, i.workstreams))),
    today: () => localToday(),
    xml: import.meta.env.BROWSER !== 'firefox',
    open: (url, disposition) =>
      disposition === 'currentTab'
        ? browser.tabs.update({ url })
        : browser.tabs.create({ url, active: disposition === 'newForegroundTab' }),
    openPopup,
    openFullPage,
  });
  browser.omnibox.setDefaultSuggestion({
    description: t('omnibox_default'),
  });
  browser.omnibox.onInputChanged.addListener((text, suggest) => void handlers.changed(text, suggest).catch(console.error));
  browser.omnibox.onInputEntered.addListener(
    (text, disposition) => void handlers.entered(text, disposition).catch(console.error),
  );
  return {
    invalidate: () => (search = undefined),
    /** Say the default suggestion again (a new language). */
    redraw: () => browser.omnibox.setDefaultSuggestion({ description: t('omnibox_default') }),
  };
}
