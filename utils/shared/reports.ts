/**
 * What imports, syncs and snapshots report: counts, refusals, conflicts, and the records of
 * subscriptions and snapshots. Shared by the background that writes them and the popup that shows them.
 * Reasons and errors travel as message keys and values (`Said`), shown in the member's language; their
 * `reason`/`error` text is the background's words, for older pages and records stored before.
 */
import type { Said } from './said';
import type { OpKind } from './operations';

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  refused: number;
}

export interface RefusedRow {
  /** Row number (CSV, 1 = first data row) or index in `documents`/`workstreams` (JSON). */
  row: number;
  what: 'document' | 'workstream';
  id?: string;
  /** Why, in the background's words (a fallback: `said` is what a page shows). */
  reason: string;
  /** Why, as message keys and values: each problem of the row. */
  said?: Said[];
}

/** A field that both the index and the file (or sheet) changed since the version they last shared. */
export interface MergeConflict {
  docId: string;
  title: string;
  field: string;
  /** The shared version's value (undefined: the field was empty). */
  base?: unknown;
  local?: unknown;
  incoming?: unknown;
  /** Which side the merge keeps unless the member decides otherwise. */
  winner: 'local' | 'incoming';
}

/** `docId:field` → the side to keep. */
export type Resolutions = Record<string, 'local' | 'incoming'>;

/**
 * The most refused rows a report lists (issue 28: no reply grows with the file). The counts (`refused` in
 * `documents` and `workstreams`) count them all; the member reads the first ones and how many more there are.
 */
export const MAX_REFUSED_LISTED = 500;

/**
 * The most conflicts a report lists (issue 28: no reply grows with the file; a conflict carries both values
 * of a field, a note of kilobytes each). `conflictCount` counts them all; those not listed keep the side the
 * merge chose (the newer one in an import, the member's in a sync), and the report says so.
 */
export const MAX_CONFLICTS_LISTED = 500;

export interface ImportReport {
  documents: ImportCounts;
  workstreams: ImportCounts;
  /** The first MAX_REFUSED_LISTED refused rows, in file order. */
  refused: RefusedRow[];
  /** Set when the whole file was refused; nothing was written. In the background's words… */
  error?: string;
  /** …and as a message key and values, said in the page's language. */
  errorSaid?: Said;
  /** True once written (apply); false for a preview. */
  applied: boolean;
  /** Fields changed on both sides since the last shared version, with the side kept: the first MAX_CONFLICTS_LISTED. */
  conflicts?: MergeConflict[];
  /** How many conflicts there are in all, listed or not (absent: as many as listed, from an older background). */
  conflictCount?: number;
  /** A sync: changes to existing workstreams the sheet asks for, not applied (the member decides). */
  proposals?: WorkstreamProposal[];
}

/** What the history keeps (utils/background/history.ts): every snapshot of this many days, … */
export const HISTORY_DAYS = 14;
/** …and at most this many snapshots and bytes in all. */
export const HISTORY_MAX_COUNT = 100;
export const HISTORY_MAX_BYTES = 256 * 1024 * 1024;

export type SnapshotReason = 'import' | 'sync' | 'upgrade' | 'restore' | 'delete';

/** What a snapshot is (its data is kept apart, in `snapshotData`). */
export interface SnapshotInfo {
  id: number;
  createdAt: string;
  reason: SnapshotReason;
  /**
   * "import of team-index.json", "sync of “WG sheet”"… (English, put into words where shown:
   * utils/popup/snapshot-label.ts), or what an operation did, as data.
   */
  label: SnapshotLabel;
  documents: number;
  workstreams: number;
  /** About how many bytes it takes (snapshots written before issue 13 do not say). */
  bytes?: number;
}

/**
 * What a snapshot was taken before, as data: an operation on many documents (its kind and how many), or the
 * restore of a snapshot whose label is data too. Older labels, and imports', syncs' and upgrades', are text.
 */
export type SnapshotLabel = string | { op: OpKind; count: number } | { op: 'restore-snapshot'; at: string; of: SnapshotLabel };

export interface Subscription {
  id: string;
  /** A Google Sheet published as CSV, or a JSON interchange file. */
  url: string;
  name: string;
  createdAt: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  /** The last failure, in the words of the language in use when it ran (older records have only these)… */
  lastError?: string;
  /** …and as a message key and values, said in the language in use when shown. Both cleared by a good sync. */
  lastErrorSaid?: Said;
  lastReport?: Pick<ImportReport, 'documents' | 'workstreams' | 'conflicts' | 'conflictCount'>;
  /** Origins (match patterns) beyond its own that the member allowed this subscription to read (a redirect's target). */
  origins?: string[];
  /** The last sync was sent on to this origin (a match pattern), which Docket may not read: the popup offers to allow it. */
  needsOrigin?: string;
  /** Changes the sheet asks of existing workstreams: never applied without the member (issue 13). */
  proposals?: WorkstreamProposal[];
}

/** A workstream change a subscription asks for: its name, colour, group or Google account. */
export interface WorkstreamProposal {
  /** The workstream's id, and its name when the sheet was read. */
  id: string;
  name: string;
  field: 'name' | 'color' | 'group' | 'account';
  local?: string;
  theirs: string;
}
