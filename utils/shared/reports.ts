/**
 * What imports, syncs and snapshots report: counts, refusals, conflicts, and the records of
 * subscriptions and snapshots. Shared by the background that writes them and the popup that shows them.
 */

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
  reason: string;
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
  /** Set when the whole file was refused; nothing was written. */
  error?: string;
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
  /** "before importing team-index.json", "before syncing WG sheet"… */
  label: string;
  documents: number;
  workstreams: number;
  /** About how many bytes it takes (snapshots written before issue 13 do not say). */
  bytes?: number;
}

export interface Subscription {
  id: string;
  /** A Google Sheet published as CSV, or a JSON interchange file. */
  url: string;
  name: string;
  createdAt: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  /** The last failure, in words; cleared by a good sync. */
  lastError?: string;
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
