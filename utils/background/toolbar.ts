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

/** What the global badge was last drawn from: the day and the index revision (storage.session keeps it). */
export interface BadgeDrawn {
  day: string;
  revision: string | null;
}

/**
 * Whether the badge drawn from `last` (kept for this browser session) is still right for `now`: drawn on the
 * same day from the same revision of the index. The browser keeps the badge while it runs, so a worker that
 * starts again need not read every past deadline to draw the same number (that read, at tens of thousands of
 * documents, took the cores the page that woke the worker needs to open).
 */
export function badgeStillRight(last: unknown, now: BadgeDrawn): boolean {
  if (!last || typeof last !== 'object' || now.revision === null) return false;
  const l = last as Partial<BadgeDrawn>;
  return l.day === now.day && l.revision === now.revision;
}

/** Where the badge's last drawing is noted (storage.session), and the index's revision now. */
export interface BadgeMemory {
  load(): Promise<unknown>;
  save(drawn: BadgeDrawn): Promise<void>;
  revision(): Promise<string | null>;
}

export function startToolbar(db: () => Promise<DocketDB>, memory?: BadgeMemory): { refresh(): Promise<void> } {
  async function updateTab(tabId: number, url: string | undefined): Promise<void> {
    const ref = url ? parseDocLink(url) : null;
    if (!ref) return clearTab(tabId);
    const record = (await lookup(await db(), [ref.id]))[ref.id];
    if (!record) return clearTab(tabId);
    await apply(documentBadge(record.doc, localToday()), tabId);
  }

  async function refresh(): Promise<void> {
    // The revision before the count: a write meanwhile leaves the note stale, and the next start draws again.
    const revision = (await memory?.revision().catch(() => null)) ?? null;
    const day = localToday();
    await apply(overdueBadge(await countOverdue(await db(), day)));
    const tabs = await browser.tabs.query({ url: DOC_TABS });
    await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : updateTab(t.id, t.url).catch(() => undefined))));
    if (memory && revision !== null) await memory.save({ day, revision }).catch(() => undefined);
  }

  /** At the worker's start: drawn again only when the day or the index changed since the badge was last drawn. */
  async function atStart(): Promise<void> {
    if (memory) {
      const [last, revision] = await Promise.all([memory.load().catch(() => null), memory.revision().catch(() => null)]);
      if (badgeStillRight(last, { day: localToday(), revision })) return;
    }
    await refresh();
  }

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'complete') void updateTab(tabId, tab.url).catch(() => undefined);
  });
  void atStart().catch(console.error);
  return { refresh };
}
