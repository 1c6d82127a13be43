import { useState } from 'react';
import { browser } from 'wxt/browser';
import { send } from '@/utils/shared/protocol';
import type { SitesState } from '@/utils/shared/protocol';
import { isDefaultSite, originPattern } from '@/utils/shared/sites';
import { patternLabel } from '@/utils/popup/doc-text';
import type { CurrentPage } from '@/hooks/useCurrentPage';
import { usePermissionRequest } from '@/hooks/usePermissionRequest';
import { useLatest } from '@/hooks/useLatest';
import { t } from '@/utils/shared/i18n';

/** The Sites view: where Docket runs, enabling or disabling it on the current tab's site. */
export function SitesPanel({ page, onError }: { page: CurrentPage; onError: (e: unknown) => void }) {
  const [sites, setSites] = useState<SitesState | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ask = usePermissionRequest();

  useLatest(() => send('sites/get', {}), setSites, onError, [onError]);

  const url = page.url;
  const pattern = url ? originPattern(url) : null;
  const host = url && pattern ? new URL(url).hostname : null;
  const isDefault = url ? isDefaultSite(url) : false;
  const isEnabled = !!pattern && !!sites?.enabled.includes(pattern);

  async function enable() {
    if (!pattern || !host || busy) return;
    let granted: boolean;
    try {
      // First, before any other await: the browser only asks during the click's user gesture.
      granted = await ask({ origins: [pattern] });
    } catch (e) {
      onError(e);
      return;
    }
    if (!granted) {
      setMessage(t('sites_not_granted', { host }));
      return;
    }
    setBusy(true);
    try {
      setSites(
        await send('sites/enable', page.tabId !== undefined ? { origin: pattern, tabId: page.tabId } : { origin: pattern }),
      );
      setMessage(t('sites_now_runs', { host }));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }

  async function disable(p: string) {
    setBusy(true);
    try {
      await browser.permissions.remove({ origins: [p] });
      setSites(await send('sites/disable', { origin: p }));
      setMessage(t('sites_no_longer_runs', { host: patternLabel(p) }));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sites">
      <section aria-labelledby="sites-current">
        <h2 id="sites-current">{t('sites_this_site')}</h2>
        {!page.ready ? (
          <p className="muted">{t('sites_looking')}</p>
        ) : !url ? (
          <p className="muted">{t('sites_no_url')}</p>
        ) : !pattern || !host ? (
          <p className="muted">{t('sites_cannot_run')}</p>
        ) : isDefault ? (
          <p>{t('sites_default_on', { host })}</p>
        ) : isEnabled ? (
          <p>{t('sites_enabled_on', { host })}</p>
        ) : !sites ? (
          <p className="muted">{t('common_loading')}</p>
        ) : (
          <>
            <p className="muted small">{t('sites_ask_hint', { host })}</p>
            <button type="button" className="primary" onClick={enable} disabled={busy}>
              {t('sites_enable', { host })}
            </button>
          </>
        )}
        {message && <p className="notice">{message}</p>}
      </section>

      <section aria-labelledby="sites-list">
        <h2 id="sites-list">{t('sites_runs_on')}</h2>
        {sites && (
          <ul className="site-list">
            {sites.defaults.map((p) => (
              <li key={p}>
                <span className="site-host">{patternLabel(p)}</span>
                <span className="muted small">{t('sites_default')}</span>
              </li>
            ))}
            {sites.enabled.map((p) => (
              <li key={p}>
                <span className="site-host">{patternLabel(p)}</span>
                <button type="button" onClick={() => disable(p)} disabled={busy}>
                  {t('sites_disable')}
                  <span className="sr-only"> {patternLabel(p)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
