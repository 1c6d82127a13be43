import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createEditorWindows, type WindowMemory } from '@/utils/background/editor-windows';
import { createMenus, handleMenus } from '@/utils/background/menus';
import { refreshBrowserWords, refreshChosenLanguage, startLanguage } from '@/utils/background/language';
import { recoverJournal, statusReader, storageJournal } from '@/utils/background/journal';
import { startOmnibox } from '@/utils/background/omnibox';
import { startReminders } from '@/utils/background/reminders';
import { browserFetcher, scheduleSync } from '@/utils/background/subscriptions';
import { startToolbar, type BadgeMemory } from '@/utils/background/toolbar';
import { openDocketDbSafely, type DocketDB } from '@/utils/background/db/schema';
import { createHandlers, dispatch, type ServiceDeps } from '@/utils/background/service';
import type { Sender } from '@/utils/background/handlers/context';
import { answerPort, type PortLike } from '@/utils/shared/port-transport';
import {
  disableSite,
  enableSite,
  enabledSites,
  getSites,
  injectIntoOpenTabs,
  mayRunOn,
  releaseOrigins,
  setFeedPatterns,
  syncRegistration,
} from '@/utils/background/site-registry';
import { DEFAULT_SITE_PATTERNS, subscriptionOrigins } from '@/utils/shared/sites';
import { importProgressItem, revisionItem } from '@/utils/shared/storage-items';
import { editorWindowsItem } from '@/utils/background/storage-items';
import { noteUpdate } from '@/utils/shared/whats-new';
import { optional } from '@/utils/background/optional';
import { popupSearch, type PopupLink } from '@/utils/shared/page-urls';
import type { Said } from '@/utils/shared/said';

/** Editor windows kept for the browser session (storage.session where there is one), across service worker starts. */
function sessionMemory(): WindowMemory | undefined {
  if (!(browser.storage as { session?: unknown }).session) return undefined;
  return { load: () => editorWindowsItem.get(), save: (pairs) => editorWindowsItem.set(pairs) };
}

/** The toolbar badge's last drawing, noted for the browser session (none without storage.session: drawn at every start). */
function badgeMemory(revision: () => Promise<string | null>): BadgeMemory | undefined {
  const area = (browser.storage as { session?: typeof browser.storage.local }).session;
  if (!area) return undefined;
  const key = 'docket:badge-drawn';
  return {
    load: async () => (await area.get(key))[key],
    save: (drawn) => area.set({ [key]: drawn }),
    revision,
  };
}

// The service worker owns the index. What it does lives in utils/ (service.ts for the
// messages, background/ for menus, address bar, toolbar and reminders); this file wires them:
// the message listener first, then each optional part guarded on its own (optional.ts).
export default defineBackground(() => {
  let dbPromise: Promise<DocketDB> | undefined;
  let readOnlyReason: Said | undefined;
  const db = () =>
    (dbPromise ??= openDocketDbSafely()
      .then(async (opened) => {
        readOnlyReason = opened.readOnlySaid;
        await recoverJournal(opened.db, () => deps.indexChanged()).catch(console.error);
        return opened.db;
      })
      .catch((error) => {
        dbPromise = undefined;
        throw error;
      }));

  const popupUrl = (link: PopupLink) => `${browser.runtime.getURL('/popup.html')}${popupSearch(link)}`;
  const openPopupWindow = async (link: PopupLink) => {
    await browser.windows.create({ url: popupUrl(link), type: 'popup', width: 460, height: 680 });
  };
  // Badges' editor windows: one per tab, reused (editor-windows.ts).
  const editors = createEditorWindows(
    {
      create: async (url) => (await browser.windows.create({ url, type: 'popup', width: 460, height: 680 }))?.id,
      async reuse(windowId, url) {
        const [tab] = await browser.tabs.query({ windowId });
        if (tab?.id === undefined) return false;
        await browser.tabs.update(tab.id, { url });
        await browser.windows.update(windowId, { focused: true });
        return true;
      },
    },
    optional('session storage', () => sessionMemory()),
  );

  // The index revision as last written (read once after a start), for the first pages the popup keeps.
  let revision: Promise<string | null> | undefined;
  const readRevision = () =>
    (revision ??= revisionItem.get().catch(() => {
      revision = undefined;
      return null;
    }));

  const deps: ServiceDeps = {
    db,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    now: () => new Date().toISOString(),
    indexChanged: async () => {
      omnibox?.invalidate();
      const next = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      await revisionItem.set(next);
      revision = Promise.resolve(next);
      void toolbar?.refresh().catch(console.error);
    },
    openEditorWindow: (link, tabId) => editors.open(popupUrl(link), tabId),
    sites: { get: getSites, enable: enableSite, disable: disableSite, mayRun: mayRunOn, release: releaseOrigins },
    journal: storageJournal,
    fetcher: browserFetcher,
    status: statusReader(() => readOnlyReason),
    readOnlyReason: () => readOnlyReason,
    revision: readRevision,
    importProgress: (progress) => importProgressItem.set(progress),
    askTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  };
  const handlers = createHandlers(deps);
  // First and synchronously: a message that wakes the worker finds its listener, whatever fails below.
  browser.runtime.onMessage.addListener((message, sender) => dispatch(message, sender, handlers, deps));
  // Docket's pages in Firefox ask over a port (utils/shared/port-transport.ts), answered the same way.
  optional('page ports', () =>
    browser.runtime.onConnect.addListener((port) =>
      answerPort(port as unknown as PortLike, (message, sender) => dispatch(message, (sender ?? {}) as Sender, handlers, deps)),
    ),
  );

  // The sites subscriptions read are not sites Docket runs on (site-registry.ts).
  setFeedPatterns(async () => subscriptionOrigins(await (await db()).getAll('subscriptions')));
  // Find out at once whether an operation was cut short when the worker last stopped.
  void db().catch(console.error);

  // Each optional part on its own: one that is missing or throws costs only itself (optional.ts).
  optional('windows', () => browser.windows.onRemoved.addListener((windowId) => void editors.closed(windowId)));
  // Started after the listener, each on its own: without them the index still answers.
  const toolbar = optional('the toolbar badge', () => startToolbar(db, badgeMemory(readRevision)));
  const omnibox = optional('the address bar (dk)', () =>
    startOmnibox(
      db,
      (q) => openPopupWindow({ q }),
      () => browser.tabs.create({ url: browser.runtime.getURL('/docket.html') }),
    ),
  );
  optional('reminders', () => startReminders(db));
  // The chosen language (else the browser's): menus, toolbar and address bar say everything again when it changes.
  optional('the chosen language', () =>
    startLanguage(() => {
      optional('context menus', createMenus);
      optional('the address bar (dk)', () => omnibox?.redraw());
      void toolbar?.refresh().catch(console.error);
    }),
  );
  optional('context menus', () => handleMenus(openPopupWindow));
  optional('scheduled syncs', () => scheduleSync(() => handlers['subscriptions/sync']({}, {})));

  // Registered scripts follow the enabled sites' permissions, whoever changed them.
  optional('permission events', () => {
    browser.permissions.onRemoved.addListener(() => {
      void syncRegistration().catch(console.error);
      // A site whose permission went (in the browser's own settings too): its open pages ask again, are refused, and clear their badges.
      void deps.indexChanged().catch(console.error);
    });
    browser.permissions.onAdded.addListener(() => void syncRegistration().catch(console.error));
  });
  // The browser's language may change only with the browser: its words are kept again at each start.
  optional('start events', () => browser.runtime.onStartup.addListener(() => void refreshBrowserWords().catch(console.error)));
  optional('install events', () =>
    browser.runtime.onInstalled.addListener(async (details) => {
      // An update: the popup shows what changed, once (never a tab opened uninvited).
      void noteUpdate(details).catch(console.error);
      optional('context menus', createMenus);
      await refreshChosenLanguage().catch(console.error);
      await refreshBrowserWords().catch(console.error);
      await syncRegistration().catch(console.error);
      if (import.meta.env.MANIFEST_VERSION === 3) {
        // Chrome does not run content scripts in tabs already open at install or update time.
        const enabled = await enabledSites().catch(() => []);
        await injectIntoOpenTabs([...DEFAULT_SITE_PATTERNS, ...enabled]).catch(console.error);
      }
    }),
  );
});
