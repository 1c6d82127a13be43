/**
 * Deadlines in a calendar: "Add to Google Calendar" (a calendar.google.com event template) for one
 * document, and the words both that link and the `.ics` file give each deadline. A deadline is a
 * whole day: an all-day event on it (the end is the next day, as iCalendar and Google count).
 */
import type { DocRecord, Workstream } from '../shared/model';
import { addDays } from '../shared/calendar';
import { displayTitle } from '../shared/doc-order';
import { openUrl } from '../shared/open-url';
import { STATUS_LABELS } from '../shared/states';

/** The event's title: "Deadline: <document> (<workstream>)". */
export function eventTitle(doc: DocRecord, ws?: Workstream): string {
  return `Deadline: ${displayTitle(doc)}${ws ? ` (${ws.name})` : ''}`;
}

/** The event's description: the document's link (in its workstream's account), then what Docket knows of the deadline. */
export function eventDescription(doc: DocRecord, ws?: Workstream): string {
  const lines = [openUrl(ws ? { doc, workstream: ws } : { doc })];
  if (ws) lines.push(`Workstream: ${ws.name}`);
  if (doc.status) lines.push(`Status: ${STATUS_LABELS[doc.status]}`);
  if (doc.deadlineNote) lines.push(doc.deadlineNote);
  if (doc.deadlineSource) lines.push(`“${doc.deadlineSource}”`);
  if (doc.source) lines.push(`Tracked from ${doc.sourceTitle ? `${doc.sourceTitle} — ` : ''}${doc.source}`);
  return lines.join('\n');
}

const compact = (day: string) => day.replaceAll('-', '');

/**
 * Google Calendar's "create event" page for a document's deadline, or null without one. With the
 * workstream's Google account: `/calendar/u/N/` for an account number, `authuser=` for an address
 * (the same rule as opening its documents, utils/shared/links.ts `withAccount`).
 */
export function googleCalendarUrl(doc: DocRecord, ws?: Workstream): string | null {
  if (!doc.deadline) return null;
  const account = ws?.account;
  const byNumber = !!account && /^\d{1,2}$/.test(account);
  // Built as text (a list may draw hundreds of rows, each with this link).
  const params: Array<[string, string]> = [
    ['action', 'TEMPLATE'],
    ['text', eventTitle(doc, ws)],
    ['dates', `${compact(doc.deadline)}/${compact(addDays(doc.deadline, 1))}`],
    ['details', eventDescription(doc, ws)],
  ];
  if (account && !byNumber) params.push(['authuser', account]);
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `https://calendar.google.com/calendar/${byNumber ? `u/${account}/` : ''}render?${query}`;
}
