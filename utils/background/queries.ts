/**
 * Small answers about the index, for the popup: one page of the grouped list, of search results
 * or of the Upcoming view; a workstream summary. Pure functions over an in-memory index
 * (`IndexView`, kept by the background's IndexCache, or built from a plain list in tests), plus
 * `coldGroupedPage`, which answers the default list from IndexedDB's indexes without reading
 * every document (the first screen when nothing is cached yet).
 */
import type { DocketDB } from './db/schema';
import { addDays } from '../shared/calendar';
import { DUE_SOON_DAYS } from '../shared/urgency';
import type { DocRecord, Workstream } from '../shared/model';
import { compareDocs, groupDocuments, matchesStatus, summarize, upcomingSections } from '../shared/doc-order';
import type { DocGroup, StatusFilter, Summary, UpcomingKey, UpcomingSection } from '../shared/doc-order';
import { DocSearch, parseQuery } from '../shared/search';
import type { SearchHit } from '../shared/search';
import {
  MAX_QUERY_LIMIT,
  SEARCH_LIMIT,
  type DocsPage,
  type DocsQuery,
  type DocsRow,
  type IndexSummary,
} from '../shared/docs-query';

/** Search answers an IndexView keeps (it is replaced whenever the index changes). */
const RECENT_SEARCHES = 32;

/**
 * An index in memory, with what is derived from it built on first use and kept until it changes.
 * Never mutate `documents` or `workstreams` from outside; make a new view instead.
 */
export class IndexView {
  readonly wsById: Map<string, Workstream>;
  private search?: DocSearch;
  private readonly recentSearches = new Map<string, { hits: SearchHit[]; outside: number }>();
  private grouped = new Map<StatusFilter, { groups: DocGroup[]; total: number }>();
  private upcoming?: { today: string; sections: UpcomingSection[] };
  private summaryFor?: { today: string; summary: Summary };

  constructor(
    readonly documents: readonly DocRecord[],
    readonly workstreams: readonly Workstream[],
  ) {
    this.wsById = new Map(workstreams.map((w) => [w.id, w] as const));
  }

  docSearch(): DocSearch {
    return (this.search ??= new DocSearch(this.documents, this.workstreams));
  }

  /**
   * The best `limit` hits for `text` among the documents `status` shows (a `status:` in the text decides
   * instead), and how many match in other statuses; the last few answers are kept (deleting what was just
   * typed asks them again).
   */
  searchHits(text: string, today: string, limit: number, status: StatusFilter = 'all'): { hits: SearchHit[]; outside: number } {
    const byText = parseQuery(text).statuses.length > 0;
    const filter = byText ? 'all' : status;
    const key = `${today}\u0000${limit}\u0000${filter}\u0000${text}`;
    let answer = this.recentSearches.get(key);
    if (answer) this.recentSearches.delete(key);
    else
      answer = this.docSearch().searchWithin(text, today, limit, filter === 'all' ? undefined : (d) => matchesStatus(d, filter));
    this.recentSearches.set(key, answer);
    if (this.recentSearches.size > RECENT_SEARCHES) this.recentSearches.delete(this.recentSearches.keys().next().value!);
    return answer;
  }

  groups(status: StatusFilter): { groups: DocGroup[]; total: number } {
    let g = this.grouped.get(status);
    if (!g) {
      const groups = groupDocuments(this.documents, this.workstreams, { status, text: '' });
      g = { groups, total: groups.reduce((n, x) => n + x.docs.length, 0) };
      this.grouped.set(status, g);
    }
    return g;
  }

  upcomingSections(today: string): UpcomingSection[] {
    if (this.upcoming?.today !== today) this.upcoming = { today, sections: upcomingSections(this.documents, today) };
    return this.upcoming.sections;
  }

  summary(today: string): Summary {
    if (this.summaryFor?.today !== today) this.summaryFor = { today, summary: summarize(this.documents, today) };
    return this.summaryFor.summary;
  }

  /** The workstream a document is grouped under (undefined when it has none, or it no longer exists). */
  workstreamOf(doc: DocRecord): string | undefined {
    return doc.workstreamId && this.wsById.has(doc.workstreamId) ? doc.workstreamId : undefined;
  }
}

function row(view: IndexView, doc: DocRecord, section?: UpcomingKey): DocsRow {
  const out: DocsRow = { doc };
  const ws = view.workstreamOf(doc);
  if (ws) out.workstreamId = ws;
  if (section) out.section = section;
  return out;
}

/** One page of the grouped list, the search results or the Upcoming view. */
export function queryDocs(view: IndexView, q: DocsQuery, today: string): DocsPage {
  const limit = Math.max(0, Math.min(q.limit, MAX_QUERY_LIMIT));
  const offset = Math.max(0, q.offset);
  const base = { summary: view.summary(today), indexSize: view.documents.length, workstreams: [...view.workstreams] };
  if (q.view === 'search') {
    const text = (q.text ?? '').trim();
    if (!text) return { ...base, total: 0, rows: [] };
    // A `status:` in the box decides the status; otherwise the Status list does.
    const { hits, outside } = view.searchHits(text, today, Math.max(SEARCH_LIMIT, offset + limit), q.status);
    const page: DocsPage = { ...base, total: hits.length, rows: hits.slice(offset, offset + limit).map((h) => row(view, h.doc)) };
    if (outside > 0) page.otherStatuses = outside;
    return page;
  }
  if (q.view === 'upcoming') {
    const sections = view.upcomingSections(today);
    const rows: DocsRow[] = [];
    let skip = offset;
    for (const s of sections) {
      if (rows.length >= limit) break;
      if (skip >= s.docs.length) {
        skip -= s.docs.length;
        continue;
      }
      for (const d of s.docs.slice(skip, skip + limit - rows.length)) rows.push(row(view, d, s.key));
      skip = 0;
    }
    return {
      ...base,
      total: sections.reduce((n, s) => n + s.docs.length, 0),
      rows,
      sections: sections.map((s) => ({ key: s.key, count: s.docs.length })),
    };
  }
  const { groups, total } = view.groups(q.status);
  return {
    ...base,
    total,
    rows: pageOfGroups(groups, offset, limit).map((d) => row(view, d)),
    groups: groups.map((g) => ({ workstreamId: g.workstream?.id ?? null, count: g.docs.length })),
  };
}

function pageOfGroups(groups: readonly { docs: readonly DocRecord[] }[], offset: number, limit: number): DocRecord[] {
  const out: DocRecord[] = [];
  let skip = offset;
  for (const g of groups) {
    if (out.length >= limit) break;
    if (skip >= g.docs.length) {
      skip -= g.docs.length;
      continue;
    }
    out.push(...g.docs.slice(skip, skip + limit - out.length));
    skip = 0;
  }
  return out;
}

/** Workstreams with their document counts, for the Workstreams view. */
export function summarizeIndex(view: IndexView, today: string): IndexSummary {
  const counts: Record<string, number> = {};
  let noWorkstream = 0;
  for (const w of view.workstreams) counts[w.id] = 0;
  for (const d of view.documents) {
    const ws = view.workstreamOf(d);
    if (ws) counts[ws]!++;
    else noWorkstream++;
  }
  return { workstreams: [...view.workstreams], counts, noWorkstream, total: view.documents.length, summary: view.summary(today) };
}

// --- from IndexedDB's indexes, without reading every document --------------------------------

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Workstreams in the order the grouped list shows them. */
export function groupOrder(workstreams: readonly Workstream[]): Workstream[] {
  return [...workstreams].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

/** Read at most this many dated documents to count the summary before the cache is ready. */
const COLD_SUMMARY_READS = 3000;

/**
 * The first page of the grouped list read through the `byWorkstream` index, one workstream at a
 * time in the list's order, until `offset + limit` rows are gathered. Returns null when the page
 * reaches the "No workstream" group (then the whole index is needed anyway).
 */
export async function coldGroupedPage(db: DocketDB, q: DocsQuery, today: string): Promise<DocsPage | null> {
  if (q.view !== 'grouped') return null;
  const limit = Math.max(0, Math.min(q.limit, MAX_QUERY_LIMIT));
  const want = Math.max(0, q.offset) + limit;
  const tx = db.transaction(['documents', 'workstreams'], 'readonly');
  const docs = tx.objectStore('documents');
  const byWs = docs.index('byWorkstream');
  const byDeadline = docs.index('byDeadline');
  const workstreams = await tx.objectStore('workstreams').getAll();
  const ordered = groupOrder(workstreams);
  const soonRange = IDBKeyRange.upperBound(addDays(today, DUE_SOON_DAYS));
  const [indexSize, wsCounts, soonKeys] = await Promise.all([
    docs.count(),
    Promise.all(ordered.map((w) => byWs.count(IDBKeyRange.only(w.id)))),
    // At most one more key than will be read (counting every dated document costs as much as reading its keys).
    byDeadline.getAllKeys(soonRange, COLD_SUMMARY_READS + 1),
  ]);
  const dated = soonKeys.length;
  const gathered: DocRecord[] = [];
  const groups: Array<{ workstreamId: string | null; count: number | null }> = [];
  for (const [i, w] of ordered.entries()) {
    const n = wsCounts[i]!;
    if (n === 0) continue;
    if (gathered.length < want) {
      const inGroup = (await byWs.getAll(IDBKeyRange.only(w.id))).filter((d) => matchesStatus(d, q.status)).sort(compareDocs);
      if (inGroup.length) groups.push({ workstreamId: w.id, count: inGroup.length });
      gathered.push(...inGroup);
    } else {
      groups.push({ workstreamId: w.id, count: q.status === 'all' ? n : null });
    }
  }
  const inWorkstreams = wsCounts.reduce((a, b) => a + b, 0);
  // Documents without a workstream, or whose workstream no longer exists: the last group.
  const rest = indexSize - inWorkstreams;
  if (rest > 0) {
    if (gathered.length < want) {
      await tx.done.catch(() => undefined);
      return null;
    }
    groups.push({ workstreamId: null, count: q.status === 'all' ? rest : null });
  }
  let summary: Summary | null = null;
  if (dated <= COLD_SUMMARY_READS) {
    const soon = await byDeadline.getAll(soonRange);
    summary = summarize(soon, today);
  }
  await tx.done;
  const rows = gathered.slice(Math.max(0, q.offset), want).map((doc) => {
    const r: DocsRow = { doc };
    if (doc.workstreamId) r.workstreamId = doc.workstreamId;
    return r;
  });
  const known = groups.every((g) => g.count !== null);
  const page: DocsPage = {
    total: known ? groups.reduce((n, g) => n + (g.count ?? 0), 0) : gathered.length,
    rows,
    groups,
    summary,
    indexSize,
    workstreams,
  };
  if (!known || !summary) page.partial = true;
  return page;
}
