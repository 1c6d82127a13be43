import { useState } from 'react';
import { browser } from 'wxt/browser';
import { sendToTab } from '@/utils/shared/protocol';
import { useLatest } from './useLatest';

export interface CurrentPage {
  /** False until the tab has been looked up. */
  ready: boolean;
  tabId?: number;
  url?: string;
  title?: string;
}

/**
 * The tab the popup acts on: `?tab=<id>` when given, else the active tab of the
 * current window. Its URL and title come from Docket's content script when it runs
 * there, else from the tab itself (undefined without a host permission).
 */
export function useCurrentPage(tabIdParam: number | undefined): CurrentPage {
  const [page, setPage] = useState<CurrentPage>({ ready: false });

  useLatest(
    async (): Promise<CurrentPage> => {
      let tab: { id?: number; url?: string; title?: string } | undefined;
      try {
        if (tabIdParam !== undefined) tab = await browser.tabs.get(tabIdParam);
        else [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      } catch {
        tab = tabIdParam !== undefined ? { id: tabIdParam } : undefined;
      }
      const tabId = tab?.id ?? tabIdParam;
      let url = tab?.url;
      let title = tab?.title;
      if (tabId !== undefined) {
        try {
          const info = await sendToTab(tabId, 'page/info', {});
          url = info.url || url;
          title = info.title || title;
        } catch {
          // No content script on that page (not a Docket site, or not loaded yet): keep the tab's own data.
        }
      }
      return { ready: true, tabId, url, title };
    },
    setPage,
    () => undefined,
    [tabIdParam],
  );

  return page;
}
