/**
 * What a lookup from a content script returns (issue 13, items 1 and 4): the fields a badge and
 * its card show, nothing else. The member's own words (notes, the deadline note, the page a
 * document was tracked from and that page's title) go only to pages of the default sites
 * (CONTRACT §5, the working group's own); a site the member enabled gets the chip's facts and the
 * title. The workstream's Google account never leaves the background: "Open" comes as a finished
 * address.
 */
import type { BadgeFields, BadgeRecord } from '../shared/model';
import { openAddress } from '../shared/open-url';

export function badgeFields(record: BadgeRecord, full: boolean): BadgeFields {
  const { doc, workstream } = record;
  const out: BadgeFields['doc'] = { id: doc.id, kind: doc.kind, open: openAddress(doc, workstream?.account) };
  if (doc.title !== undefined) out.title = doc.title;
  if (doc.deadline !== undefined) out.deadline = doc.deadline;
  if (doc.status !== undefined) out.status = doc.status;
  if (full) {
    if (doc.deadlineNote !== undefined) out.deadlineNote = doc.deadlineNote;
    if (doc.notes !== undefined) out.notes = doc.notes;
    if (doc.source !== undefined) out.source = doc.source;
    if (doc.sourceTitle !== undefined) out.sourceTitle = doc.sourceTitle;
  }
  if (!workstream) return { doc: out };
  const ws: NonNullable<BadgeFields['workstream']> = { name: workstream.name };
  if (workstream.color !== undefined) ws.color = workstream.color;
  if (workstream.group !== undefined) ws.group = workstream.group;
  return { doc: out, workstream: ws };
}

/** Every record of a lookup's answer, projected. */
export function badgeAnswer(records: Record<string, BadgeRecord>, full: boolean): Record<string, BadgeFields> {
  const out: Record<string, BadgeFields> = {};
  // Own properties, whatever the id (`__proto__` too).
  for (const id of Object.keys(records)) {
    Object.defineProperty(out, id, {
      value: badgeFields(records[id]!, full),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
