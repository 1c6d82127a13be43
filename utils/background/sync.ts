/**
 * Imports and syncs, the way they write: parse, merge three ways against the last shared
 * version, then one transaction (snapshot, records, shared versions, operation id). A journal
 * entry brackets every write so that one the browser cut short is reported, never half-applied.
 */
import type { DocketDB } from './db/schema';
import type { Subscription, ImportReport, Resolutions } from '../shared/reports';
import * as store from './db/store';
import { MAX_IMPORT_BYTES } from './interchange/records';
import { parseImport } from './interchange/parse';
import { planMerge } from './interchange/merge';
import type { DocRecord, Workstream } from '../shared/model';

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

export function refusedReport(error: string): ImportReport {
  return { applied: false, error, documents: empty(), workstreams: empty(), refused: [], conflicts: [] };
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
  if (!parsed.ok) return refusedReport(parsed.error);
  if (subscription && parsed.value.documents.length === 0 && parsed.value.refused.length > 0) {
    return refusedReport(
      `No row of the sheet could be read (the first problem: ${parsed.value.refused[0]!.reason}). Did its columns change?`,
    );
  }
  const existing = {
    documents: new Map(index.documents.map((d) => [d.id, d] as const)),
    workstreams: new Map(index.workstreams.map((w) => [w.id, w] as const)),
  };
  const bases = await store.getBases(
    db,
    parsed.value.documents.map((d) => d.id),
  );
  const plan = planMerge(parsed.value, existing, now, { bases, resolutions: run.resolutions, preferLocal: !!subscription });
  if (!run.apply) return plan.report;

  const documents = new Map(plan.documents.map((d) => [d.id, d] as const));
  if (subscription) {
    // New documents say where they came from; conflicting fields are flagged on the document.
    for (const doc of documents.values()) if (!existing.documents.has(doc.id)) doc.subscriptionId = subscription.id;
    for (const c of plan.report.conflicts ?? []) {
      if (c.winner !== 'local') continue;
      const doc: DocRecord = documents.get(c.docId) ?? { ...existing.documents.get(c.docId)! };
      const others = (doc.syncConflicts ?? []).filter((x) => x.field !== c.field);
      doc.syncConflicts = [...others, { field: c.field, theirs: c.incoming, subscriptionId: subscription.id, at: now }];
      documents.set(doc.id, doc);
    }
  }
  const id = run.newId();
  const label = subscription ? `before syncing “${subscription.name}”` : `before importing ${run.filename}`;
  await run.journal.begin({
    id,
    op: subscription ? 'sync' : 'import',
    label: subscription ? `sync of “${subscription.name}”` : `import of ${run.filename}`,
    startedAt: now,
  });
  const written = [...documents.values()];
  try {
    await store.writeMerge(
      db,
      {
        documents: written,
        workstreams: plan.workstreams,
        bases: plan.bases,
        source: subscription ? `subscription:${subscription.id}` : run.filename,
        snapshot: { reason: subscription ? 'sync' : 'import', label },
        opId: id,
        now,
      },
      run.onProgress,
    );
  } finally {
    await run.journal.end(id);
  }
  run.onWritten?.(written, plan.workstreams);
  return { ...plan.report, applied: true };
}

export interface Fetcher {
  /** Whether Docket may read this origin (the member granted it). */
  allowed(url: string): Promise<boolean>;
  fetch(url: string): Promise<{ ok: boolean; status: number; statusText: string; contentType: string; text(): Promise<string> }>;
}

/** Fetch a subscription's contents, or say in words why not. */
export async function fetchSubscription(
  sub: Subscription,
  fetcher: Fetcher,
): Promise<{ text: string; filename: string } | { error: string }> {
  const host = new URL(sub.url).host;
  if (!(await fetcher.allowed(sub.url))) {
    return { error: `Docket no longer has permission to read ${host}. Remove the subscription and add it again to allow it.` };
  }
  let response: Awaited<ReturnType<Fetcher['fetch']>>;
  try {
    response = await fetcher.fetch(sub.url);
  } catch (error) {
    return { error: `Could not reach ${host} (offline, or the address is wrong): ${(error as Error).message}` };
  }
  if (!response.ok) {
    const hint = response.status === 404 ? ' The sheet may no longer be published, or its address changed.' : '';
    return { error: `${host} answered ${response.status} ${response.statusText}.${hint}` };
  }
  const text = await response.text();
  if (text.length > MAX_IMPORT_BYTES) return { error: `The sheet is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` };
  const isJson = /json/i.test(response.contentType) || /^\s*[{[]/.test(text);
  return { text, filename: isJson ? 'subscription.json' : 'subscription.csv' };
}

/** Sync one subscription: fetch, merge, write. Failures are recorded on it; they never touch the documents. */
export async function syncSubscription(
  sub: Subscription,
  deps: { db: DocketDB; fetcher: Fetcher; journal: Journal; now: string; newId(): string },
): Promise<Subscription> {
  const next: Subscription = { ...sub, lastAttemptAt: deps.now };
  const fetched = await fetchSubscription(sub, deps.fetcher);
  if ('error' in fetched) next.lastError = fetched.error;
  else {
    try {
      const report = await runMerge({
        db: deps.db,
        ...fetched,
        now: deps.now,
        apply: true,
        subscription: sub,
        journal: deps.journal,
        newId: deps.newId,
      });
      if (report.error) next.lastError = report.error;
      else {
        delete next.lastError;
        next.lastSuccessAt = deps.now;
        next.lastReport = { documents: report.documents, workstreams: report.workstreams, conflicts: report.conflicts };
      }
    } catch (error) {
      next.lastError = `The sync could not be written: ${(error as Error).message}`;
    }
  }
  await deps.db.put('subscriptions', next);
  return next;
}
