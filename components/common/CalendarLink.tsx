import type { DocRecord, Workstream } from '@/utils/shared/model';
import { displayTitle } from '@/utils/shared/doc-order';
import { googleCalendarUrl } from '@/utils/popup/google-calendar';
import { t } from '@/utils/shared/i18n';

/** "Add to Google Calendar" for a document with a deadline (nothing without one); opens in a new tab. */
export function CalendarLink({
  doc,
  workstream,
  compact = false,
  look = 'button',
  tabIndex,
}: {
  doc: DocRecord;
  workstream?: Workstream;
  compact?: boolean;
  /** A button's look (tables, lists), or a small link in a line of text (the popup's rows). */
  look?: 'button' | 'link';
  tabIndex?: number;
}) {
  const url = googleCalendarUrl(doc, workstream);
  if (!url) return null;
  return (
    <a
      className={look === 'button' ? 'button-like calendar-link' : 'calendar-link'}
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      tabIndex={tabIndex}
      title={t('calendar_title')}
    >
      {compact ? (
        <>
          <span aria-hidden="true">{t('calendar_short')}</span>
          <span className="sr-only">{t('calendar_name', { title: displayTitle(doc) })}</span>
        </>
      ) : (
        <>
          {t('calendar_add')}
          <span className="sr-only">{t('calendar_add_more', { title: displayTitle(doc) })}</span>
        </>
      )}
    </a>
  );
}
