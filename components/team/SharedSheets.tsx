import { useId, useRef, useState } from 'react';
import { send } from '@/utils/shared/protocol';
import { t } from '@/utils/shared/i18n';
import type { Subscription } from '@/utils/shared/reports';
import { formatInstant } from '@/utils/shared/format-date';
import { safeHttpUrl } from '@/utils/popup/doc-text';
import { lastErrorText, syncCountsText } from '@/utils/popup/report-text';
import { ErrorAlert } from '@/components/common/ErrorAlert';
import { SheetUrlForm } from '@/components/common/SheetUrlForm';
import type { SheetUrl } from '@/components/common/SheetUrlForm';
import { SheetProposals } from './SheetProposals';
import { errorMessage } from '@/utils/popup/errors';
import { subscribeWithAccess } from '@/utils/popup/subscribe';

function upsert(list: readonly Subscription[], sub: Subscription): Subscription[] {
  return list.some((s) => s.id === sub.id) ? list.map((s) => (s.id === sub.id ? sub : s)) : [...list, sub];
}

/**
 * "Shared sheets": subscriptions to a team's published sheet (CSV) or Docket file (JSON). Adding
 * one first asks the browser for access to that site (in the submit handler: the member's
 * gesture), then subscribes and syncs once.
 */
export function SharedSheets({
  subscriptions,
  onChanged,
}: {
  /** null while loading. */
  subscriptions: Subscription[] | null;
  onChanged: (subscriptions: Subscription[]) => void;
}) {
  const id = useId();
  const urlRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  /** 'add', or the id of the subscription being synced or removed. */
  const [busy, setBusy] = useState<string | null>(null);
  const list = subscriptions ?? [];

  /** After a sync: what it did, in words. */
  const counts = (sub: Subscription) => (sub.lastReport ? ` ${syncCountsText(sub.lastReport)}` : '');

  function subscribe(parsed: SheetUrl) {
    // First, before any other await: the browser only asks during the member's gesture.
    const asked = subscribeWithAccess(parsed, name);
    setError(null);
    setMessage(null);
    return (async () => {
      try {
        const outcome = await asked;
        if (outcome.refused) {
          setError(t('join_no_access', { host: outcome.host }));
          return;
        }
        const { subscription } = outcome;
        onChanged(upsert(list, subscription));
        setName('');
        if (subscription.lastError)
          setError(t('sheets_subscribed_failed', { name: subscription.name, error: lastErrorText(subscription) }));
        else setMessage(t('sheets_subscribed', { name: subscription.name }) + counts(subscription));
        return { clear: true };
      } catch (err) {
        setError(errorMessage(err));
      }
    })();
  }

  async function syncNow(sub: Subscription) {
    if (busy) return;
    setBusy(sub.id);
    setMessage(null);
    setError(null);
    try {
      const { subscriptions: synced } = await send('subscriptions/sync', { id: sub.id });
      const next = synced.find((s) => s.id === sub.id);
      if (next) {
        onChanged(upsert(list, next));
        if (next.lastError) setError(t('sheets_sync_failed', { name: next.name, error: lastErrorText(next) }));
        else setMessage(t('sheets_synced', { name: next.name }) + counts(next));
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  async function unsubscribe(sub: Subscription) {
    if (busy) return;
    setBusy(sub.id);
    setMessage(null);
    setError(null);
    try {
      await send('subscriptions/remove', { id: sub.id });
      onChanged(list.filter((s) => s.id !== sub.id));
      setMessage(t('sheets_unsubscribed', { name: sub.name }));
      urlRef.current?.focus();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="shared-sheets">
      <h2 id={`${id}-heading`}>{t('sheets_heading')}</h2>
      <p className="muted small">{t('sheets_intro')}</p>

      {subscriptions === null ? (
        <p className="muted">{t('sheets_loading')}</p>
      ) : list.length === 0 ? (
        <p className="muted small">{t('sheets_empty')}</p>
      ) : (
        <ul className="sheet-list">
          {list.map((s) => {
            const href = safeHttpUrl(s.url);
            return (
              <li key={s.id} className="sheet-row" data-subscription-id={s.id}>
                <div className="sheet-text">
                  <span className="sheet-name">{s.name}</span>
                  {href ? (
                    <a className="sheet-url" href={href} target="_blank" rel="noopener noreferrer">
                      {s.url}
                    </a>
                  ) : (
                    <span className="sheet-url">{s.url}</span>
                  )}
                  <span className="doc-meta">
                    {t('sheets_last_synced')}{' '}
                    {s.lastSuccessAt ? (
                      <time dateTime={s.lastSuccessAt}>{formatInstant(s.lastSuccessAt)}</time>
                    ) : (
                      t('sheets_never_synced')
                    )}
                  </span>
                  {s.lastReport && <span className="sheet-report small">{syncCountsText(s.lastReport)}</span>}
                  {s.lastError && (
                    <div className="alert" role="alert">
                      <span className="alert-icon" aria-hidden="true">
                        ⚠
                      </span>
                      <span className="alert-text">{lastErrorText(s)}</span>
                    </div>
                  )}
                  <SheetProposals
                    sub={s}
                    busy={!!busy}
                    onApplied={(next) => onChanged(upsert(list, next))}
                    onAllowed={(next) => void syncNow(next)}
                    onError={setError}
                  />
                </div>
                <div className="actions">
                  <button type="button" onClick={() => syncNow(s)} disabled={!!busy}>
                    {busy === s.id ? t('sheets_syncing') : t('sheets_sync_now')}
                    <span className="sr-only"> {s.name}</span>
                  </button>
                  <button type="button" className="danger" onClick={() => unsubscribe(s)} disabled={!!busy}>
                    {t('sheets_unsubscribe')}
                    <span className="sr-only"> {t('sheets_unsubscribe_sr', { name: s.name })}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <SheetUrlForm
        stacked
        label={t('sheets_url_label')}
        formLabel={t('sheets_form_label')}
        button={t('sheets_subscribe')}
        pendingButton={t('sheets_subscribing')}
        action={subscribe}
        disabled={!!busy && busy !== 'add'}
        onPendingChange={(pending) => setBusy(pending ? 'add' : null)}
        inputRef={urlRef}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('sheets_name_label')}</label>
          <input
            id={`${id}-name`}
            type="text"
            dir="auto"
            placeholder={t('sheets_name_placeholder')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
      </SheetUrlForm>

      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
