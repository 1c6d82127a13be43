import { t } from '@/utils/shared/i18n';

/** Errors from the background, shown until dismissed or replaced; never swallowed. */
export function ErrorAlert({ message, onDismiss }: { message: string | null; onDismiss?: () => void }) {
  if (!message) return null;
  return (
    <div className="alert" role="alert">
      <span className="alert-icon" aria-hidden="true">
        ⚠
      </span>
      <span className="alert-text">{message}</span>
      {onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('common_dismiss')}
        </button>
      )}
    </div>
  );
}
