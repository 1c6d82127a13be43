import { useState } from 'react';
import { browser } from 'wxt/browser';
import { send } from '@/utils/shared/protocol';
import type { SitesState } from '@/utils/shared/protocol';
import { isDefaultSite, originPattern } from '@/utils/shared/sites';
import { patternLabel } from '@/utils/popup/doc-text';
import type { CurrentPage } from '@/hooks/useCurrentPage';
import { usePermissionRequest } from '@/hooks/usePermissionRequest';
import { useLatest } from '@/hooks/useLatest';

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
      setMessage(`Nothing changed: Docket was not given access to ${host}. You can ask again any time.`);
      return;
    }
    setBusy(true);
    try {
      setSites(
        await send('sites/enable', page.tabId !== undefined ? { origin: pattern, tabId: page.tabId } : { origin: pattern }),
      );
      setMessage(`Docket now runs on ${host}.`);
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
      setMessage(`Docket no longer runs on ${patternLabel(p)}.`);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sites">
      <section aria-labelledby="sites-current">
        <h2 id="sites-current">This site</h2>
        {!page.ready ? (
          <p className="muted">Looking at the current tab…</p>
        ) : !url ? (
          <p className="muted">Docket cannot see which site the current tab shows.</p>
        ) : !pattern || !host ? (
          <p className="muted">Docket cannot run on this kind of page.</p>
        ) : isDefault ? (
          <p>Docket runs on {host} by default.</p>
        ) : isEnabled ? (
          <p>Docket runs on {host}: you enabled it.</p>
        ) : !sites ? (
          <p className="muted">Loading…</p>
        ) : (
          <>
            <p className="muted small">
              Your browser will ask you to let Docket read pages on {host}, so it can show badges next to document links there;
              nothing leaves your browser.
            </p>
            <button type="button" className="primary" onClick={enable} disabled={busy}>
              Enable Docket on {host}
            </button>
          </>
        )}
        {message && <p className="notice">{message}</p>}
      </section>

      <section aria-labelledby="sites-list">
        <h2 id="sites-list">Docket runs on</h2>
        {sites && (
          <ul className="site-list">
            {sites.defaults.map((p) => (
              <li key={p}>
                <span className="site-host">{patternLabel(p)}</span>
                <span className="muted small">default</span>
              </li>
            ))}
            {sites.enabled.map((p) => (
              <li key={p}>
                <span className="site-host">{patternLabel(p)}</span>
                <button type="button" onClick={() => disable(p)} disabled={busy}>
                  Disable<span className="sr-only"> {patternLabel(p)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
