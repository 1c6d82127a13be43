/**
 * The popup's list logic, kept pure (no browser, no React) so it can be tested:
 * filtering, grouping and ordering documents, the overdue summary, and small
 * helpers for titles, ids, URL parameters and import reports.
 */
import { STATUS_LABELS, WORKSTREAM_PALETTE, isStatus } from './model';
import type { DocKind, DocRecord, Status, Workstream } from './model';
import type { ImportReport } from './protocol';
import { urgencyOf } from './urgency';

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
  /** `?track=` and its companions: open the editor to track a new document. */
  track?: { url: string; title?: string; source?: string; workstreamId?: string };
  /** `?close=1`: close the window after Save or Cancel. */
  close: boolean;
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
  }
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
