import { useId, useState } from 'react';
import type { Subscription } from '@/utils/shared/reports';
import { t } from '@/utils/shared/i18n';
import { errorMessage } from '@/utils/popup/errors';
import { subscribeWithAccess } from '@/utils/popup/subscribe';
import { lastErrorText } from '@/utils/popup/report-text';
import { ErrorAlert } from '@/components/common/ErrorAlert';
import { SheetUrlForm } from '@/components/common/SheetUrlForm';
import type { SheetUrl } from '@/components/common/SheetUrlForm';

/**
 * "Join your group's index": paste the coordinator's link, Join. The browser asks for the sheet's site inside
 * that click (the same flow as Import / export → Shared sheets), then Docket subscribes and syncs once;
 * `onJoined` gets the subscription (its first sync's report or error). Prefilled from `?join=` (or a join link on
 * the group's page, which opens this view): the member still presses Join.
 */
export function JoinForm({ initialUrl, onJoined }: { initialUrl?: string; onJoined: (sub: Subscription) => void }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);

  function join(parsed: SheetUrl) {
    const asked = subscribeWithAccess(parsed, '');
    setError(null);
    return (async () => {
      try {
        const outcome = await asked;
        if (outcome.refused) {
          setError(t('join_no_access', { host: outcome.host }));
          return;
        }
        if (outcome.subscription.lastError)
          setError(t('join_failed', { name: outcome.subscription.name, error: lastErrorText(outcome.subscription) }));
        onJoined(outcome.subscription);
        return { clear: true };
      } catch (err) {
        setError(errorMessage(err));
      }
    })();
  }

  return (
    <section className="join" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('welcome_join_heading')}</h2>
      <p className="muted small">{t('welcome_join_hint')}</p>
      <SheetUrlForm
        label={t('welcome_join_label')}
        formLabel={t('welcome_join_heading')}
        button={t('welcome_join_button')}
        pendingButton={t('welcome_joining')}
        primary
        initialUrl={initialUrl}
        action={join}
      />
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
