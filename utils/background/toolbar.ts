/**
 * Keeps the toolbar icon's badge current: on a tracked document's tab, its days to the
 * deadline; everywhere else, the number of overdue documents.
 */
import { browser } from 'wxt/browser';
import { countOverdue, lookup } from './db/store';
import { type DocketDB } from './db/schema';
import { parseDocLink } from '../shared/links';
import { documentBadge, overdueBadge, type BadgeLook } from './toolbar-look';
import { localToday } from '../shared/calendar';

const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
const DOC_TABS = ['*://docs.google.com/*', '*://drive.google.com/*'];

async function apply(look: BadgeLook, tabId?: number): Promise<void> {
  const a = action();
  await a.setBadgeText({ text: look.text, ...(tabId !== undefined && { tabId }) });
  if (look.text) await a.setBadgeBackgroundColor({ color: look.color, ...(tabId !== undefined && { tabId }) });
  await a.setTitle({ title: look.title, ...(tabId !== undefined && { tabId }) });
}

async function clearTab(tabId: number): Promise<void> {
  const a = action();
  // null: the tab shows the global badge again.
  await a.setBadgeText({ text: null as unknown as string, tabId }).catch(() => a.setBadgeText({ text: '', tabId }));
  await a.setTitle({ title: null as unknown as string, tabId }).catch(() => undefined);
}

export function startToolbar(db: () => Promise<DocketDB>): { refresh(): Promise<void> } {
  async function updateTab(tabId: number, url: string | undefined): Promise<void> {
    const ref = url ? parseDocLink(url) : null;
    if (!ref) return clearTab(tabId);
    const record = (await lookup(await db(), [ref.id]))[ref.id];
    if (!record) return clearTab(tabId);
    await apply(documentBadge(record.doc, localToday()), tabId);
  }

  async function refresh(): Promise<void> {
    await apply(overdueBadge(await countOverdue(await db(), localToday())));
    const tabs = await browser.tabs.query({ url: DOC_TABS });
    await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : updateTab(t.id, t.url).catch(() => undefined))));
  }

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'complete') void updateTab(tabId, tab.url).catch(() => undefined);
  });
  void refresh().catch(console.error);
  return { refresh };
}
