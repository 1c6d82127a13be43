/**
 * The popup's list logic, kept pure (no browser, no React) so it can be tested:
 * filtering, grouping and ordering documents, the overdue summary, and small
 * helpers for titles, ids, URL parameters and import reports.
 */
import { STATUS_LABELS, WORKSTREAM_PALETTE, isIsoDate, isStatus } from '../shared/model';
import type { DocKind, DocRecord, Status, SyncConflict, Workstream } from '../shared/model';
import type { ImportReport, MergeConflict, Resolutions } from '../shared/protocol';
import { daysUntil, urgencyOf } from '../shared/urgency';

export type StatusFilter = 'active' | 'all' | Status;

export interface DocFilter {
  status: StatusFilter;
  text: string;
}

export interface DocGroup {
  /** null: documents without a workstream (or whose workstream no longer exists). */
  workstream: Workstream | null;
  docs: DocRecord[];
}

export const KIND_LABELS: Record<DocKind, string> = {
  document: 'Document',
  spreadsheet: 'Spreadsheet',
  presentation: 'Presentation',
  form: 'Form',
  drawing: 'Drawing',
  file: 'File',
  folder: 'Folder',
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Delivered and archived documents are done: out of the "Active" view and the summary. */
export function isDone(doc: { status?: Status }): boolean {
  return doc.status === 'delivered' || doc.status === 'archived';
}

export function matchesStatus(doc: DocRecord, status: StatusFilter): boolean {
  if (status === 'all') return true;
  if (status === 'active') return !isDone(doc);
  return doc.status === status;
}

/** Every whitespace-separated term must occur (case-insensitively) in title, id, notes, deadline note or workstream name. */
export function matchesText(doc: DocRecord, text: string, workstream?: Workstream | null): boolean {
  const terms = text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = [doc.title, doc.id, doc.notes, doc.deadlineNote, workstream?.name, ...doc.aliases]
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .join('\n')
    .toLocaleLowerCase();
  return terms.every((t) => haystack.includes(t));
}

/** The text a row shows as the document's name. */
export function displayTitle(doc: DocRecord): string {
  return doc.title?.trim() || doc.id;
}

/** Deadline first (earliest first, none last), then title. */
export function compareDocs(a: DocRecord, b: DocRecord): number {
  if (a.deadline !== b.deadline) {
    if (!a.deadline) return 1;
    if (!b.deadline) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return collator.compare(displayTitle(a), displayTitle(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Filter, group by workstream (groups by workstream name; "No workstream" last;
 * empty groups left out) and sort each group by deadline then title.
 * `today` is accepted for symmetry with `summarize` (urgency does not change the order).
 */
export function groupDocuments(
  docs: readonly DocRecord[],
  workstreams: readonly Workstream[],
  filter: DocFilter,
  _today?: string,
): DocGroup[] {
  const byId = new Map(workstreams.map((w) => [w.id, w]));
  const groups = new Map<string | null, DocGroup>();
  for (const doc of docs) {
    const ws = (doc.workstreamId && byId.get(doc.workstreamId)) || null;
    if (!matchesStatus(doc, filter.status)) continue;
    if (!matchesText(doc, filter.text, ws)) continue;
    const key = ws ? ws.id : null;
    let group = groups.get(key);
    if (!group) {
      group = { workstream: ws, docs: [] };
      groups.set(key, group);
    }
    group.docs.push(doc);
  }
  const out = [...groups.values()];
  for (const g of out) g.docs.sort(compareDocs);
  out.sort((a, b) => {
    if (!a.workstream) return 1;
    if (!b.workstream) return -1;
    return collator.compare(a.workstream.name, b.workstream.name) || (a.workstream.id < b.workstream.id ? -1 : 1);
  });
  return out;
}

export interface Summary {
  overdue: number;
  dueSoon: number;
}

/** How many documents (not done) are overdue, and how many are due within the next 7 days (today included). */
export function summarize(docs: readonly DocRecord[], today: string): Summary {
  let overdue = 0;
  let dueSoon = 0;
  for (const doc of docs) {
    const u = urgencyOf(doc, today);
    if (u === 'overdue') overdue++;
    else if (u === 'due-soon') dueSoon++;
  }
  return { overdue, dueSoon };
}

/** "2 overdue · 3 due within 7 days", or a calm line when nothing is pressing. */
export function summaryText(s: Summary): string {
  const parts: string[] = [];
  if (s.overdue) parts.push(`${s.overdue} overdue`);
  if (s.dueSoon) parts.push(`${s.dueSoon} due within 7 days`);
  return parts.length ? parts.join(' · ') : 'Nothing overdue or due within 7 days';
}

const TAB_SUFFIX = /\s+[-–—]\s+Google\s+(Docs|Sheets|Slides|Forms|Drive|Drawings)\s*$/i;

/** A tab's title without Google's " - Google Docs" (Sheets, Slides, Forms, Drive, Drawings) suffix. */
export function titleFromTab(title: string | undefined | null): string {
  if (!title) return '';
  return title.replace(TAB_SUFFIX, '').trim();
}

/** The record that tracks this id, directly or through an alias. */
export function findTracked(docs: readonly DocRecord[], id: string): DocRecord | undefined {
  return docs.find((d) => d.id === id) ?? docs.find((d) => d.aliases.includes(id));
}

/** How many documents each workstream holds (key: workstream id). */
export function countByWorkstream(docs: readonly DocRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of docs) if (d.workstreamId) counts.set(d.workstreamId, (counts.get(d.workstreamId) ?? 0) + 1);
  return counts;
}

/** A readable, unique id for a new workstream: `ws-` + a slug of its name. */
export function newWorkstreamId(name: string, existingIds: Iterable<string>): string {
  const taken = new Set(existingIds);
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/g, '');
  const base = slug ? `ws-${slug}` : 'ws';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The palette's first colour no workstream uses yet; once all are used, the palette in turn. */
export function nextWorkstreamColor(workstreams: readonly Workstream[]): string {
  const used = new Set(workstreams.map((w) => w.color?.toLowerCase()));
  const free = WORKSTREAM_PALETTE.find((c) => !used.has(c));
  return free ?? WORKSTREAM_PALETTE[workstreams.length % WORKSTREAM_PALETTE.length]!;
}

/** The group most workstreams share (a sensible default for a new one), or ''. */
export function commonGroup(workstreams: readonly Workstream[]): string {
  const counts = new Map<string, number>();
  for (const w of workstreams) if (w.group) counts.set(w.group, (counts.get(w.group) ?? 0) + 1);
  let best = '';
  let bestN = 0;
  for (const [g, n] of counts) if (n > bestN) [best, bestN] = [g, n];
  return best;
}

/** `*://docs.google.com/*` → `docs.google.com`, `*://*.intgovforum.org/*` → `*.intgovforum.org`. */
export function patternLabel(pattern: string): string {
  const m = /^(?:\*|https?):\/\/([^/]+)\/.*$/.exec(pattern);
  return m ? m[1]! : pattern;
}

export interface PopupParams {
  /** `?tab=`: act on this tab instead of the active one. */
  tabId?: number;
  /** `?edit=`: open the editor on this document. */
  edit?: string;
  /**
   * `?track=` and its companions: open the editor to track a new document. `wsGuess`: the heading
   * the link stands under ("Track in Docket…"); `sourceTitle`: the page's title.
   */
  track?: { url: string; title?: string; source?: string; workstreamId?: string; wsGuess?: string; sourceTitle?: string };
  /** `?close=1`: close the window after Save or Cancel. */
  close: boolean;
  /** `?q=`: prefill the search box (the address bar's `dk` when nothing matched). */
  q?: string;
}

/** Reads popup.html's URL parameters (`location.search`). */
export function parsePopupParams(search: string): PopupParams {
  const p = new URLSearchParams(search);
  const out: PopupParams = { close: p.get('close') === '1' || p.get('close') === 'true' };
  const tab = p.get('tab');
  if (tab && /^\d+$/.test(tab)) out.tabId = Number(tab);
  const edit = p.get('edit');
  if (edit) out.edit = edit;
  const track = p.get('track');
  if (track) {
    out.track = { url: track };
    const title = p.get('title');
    const source = p.get('source');
    const ws = p.get('ws');
    if (title) out.track.title = title;
    if (source) out.track.source = source;
    if (ws) out.track.workstreamId = ws;
    const wsGuess = p.get('wsGuess')?.trim();
    const sourceTitle = p.get('sourceTitle')?.trim();
    if (wsGuess) out.track.wsGuess = wsGuess;
    if (sourceTitle) out.track.sourceTitle = sourceTitle;
  }
  const q = p.get('q');
  if (q?.trim()) out.q = q;
  return out;
}

/** The status `<select>` of the Documents view: value and label. */
export const STATUS_FILTER_OPTIONS: ReadonlyArray<{ value: StatusFilter; label: string }> = [
  { value: 'active', label: 'Active' },
  { value: 'all', label: 'All' },
  ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value: value as Status, label })),
];

export function parseStatusFilter(value: string): StatusFilter {
  return value === 'all' || value === 'active' || isStatus(value) ? value : 'active';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Imported: 5 documents added, 2 updated, 1 refused; 3 workstreams added, 0 updated, 0 refused." */
export function importSummary(report: ImportReport): string {
  const d = report.documents;
  const w = report.workstreams;
  return (
    `Imported: ${plural(d.added, 'document')} added, ${d.updated} updated, ${d.refused} refused; ` +
    `${plural(w.added, 'workstream')} added, ${w.updated} updated, ${w.refused} refused.`
  );
}

/** The apply button's name after a preview: always begins with "Import". */
export function importButtonLabel(report: ImportReport): string {
  const docs = report.documents.added + report.documents.updated;
  const ws = report.workstreams.added + report.workstreams.updated;
  if (docs && ws) return `Import ${plural(docs, 'document')} and ${plural(ws, 'workstream')}`;
  if (docs) return `Import ${plural(docs, 'document')}`;
  if (ws) return `Import ${plural(ws, 'workstream')}`;
  return 'Import (nothing changes)';
}

// --- popup parameters from the context menu and the address bar ------------------------------

/** A heading as the page shows it, tidied to be a workstream's name ("B. Improvements to the IGF:" → "B. Improvements to the IGF"). */
export function cleanHeading(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*:\s*$/, '')
    .trim()
    .slice(0, 200);
}

// --- Upcoming view ---------------------------------------------------------------------------

export type UpcomingKey = 'overdue' | 'this-week' | 'next-week' | 'later' | 'none';

export interface UpcomingSection {
  key: UpcomingKey;
  label: string;
  docs: DocRecord[];
}

export const UPCOMING_LABELS: Record<UpcomingKey, string> = {
  overdue: 'Overdue',
  'this-week': 'This week',
  'next-week': 'Next week',
  later: 'Later',
  none: 'No deadline',
};

const UPCOMING_ORDER: readonly UpcomingKey[] = ['overdue', 'this-week', 'next-week', 'later', 'none'];

/** Which Upcoming section a (not done) document belongs in: before today; today to +7 days; +8 to +14; later; none. */
export function upcomingKey(doc: DocRecord, today: string): UpcomingKey {
  if (!doc.deadline) return 'none';
  const days = daysUntil(doc.deadline, today);
  if (days < 0) return 'overdue';
  if (days <= 7) return 'this-week';
  if (days <= 14) return 'next-week';
  return 'later';
}

/** Documents not done, in the five Upcoming sections (always all five, in order; each sorted by deadline then title). */
export function upcomingSections(docs: readonly DocRecord[], today: string): UpcomingSection[] {
  const sections = new Map<UpcomingKey, UpcomingSection>(
    UPCOMING_ORDER.map((key) => [key, { key, label: UPCOMING_LABELS[key], docs: [] }]),
  );
  for (const doc of docs) if (!isDone(doc)) sections.get(upcomingKey(doc, today))!.docs.push(doc);
  const out = [...sections.values()];
  for (const s of out) s.docs.sort(compareDocs);
  return out;
}

// --- fields, values and conflicts ------------------------------------------------------------

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  kind: 'Kind',
  title: 'Title',
  url: 'Address',
  workstreamId: 'Workstream',
  deadline: 'Deadline',
  deadlineNote: 'Deadline note',
  status: 'Status',
  notes: 'Notes',
  source: 'Source',
  sourceTitle: 'Source page',
  sourceDate: 'Meeting date',
  deadlineSource: 'Deadline sentence',
};

/** "Deadline" for `deadline`; an unknown field as it is. */
export function fieldLabel(field: string): string {
  return Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field]! : field;
}

const MAX_VALUE_TEXT = 80;

/** A field's value in words: a workstream's name, a status's label, "empty" for nothing; long text cut short. */
export function formatFieldValue(field: string, value: unknown, workstreams: readonly Workstream[] = []): string {
  if (value === undefined || value === null || value === '') return 'empty';
  let text: string;
  if (field === 'workstreamId' && typeof value === 'string') text = workstreams.find((w) => w.id === value)?.name ?? value;
  else if (field === 'status' && isStatus(value)) text = STATUS_LABELS[value];
  else if (field === 'kind' && typeof value === 'string' && Object.hasOwn(KIND_LABELS, value))
    text = KIND_LABELS[value as DocKind];
  else if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > MAX_VALUE_TEXT ? `${text.slice(0, MAX_VALUE_TEXT - 1)}…` : text;
}

/** A sync conflict flagged on a document, in words: "The sheet changed Deadline to 2020-09-17 (yours: 2020-09-12)". */
export function describeConflict(conflict: SyncConflict, doc: DocRecord, workstreams: readonly Workstream[] = []): string {
  const label = fieldLabel(conflict.field);
  const mine = formatFieldValue(conflict.field, (doc as unknown as Record<string, unknown>)[conflict.field], workstreams);
  const theirs = conflict.theirs;
  if (theirs === undefined || theirs === null || theirs === '') return `The sheet emptied ${label} (yours: ${mine})`;
  return `The sheet changed ${label} to ${formatFieldValue(conflict.field, theirs, workstreams)} (yours: ${mine})`;
}

/** The fields a sheet may set on a document (the ones a merge compares). */
const SYNCABLE_FIELDS = new Set([
  'kind',
  'title',
  'url',
  'workstreamId',
  'deadline',
  'deadlineNote',
  'status',
  'notes',
  'source',
  'sourceTitle',
  'sourceDate',
  'deadlineSource',
]);

export type SyncChoice = 'theirs' | 'mine';

/**
 * The member's answer to a flagged sync conflict: `theirs` takes the sheet's value (removing the
 * field when the sheet emptied it), `mine` keeps the document's; either way the flag goes.
 */
export function applySyncChoice(doc: DocRecord, field: string, choice: SyncChoice, now: string): DocRecord {
  const conflict = doc.syncConflicts?.find((c) => c.field === field);
  const next = { ...doc } as unknown as Record<string, unknown>;
  if (choice === 'theirs' && conflict && SYNCABLE_FIELDS.has(field)) {
    const theirs = conflict.theirs;
    if (theirs === undefined || theirs === null || theirs === '') delete next[field];
    else next[field] = theirs;
  }
  const rest = (doc.syncConflicts ?? []).filter((c) => c.field !== field);
  if (rest.length) next.syncConflicts = rest;
  else delete next.syncConflicts;
  next.updatedAt = now;
  return next as unknown as DocRecord;
}

/** `docId:field`, the key of an import conflict in `Resolutions`. */
export function conflictKey(c: Pick<MergeConflict, 'docId' | 'field'>): string {
  return `${c.docId}:${c.field}`;
}

/** Every conflict's side as the merge would choose it. */
export function defaultResolutions(conflicts: readonly MergeConflict[] | undefined): Resolutions {
  const out: Resolutions = {};
  for (const c of conflicts ?? []) out[conflictKey(c)] = c.winner;
  return out;
}

// --- where a document was found --------------------------------------------------------------

/** `url` when it is an http(s) address, else undefined (never a `javascript:` link). */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar day as "24 Sep 2020" (English, as the rest of the popup). */
export function formatDay(isoDate: string): string {
  if (!isIsoDate(isoDate)) return isoDate;
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_ABBR[m - 1]} ${y}`;
}

/** An instant as "22 Nov 2026, 10:05" (local time unless `timeZone` is given). */
export function formatInstant(iso: string, timeZone?: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(timeZone ? { timeZone } : {}),
    })
      .formatToParts(new Date(t))
      .map((p) => [p.type, p.value]),
  );
  return `${Number(parts.day)} ${MONTH_ABBR[Number(parts.month) - 1]} ${parts.year}, ${parts.hour}:${parts.minute}`;
}

export interface SourceInfo {
  /** "IGF 2020 MAG WG-Strategy — 24 September 2020 (meeting 24 Sep 2020)", or the page's host. */
  text: string;
  /** The page, when it is an http(s) address. */
  href?: string;
  /** The sentence the deadline was taken from. */
  quote?: string;
}

/** Where a document was found, for "From: …" and the deadline's sentence; null when nothing is known. */
export function sourceInfo(doc: Pick<DocRecord, 'source' | 'sourceTitle' | 'sourceDate' | 'deadlineSource'>): SourceInfo | null {
  const href = safeHttpUrl(doc.source);
  const title = doc.sourceTitle?.replace(/\s+/g, ' ').trim();
  let name = title || (href ? new URL(href).hostname : doc.source?.trim() || '');
  const quote = doc.deadlineSource?.replace(/\s+/g, ' ').trim() || undefined;
  if (!name && doc.sourceDate) name = 'the minutes';
  if (!name) return quote ? { text: '', quote } : null;
  const text = doc.sourceDate && isIsoDate(doc.sourceDate) ? `${name} (meeting ${formatDay(doc.sourceDate)})` : name;
  const out: SourceInfo = { text };
  if (href) out.href = href;
  if (quote) out.quote = quote;
  return out;
}

// --- workstream account ----------------------------------------------------------------------

/** An account number (`/u/N/`) or an e-mail address (`authuser=`): the same rule the background checks. */
export const ACCOUNT_PATTERN = /^(?:\d{1,2}|[^\s@/?#&]+@[^\s@/?#&]+\.[^\s@/?#&]+)$/;

/** Why a workstream's account is not usable, or null (empty is fine: no account). */
export function accountProblem(value: string): string | null {
  const v = value.trim();
  if (!v || ACCOUNT_PATTERN.test(v)) return null;
  return 'Enter an account number (0 to 99, as in /u/1/ in Google’s addresses) or an e-mail address such as name@example.org.';
}

// --- records that changed underneath ---------------------------------------------------------

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** True when two records are the same version (same fields and values, whatever their key order). */
export function sameVersion(a: DocRecord, b: DocRecord): boolean {
  return a.updatedAt === b.updatedAt && JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

// --- reminders -------------------------------------------------------------------------------

export const MAX_REMINDER_DAYS = 30;

/** "Days before" as typed: a whole number 0–30, or null. */
export function parseDaysBefore(value: string): number | null {
  const v = value.trim();
  if (!/^\d{1,2}$/.test(v)) return null;
  const n = Number(v);
  return n <= MAX_REMINDER_DAYS ? n : null;
}

// --- import, subscriptions, snapshots, status ------------------------------------------------

/** The line under a running import: "Importing 1,200 documents…". */
export function importProgressText(report: ImportReport | undefined, filename: string): string {
  const n = report ? report.documents.added + report.documents.updated : 0;
  return n ? `Importing ${n.toLocaleString('en')} ${n === 1 ? 'document' : 'documents'}…` : `Importing ${filename}…`;
}

/** A sync's counts, without the word the import report uses ("12 new, 3 updated, 40 unchanged; 1 conflict kept yours"). */
export function syncCountsText(report: Pick<ImportReport, 'documents' | 'workstreams' | 'conflicts'>): string {
  const d = report.documents;
  const w = report.workstreams;
  const parts = [`Documents: ${d.added} new, ${d.updated} updated, ${d.unchanged} unchanged`];
  if (d.refused) parts[0] += `, ${d.refused} refused`;
  if (w.added || w.updated) parts.push(`workstreams: ${w.added} new, ${w.updated} updated`);
  const conflicts = report.conflicts?.length ?? 0;
  if (conflicts) parts.push(`${conflicts} ${conflicts === 1 ? 'change' : 'changes'} on both sides, yours kept and flagged`);
  return `${parts.join('; ')}.`;
}

/** "The import of big.json started at 22 Nov 2026, 10:00 was interrupted; nothing of it was written. Import it again." */
export function interruptedText(interrupted: { label: string; startedAt: string }, timeZone?: string): string {
  const label = interrupted.label || 'last operation';
  const again = /^import\b/i.test(label) ? ' Import it again.' : /^sync\b/i.test(label) ? ' It runs again at the next sync.' : '';
  return `The ${label} started at ${formatInstant(interrupted.startedAt, timeZone)} was interrupted; nothing of it was written.${again}`;
}

/** "12 documents, 4 workstreams". */
export function snapshotCounts(s: { documents: number; workstreams: number }): string {
  return `${plural(s.documents, 'document')}, ${plural(s.workstreams, 'workstream')}`;
}
