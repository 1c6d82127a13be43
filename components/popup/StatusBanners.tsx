import type { IndexStatus } from '@/utils/shared/protocol';
import { interruptedText } from '@/utils/popup/report-text';
import { t } from '@/utils/shared/i18n';
import { sayOr } from '@/utils/shared/said';

/**
 * What the background says about the index as a whole: read-only (a persistent alert: every
 * write fails with that reason anyway), or an import or sync the browser cut short.
 */
export function StatusBanners({
  status,
  onDismissInterrupted,
}: {
  status: IndexStatus | null;
  onDismissInterrupted: () => void;
}) {
  if (!status) return null;
  return (
    <>
      {status.readOnlyReason && (
        <div className="alert banner-readonly" role="alert">
          <span className="alert-icon" aria-hidden="true">
            ⚠
          </span>
          <span className="alert-text">{sayOr(status.readOnlySaid, status.readOnlyReason)}</span>
        </div>
      )}
      {status.interrupted && (
        <div className="alert banner-interrupted" role="alert">
          <span className="alert-icon" aria-hidden="true">
            ⚠
          </span>
          <span className="alert-text">{interruptedText(status.interrupted)}</span>
          <button type="button" className="link-button" onClick={onDismissInterrupted}>
            {t('popup_dismiss')}
            <span className="sr-only">
              {t(/^sync\b/i.test(status.interrupted.label) ? 'popup_dismiss_sync_more' : 'popup_dismiss_import_more')}
            </span>
          </button>
        </div>
      )}
    </>
  );
}
