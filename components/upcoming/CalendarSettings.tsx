import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import { CALENDAR_SOURCE_KEY, calendarSourceOn } from '@/utils/popup/google-calendar';

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
      setMessage(
        next
          ? 'Calendar events will include the page each deadline was found on, without its query or fragment.'
          : 'Calendar events will not include the page a deadline was found on.',
      );
    } catch {
      setMessage('This setting could not be saved.');
    }
  }

  return (
    <details className="settings calendar-settings">
      <summary>
        <span className="reminders-title">Calendar</span>
        <span className="muted small">{on ? ': with the source page' : ': document, workstream and note only'}</span>
      </summary>
      <p className="muted small">
        Add to Google Calendar sends the document’s title, workstream, deadline, link and deadline note to Google Calendar, only
        when you click it.
      </p>
      <div className="check-line">
        <input id={`${id}-source`} type="checkbox" checked={on} onChange={onToggle} />
        <label htmlFor={`${id}-source`}>Also send the page the deadline was found on (without its query or fragment)</label>
      </div>
      <p className="muted small" aria-live="polite">
        {message}
      </p>
    </details>
  );
}
