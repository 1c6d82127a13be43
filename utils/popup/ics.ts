/**
 * Deadlines as an iCalendar file (RFC 5545), for any calendar: one all-day event per document with
 * a deadline. Each event's UID is the document's (`<id>@docket`), so importing a later export
 * updates the events instead of adding them again; SEQUENCE grows with the document's last change.
 * ical-generator writes the file (line folding at 75 octets, escaping of `,` `;` `\` and newlines); the text
 * values are what the Calendar link sends (google-calendar.ts), without control or bidi-control characters.
 */
import ical, { ICalEventTransparency } from 'ical-generator';
import type { DocRecord, Workstream } from '../shared/model';
import { addDays } from '../shared/calendar';
import { openUrl } from '../shared/open-url';
import { calendarSourceOn, eventDescription, eventTitle } from './google-calendar';

/** A document's event UID: the same in every export. */
export function eventUid(doc: DocRecord): string {
  return `${doc.id}@docket`;
}

/** Seconds from 2020-01-01 to the document's last change: a SEQUENCE that grows with each change. */
export function eventSequence(doc: DocRecord): number {
  const t = Date.parse(doc.updatedAt);
  return Number.isNaN(t) ? 0 : Math.max(0, Math.floor((t - Date.UTC(2020, 0, 1)) / 1000));
}

export function icsFilename(today: string): string {
  return `docket-deadlines-${today}.ics`;
}

/** The calendar file for these documents (those without a deadline are left out); `now` stamps it. */
export function deadlinesIcs(
  docs: readonly DocRecord[],
  workstreams: readonly Workstream[],
  now: Date,
  withSource = calendarSourceOn(),
): string {
  const wsById = new Map(workstreams.map((w) => [w.id, w] as const));
  const cal = ical({ prodId: { company: 'Docket', product: 'Deadlines', language: 'EN' }, name: 'Docket deadlines' });
  for (const doc of docs) {
    if (!doc.deadline) continue;
    const ws = doc.workstreamId ? wsById.get(doc.workstreamId) : undefined;
    cal.createEvent({
      id: eventUid(doc),
      sequence: eventSequence(doc),
      stamp: now,
      // Strings: the day itself, never moved by a time zone (ical-generator writes them as UTC dates).
      start: doc.deadline,
      end: addDays(doc.deadline, 1),
      allDay: true,
      summary: eventTitle(doc, ws),
      description: eventDescription(doc, ws, withSource),
      url: openUrl(ws ? { doc, workstream: ws } : { doc }),
      // A deadline does not make anyone busy.
      transparency: ICalEventTransparency.TRANSPARENT,
      ...(Number.isNaN(Date.parse(doc.updatedAt)) ? {} : { lastModified: new Date(doc.updatedAt) }),
    });
  }
  // Every content line ends with CRLF, the last one too (RFC 5545 §3.1).
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
