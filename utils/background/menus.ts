/**
 * Context menus: "Track in Docket" on a link to a Google document, "Scan this page with Docket"
 * on any page, "Track this document in Docket" on a Google document's own page.
 */
import { browser, type Browser } from 'wxt/browser';
import { parseDocLink } from '../shared/links';
import { titleFromLinkText } from '../shared/link-title';
import { t } from '../shared/i18n';
import { sendToTab } from '../shared/protocol';
import { CONTENT_SCRIPT_FILE } from './site-registry';
import type { PopupLink } from '../shared/page-urls';

export const MENU = {
  trackLink: 'docket-track-link',
  scanPage: 'docket-scan-page',
  trackPage: 'docket-track-page',
} as const;

const DOC_PATTERNS = [
  '*://docs.google.com/*',
  '*://drive.google.com/*',
  '*://www.google.com/url*',
  '*://*.safelinks.protection.outlook.com/*',
  '*://outlook.office.com/mail/safelink.html*',
];

export function createMenus(): void {
  const menus = browser.contextMenus;
  void menus.removeAll().then(() => {
    menus.create({ id: MENU.trackLink, title: t('action_track'), contexts: ['link'], targetUrlPatterns: DOC_PATTERNS });
    menus.create({ id: MENU.scanPage, title: t('menu_scan_page'), contexts: ['page'] });
    menus.create({
      id: MENU.trackPage,
      title: t('menu_track_page'),
      contexts: ['page'],
      documentUrlPatterns: ['*://docs.google.com/*/d/*', '*://drive.google.com/*/d/*'],
    });
  });
}

export function handleMenus(openPopupWindow: (link: PopupLink) => Promise<void>): void {
  browser.contextMenus.onClicked.addListener(async (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => {
    const tabId = tab?.id;
    if (info.menuItemId === MENU.trackLink && info.linkUrl && parseDocLink(info.linkUrl)) {
      const track: NonNullable<PopupLink['track']> = { url: info.linkUrl };
      // The link's text and the heading it stands under, from the page (title and workstream guesses).
      const context =
        tabId !== undefined ? await sendToTab(tabId, 'page/link-context', { url: info.linkUrl }).catch(() => null) : null;
      // The page's answer, or without it (Docket not running there) the browser's link text; never a bare address.
      const text = titleFromLinkText(context ? context.text : (info as { linkText?: string }).linkText, info.linkUrl);
      if (text) track.title = text;
      if (context?.heading) track.wsGuess = context.heading;
      if (tab?.url) track.source = tab.url;
      if (tab?.title) track.sourceTitle = tab.title;
      await openPopupWindow({ close: true, track });
    } else if (info.menuItemId === MENU.trackPage && tab?.url && parseDocLink(tab.url)) {
      await openPopupWindow({ close: true, track: { url: tab.url, title: tab.title } });
    } else if (info.menuItemId === MENU.scanPage && tabId !== undefined) {
      // Docket may not run on this site: the menu click grants activeTab, so run it here now.
      const alive = await sendToTab(tabId, 'page/info', {}).then(
        () => true,
        () => false,
      );
      if (!alive) {
        await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] }).catch(() => undefined);
      }
      await openPopupWindow({ tabId, scan: true });
    }
  });
}
