/**
 * Optional local reminders (off by default): a notification a chosen number of days before
 * each deadline, once per document and deadline. Pure: the background schedules and shows.
 */
import { addDays } from '../shared/calendar';
import { t, tn } from '../shared/i18n';
import type { DocRecord } from '../shared/model';
import { plainLine } from '../shared/plain-text';
import { urgencyOf } from '../shared/urgency';
import { formatDate } from '../shared/format-date';

/** The days whose deadlines are due for a reminder today: from today to today + daysBefore. */
export function reminderWindow(today: string, daysBefore: number): string[] {
  return Array.from({ length: Math.max(0, daysBefore) + 1 }, (_, i) => addDays(today, i));
}

export const reminderKey = (doc: DocRecord) => `${doc.id}@${doc.deadline}`;

/** Which documents to remind of now: in the window, not done, not reminded of that deadline before. */
export function remindersDue(docs: readonly DocRecord[], today: string, sent: ReadonlySet<string>): DocRecord[] {
  return docs.filter((d) => d.deadline && urgencyOf(d, today) !== 'done' && !sent.has(reminderKey(d)));
}

export function reminderText(doc: DocRecord, today: string, daysLeft: number): { title: string; message: string } {
  const name = plainLine(doc.title || '') || doc.id;
  return {
    // Plain lines: no control or bidi-control characters in a notification (issue 13, item 15).
    title:
      daysLeft <= 0
        ? t('reminder_title_today', { name })
        : daysLeft === 1
          ? t('reminder_title_tomorrow', { name })
          : tn('reminder_title_in_days', daysLeft, { name }),
    message: plainLine(doc.deadlineNote || '') || t('reminder_message', { date: formatDate(doc.deadline ?? today) }),
  };
}
