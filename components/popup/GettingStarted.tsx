import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Subscription } from '@/utils/shared/reports';
import { t } from '@/utils/shared/i18n';
import { errorMessage } from '@/utils/popup/errors';
import { parseSheetUrl } from '@/utils/popup/join';
import { subscribeWithAccess } from '@/utils/popup/subscribe';
import { ErrorAlert } from '@/components/common/ErrorAlert';

/**
 * "Join your group's index": paste the coordinator's link, Join. The browser asks for the sheet's site inside
 * that click (the same flow as Import / export → Shared sheets), then Docket subscribes and syncs once;
 * `onJoined` gets the subscription (its first sync's report or error). Prefilled from `?join=`: the member
 * still presses Join.
 */
export function JoinForm({ initialUrl, onJoined }: { initialUrl?: string; onJoined: (sub: Subscription) => void }) {
  const id = useId();
  const urlRef = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState(initialUrl ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const parsed = parseSheetUrl(url);
    if ('problem' in parsed) {
      setProblem(parsed.problem);
      urlRef.current?.focus();
      return;
    }
    let asked: ReturnType<typeof subscribeWithAccess>;
    try {
      asked = subscribeWithAccess(parsed, '');
    } catch (err) {
      setError(errorMessage(err));
      return;
    }
    setProblem(null);
    setError(null);
    setBusy(true);
    void (async () => {
      try {
        const outcome = await asked;
        if (outcome.refused) {
          setError(t('join_no_access', { host: outcome.host }));
          return;
        }
        if (outcome.subscription.lastError)
          setError(t('join_failed', { name: outcome.subscription.name, error: outcome.subscription.lastError }));
        setUrl('');
        onJoined(outcome.subscription);
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setBusy(false);
      }
    })();
  }

  return (
    <section className="join" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('welcome_join_heading')}</h2>
      <p className="muted small">{t('welcome_join_hint')}</p>
      <form className="inline-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
        <label htmlFor={`${id}-url`}>{t('welcome_join_label')}</label>
        <div className="inline-fields">
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
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('welcome_joining') : t('welcome_join_button')}
          </button>
        </div>
        <p id={`${id}-problem`} className="field-error" aria-live="polite">
          {problem}
        </p>
      </form>
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
    </section>
  );
}

/** The empty popup (and full page): the ways to start, the group's first. */
export function GettingStarted({
  canScan,
  hideJoin,
  onJoined,
  onScan,
  onImport,
  onAddLink,
  onSample,
  onHelp,
}: {
  /** The tab shows a page Docket may read. */
  canScan: boolean;
  /** The join form is shown elsewhere (`?join=`). */
  hideJoin?: boolean;
  onJoined: (sub: Subscription) => void;
  onScan?: () => void;
  onImport?: () => void;
  onAddLink?: () => void;
  onSample?: () => void;
  onHelp?: () => void;
}) {
  const id = useId();
  return (
    <section className="getting-started" aria-labelledby={`${id}-heading`} data-docket-welcome="">
      <h2 id={`${id}-heading`} className="sr-only">
        {t('welcome_heading')}
      </h2>
      <p className="muted">{t('welcome_intro')}</p>
      {!hideJoin && <JoinForm onJoined={onJoined} />}
      <h3 className="small">{t('welcome_or')}</h3>
      <ul className="start-ways">
        {canScan && onScan && (
          <li>
            <button type="button" onClick={onScan}>
              {t('welcome_scan')}
            </button>
          </li>
        )}
        {onImport && (
          <li>
            <button type="button" onClick={onImport}>
              {t('welcome_import')}
            </button>
          </li>
        )}
        {onAddLink && (
          <li>
            <button type="button" onClick={onAddLink}>
              {t('welcome_add_link')}
            </button>
          </li>
        )}
        {onSample && (
          <li>
            <button type="button" onClick={onSample}>
              {t('welcome_sample')}
            </button>
          </li>
        )}
        {onHelp && (
          <li>
            <button type="button" className="link-button" onClick={onHelp}>
              {t('welcome_help')}
            </button>
          </li>
        )}
      </ul>
    </section>
  );
}
