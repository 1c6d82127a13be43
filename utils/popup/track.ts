/**
 * A new document to track, as the editor first shows it: from a link, the words around it
 * (its text, the heading it stands under, the page it was on) and the workstreams there are.
 */
import type { DocRef } from '../shared/links';
import { docUrl } from '../shared/doc-urls';
import type { DocRecord, Workstream } from '../shared/model';
import { cleanHeading } from './params';
import { findMeetingDate } from './scan/meeting-date';
import { matchWorkstream } from './scan/workstreams';

export interface TrackExtras {
  title?: string;
  source?: string;
  workstreamId?: string;
  /** The heading the link stands under: the best-matching workstream, or a new one of that name. */
  wsGuess?: string;
  sourceTitle?: string;
}

/** The workstream a heading names: an existing one (same name, or the best match), else a name for a new one. */
export function guessWorkstream(
  heading: string,
  workstreams: readonly Workstream[],
): { id: string } | { newName: string } | null {
  const name = cleanHeading(heading);
  if (!name) return null;
  const same = workstreams.find((w) => w.name.trim().toLowerCase() === name.toLowerCase());
  const match = same ?? matchWorkstream(name, workstreams)?.workstream;
  return match ? { id: match.id } : { newName: name };
}

/** The draft record for a link not yet tracked, and the name of a workstream to create for it, if any. */
export function trackDraft(
  ref: DocRef,
  extras: TrackExtras,
  workstreams: readonly Workstream[],
  now: string,
): { doc: DocRecord; newWorkstreamName?: string } {
  const doc: DocRecord = { id: ref.id, kind: ref.kind, url: docUrl(ref), aliases: [], status: 'draft', updatedAt: now };
  if (extras.title?.trim()) doc.title = extras.title.trim();
  if (extras.source) doc.source = extras.source;
  if (extras.sourceTitle?.trim()) {
    doc.sourceTitle = extras.sourceTitle.trim().slice(0, 500);
    const meeting = findMeetingDate('', doc.sourceTitle);
    if (meeting) doc.sourceDate = meeting;
  }
  if (extras.workstreamId && workstreams.some((w) => w.id === extras.workstreamId)) doc.workstreamId = extras.workstreamId;
  else if (extras.wsGuess) {
    const guess = guessWorkstream(extras.wsGuess, workstreams);
    if (guess && 'id' in guess) doc.workstreamId = guess.id;
    else if (guess) return { doc, newWorkstreamName: guess.newName };
  }
  return { doc };
}
