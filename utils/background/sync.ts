/**
 * Imports and syncs, the way they write: parse, merge three ways against the last shared
 * version, then one transaction (snapshot, records, shared versions, operation id). A journal
 * entry brackets every write so that one the browser cut short is reported, never half-applied.
 */
import { feedTitle, siteName } from './feed-title';
import type { DocketDB, SharedVersion } from './db/schema';
import type { Subscription, ImportReport, Resolutions } from '../shared/reports';
import * as store from './db/store';
import { MAX_IMPORT_BYTES } from './interchange/records';
import { parseImport } from './interchange/parse';
import { listedReport, planMerge } from './interchange/merge';
import { contentLength, readBody } from '../shared/read-body';
import { flagConflicts, splitForSync, subscriptionSource, type SyncSplit } from './sync-policy';
import type { DocRecord, Workstream } from '../shared/model';
import { formatGrouped } from '../shared/i18n';
import { said, say, type Said } from '../shared/said';
import { mergeCorrections, updateCorrections } from '../shared/scan-memory';

export interface Journal {
  /** Note an operation before it writes. */
  begin(entry: JournalEntry): Promise<void>;
  /** Clear it once written (or failed cleanly). */
  end(id: string): Promise<void>;
}

export interface JournalEntry {
  id: string;
  op: 'import' | 'sync';
  label: string;
  startedAt: string;
}

const empty = (): ImportReport['documents'] => ({ added: 0, updated: 0, unchanged: 0, refused: 0 });

/** A whole file refused: why, as a message key and values (`errorSaid`) and in the background's words. */
export function refusedReport(why: Said): ImportReport {
  return {
    applied: false,
    error: say(why),
    errorSaid: why,
    documents: empty(),
    workstreams: empty(),
    refused: [],
    conflicts: [],
  };
}

export interface MergeRun {
  db: DocketDB;
  text: string;
  filename: string;
  now: string;
  apply: boolean;
  resolutions?: Resolutions;
  /** A sync keeps local edits on conflicts and flags them on the document. */
  subscription?: Subscription;
  journal: Journal;
  newId(): string;
  /** While writing: documents written so far, of the total. */
  onProgress?(written: number, total: number): void;
  /** Once written: the records now in the index (to update a copy in memory). */
  onWritten?(documents: readonly DocRecord[], workstreams: readonly Workstream[]): void;
}

/** Preview or apply a file or a sheet's contents. Nothing is written unless `apply` and the whole file parses. */
export async function runMerge(run: MergeRun): Promise<ImportReport> {
  const { db, now, subscription } = run;
  const index = await store.getIndex(db);
  const parsed = parseImport(run.text, run.filename, { existingWorkstreams: index.workstreams, now });
  if (!parsed.ok) return refusedReport(parsed.said);
  if (subscription && parsed.value.documents.length === 0 && parsed.value.refused.length > 0) {
    const first = parsed.value.refused[0]!;
    return refusedReport(said('error_sheet_no_row', { problem: first.said ?? first.reason }));
  }
  const existing = {
    documents: new Map(index.documents.map((d) => [d.id, d] as const)),
    workstreams: new Map(index.workstreams.map((w) => [w.id, w] as const)),
  };
  const ids = parsed.value.documents.map((d) => d.id);
  let plan: ReturnType<typeof planMerge>;
  let split: SyncSplit | undefined;
  let shared: Map<string, SharedVersion> | undefined;
  if (subscription) {
    // A sheet changes only its own documents (sync-policy.ts).
    shared = await store.getSharedVersions(db, ids);
    split = splitForSync(parsed.value, existing, shared, subscription.id);
    plan = planMerge(split.parsed, existing, now, { bases: split.bases, resolutions: run.resolutions, preferLocal: true });
    plan.report.conflicts = [...(plan.report.conflicts ?? []), ...split.conflicts];
    plan.report.documents.unchanged += split.foreign;
    for (const [id, fields] of split.foreignBases) plan.bases.set(id, fields);
  } else {
    const bases = await store.getBases(db, ids);
    plan = planMerge(parsed.value, existing, now, { bases, resolutions: run.resolutions });
  }
  if (!run.apply) return listedReport(plan.report);

  const documents = new Map(plan.documents.map((d) => [d.id, d] as const));
  let bases = plan.bases;
  if (subscription) {
    // New documents say where they came from; conflicting fields are flagged on the document.
    for (const doc of documents.values()) if (!existing.documents.has(doc.id)) doc.subscriptionId = subscription.id;
    const flagged = flagConflicts(
      plan.report.conflicts ?? [],
      (docId) => documents.get(docId) ?? existing.documents.get(docId),
      subscription.id,
      now,
    );
    for (const doc of flagged) documents.set(doc.id, doc);
    // Shared versions that did not change are not written again.
    const source = subscriptionSource(subscription.id);
    bases = new Map(
      [...plan.bases].filter(([id, fields]) => {
        const was = shared!.get(id);
        return !was || was.source !== source || JSON.stringify(was.fields) !== JSON.stringify(fields);
      }),
    );
  }
  const report: ImportReport = { ...plan.report, applied: true };
  if (split?.proposals.length) report.proposals = split.proposals;
  const written = [...documents.values()];
  // A sync that changes nothing writes nothing: no snapshot, no journal (issue 13).
  if (subscription && !written.length && !plan.workstreams.length && !bases.size) return listedReport(report);
  const indexChanges = written.length > 0 || plan.workstreams.length > 0;
  const id = run.newId();
  const label = subscription ? `before syncing “${subscription.name}”` : `before importing ${run.filename}`;
  const entry: JournalEntry = {
    id,
    op: subscription ? 'sync' : 'import',
    label: subscription ? `sync of “${subscription.name}”` : `import of ${run.filename}`,
    startedAt: now,
  };
  await run.journal.begin(entry);
  // The index's own note: read at start if the storage note is gone (journal.ts).
  await store.noteStarted(db, entry);
  try {
    await store.writeMerge(
      db,
      {
        documents: written,
        workstreams: plan.workstreams,
        bases,
        source: subscription ? subscriptionSource(subscription.id) : run.filename,
        snapshot: indexChanges || !subscription ? { reason: subscription ? 'sync' : 'import', label } : undefined,
        opId: id,
        now,
      },
      run.onProgress,
    );
  } finally {
    await run.journal.end(id);
  }
  if (indexChanges) run.onWritten?.(written, plan.workstreams);
  // Scan's memory of corrections (an export's): merged with the member's, the later choice winning.
  const memory = subscription ? undefined : parsed.value.scanMemory;
  if (memory?.length) await updateCorrections((list) => mergeCorrections(list, memory)).catch(() => undefined);
  return listedReport(report);
}

/** What a subscription's fetch answered: the final address after redirects, and the body as a stream. */
export interface FeedResponse {
  ok: boolean;
  status: number;
  statusText: string;
  contentType: string;
  /** The address that answered (after redirects; empty: the one asked). */
  url: string;
  /** The `Content-Length` header. */
  contentLength: string | null;
  /** The `Content-Disposition` header: the file's name, which a subscription without one takes (feed-title.ts). */
  contentDisposition?: string | null;
  body: ReadableStream<Uint8Array> | null;
}

/** A fetch that failed because the address sent Docket to a site it may not read (a sign-in page). */
export class RedirectedAway extends Error {
  constructor() {
    super('redirected-away');
  }
}

export interface Fetcher {
  /** Whether Docket may read this address's origin (the member granted it). */
  allowed(url: string): Promise<boolean>;
  fetch(url: string, signal: AbortSignal): Promise<FeedResponse>;
}

/** How long a subscription's answer may take: to its headers, and between two pieces of its body. */
export const FEED_HEADERS_MS = 30_000;
export const FEED_IDLE_MS = 20_000;
export const FEED_TOTAL_MS = 5 * 60_000;

export type FetchOutcome =
  | {
      text: string;
      filename: string;
      /** The origin a redirect led to, when not the subscription's own. */
      via?: string;
      /** The sheet's own name, when its server sent one. */
      title?: string;
    }
  | { error: string; said: Said; needsOrigin?: string };

/** A failed fetch: why, in words and as a message key and values. */
const failed = (why: Said): { error: string; said: Said } => ({ error: say(why), said: why });

const kb = (bytes: number) => said('size_kb_exact', { size: formatGrouped(Math.round(bytes / 1024)) });

/** Fetch a subscription's contents, or say in words why not. Never throws. */
export async function fetchSubscription(
  sub: Subscription,
  fetcher: Fetcher,
  limits: { headersMs?: number; idleMs?: number; totalMs?: number } = {},
): Promise<FetchOutcome> {
  const asked = new URL(sub.url);
  const host = asked.host;
  if (!(await fetcher.allowed(sub.url).catch(() => false))) {
    return failed(said('error_sheet_no_permission', { host }));
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.headersMs ?? FEED_HEADERS_MS);
  let response: FeedResponse;
  try {
    response = await fetcher.fetch(sub.url, controller.signal);
  } catch (error) {
    // Google sends a reader who is not signed in from a sheet not published (or not shared) to its sign-in page.
    if (error instanceof RedirectedAway) return failed(said('error_sheet_sign_in', { host }));
    const why = controller.signal.aborted ? said('error_sheet_no_answer') : (error as Error)?.message || String(error);
    return failed(said('error_sheet_unreachable', { host, why }));
  } finally {
    clearTimeout(timer);
  }
  const cancel = () => response.body?.cancel().catch(() => undefined);
  let answered: URL;
  try {
    answered = new URL(response.url || sub.url);
  } catch {
    answered = asked;
  }
  if (answered.origin !== asked.origin && !(await fetcher.allowed(answered.href).catch(() => false))) {
    // A redirect to a site the member never allowed: its rows are not read (issue 13, item 10).
    await cancel();
    return {
      ...failed(said('error_sheet_redirect', { host, other: answered.host })),
      needsOrigin: `${answered.protocol}//${answered.host}/*`,
    };
  }
  const where = answered.host;
  if (!response.ok) {
    await cancel();
    const status = `${response.status} ${response.statusText}`.trim();
    return failed(said(response.status === 404 ? 'error_sheet_http_404' : 'error_sheet_http', { host: where, status }));
  }
  const max = MAX_IMPORT_BYTES;
  const body = await readBody(response.body, contentLength(response.contentLength), {
    maxBytes: max,
    idleMs: limits.idleMs ?? FEED_IDLE_MS,
    totalMs: limits.totalMs ?? FEED_TOTAL_MS,
  }).catch((error: unknown) => ({ ok: false as const, reason: 'cut' as const, bytes: 0, detail: String(error) }));
  if (!body.ok) {
    return failed(
      body.reason === 'too-large'
        ? said('error_sheet_too_large', { host: where, size: max / 1024 / 1024 })
        : body.reason === 'stalled'
          ? said('error_sheet_stalled', { host: where, size: kb(body.bytes) })
          : said('error_sheet_cut', { host: where, size: kb(body.bytes) }),
    );
  }
  const text = body.text;
  const isJson = /json/i.test(response.contentType) || /^\s*[{[]/.test(text);
  const out: FetchOutcome = { text, filename: isJson ? 'subscription.json' : 'subscription.csv' };
  if (answered.origin !== asked.origin) out.via = `${answered.protocol}//${answered.host}/*`;
  const title = feedTitle(response.contentDisposition);
  if (title) out.title = title;
  return out;
}

/**
 * Sync one subscription: fetch, merge, write. The attempt and its outcome are always recorded on
 * it; failures never touch the documents. Never throws. `onWritten` is called when the index changed.
 */
export async function syncSubscription(
  sub: Subscription,
  deps: {
    db: DocketDB;
    fetcher: Fetcher;
    journal: Journal;
    now: string;
    newId(): string;
    limits?: { headersMs?: number; idleMs?: number; totalMs?: number };
    onWritten?(): void;
  },
): Promise<Subscription> {
  const next: Subscription = { ...sub, lastAttemptAt: deps.now };
  delete next.needsOrigin;
  const fail = (why: Said) => {
    next.lastError = say(why);
    next.lastErrorSaid = why;
  };
  try {
    const fetched = await fetchSubscription(sub, deps.fetcher, deps.limits);
    if ('error' in fetched) {
      fail(fetched.said);
      if (fetched.needsOrigin) next.needsOrigin = fetched.needsOrigin;
    } else {
      if (fetched.via && !(next.origins ?? []).includes(fetched.via)) next.origins = [...(next.origins ?? []), fetched.via];
      const report = await runMerge({
        db: deps.db,
        text: fetched.text,
        filename: fetched.filename,
        now: deps.now,
        apply: true,
        subscription: sub,
        journal: deps.journal,
        newId: deps.newId,
        onWritten: () => deps.onWritten?.(),
      });
      if (report.error) fail(report.errorSaid ?? said('imp_verbatim', { text: report.error }));
      else {
        delete next.lastError;
        delete next.lastErrorSaid;
        // Joined without a name (the site's stands in): the sheet's own, once its server says it.
        if (fetched.title && sub.name === siteName(sub.url)) next.name = fetched.title;
        next.lastSuccessAt = deps.now;
        next.lastReport = {
          documents: report.documents,
          workstreams: report.workstreams,
          conflicts: report.conflicts,
          conflictCount: report.conflictCount,
        };
        if (report.proposals?.length) next.proposals = report.proposals;
        else delete next.proposals;
      }
    }
  } catch (error) {
    fail(said('error_sync_not_written', { why: (error as Error)?.message ?? String(error) }));
  }
  try {
    await deps.db.put('subscriptions', next);
  } catch (error) {
    console.error('[Docket] could not record the sync of', sub.name, error);
  }
  return next;
}
