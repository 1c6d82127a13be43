/**
 * Every message Docket sends, declared once.
 *
 * - `ProtocolMap`: messages to the background service worker, which owns the index.
 *   `access: 'read'` ones may come from content scripts; `access: 'page'` ones only
 *   from Docket's own extension pages (popup, editor). The background checks both.
 * - `ContentProtocolMap`: messages from extension pages to a tab's content script.
 *
 * Request shapes are validated at the receiving end by `protocol-schemas.ts`
 * (kept apart so content scripts do not bundle the schema library).
 */
import { browser } from 'wxt/browser';
import type { ImportReport, Resolutions, SnapshotInfo, Subscription } from './reports';
import type { BadgeRecord, DocRecord, Workstream } from './model';
import type { DocsPage, DocsQuery, IndexSummary } from './docs-query';

/** What the popup should tell the member about the index as a whole. */
export interface IndexStatus {
  /** The index could not be upgraded: readable, not writable. */
  readOnlyReason?: string;
  /** An import or sync that the browser stopped before it finished: nothing of it was written. */
  interrupted?: { label: string; startedAt: string };
}

/** The file to import: its text, or an upload sent beforehand with `import/upload`. */
export type ImportSource = { text: string; filename: string } | { uploadId: string; filename: string };

export interface ExportFile {
  filename: string;
  mime: string;
  text: string;
}

export interface SitesState {
  /** Origins Docket runs on without asking (CONTRACT §5), as match patterns. */
  defaults: string[];
  /** Origins the member enabled, as match patterns (`https://example.org/*`). */
  enabled: string[];
}

type Msg<Req, Res, A extends 'read' | 'page'> = { req: Req; res: Res; access: A };

export interface ProtocolMap {
  /** One batch of link ids → the tracked records among them (keyed by the id asked for). */
  lookup: Msg<{ ids: string[] }, { records: Record<string, BadgeRecord> }, 'read'>;
  /** Workstreams, for the untracked mark's chooser. */
  'workstreams/list': Msg<Record<string, never>, { workstreams: Workstream[] }, 'read'>;
  /** Open Docket's editor window on a document (tracked: edit; untracked: track it). */
  'editor/open': Msg<
    { id?: string; url?: string; title?: string; source?: string; workstreamId?: string },
    { opened: boolean },
    'read'
  >;

  /** The whole index (large: the popup asks the small queries below instead). */
  'index/get': Msg<Record<string, never>, { documents: DocRecord[]; workstreams: Workstream[] }, 'page'>;
  /** One page of the grouped list, the search results or the Upcoming view. */
  'docs/query': Msg<DocsQuery, DocsPage, 'page'>;
  /** One document, by its id or an alias. */
  'doc/get': Msg<{ id: string }, { doc: DocRecord | null }, 'page'>;
  /** Workstreams with their document counts, and the overdue summary. */
  'index/summary': Msg<{ today?: string }, IndexSummary, 'page'>;
  'doc/put': Msg<{ doc: DocRecord }, { doc: DocRecord }, 'page'>;
  'doc/delete': Msg<{ id: string }, { doc: DocRecord | null }, 'page'>;
  /** Track several documents (and create workstreams) at once: all or nothing, one refresh. */
  'docs/track': Msg<{ documents: DocRecord[]; workstreams: Workstream[] }, { documents: number; workstreams: number }, 'page'>;
  'ws/put': Msg<{ workstream: Workstream }, { workstream: Workstream }, 'page'>;
  /** Delete a workstream; its documents move to `reassignTo`, or lose their workstream when null. */
  'ws/delete': Msg<{ id: string; reassignTo: string | null }, { moved: number; workstream: Workstream | null }, 'page'>;
  /**
   * One piece of a file to import, in order (a large file goes in pieces so that no message blocks
   * the popup); `import/preview` or `import/apply` then names the upload and uses it up.
   */
  'import/upload': Msg<{ uploadId: string; chunk: string }, { received: number }, 'page'>;
  'import/preview': Msg<ImportSource, ImportReport, 'page'>;
  /** Apply an import; `resolutions` picks the side for conflicting fields listed by the preview. */
  'import/apply': Msg<ImportSource & { resolutions?: Resolutions }, ImportReport, 'page'>;
  'snapshots/list': Msg<Record<string, never>, { snapshots: SnapshotInfo[] }, 'page'>;
  /** Put a snapshot back (the index as it is now is snapshotted first). */
  'snapshots/restore': Msg<{ id: number }, { restored: SnapshotInfo }, 'page'>;
  'subscriptions/list': Msg<Record<string, never>, { subscriptions: Subscription[] }, 'page'>;
  /** Subscribe to a published sheet (CSV) or interchange file (JSON); the popup obtained the origin's permission. Syncs once. */
  'subscriptions/add': Msg<{ url: string; name: string }, { subscription: Subscription }, 'page'>;
  /** Stop syncing; the documents stay in the index. */
  'subscriptions/remove': Msg<{ id: string }, { removed: boolean }, 'page'>;
  /** Sync one subscription (or all) now. */
  'subscriptions/sync': Msg<{ id?: string }, { subscriptions: Subscription[] }, 'page'>;
  'status/get': Msg<Record<string, never>, IndexStatus, 'page'>;
  /** Forget the interrupted-operation notice. */
  'status/dismiss': Msg<Record<string, never>, IndexStatus, 'page'>;
  export: Msg<{ format: 'json' | 'csv'; workstreamId?: string }, ExportFile, 'page'>;
  'sites/get': Msg<Record<string, never>, SitesState, 'page'>;
  /** Called after the popup obtained the host permission: register the content script there. */
  'sites/enable': Msg<{ origin: string; tabId?: number }, SitesState, 'page'>;
  'sites/disable': Msg<{ origin: string }, SitesState, 'page'>;
}

export type MessageType = keyof ProtocolMap;
export type Req<K extends MessageType> = ProtocolMap[K]['req'];
export type Res<K extends MessageType> = ProtocolMap[K]['res'];

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  data: Req<K>;
}
export type Reply<T> = { ok: true; result: T } | { ok: false; error: string };

/** Send one message to the background; rejects with the background's error text. */
export async function send<K extends MessageType>(type: K, data: Req<K>): Promise<Res<K>> {
  const reply = (await browser.runtime.sendMessage({ type, data } satisfies Envelope<K>)) as Reply<Res<K>> | undefined;
  if (!reply) throw new Error('Docket’s background did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}

// --- extension page → content script -------------------------------------------------------

export interface PageInfo {
  url: string;
  title: string;
}

export interface PageSnapshot extends PageInfo {
  /** The page's HTML as it is now (`document.documentElement.outerHTML`), for the scanner. */
  html: string;
  /** `document.contentType`: "application/pdf" when the tab shows the browser's PDF viewer. */
  contentType?: string;
}

export interface ContentProtocolMap {
  'page/info': Msg<Record<string, never>, PageInfo, 'page'>;
  /** The page as it is now; Docket's pages parse and scan it (the content script stays small). */
  'page/html': Msg<Record<string, never>, PageSnapshot, 'page'>;
  /** The link last right-clicked on the page (for "Track in Docket…"): its text and the heading above it. */
  'page/link-context': Msg<{ url: string }, { text: string; heading?: string }, 'page'>;
}

export async function sendToTab<K extends keyof ContentProtocolMap>(
  tabId: number,
  type: K,
  data: ContentProtocolMap[K]['req'],
): Promise<ContentProtocolMap[K]['res']> {
  const reply = (await browser.tabs.sendMessage(tabId, { type, data })) as Reply<ContentProtocolMap[K]['res']> | undefined;
  if (!reply) throw new Error('The page did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}

/** Key in `storage.local` that the background bumps after every write to the index. */
export const REVISION_KEY = 'docket:revision';
