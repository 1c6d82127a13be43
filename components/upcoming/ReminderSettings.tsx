import { useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { usePermissionRequest } from '@/hooks/usePermissionRequest';
import { useLatest } from '@/hooks/useLatest';
import { DEFAULT_REMINDERS } from '@/utils/shared/reminder-settings';
import { reminderSettingsItem } from '@/utils/shared/storage-items';
import type { ReminderSettings as Settings } from '@/utils/shared/reminder-settings';
import { MAX_REMINDER_DAYS, parseDaysBefore } from '@/utils/popup/inputs';
import { errorMessage } from '@/utils/popup/errors';
import { t, tn } from '@/utils/shared/i18n';

function daysText(n: number): string {
  return n === 0 ? t('rem_on_the_day') : tn('rem_days_before', n);
}

/**
 * Local reminders (off by default), kept in storage.local (`reminderSettingsItem`): at the top of the Upcoming view,
 * where deadlines are, as one line that says whether they are on and opens to change them. Turning them on
 * asks for the notifications permission in the change handler itself (the browser only asks
 * during the member's gesture); refused, they stay off.
 */
export function ReminderSettings() {
  const id = useId();
  const ask = usePermissionRequest();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [days, setDays] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const latest = useRef<Settings>(DEFAULT_REMINDERS);

  useLatest(
    () => reminderSettingsItem.get(),
    (s) => {
      latest.current = s;
      setSettings(s);
      setDays(String(s.daysBefore));
    },
    (e) => setProblem(errorMessage(e)),
    [],
  );

  async function save(next: Settings) {
    latest.current = next;
    setSettings(next);
    await reminderSettingsItem.set(next);
  }

  function onToggle(e: ChangeEvent<HTMLInputElement>) {
    if (!e.target.checked) {
      setProblem(null);
      save({ ...latest.current, enabled: false }).then(
        () => setMessage(t('rem_off_message')),
        (err) => setProblem(errorMessage(err)),
      );
      return;
    }
    // First, before any other await: the browser only asks during the member's gesture.
    const asked = ask({ permissions: ['notifications'] });
    setProblem(null);
    setMessage(null);
    void (async () => {
      let granted = false;
      try {
        granted = await asked;
      } catch (err) {
        setMessage(t('rem_stay_off_error', { error: errorMessage(err) }));
        return;
      }
      if (!granted) {
        setMessage(t('rem_stay_off_denied'));
        return;
      }
      try {
        const next = { ...latest.current, enabled: true };
        await save(next);
        setMessage(t('rem_will_remind', { when: daysText(next.daysBefore) }));
      } catch (err) {
        setProblem(errorMessage(err));
      }
    })();
  }

  function onDays(e: ChangeEvent<HTMLInputElement>) {
    setDays(e.target.value);
    const n = parseDaysBefore(e.target.value);
    if (n === null) {
      setProblem(t('rem_days_invalid', { min: 0, max: MAX_REMINDER_DAYS }));
      return;
    }
    setProblem(null);
    save({ ...latest.current, daysBefore: n }).then(
      () => setMessage(latest.current.enabled ? t('rem_will_remind', { when: daysText(n) }) : null),
      (err) => setProblem(errorMessage(err)),
    );
  }

  return (
    <details className="settings reminders">
      <summary>
        <span className="reminders-title">{t('rem_title')}</span>
        <span className="muted small">
          {t('settings_summary_sep')}
          {!settings ? '…' : settings.enabled ? daysText(settings.daysBefore) : t('rem_off')}
        </span>
      </summary>
      <p className="muted small">{t('rem_explain')}</p>
      <div className="check-line">
        <input id={`${id}-on`} type="checkbox" checked={!!settings?.enabled} disabled={!settings} onChange={onToggle} />
        <label htmlFor={`${id}-on`}>{t('rem_toggle')}</label>
      </div>
      <div className="field days-field">
        <label htmlFor={`${id}-days`}>{t('rem_days_label')}</label>
        <input
          id={`${id}-days`}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_REMINDER_DAYS}
          step={1}
          value={days}
          disabled={!settings}
          aria-invalid={problem && parseDaysBefore(days) === null ? true : undefined}
          aria-describedby={`${id}-days-hint ${id}-problem`}
          onChange={onDays}
        />
        <span id={`${id}-days-hint`} className="muted small">
          {t('rem_days_hint', { min: 0, max: MAX_REMINDER_DAYS })}
        </span>
      </div>
      <p id={`${id}-problem`} className="field-error" aria-live="polite">
        {problem}
      </p>
      <p className="settings-message" aria-live="polite">
        {message}
      </p>
    </details>
  );
}
