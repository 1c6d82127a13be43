/** The `dk` keyword in the address bar. */
import { browser } from 'wxt/browser';
import { getIndex, type DocketDB } from '../db';
import { destination, suggestions } from '../omnibox';
import { DocSearch } from '../search';
import { localToday } from '../urgency';

export function startOmnibox(db: () => Promise<DocketDB>, openPopup: (query: string) => Promise<void>): { invalidate(): void } {
  let search: Promise<DocSearch> | undefined;
  const index = () => (search ??= db().then(getIndex).then((i) => new DocSearch(i.documents, i.workstreams)));
  const xml = import.meta.env.BROWSER !== 'firefox';

  browser.omnibox.setDefaultSuggestion({ description: 'Docket: find a document by title, workstream or notes (overdue, due:week, ws:…, status:…)' });
  browser.omnibox.onInputChanged.addListener(async (text, suggest) => {
    const hits = (await index()).search(text, localToday(), 8);
    suggest(suggestions(hits, localToday(), xml));
  });
  browser.omnibox.onInputEntered.addListener(async (text, disposition) => {
    const url = destination(text, (await index()).search(text, localToday(), 1));
    if (!url) return openPopup(text);
    if (disposition === 'currentTab') await browser.tabs.update({ url });
    else await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
  });
  return { invalidate: () => (search = undefined) };
}
