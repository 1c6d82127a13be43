import { browser } from 'wxt/browser';
import { fullPageSearch, type FullPageParams } from '@/utils/shared/page-urls';
import { t } from '@/utils/shared/i18n';

/** Open Docket in a tab (docket.html, as `link` says), and close the toolbar popup if that is where this runs. */
export async function openDocketTab(link: Partial<FullPageParams> = {}, closePopup = false): Promise<void> {
  await browser.tabs.create({ url: `${browser.runtime.getURL('/docket.html')}${fullPageSearch(link)}` });
  if (closePopup) window.close();
}

/** The popup's way to Docket in a tab: the table of every document, the timeline, bulk changes. */
export function OpenFullPageButton({ closePopup, onError }: { closePopup: boolean; onError: (e: unknown) => void }) {
  return (
    <button
      type="button"
      className="open-full-page"
      title={t('open_full_page_title')}
      onClick={() => void openDocketTab({}, closePopup).catch(onError)}
    >
      {t('open_full_page')}
    </button>
  );
}

/** From the popup's Scan view: the same review at full width, on the same tab. */
export function FullWidthScanButton({
  tabId,
  closePopup,
  onError,
}: {
  tabId?: number;
  closePopup: boolean;
  onError: (e: unknown) => void;
}) {
  if (tabId === undefined) return null;
  return (
    <p className="scan-full-width">
      <button
        type="button"
        className="link-button"
        onClick={() => void openDocketTab({ view: 'scan', tabId }, closePopup).catch(onError)}
      >
        {t('popup_scan_full_width')}
      </button>
    </p>
  );
}
