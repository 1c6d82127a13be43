import { Suspense, lazy, useCallback, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Workstream } from '@/utils/shared/model';
import { send } from '@/utils/shared/protocol';
import type { CurrentPage } from '@/hooks/useCurrentPage';
import { useLatest } from '@/hooks/useLatest';
import { t } from '@/utils/shared/i18n';

const ScanPanel = lazy(() => import('./ScanPanel').then((m) => ({ default: m.ScanPanel })));

interface TabChoice {
  id: number;
  title: string;
  url: string;
}

/**
 * The Scan review at full width: the popup's Scan view (ScanPanel) on a tab chosen here, or on
 * the tab the popup was opened over (`docket.html?view=scan&tab=…`).
 */
export function FullScan({
  tabId,
  revision,
  onTracked,
  onError,
}: {
  tabId?: number;
  revision: number;
  onTracked: () => void;
  onError: (e: unknown) => void;
}) {
  const id = useId();
  const [workstreams, setWorkstreams] = useState<Workstream[] | null>(null);
  const [tabs, setTabs] = useState<TabChoice[]>([]);
  const [chosen, setChosen] = useState<CurrentPage | null>(null);
  useLatest(
    () => send('workstreams/list', {}),
    (r) => setWorkstreams(r.workstreams),
    onError,
    [revision, onError],
  );

  const pick = useCallback((tab: { id?: number; url?: string; title?: string }) => {
    if (tab.id === undefined) return;
    setChosen({ ready: true, tabId: tab.id, url: tab.url, title: tab.title });
  }, []);

  useLatest(
    () => browser.tabs.query({}).catch(() => []),
    (all) => {
      // Tabs whose address Docket may read (its sites): the ones it can scan.
      const list = all
        .filter((t) => t.id !== undefined && /^https?:/.test(t.url ?? ''))
        .map((t) => ({ id: t.id!, title: t.title || t.url!, url: t.url! }));
      setTabs(list);
      if (tabId !== undefined) {
        const given = all.find((t) => t.id === tabId);
        pick(given ?? { id: tabId });
      }
    },
    () => undefined,
    [tabId, pick],
  );

  return (
    <div className="full-scan">
      <div className="field">
        <label htmlFor={`${id}-tab`}>{t('scan_page_to_scan')}</label>
        <select
          id={`${id}-tab`}
          value={chosen?.tabId ?? ''}
          onChange={(e) => {
            const t = tabs.find((x) => String(x.id) === e.target.value);
            if (t) pick(t);
          }}
        >
          <option value="" disabled>
            {tabs.length ? t('scan_choose_page') : t('scan_no_page')}
          </option>
          {chosen && !tabs.some((t) => t.id === chosen.tabId) && (
            <option value={chosen.tabId}>{chosen.title || t('scan_the_page')}</option>
          )}
          {tabs.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </div>
      {chosen && workstreams && (
        <Suspense fallback={<p className="muted">{t('scan_loading')}</p>}>
          <ScanPanel
            key={chosen.tabId}
            page={chosen}
            workstreams={workstreams}
            loaded
            revision={revision}
            onTracked={onTracked}
          />
        </Suspense>
      )}
      {!chosen && <p className="muted">{t('scan_choose_hint')}</p>}
    </div>
  );
}
