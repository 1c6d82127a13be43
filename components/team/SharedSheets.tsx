import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { send } from '@/utils/shared/protocol';
import type { Subscription } from '@/utils/shared/reports';
import { formatInstant } from '@/utils/shared/format-date';
import { safeHttpUrl } from '@/utils/popup/doc-text';
import { syncCountsText } from '@/utils/popup/report-text';
import { ErrorAlert } from '@/components/common/ErrorAlert';
import { SheetProposals } from './SheetProposals';
import { errorMessage } from '@/utils/popup/errors';
import { parseSheetUrl } from '@/utils/popup/join';
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
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  /** 'add', or the id of the subscription being synced or removed. */
  const [busy, setBusy] = useState<string | null>(null);
  const list = subscriptions ?? [];

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const parsed = parseSheetUrl(url);
    if ('problem' in parsed) {
      setProblem(parsed.problem);
      urlRef.current?.focus();
      return;
    }
    // First, before any other await: the browser only asks during the member's gesture.
    let asked: ReturnType<typeof subscribeWithAccess>;
    try {
      asked = subscribeWithAccess(parsed, name);
    } catch (err) {
      setError(errorMessage(err));
      return;
    }
    setProblem(null);
    setError(null);
    setMessage(null);
    setBusy('add');
    void (async () => {
      try {
        const outcome = await asked;
        if (outcome.refused) {
          setError(
            `Nothing changed: Docket was not given access to ${outcome.host}, so it cannot read the sheet. You can ask again any time.`,
          );
          return;
        }
        const { subscription } = outcome;
        onChanged(upsert(list, subscription));
        setUrl('');
        setName('');
        if (subscription.lastError)
          setError(`Subscribed to “${subscription.name}”, but the first sync failed: ${subscription.lastError}`);
        else {
          setMessage(
            `Subscribed to “${subscription.name}”.${subscription.lastReport ? ` ${syncCountsText(subscription.lastReport)}` : ''}`,
          );
        }
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setBusy(null);
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
        if (next.lastError) setError(`The sync of “${next.name}” failed: ${next.lastError}`);
        else setMessage(`Synced “${next.name}”.${next.lastReport ? ` ${syncCountsText(next.lastReport)}` : ''}`);
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
      setMessage(`Unsubscribed from “${sub.name}”. Its documents stay in your index; they no longer follow the sheet.`);
      urlRef.current?.focus();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="shared-sheets">
      <h2 id={`${id}-heading`}>Shared sheets</h2>
      <p className="muted small">
        Follow a team’s index: Docket reads it every hour and merges it into yours; your own edits are kept and flagged. To share
        a Google Sheet, choose File → Share → Publish to web, pick the sheet and “Comma-separated values (.csv)”, publish, and
        paste the address it gives here.
      </p>

      {subscriptions === null ? (
        <p className="muted">Loading…</p>
      ) : list.length === 0 ? (
        <p className="muted small">No shared sheets yet.</p>
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
                    Last synced:{' '}
                    {s.lastSuccessAt ? <time dateTime={s.lastSuccessAt}>{formatInstant(s.lastSuccessAt)}</time> : 'never'}
                  </span>
                  {s.lastReport && <span className="sheet-report small">{syncCountsText(s.lastReport)}</span>}
                  {s.lastError && (
                    <div className="alert" role="alert">
                      <span className="alert-icon" aria-hidden="true">
                        ⚠
                      </span>
                      <span className="alert-text">{s.lastError}</span>
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
                    {busy === s.id ? 'Syncing…' : 'Sync now'}
                    <span className="sr-only"> {s.name}</span>
                  </button>
                  <button type="button" className="danger" onClick={() => unsubscribe(s)} disabled={!!busy}>
                    Unsubscribe<span className="sr-only"> from {s.name}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <form className="sheet-form" onSubmit={onSubmit} noValidate aria-label="Subscribe to a shared sheet">
        <div className="field">
          <label htmlFor={`${id}-url`}>Published sheet (CSV) or Docket file (JSON) address</label>
          <input
            id={`${id}-url`}
            ref={urlRef}
            type="url"
            inputMode="url"
            placeholder="https://docs.google.com/spreadsheets/d/e/…/pub?output=csv"
            value={url}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-problem`}
            onChange={(e) => {
              setUrl(e.target.value);
              if (problem) setProblem(null);
            }}
          />
        </div>
        <p id={`${id}-problem`} className="field-error" aria-live="polite">
          {problem}
        </p>
        <div className="field">
          <label htmlFor={`${id}-name`}>Sheet name</label>
          <input
            id={`${id}-name`}
            type="text"
            dir="auto"
            placeholder="e.g. WG-Strategy team sheet (optional)"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" disabled={!!busy}>
            {busy === 'add' ? 'Subscribing…' : 'Subscribe'}
          </button>
        </div>
      </form>

      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
