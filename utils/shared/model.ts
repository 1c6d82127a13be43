/**
 * The index's records, as CONTRACT §2 defines them. Everything else in Docket
 * (database, messages, popup, badges) speaks these types.
 */

export const DOC_KINDS = ['document', 'spreadsheet', 'presentation', 'form', 'drawing', 'file', 'folder'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export const STATUSES = ['draft', 'open-for-comments', 'final', 'delivered', 'archived'] as const;
export type Status = (typeof STATUSES)[number];

export interface Workstream {
  id: string;
  name: string;
  group?: string;
  /** `#rrggbb` */
  color?: string;
  /**
   * The Google account to open this workstream's documents with: an account number (`1` for
   * `/u/1/`) or an address (`authuser=name@example.org`). Members with several accounts then land
   * on the document rather than on "request access".
   */
  account?: string;
  /** Fields of an imported file that Docket does not know; kept for export. */
  extra?: Record<string, unknown>;
}

export interface DocRecord {
  /** The Drive id (CONTRACT §1). */
  id: string;
  kind: DocKind;
  title?: string;
  url?: string;
  /** Other ids (published `2PACX-…`, form responder `1FAIpQL…`) whose links show this record. */
  aliases: string[];
  workstreamId?: string;
  /** `YYYY-MM-DD` */
  deadline?: string;
  deadlineNote?: string;
  status?: Status;
  notes?: string;
  /** Where the document was tracked from (page address). */
  source?: string;
  /** That page's title, when known ("IGF 2020 MAG Working Group … — 24 September 2020"). */
  sourceTitle?: string;
  /** The meeting date the source page gives, `YYYY-MM-DD`. */
  sourceDate?: string;
  /** The sentence the deadline was taken from ("Next Steps: By 7 September, participants …"). */
  deadlineSource?: string;
  /** ISO instant of the last change. */
  updatedAt: string;
  /** The subscription (shared sheet) the document came from, if any. */
  subscriptionId?: string;
  /** Changes the sheet made underneath a local edit: kept local, waiting for the member's choice. */
  syncConflicts?: SyncConflict[];
  extra?: Record<string, unknown>;
}

export interface SyncConflict {
  field: string;
  /** The sheet's value (undefined: the sheet emptied it). */
  theirs?: unknown;
  subscriptionId: string;
  at: string;
}

/** One tracked document as the index holds it: the record and its workstream (the background's and its pages'). */
export interface BadgeRecord {
  doc: DocRecord;
  workstream?: Workstream;
}

/**
 * What a content script learns of one tracked document: only what its badge and card show
 * (issue 13, item 4). Never its notes' history, extra fields, conflicts, subscription or the
 * workstream's account; on a site the member enabled (not a default one) not its notes, deadline
 * note or the page it was tracked from either (utils/background/badge-fields.ts).
 */
export interface BadgeFields {
  doc: Pick<DocRecord, 'id' | 'kind' | 'title' | 'deadline' | 'deadlineNote' | 'status' | 'notes' | 'source' | 'sourceTitle'> & {
    /** Where "Open" goes: a Google address of this very document (shared/open-url.ts). */
    open: string;
  };
  workstream?: Pick<Workstream, 'name' | 'color' | 'group'>;
}

export const WORKSTREAM_PALETTE = [
  '#1f6feb',
  '#8250df',
  '#bf3989',
  '#cf222e',
  '#bc4c00',
  '#9a6700',
  '#1a7f37',
  '#0969da',
  '#6e7781',
] as const;

/** A calendar date `YYYY-MM-DD` that exists. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** A workstream's Google account: an account number (`/u/N/`) or an e-mail address (`authuser=`). Checked by the popup and the background alike. */
export const ACCOUNT_RE = /^(?:\d{1,2}|[^\s@/?#&]+@[^\s@/?#&]+\.[^\s@/?#&]+)$/;

/** A document's fields as Docket's files carry them, in the order an export writes them. */
export const DOC_FIELDS = [
  'id',
  'kind',
  'title',
  'url',
  'aliases',
  'workstreamId',
  'deadline',
  'deadlineNote',
  'status',
  'notes',
  'source',
  'sourceTitle',
  'sourceDate',
  'deadlineSource',
  'updatedAt',
] as const;

/** A workstream's fields as Docket's files carry them, in the order an export writes them. */
export const WS_FIELDS = ['id', 'name', 'group', 'color', 'account'] as const;

/**
 * A document's own values: what a file or a sheet may set, what a merge compares field by field. The file's
 * fields without `id` (the key, never a value to merge), `aliases` (joined from every source, never
 * overwritten) and `updatedAt` (when this index last changed it, not a value of the document). Marked pure so
 * that a bundle that does not use it (the content script's) drops it.
 */
export const DOC_VALUE_FIELDS = /* @__PURE__ */ DOC_FIELDS.filter(
  (f): f is Exclude<(typeof DOC_FIELDS)[number], 'id' | 'aliases' | 'updatedAt'> =>
    f !== 'id' && f !== 'aliases' && f !== 'updatedAt',
);

/** A workstream's values a shared sheet may propose changing: the file's fields without `id`, the key. */
export const WS_VALUE_FIELDS = /* @__PURE__ */ WS_FIELDS.filter(
  (f): f is Exclude<(typeof WS_FIELDS)[number], 'id'> => f !== 'id',
);
