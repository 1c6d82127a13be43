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
import { SEND_PORT, portTransport } from './port-transport';
import type { PortLike, PortTransport } from './port-transport';
import type { ImportReport, Resolutions, SnapshotInfo, Subscription } from './reports';
import type { BadgeFields, BadgeRecord, DocRecord, Workstream } from './model';
import type { DocsPage, DocsQuery, IndexSummary } from './docs-query';
import type { TablePage, TableQuery } from './doc-table';
import type { Timeline } from './timeline';
import type { DocChange } from './bulk-change';
import type { OpResult } from './operations';
import { say, type Said } from './said';
import { t } from './i18n';

/** What the popup should tell the member about the index as a whole. */
export interface IndexStatus {
  /** The index could not be upgraded: readable, not writable (in the background's words, and as a key). */
  readOnlyReason?: string;
  readOnlySaid?: Said;
  /** An import or sync that the browser stopped before it finished: nothing of it was written. */
  interrupted?: { label: string; startedAt: string };
}

/** The file to import: its text, or an upload sent beforehand with `import/upload`. */
export type ImportSource =
  | { text: string; filename: string }
  | { uploadId: string; filename: string; /** How many characters were sent: a shorter upload is refused. */ chars?: number };

export interface ExportFile {
  filename: string;
  mime: string;
  text: string;
}

/** An export the background is writing: its text comes with `export/piece`, in order, until `last`. */
export interface ExportStarted {
  exportId: string;
  filename: string;
  mime: string;
  /** How many documents it holds. */
  documents: number;
}

export interface SitesState {
  /** Origins Docket runs on without asking (CONTRACT §5), as match patterns. */
  defaults: string[];
  /** Origins the member enabled, as match patterns (`https://example.org/*`). */
  enabled: string[];
}

/** One document in Recently deleted (not the whole record). */
export interface TrashItem {
  id: string;
  title: string;
  deletedAt: string;
  workstreamId?: string;
}

export interface TrashPage {
  /** Documents in the trash, and this page of them (newest first). */
  total: number;
  entries: TrashItem[];
  /** Deletes of many documents, newest first: each can be undone whole (its documents kept beyond the trash). */
  bulk: Array<{ opId: string; at: string; count: number }>;
}

type Msg<Req, Res, A extends 'read' | 'page'> = { req: Req; res: Res; access: A };

export interface ProtocolMap {
  /**
   * One batch of link ids → what the badges of the tracked ones among them show (keyed by the id
   * asked for). Ids that are not Drive ids are left out, one by one. Refused (`not-enabled`) to a
   * page of a site Docket no longer runs on.
   */
  lookup: Msg<{ ids: string[] }, { records: Record<string, BadgeFields> }, 'read'>;
  /** The whole records of these ids (by id, then alias), for Docket's own pages. */
  'docs/find': Msg<{ ids: string[] }, { records: Record<string, BadgeRecord> }, 'page'>;
  /** Workstreams, with their accounts (Docket's own pages only). */
  'workstreams/list': Msg<Record<string, never>, { workstreams: Workstream[] }, 'page'>;
  /** Open Docket's editor window on a document (tracked: edit; untracked: track it). */
  'editor/open': Msg<
    {
      id?: string;
      url?: string;
      title?: string;
      source?: string;
      workstreamId?: string;
      /** The heading the link stands under (the workstream guessed from it) and the page's title. */
      wsGuess?: string;
      sourceTitle?: string;
    },
    { opened: boolean },
    'read'
  >;

  /**
   * A join link on a page (utils/shared/join-link.ts) the member clicked: open Docket's join view with the
   * sheet's address filled in. It only opens the view; the member still presses Join (a page never subscribes).
   */
  'join/open': Msg<{ url: string }, { opened: boolean }, 'read'>;

  /**
   * The index, one page of documents at a time (at most MAX_PAGE_DOCUMENTS: no answer grows with the
   * index), in id order, with `total`; the popup asks the small queries below instead.
   */
  'index/get': Msg<
    { offset?: number; limit?: number },
    { documents: DocRecord[]; workstreams: Workstream[]; total: number },
    'page'
  >;
  /** One page of the grouped list, the search results or the Upcoming view. */
  'docs/query': Msg<DocsQuery, DocsPage, 'page'>;
  /** One document, by its id or an alias. */
  'doc/get': Msg<{ id: string }, { doc: DocRecord | null }, 'page'>;
  /** Workstreams with their document counts, and the overdue summary. */
  'index/summary': Msg<{ today?: string }, IndexSummary, 'page'>;
  /**
   * Save a document. `base`: the document as the editor opened it; then only the fields changed
   * since are written, onto the document as it is now (another window's edit stays).
   */
  'doc/put': Msg<{ doc: DocRecord; base?: DocRecord }, { doc: DocRecord }, 'page'>;
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
  'import/upload': Msg<
    {
      uploadId: string;
      chunk: string;
      /** Characters sent before this piece: a piece after a gap is refused. */ offset?: number;
    },
    { received: number },
    'page'
  >;
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
  /** Start an export of the index (or one workstream); its text then comes in pieces (`export/piece`). */
  export: Msg<{ format: 'json' | 'csv'; workstreamId?: string }, ExportStarted, 'page'>;
  /**
   * The next piece of an export, in order (`index` from 0; the piece before, asked again, comes
   * again): no message grows with the index (issue 28, item 2).
   */
  'export/piece': Msg<{ exportId: string; index: number }, { chunk: string; last: boolean }, 'page'>;
  'sites/get': Msg<Record<string, never>, SitesState, 'page'>;
  /** Called after the popup obtained the host permission: register the content script there. */
  'sites/enable': Msg<{ origin: string; tabId?: number }, SitesState, 'page'>;
  'sites/disable': Msg<{ origin: string }, SitesState, 'page'>;

  // The full page (docket.html): the table, its timeline, and changes to many documents at once.
  /** One window of the table: filtered with the search syntax, sorted, grouped. */
  'docs/table': Msg<TableQuery, TablePage, 'page'>;
  /** Per workstream: overdue, due in each of the next weeks, later. */
  'docs/timeline': Msg<{ today?: string; weeks?: number }, Timeline, 'page'>;
  /**
   * Documents with a deadline (for a calendar file): these ids, or every one not done; one page at
   * a time (at most MAX_PAGE_DOCUMENTS), with `total` (utils/popup/all-deadlines.ts asks for every page).
   */
  'docs/deadlines': Msg<
    { ids?: string[]; today?: string; offset?: number; limit?: number },
    { documents: DocRecord[]; workstreams: Workstream[]; total: number },
    'page'
  >;
  /**
   * Changes to many documents at once, each an operation with an id the page chose (a request sent
   * again with it is answered from the background's record, never applied twice), written in chunks
   * (`ops/status` tells how far), answered with counts, never documents (issue 28, item 1).
   */
  'docs/edit-many': Msg<{ opId: string; ids: string[]; change: DocChange }, OpResult, 'page'>;
  /** Delete to the trash; more than the trash holds: the index is snapshotted first. */
  'docs/delete-many': Msg<{ opId: string; ids: string[] }, OpResult, 'page'>;
  /**
   * Undo operation `of`: per field, only what still holds the value it wrote; a document deleted
   * since stays deleted; `notDone` says what was left and why.
   */
  'docs/undo': Msg<{ opId: string; of: string }, OpResult, 'page'>;
  /** Put documents back from the trash (Recently deleted). */
  'trash/restore': Msg<{ opId: string; ids: string[] }, OpResult, 'page'>;
  /** How far an operation got (null: no such operation). */
  'ops/status': Msg<{ opId: string }, { operation: OpResult | null }, 'page'>;
  /** Recently deleted: one page of the trash, newest first, and the bulk deletes that can be undone whole. */
  'trash/list': Msg<{ offset: number; limit: number }, TrashPage, 'page'>;
  /** Export these documents (and their workstreams) as an interchange file (its text in pieces, as `export`). */
  'docs/export': Msg<{ ids: string[]; format: 'json' | 'csv' }, ExportStarted, 'page'>;
  /**
   * Firefox: a Docket page's question to a tab's content script, asked by the background on its behalf, so
   * that the answer comes back over the page's port (dropped when the page hides) instead of a browser
   * promise still pending when the page closes (issue 28, "Smaller"). The content script's reply as it gave
   * it (null: none).
   */
  'tab/ask': Msg<{ tabId: number; message: ContentMessage }, Reply<unknown> | null, 'page'>;
}

/**
 * The most whole documents one answer carries (about 3 MB at 1.4 kB each: a few milliseconds for
 * the page to receive). Answers that would grow with the index come in pages of at most this many.
 */
export const MAX_PAGE_DOCUMENTS = 2_000;

export type MessageType = keyof ProtocolMap;
export type Req<K extends MessageType> = ProtocolMap[K]['req'];
export type Res<K extends MessageType> = ProtocolMap[K]['res'];

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  data: Req<K>;
}
/**
 * `error` is the refusal in the sender's words; `said`, when there is one, is the same sentence as a message key and
 * values, which the page that shows it says in its own language.
 */
export type Reply<T> = { ok: true; result: T } | { ok: false; error: string; code?: ErrorCode; said?: Said };

/**
 * Refusals a sender acts on: `not-enabled` (a page of a site Docket no longer runs on: it removes
 * its badges), `upload-lost` (the background restarted while receiving a file: send it again),
 * `stopped` (the background stopped before it answered).
 */
export type ErrorCode = 'not-enabled' | 'upload-lost' | 'stopped';

/**
 * An error with a code the caller can act on (its message is a sentence for the member: given as words, or as a
 * `Said` put into words in the language in use, which it keeps as `said`).
 */
export class DocketError extends Error {
  readonly said?: Said;
  constructor(
    message: string | Said,
    readonly code?: ErrorCode,
  ) {
    super(typeof message === 'string' ? message : say(message));
    if (typeof message !== 'string') this.said = message;
    this.name = 'DocketError';
  }
}

export function errorCode(error: unknown): ErrorCode | undefined {
  return (error as { code?: ErrorCode } | null)?.code;
}

/** Messages sent again once, unasked, when the background stopped before answering: asking twice changes nothing. */
const SAFE_TO_REPEAT = new Set<string>([
  'lookup',
  'docs/find',
  'workstreams/list',
  'index/get',
  'docs/query',
  'doc/get',
  'index/summary',
  'doc/put',
  'ws/put',
  'snapshots/list',
  'subscriptions/list',
  'status/get',
  'export',
  'export/piece',
  'sites/get',
  // Operations carry the page's id: the background answers a second request from its record of the first.
  'docs/edit-many',
  'docs/delete-many',
  'docs/undo',
  'trash/restore',
  'ops/status',
  'trash/list',
]);

/** The browser's words when the background went away mid-message (a stopped or restarted service worker). */
const STOPPED = /message port closed|Receiving end does not exist|Could not establish connection|message channel closed/i;

function stoppedMessage(type: string): string {
  return type === 'lookup' || type === 'editor/open' ? t('error_stopped') : t('error_stopped_maybe_done');
}

let pagePort: PortTransport | null | undefined;

/** Docket's own pages in Firefox ask over a port (port-transport.ts: closing a page with a request pending logs nothing). */
function pagePortOf(): PortTransport | null {
  pagePort ??=
    import.meta.env.BROWSER === 'firefox' && typeof window !== 'undefined' && window.location?.protocol === 'moz-extension:'
      ? portTransport(() => browser.runtime.connect({ name: SEND_PORT }) as unknown as PortLike, window)
      : null;
  return pagePort;
}

/** How this page asks: over the page's port (pagePortOf), else with `runtime.sendMessage`. */
function request(envelope: Envelope): Promise<unknown> {
  const port = pagePortOf();
  return port ? port.request(envelope) : browser.runtime.sendMessage(envelope);
}

/** Send one message to the background; rejects with the background's error text. */
export async function send<K extends MessageType>(type: K, data: Req<K>): Promise<Res<K>> {
  let reply: Reply<Res<K>> | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      reply = (await request({ type, data } satisfies Envelope<K>)) as Reply<Res<K>> | undefined;
      break;
    } catch (error) {
      const text = String((error as Error)?.message ?? error);
      if (!STOPPED.test(text)) throw error;
      // The service worker stopped mid-message (the browser ends idle ones): a new one answers the same question.
      if (attempt === 0 && SAFE_TO_REPEAT.has(type)) continue;
      throw new DocketError(stoppedMessage(type), 'stopped');
    }
  }
  if (!reply) throw new DocketError(stoppedMessage(type), 'stopped');
  // In the page's language; the sender's words when this page does not know the key (an older page).
  if (!reply.ok) throw new DocketError(reply.said && say(reply.said) ? reply.said : reply.error, reply.code);
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

/** One message to a tab's content script, as sent. */
export type ContentMessage = {
  [K in keyof ContentProtocolMap]: { type: K; data: ContentProtocolMap[K]['req'] };
}[keyof ContentProtocolMap];

export async function sendToTab<K extends keyof ContentProtocolMap>(
  tabId: number,
  type: K,
  data: ContentProtocolMap[K]['req'],
): Promise<ContentProtocolMap[K]['res']> {
  const message = { type, data } as ContentMessage;
  // Over the page's port where there is one (Firefox): the background asks the tab (`tab/ask`).
  const reply = (pagePortOf() ? await send('tab/ask', { tabId, message }) : await browser.tabs.sendMessage(tabId, message)) as
    Reply<ContentProtocolMap[K]['res']> | null | undefined;
  if (!reply) throw new Error(t('error_page_no_answer'));
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}

/** Key in `storage.local` that the background bumps after every write to the index. */
export const REVISION_KEY = 'docket:revision';
