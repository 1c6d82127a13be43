/** Local reminders (off by default): a daily check that shows a notification before deadlines. */
import { browser } from 'wxt/browser';
import { dueOn } from './db/store';
import { type DocketDB } from './db/schema';
import { type ReminderSettings } from '../shared/reminder-settings';
import { reminderSettingsItem } from '../shared/storage-items';
import { remindersSentItem } from './storage-items';
import { reminderKey, reminderText, reminderWindow, remindersDue } from './reminder-rules';
import { daysUntil, localToday } from '../shared/calendar';
import { popupSearch } from '../shared/page-urls';

const ALARM = 'docket-reminders';

export async function readReminderSettings(): Promise<ReminderSettings> {
  return reminderSettingsItem.get();
}

export function startReminders(db: () => Promise<DocketDB>): { check(): Promise<number> } {
  async function check(): Promise<number> {
    const settings = await readReminderSettings();
    if (!settings.enabled || !browser.notifications) return 0;
    const today = localToday();
    const sent = new Set(await remindersSentItem.get());
    const due = remindersDue(await dueOn(await db(), reminderWindow(today, settings.daysBefore)), today, sent);
    for (const doc of due) {
      const { title, message } = reminderText(doc, today, daysUntil(doc.deadline!, today));
      await browser.notifications.create(`docket:${doc.id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title,
        message,
      });
      sent.add(reminderKey(doc));
    }
    if (due.length) await remindersSentItem.set([...sent].slice(-5000));
    return due.length;
  }

  void browser.alarms.create(ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void check().catch(console.error);
  });
  reminderSettingsItem.watch(() => void check().catch(console.error));
  browser.notifications?.onClicked.addListener((id) => {
    if (id.startsWith('docket:'))
      void browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}${popupSearch({ edit: id.slice(7) })}` });
  });
  return { check };
}
