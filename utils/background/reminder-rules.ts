/**
 * Optional local reminders (off by default): a notification a chosen number of days before
 * each deadline, once per document and deadline. Pure: the background schedules and shows.
 */
import { addDays } from '../shared/calendar';
import type { DocRecord } from '../shared/model';
import { plainLine } from '../shared/plain-text';
import { urgencyOf } from '../shared/urgency';
import { formatDate } from '../shared/format-date';

export const SENT_KEY = 'docket:reminders-sent';

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
    // Plain lines: no control or bidi-control characters in a notification (issue 13, item 15).
    title: `Due ${when}: ${plainLine(doc.title || '') || doc.id}`,
    message: plainLine(doc.deadlineNote || '') || `Deadline: ${formatDate(doc.deadline ?? today)}.`,
  };
}
