/**
 * Deadlines in a calendar: "Add to Google Calendar" (a calendar.google.com event template) for one
 * document, and the words both that link and the `.ics` file give each deadline. A deadline is a
 * whole day: an all-day event on it (the end is the next day, as iCalendar and Google count).
 */
import type { DocRecord, Workstream } from '../shared/model';
import { addDays } from '../shared/calendar';
import { displayTitle } from '../shared/doc-order';
import { openUrl } from '../shared/open-url';
import { plainLine } from '../shared/plain-text';

/** The event's title: "Deadline: <document> (<workstream>)", one plain line (no control or bidi-control characters). */
export function eventTitle(doc: DocRecord, ws?: Workstream): string {
  return `Deadline: ${plainLine(displayTitle(doc))}${ws ? ` (${plainLine(ws.name)})` : ''}`;
}

/** Where the member's choice to send the page a deadline was found on is kept (the extension's localStorage). */
export const CALENDAR_SOURCE_KEY = 'docket:calendar-source';

/** Whether the member turned on "include the page the deadline was found on" (off by default). */
export function calendarSourceOn(): boolean {
  try {
    return globalThis.localStorage?.getItem(CALENDAR_SOURCE_KEY) === '1';
  } catch {
    return false;
  }
}

/** An address without its query and fragment (a token in either stays home); undefined when not http(s). */
export function bareAddress(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return `${u.origin}${u.pathname}`;
  } catch {
    return undefined;
  }
}

/**
 * The event's description, all that leaves the extension with a deadline (README, "What leaves"): the
 * document's link (in its workstream's account), its workstream, the deadline's note; the page the
 * deadline was found on only when the member turned that on, and then without its query or fragment.
 * No status, no page title, no sentence. Each line is plain text (no control or bidi-control
 * characters: a right-to-left override in a note cannot turn the calendar's text around).
 */
export function eventDescription(doc: DocRecord, ws?: Workstream, withSource = calendarSourceOn()): string {
  const lines = [openUrl(ws ? { doc, workstream: ws } : { doc })];
  if (ws) lines.push(`Workstream: ${plainLine(ws.name)}`);
  if (doc.deadlineNote)
    lines.push(
      ...doc.deadlineNote
        .split(/\r\n|\r|\n/)
        .map(plainLine)
        .filter(Boolean),
    );
  const source = withSource && doc.source ? bareAddress(doc.source) : undefined;
  if (source) lines.push(`Found on ${source}`);
  return lines.join('\n');
}

const compact = (day: string) => day.replaceAll('-', '');

/**
 * Google Calendar's "create event" page for a document's deadline, or null without one. With the
 * workstream's Google account: `/calendar/u/N/` for an account number, `authuser=` for an address
 * (the same rule as opening its documents, utils/shared/links.ts `withAccount`).
 */
export function googleCalendarUrl(doc: DocRecord, ws?: Workstream, withSource = calendarSourceOn()): string | null {
  if (!doc.deadline) return null;
  const account = ws?.account;
  const byNumber = !!account && /^\d{1,2}$/.test(account);
  // Built as text (a list may draw hundreds of rows, each with this link).
  const params: Array<[string, string]> = [
    ['action', 'TEMPLATE'],
    ['text', eventTitle(doc, ws)],
    ['dates', `${compact(doc.deadline)}/${compact(addDays(doc.deadline, 1))}`],
    ['details', eventDescription(doc, ws, withSource)],
  ];
  if (account && !byNumber) params.push(['authuser', account]);
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `https://calendar.google.com/calendar/${byNumber ? `u/${account}/` : ''}render?${query}`;
}
