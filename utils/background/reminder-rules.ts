/**
 * Optional local reminders (off by default): a notification a chosen number of days before
 * each deadline, once per document and deadline. Pure: the background schedules and shows.
 */
import type { DocRecord } from '../shared/model';
import { urgencyOf } from '../shared/urgency';

export interface ReminderSettings {
  enabled: boolean;
  /** Days before the deadline (0 = on the day). */
  daysBefore: number;
}

export const DEFAULT_REMINDERS: ReminderSettings = { enabled: false, daysBefore: 2 };
export const SETTINGS_KEY = 'docket:reminders';
export const SENT_KEY = 'docket:reminders-sent';

/** The calendar day `n` days after `day` (`YYYY-MM-DD`). */
export function addDays(day: string, n: number): string {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

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
  const when = daysLeft <= 0 ? 'today' : daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`;
  return {
    title: `Due ${when}: ${doc.title || doc.id}`,
    message: doc.deadlineNote || `Deadline ${doc.deadline} (today is ${today}).`,
  };
}
