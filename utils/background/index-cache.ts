/**
 * The background's copy of the index in memory: documents and workstreams, read with one
 * `getAll` the first time a query needs them, then kept in step by the service's writes (each
 * handler tells the cache what it wrote, or drops it after imports, restores and syncs).
 * What is derived from it (groups, the search index) lives in an IndexView, rebuilt lazily after
 * each change. Only a cache: the service worker may stop at any time and start again empty.
 */
import type { DocketDB } from './db/schema';
import { getIndex } from './db/store';
import type { BadgeRecord, DocRecord, Workstream } from '../shared/model';
import { IndexView } from './queries';

export class IndexCache {
  private docs: Map<string, DocRecord> | null = null;
  private workstreams: Map<string, Workstream> | null = null;
  private view: IndexView | null = null;
  private pending: Promise<void> | null = null;
  /** Bumped by every change: a load that started before one is read again. */
  private generation = 0;
  /** A record was added since the maps were last in key order (the order IndexedDB gives). */
  private unordered = false;
  /** Alias → the id of its document, built for the first lookup after a change. */
  private aliases: Map<string, string> | null = null;
  /** The lowest and highest document keys, for check() (found once after a change). */
  private bounds: { first?: string; last?: string } | null = null;

  constructor(private readonly db: () => Promise<DocketDB>) {}

  /** True once the index is in memory. */
  get loaded(): boolean {
    return this.docs !== null;
  }

  /** Reading the index now. */
  get loading(): boolean {
    return this.pending !== null;
  }

  /** The index as an IndexView (read from the database the first time). */
  async get(): Promise<IndexView> {
    for (;;) {
      if (this.docs && this.workstreams) {
        if (this.unordered) {
          // Same order as a fresh read, so that answers (and search ties) do not depend on the cache's history.
          this.docs = new Map([...this.docs].sort(byKey));
          this.workstreams = new Map([...this.workstreams].sort(byKey));
          this.unordered = false;
        }
        return (this.view ??= new IndexView([...this.docs.values()], [...this.workstreams.values()]));
      }
      await this.load();
    }
  }

  /**
   * Drop the cache when the database no longer matches it (something wrote to the database other
   * than through the service: a second connection, a test, a tool). Cheap, not exhaustive: the
   * number of workstreams and the first and last document keys (never a scan of every document).
   */
  async check(): Promise<void> {
    if (!this.docs || !this.workstreams) return;
    const generation = this.generation;
    if (!this.bounds) {
      let first: string | undefined;
      let last: string | undefined;
      for (const id of this.docs.keys()) {
        if (first === undefined || id < first) first = id;
        if (last === undefined || id > last) last = id;
      }
      this.bounds = { first, last };
    }
    const { first, last } = this.bounds;
    const wsCount = this.workstreams.size;
    const tx = (await this.db()).transaction(['documents', 'workstreams'], 'readonly');
    const docs = tx.objectStore('documents');
    const [lo, hi, w] = await Promise.all([
      docs.openKeyCursor(),
      docs.openKeyCursor(null, 'prev'),
      tx.objectStore('workstreams').count(),
    ]);
    // A write through the service meanwhile is not a stranger's.
    if (generation !== this.generation) return;
    if (lo?.key !== first || hi?.key !== last || w !== wsCount) this.invalidate();
  }

  /**
   * The badge records for `ids` (by id or alias, as db.lookup answers), from memory; null when the
   * index is not in memory. Never reads it: the badge path must not load the whole index.
   */
  lookup(ids: readonly string[]): Record<string, BadgeRecord> | null {
    if (!this.docs || !this.workstreams) return null;
    this.aliases ??= aliasMap(this.docs.values());
    return lookupIn(this.docs, this.workstreams, this.aliases, ids);
  }

  /** Start reading the index (and build the default list from it), without waiting. */
  warm(build?: (view: IndexView) => void): void {
    this.get().then(
      (view) => build?.(view),
      () => undefined,
    );
  }

  private load(): Promise<void> {
    if (!this.pending) {
      const generation = this.generation;
      this.pending = (async () => {
        try {
          const index = await getIndex(await this.db());
          if (generation !== this.generation) return;
          this.docs = new Map(index.documents.map((d) => [d.id, d] as const));
          this.workstreams = new Map(index.workstreams.map((w) => [w.id, w] as const));
          this.view = null;
          this.aliases = null;
          this.bounds = null;
        } finally {
          this.pending = null;
        }
      })();
    }
    return this.pending;
  }

  private set<T>(map: Map<string, T>, key: string, value: T): void {
    if (!map.has(key)) this.unordered = true;
    map.set(key, value);
  }

  private changed(): void {
    this.generation++;
    this.view = null;
    this.aliases = null;
    this.bounds = null;
  }

  putDocuments(docs: readonly DocRecord[]): void {
    this.changed();
    if (this.docs) for (const d of docs) this.set(this.docs, d.id, d);
  }

  deleteDocument(id: string): void {
    this.changed();
    this.docs?.delete(id);
  }

  putWorkstreams(workstreams: readonly Workstream[]): void {
    this.changed();
    if (this.workstreams) for (const w of workstreams) this.set(this.workstreams, w.id, w);
  }

  /** A workstream deleted: its documents moved to `reassignTo` (or lost their workstream) at `now`. */
  deleteWorkstream(id: string, reassignTo: string | null, now: string): void {
    this.changed();
    if (!this.docs || !this.workstreams) return;
    this.workstreams.delete(id);
    for (const doc of this.docs.values()) {
      if (doc.workstreamId !== id) continue;
      const next: DocRecord = { ...doc, updatedAt: now };
      if (reassignTo === null) delete next.workstreamId;
      else next.workstreamId = reassignTo;
      this.docs.set(doc.id, next);
    }
  }

  /** Forget everything (after an import, a restore, a sync): read again when next needed. */
  invalidate(): void {
    this.changed();
    this.docs = null;
    this.workstreams = null;
  }
}

/** Alias → its document's id; an alias two documents share goes to the lower id (IndexedDB's index order). */
export function aliasMap(docs: Iterable<DocRecord>): Map<string, string> {
  const out = new Map<string, string>();
  for (const doc of docs) {
    for (const alias of doc.aliases) {
      const held = out.get(alias);
      if (held === undefined || doc.id < held) out.set(alias, doc.id);
    }
  }
  return out;
}

/** db.lookup's answer from maps: a document by its id, else by an alias; with its workstream when that exists. */
export function lookupIn(
  docs: ReadonlyMap<string, DocRecord>,
  workstreams: ReadonlyMap<string, Workstream>,
  aliases: ReadonlyMap<string, string>,
  ids: readonly string[],
): Record<string, BadgeRecord> {
  const out: Record<string, BadgeRecord> = {};
  for (const id of ids) {
    const alias = aliases.get(id);
    const doc = docs.get(id) ?? (alias === undefined ? undefined : docs.get(alias));
    if (!doc) continue;
    const workstream = doc.workstreamId === undefined ? undefined : workstreams.get(doc.workstreamId);
    out[id] = workstream ? { doc, workstream } : { doc };
  }
  return out;
}

function byKey<T>(a: [string, T], b: [string, T]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
