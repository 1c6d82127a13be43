import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import { CALENDAR_SOURCE_KEY, calendarSourceOn } from '@/utils/popup/google-calendar';
import { t } from '@/utils/shared/i18n';

/**
 * What "Add to Google Calendar" and the .ics export send with a deadline (issue 28, item 10): the page the
 * deadline was found on goes only when the member turns it on (off by default), and then without its query or
 * fragment. Kept in the extension's localStorage (read synchronously where a row draws its link).
 */
export function CalendarSettings() {
  const id = useId();
  const [on, setOn] = useState(calendarSourceOn);
  const [message, setMessage] = useState<string | null>(null);

  function onToggle(e: ChangeEvent<HTMLInputElement>) {
    const next = e.target.checked;
    try {
      if (next) localStorage.setItem(CALENDAR_SOURCE_KEY, '1');
      else localStorage.removeItem(CALENDAR_SOURCE_KEY);
      setOn(next);
      setMessage(next ? t('cal_source_on') : t('cal_source_off'));
    } catch {
      setMessage(t('cal_not_saved'));
    }
  }

  return (
    <details className="settings calendar-settings">
      <summary>
        <span className="reminders-title">{t('cal_title')}</span>
        <span className="muted small">
          {t('settings_summary_sep')}
          {on ? t('cal_summary_on') : t('cal_summary_off')}
        </span>
      </summary>
      <p className="muted small">{t('cal_explain')}</p>
      <div className="check-line">
        <input id={`${id}-source`} type="checkbox" checked={on} onChange={onToggle} />
        <label htmlFor={`${id}-source`}>{t('cal_source_label')}</label>
      </div>
      <p className="muted small" aria-live="polite">
        {message}
      </p>
    </details>
  );
}
