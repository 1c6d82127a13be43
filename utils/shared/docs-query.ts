/**
 * The popup's questions about the index and the pages of answers it gets (`docs/query`,
 * `index/summary`), declared where the protocol, the background and the popup all can see them.
 */
import type { DocRecord, Workstream } from './model';
import type { StatusFilter, Summary, UpcomingKey } from './doc-order';

export type DocsView = 'grouped' | 'search' | 'upcoming';

export interface DocsQuery {
  view: DocsView;
  /** The search box (view 'search'). */
  text?: string;
  status: StatusFilter;
  offset: number;
  /** At most MAX_QUERY_LIMIT. */
  limit: number;
  /** The asker's local date (`YYYY-MM-DD`); the background's when absent. */
  today?: string;
  /** Every count wanted (after a `partial` answer): wait for the whole index rather than answer from the indexes. */
  complete?: boolean;
}

export const MAX_QUERY_LIMIT = 500;

export interface DocsRow {
  doc: DocRecord;
  /** The row's workstream, when it exists (the group the row is in). */
  workstreamId?: string;
  /** Upcoming: the section the row is in. */
  section?: UpcomingKey;
}

export interface DocsPage {
  /** How many rows the whole answer has (the page is `rows`). */
  total: number;
  rows: DocsRow[];
  /** Grouped: every non-empty group in order, with its full count (null: not known yet, see `partial`). */
  groups?: Array<{ workstreamId: string | null; count: number | null }>;
  /** Upcoming: every section in order, with its full count. */
  sections?: Array<{ key: UpcomingKey; count: number }>;
  /** Search: how many more documents match in statuses the Status list hides ("2 more in other statuses"). */
  otherStatuses?: number;
  /** Over the whole index (null: not known yet, see `partial`). */
  summary: Summary | null;
  /** How many documents the index holds. */
  indexSize: number;
  workstreams: Workstream[];
  /**
   * Answered from IndexedDB's indexes before the cache was ready: `rows` are exact, but some
   * counts (`total`, group counts, `summary`) are not known yet. Ask again for the rest.
   */
  partial?: boolean;
  /**
   * The index revision (`REVISION_KEY`) this answer is at least as new as (grouped first pages;
   * null before the index was ever changed). The popup keeps such answers to draw at once next time.
   */
  revision?: string | null;
}

export interface IndexSummary {
  workstreams: Workstream[];
  /** Documents per workstream id. */
  counts: Record<string, number>;
  /** Documents without a (known) workstream. */
  noWorkstream: number;
  total: number;
  summary: Summary;
}

/** The search box's list holds at most this many results (then "The best 100 matches."). */
export const SEARCH_LIMIT = 100;
