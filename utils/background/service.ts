/**
 * The background's side of the protocol: who may send what, the shape of every
 * request, and what each message does to the index. Pure wiring over injected
 * dependencies so that tests call `dispatch` directly with fake senders.
 */
import * as v from 'valibot';
import type { DocketDB } from './db/schema';
import type { Subscription } from '../shared/reports';
import * as store from './db/store';
import { IndexCache } from './index-cache';
import { exportCsv, exportJson } from './interchange/export';
import { MAX_IMPORT_BYTES } from './interchange/records';
import { parseDocLink } from '../shared/links';
import { titleFromLinkText } from '../shared/link-title';
import { DOC_VALUE_FIELDS, type DocRecord } from '../shared/model';
import { DocketError, errorCode } from '../shared/protocol';
import type {
  Envelope,
  ImportSource,
  IndexStatus,
  MessageType,
  ProtocolMap,
  Reply,
  Req,
  Res,
  SitesState,
} from '../shared/protocol';
import { ACCESS, DRIVE_ID_RE, REQUEST_SCHEMAS } from './protocol-schemas';
import { badgeAnswer } from './badge-fields';
import { mergeEdit } from './doc-edit';
import { createRateLimiter } from './rate-limit';
import { coldGroupedPage, queryDocs, summarizeIndex } from './queries';
import { runMerge, syncSubscription, type Fetcher, type Journal } from './sync';
import type { ImportProgress } from '../shared/upload';
import { isDefaultSite, subscriptionOrigins } from '../shared/sites';
import { localToday } from '../shared/calendar';
import { TABLE_WRITES, createTableHandlers } from './table-service';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface ServiceDeps {
  db: () => Promise<DocketDB>;
  /** This extension's id and the origin of its pages (`chrome-extension://id/`). */
  extensionId: string;
  extensionOrigin: string;
  now: () => string;
  /** Tell open pages that the index changed (bumps the revision key). */
  indexChanged: () => Promise<void>;
  /**
   * Open popup.html with these query parameters in a small window. `tabId`: the tab a badge asked
   * from; its editor window is reused (one at a time per tab).
   */
  openEditorWindow: (params: Record<string, string>, tabId?: number) => Promise<void>;
  sites: {
    get: () => Promise<SitesState>;
    enable: (pattern: string, tabId?: number) => Promise<SitesState>;
    disable: (pattern: string) => Promise<SitesState>;
    /** Whether Docket runs on a page at this address now (a default site, or one enabled and still granted). */
    mayRun?: (url: string) => Promise<boolean>;
    /** Give back the permissions of these origins unless something still needs them. */
    release?: (patterns: string[]) => Promise<unknown>;
  };
  journal: Journal;
  fetcher: Fetcher;
  /** What the popup should be told (an upgrade that failed, an operation cut short). */
  status: { get(): Promise<IndexStatus>; dismiss(): Promise<IndexStatus> };
  /** Set when the index could only be opened for reading. */
  readOnlyReason?: () => string | undefined;
  newId?: () => string;
  /** The index in memory (made from `db` when not given). */
  cache?: IndexCache;
  /** The local date, `YYYY-MM-DD` (the queries' default "today"). */
  today?: () => string;
  /** The index revision last written to `REVISION_KEY` (null: never), for first pages the popup keeps. */
  revision?: () => Promise<string | null>;
  /** Tell the popup how far the import being written is (null: done). */
  importProgress?: (progress: ImportProgress | null) => Promise<void>;
}

/** How often a page's badges may open the editor. */
export const EDITOR_OPENS_PER_MINUTE = 6;

/** Ids that are Drive ids, each checked alone: one bad id is dropped, never the whole batch (issue 13, item 6). */
export function validIds(ids: readonly string[]): string[] {
  return ids.filter((id) => DRIVE_ID_RE.test(id));
}

/** The file's pieces did not all arrive (the background restarted meanwhile): the popup sends it again. */
function uploadLost(): DocketError {
  return new DocketError(
    'Docket’s background restarted while receiving the file, so it did not get all of it. Choose the file again.',
    'upload-lost',
  );
}

/** An upload not used within this time is forgotten (the popup sends its file again). */
export const UPLOAD_TTL_MS = 10 * 60_000;

/**
 * Above this many documents, the first grouped page is read through the database's indexes while
 * the cache is not loaded yet (below it, loading everything is as quick).
 */
export const COLD_QUERY_THRESHOLD = 3_000;

/** Messages that change the index: refused while it is read-only. */
const WRITES = new Set<MessageType>([
  'doc/put',
  'doc/delete',
  'docs/track',
  'ws/put',
  'ws/delete',
  'import/apply',
  'snapshots/restore',
  'subscriptions/add',
  'subscriptions/sync',
  ...TABLE_WRITES,
]);

type Handlers = { [K in MessageType]: (data: Req<K>, sender: Sender) => Promise<Res<K>> };

export function createHandlers(deps: ServiceDeps): Handlers {
  const { db, now, indexChanged } = deps;
  const cache = deps.cache ?? new IndexCache(db);
  const today = deps.today ?? (() => localToday());
  /** After a cold start: read the index and build the default list and the search index, while the popup draws. */
  const warm = () =>
    cache.warm((view) => {
      view.groups('active');
      // After the questions waiting for the index have been answered.
      setTimeout(() => view.docSearch(), 0);
    });

  const newId = deps.newId ?? (() => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`);

  /** The index's records for these ids (by id, then alias): from memory when the index is there, never the whole index read for it. */
  async function findRecords(ids: string[]) {
    if (cache.loaded) {
      await cache.check();
      const records = cache.lookup(ids);
      if (records) return records;
    }
    return store.lookup(await db(), ids);
  }

  /** `editor/open` from a page: a few a minute per tab. */
  const editorLimit = createRateLimiter(EDITOR_OPENS_PER_MINUTE, 60_000);

  /** Files sent in pieces (`import/upload`), by upload id, until a preview or apply uses them. */
  const uploads = new Map<string, { parts: string[]; chars: number; at: number }>();
  /** The file's text; an upload is used up. */
  function importText(source: ImportSource): string {
    if ('text' in source) return source.text;
    const upload = uploads.get(source.uploadId);
    uploads.delete(source.uploadId);
    // Missing, or not all of it (the background restarted between pieces): never a file cut short.
    if (!upload || (source.chars !== undefined && upload.chars !== source.chars)) throw uploadLost();
    return upload.parts.join('');
  }

  /** Sync one subscription; never throws (the outcome is recorded on it). Open pages hear only of real changes. */
  async function sync(sub: Subscription): Promise<Subscription> {
    let wrote = false;
    const result = await syncSubscription(sub, {
      db: await db(),
      fetcher: deps.fetcher,
      journal: deps.journal,
      now: now(),
      newId,
      onWritten: () => {
        wrote = true;
      },
    });
    if (wrote) {
      cache.invalidate();
      await indexChanged().catch(console.error);
    }
    return result;
  }

  return {
    // The full page's table, timeline and writes to many documents (table-service.ts).
    ...createTableHandlers({ db, cache, now, today, indexChanged }),
    lookup: async ({ ids }, sender) => {
      // A page of a site Docket no longer runs on (the member disabled it, or the browser took the
      // permission back) gets nothing: its content script removes its badges (issue 13, item 5).
      const page = sender.tab ? (sender.url ?? '') : undefined;
      if (page !== undefined && deps.sites.mayRun && !(await deps.sites.mayRun(page))) {
        throw new DocketError('Docket no longer runs on this site.', 'not-enabled');
      }
      // Full cards on the working group's own sites only (badge-fields.ts).
      const full = page === undefined || isDefaultSite(page);
      return { records: badgeAnswer(await findRecords(validIds(ids)), full) };
    },
    'docs/find': async ({ ids }) => ({ records: await findRecords(validIds(ids)) }),
    'workstreams/list': async () => {
      await cache.check();
      return { workstreams: cache.loaded ? [...(await cache.get()).workstreams] : await (await db()).getAll('workstreams') };
    },
    'editor/open': async ({ id, url, title, source, workstreamId, wsGuess, sourceTitle }, sender) => {
      // Badges ask for the editor on the member's clicks only; even so, never a flood of windows.
      const tabId = sender.tab?.id;
      if (tabId !== undefined && !editorLimit.take(String(tabId))) {
        throw new Error('Docket opens its editor at most a few times a minute from one page. Wait a moment, then try again.');
      }
      const params: Record<string, string> = { close: '1' };
      if (id) params.edit = id;
      else {
        const ref = url ? parseDocLink(url) : null;
        if (!ref || !url) throw new Error('That link is not a Google document.');
        params.track = url;
        // The link's text is a title unless it is only an address (the same rule as "Track in Docket…").
        const named = titleFromLinkText(title, url);
        if (named) params.title = named;
        if (source) params.source = source;
        if (workstreamId) params.ws = workstreamId;
        if (wsGuess) params.wsGuess = wsGuess;
        if (sourceTitle) params.sourceTitle = sourceTitle;
      }
      await deps.openEditorWindow(params, tabId);
      return { opened: true };
    },
    'index/get': async () => store.getIndex(await db()),
    'docs/query': async (q) => {
      // The first page of the list says which revision it is at least as new as (read before answering).
      const revision = q.view === 'grouped' && q.offset === 0 && deps.revision ? await deps.revision() : undefined;
      await cache.check();
      const day = q.today ?? today();
      // Cold (nothing cached, nothing being read): the first page from the database's indexes, unless
      // every count is wanted. While the index is being read, waiting for it is quicker than competing with it.
      if (!cache.loaded && !cache.loading && !q.complete && q.view === 'grouped') {
        const d = await db();
        // More than the threshold: reading that many keys is enough to know (counting all of them is not cheaper).
        if ((await d.getAllKeys('documents', null, COLD_QUERY_THRESHOLD + 1)).length > COLD_QUERY_THRESHOLD) {
          const page = await coldGroupedPage(d, q, day);
          // Read the whole index for the next question while the popup draws this answer.
          warm();
          if (page) return revision === undefined ? page : { ...page, revision };
        }
      }
      // Reading the whole index now (a cold start): build the default list and the search index with it.
      if (!cache.loaded && !cache.loading) warm();
      const page = queryDocs(await cache.get(), q, day);
      return revision === undefined ? page : { ...page, revision };
    },
    'doc/get': async ({ id }) => {
      await cache.check();
      // By id, else by alias: the same answer as a lookup, from memory when the index is there.
      const records = cache.lookup([id]) ?? (await store.lookup(await db(), [id]));
      return { doc: records[id]?.doc ?? null };
    },
    'index/summary': async ({ today: day }) => {
      await cache.check();
      return summarizeIndex(await cache.get(), day ?? today());
    },
    'doc/put': async ({ doc: sent, base }) => {
      const d = await db();
      // From an editor: only what it changed since it opened, onto the document as it is now.
      const doc = base ? mergeEdit(await d.get('documents', sent.id), base, sent) : sent;
      const ws = doc.workstreamId;
      if (ws && !(await d.get('workstreams', ws))) throw new Error(`There is no workstream “${ws}”.`);
      const saved = await store.putDocument(d, normaliseDoc(doc));
      cache.putDocuments([saved]);
      await indexChanged();
      return { doc: saved };
    },
    'doc/delete': async ({ id }) => {
      const doc = await store.deleteDocument(await db(), id, now());
      if (doc) {
        cache.deleteDocument(doc.id);
        await indexChanged();
      }
      return { doc };
    },
    'docs/track': async ({ documents, workstreams }) => {
      const d = await db();
      const known = new Set([...(await d.getAllKeys('workstreams')), ...workstreams.map((w) => w.id)]);
      const orphan = documents.find((doc) => doc.workstreamId && !known.has(doc.workstreamId));
      if (orphan) throw new Error(`There is no workstream “${orphan.workstreamId}” for ${orphan.title || orphan.id}.`);
      const docs = documents.map(normaliseDoc);
      await store.writeAll(d, docs, workstreams);
      cache.putWorkstreams(workstreams);
      cache.putDocuments(docs);
      if (documents.length || workstreams.length) await indexChanged();
      return { documents: documents.length, workstreams: workstreams.length };
    },
    'ws/put': async ({ workstream }) => {
      const saved = await store.putWorkstream(await db(), workstream);
      cache.putWorkstreams([saved]);
      await indexChanged();
      return { workstream: saved };
    },
    'ws/delete': async ({ id, reassignTo }) => {
      const at = now();
      const result = await store.deleteWorkstream(await db(), id, reassignTo, at);
      cache.deleteWorkstream(id, reassignTo, at);
      await indexChanged();
      return result;
    },
    'import/upload': async ({ uploadId, chunk, offset }) => {
      const at = Date.now();
      for (const [id, u] of uploads) if (at - u.at > UPLOAD_TTL_MS) uploads.delete(id);
      let upload = uploads.get(uploadId);
      // A piece that does not follow the ones received: the pieces before it were lost (issue 13, item 14).
      if ((upload?.chars ?? 0) !== (offset ?? upload?.chars ?? 0)) {
        uploads.delete(uploadId);
        throw uploadLost();
      }
      if (!upload) uploads.set(uploadId, (upload = { parts: [], chars: 0, at }));
      // Characters never outnumber UTF-8 bytes: past the limit it is too large either way.
      if (upload.chars + chunk.length > MAX_IMPORT_BYTES) {
        uploads.delete(uploadId);
        throw new Error(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most Docket imports at once.`);
      }
      upload.parts.push(chunk);
      upload.chars += chunk.length;
      upload.at = at;
      return { received: upload.chars };
    },
    'import/preview': async (source) =>
      runMerge({
        db: await db(),
        text: importText(source),
        filename: source.filename,
        now: now(),
        apply: false,
        journal: deps.journal,
        newId,
      }),
    'import/apply': async (source) => {
      const { filename, resolutions } = source;
      const progress = deps.importProgress;
      const report = await runMerge({
        db: await db(),
        text: importText(source),
        filename,
        now: now(),
        apply: true,
        resolutions,
        journal: deps.journal,
        newId,
        onProgress: progress && ((written, total) => void progress({ filename, written, total }).catch(() => undefined)),
        // The copy in memory takes what was written (no need to read 50,000 documents back).
        onWritten: (documents, workstreams) => {
          cache.putWorkstreams(workstreams);
          cache.putDocuments(documents);
        },
      })
        .catch((error: unknown) => {
          // Whatever the index holds now, the copy in memory is read again.
          cache.invalidate();
          throw error;
        })
        .finally(() => progress?.(null).catch(() => undefined));
      if (
        report.applied &&
        (report.documents.added || report.documents.updated || report.workstreams.added || report.workstreams.updated)
      ) {
        await indexChanged();
      }
      return report;
    },
    'snapshots/list': async () => ({ snapshots: await store.listSnapshots(await db()) }),
    'snapshots/restore': async ({ id }) => {
      const restored = await store.restoreSnapshot(await db(), id, now()).finally(() => cache.invalidate());
      await indexChanged();
      return { restored };
    },
    'subscriptions/list': async () => ({ subscriptions: await (await db()).getAll('subscriptions') }),
    'subscriptions/add': async ({ url, name }) => {
      const d = await db();
      const existing = (await d.getAll('subscriptions')).find((s) => s.url === url);
      const sub: Subscription = existing ?? { id: `sub-${newId()}`, url, name: name || new URL(url).host, createdAt: now() };
      await d.put('subscriptions', sub);
      return { subscription: await sync(sub) };
    },
    'subscriptions/remove': async ({ id }) => {
      const d = await db();
      const sub = await d.get('subscriptions', id);
      await d.delete('subscriptions', id);
      // Its sites' permissions go too, unless a site or another subscription needs them (issue 13, item 11).
      if (sub) await deps.sites.release?.(subscriptionOrigins([sub]));
      return { removed: !!sub };
    },
    'subscriptions/sync': async ({ id }) => {
      const all = await (await db()).getAll('subscriptions');
      const chosen = id ? all.filter((s) => s.id === id) : all;
      if (id && !chosen.length) throw new Error('There is no such subscription.');
      const out: Subscription[] = [];
      // One subscription failing never stops the next one (each records its own outcome).
      for (const sub of chosen) out.push(await sync(sub));
      return { subscriptions: out };
    },
    'status/get': () => deps.status.get(),
    'status/dismiss': () => deps.status.dismiss(),
    export: async ({ format, workstreamId }) => {
      const index = await store.getIndex(await db());
      if (workstreamId && !index.workstreams.some((w) => w.id === workstreamId)) {
        throw new Error(`There is no workstream “${workstreamId}” to export.`);
      }
      return format === 'json' ? exportJson(index, now(), workstreamId) : exportCsv(index, workstreamId, now());
    },
    'sites/get': () => deps.sites.get(),
    'sites/enable': ({ origin, tabId }) => deps.sites.enable(origin, tabId),
    'sites/disable': async ({ origin }) => {
      const state = await deps.sites.disable(origin);
      // Open pages of that site ask again now, are refused, and remove their badges (issue 13, item 5).
      await indexChanged();
      return state;
    },
  };
}

/** Drop empty optional strings so that the index holds one form of "absent". */
function normaliseDoc(doc: DocRecord): DocRecord {
  const out = { ...doc } as Record<string, unknown>;
  for (const key of DOC_VALUE_FIELDS) {
    if (out[key] === '') delete out[key];
  }
  return out as unknown as DocRecord;
}

/** Who sent it: Docket's own pages, or a content script (in a tab, at a web page). */
export function senderKind(
  sender: Sender,
  deps: Pick<ServiceDeps, 'extensionId' | 'extensionOrigin'>,
): 'page' | 'content' | null {
  if (sender.id !== deps.extensionId) return null;
  if (sender.url?.startsWith(deps.extensionOrigin)) return 'page';
  if (sender.tab) return 'content';
  return null;
}

/** Check the sender and the shape, then run the handler. Never throws: errors become `{ ok: false }`. */
export async function dispatch(
  message: unknown,
  sender: Sender,
  handlers: Handlers,
  deps: Pick<ServiceDeps, 'extensionId' | 'extensionOrigin' | 'readOnlyReason'>,
): Promise<Reply<unknown>> {
  const envelope = message as Partial<Envelope> | null;
  const type = envelope && typeof envelope === 'object' ? envelope.type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(REQUEST_SCHEMAS, type)) {
    return { ok: false, error: 'Unknown message.' };
  }
  const kind = senderKind(sender, deps);
  if (!kind) return { ok: false, error: 'Messages are accepted only from Docket itself.' };
  const t = type as MessageType;
  if (ACCESS[t] === 'page' && kind !== 'page') {
    return { ok: false, error: 'Only Docket’s own pages may change or read the whole index.' };
  }
  const readOnly = deps.readOnlyReason?.();
  if (readOnly && WRITES.has(t)) return { ok: false, error: readOnly };
  const parsed = v.safeParse(REQUEST_SCHEMAS[t], envelope!.data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, error: `Invalid ${t} message${path ? ` (${path})` : ''}: ${issue.message}` };
  }
  try {
    const handler = handlers[t] as (data: unknown, sender: Sender) => Promise<unknown>;
    return { ok: true, result: await handler(parsed.output, sender) };
  } catch (error) {
    const code = errorCode(error);
    return code ? { ok: false, error: describeError(error), code } : { ok: false, error: describeError(error) };
  }
}

/** Errors in words a member can act on. */
export function describeError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') {
    return 'The browser has no more room for Docket’s index, so nothing of this change was written and every document is as it was. Free some disk space (or export the index and delete old documents), then try again.';
  }
  if (name === 'AbortError' || name === 'UnknownError') {
    return `The browser stopped the write (${(error as Error).message || name}); nothing of it was written. Try again.`;
  }
  return error instanceof Error ? error.message : String(error);
}

export type { ProtocolMap };
