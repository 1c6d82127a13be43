/**
 * The background's answers to the full page (docket.html): the table (filtered, sorted, grouped,
 * one window of rows at a time), the deadline timeline, and the deadlines for a calendar file. Writes to many documents at once are operations (./operations.ts).
 * Wired into the service's handlers (../service.ts), which checks senders and shapes first.
 */
import type { DocketDB } from '../db/schema';
import type { HandlerContext } from './context';
import { coldGroupedPage, type IndexView } from '../queries';
import { compareDocs, matchesStatus } from '../../shared/doc-order';
import { isDone } from '../../shared/urgency';
import { orderTable, type TableGroup, type TablePage, type TableQuery } from '../../shared/doc-table';
import { MAX_QUERY_LIMIT } from '../../shared/docs-query';
import type { DocsRow } from '../../shared/docs-query';
import type { DocRecord } from '../../shared/model';
import { MAX_PAGE_DOCUMENTS, type MessageType, type Req, type Res } from '../../shared/protocol';
import { parseQuery } from '../../shared/search';
import { buildTimeline } from '../../shared/timeline';

export const TABLE_MESSAGES = ['docs/table', 'docs/timeline', 'docs/deadlines'] as const satisfies readonly MessageType[];
type TableMessage = (typeof TABLE_MESSAGES)[number];

export type TableDeps = Pick<HandlerContext, 'db' | 'cache' | 'now' | 'today' | 'indexChanged'>;

interface Ordered {
  docs: DocRecord[];
  groups: TableGroup[];
}

/** Orders kept per index view (a new view after every change drops them): paging through a table sorts it once. */
const ORDERS_KEPT = 8;
const orders = new WeakMap<IndexView, Map<string, Ordered>>();

/** The table's documents in order, for a query (without its window). */
export function orderedFor(view: IndexView, q: TableQuery, today: string): Ordered {
  const key = JSON.stringify([q.text?.trim() ?? '', q.status, q.sort, q.dir, q.group, today]);
  let kept = orders.get(view);
  if (!kept) orders.set(view, (kept = new Map()));
  const hit = kept.get(key);
  if (hit) return hit;
  const text = q.text?.trim() ?? '';
  let docs: readonly DocRecord[];
  if (!text) docs = view.documents.filter((d) => matchesStatus(d, q.status));
  else {
    const found = view.docSearch().matching(text, today);
    // A `status:` in the box decides the status; otherwise the Status list does (as in the popup).
    docs = parseQuery(text).statuses.length ? found : found.filter((d) => matchesStatus(d, q.status));
  }
  const out = orderTable(docs, view.workstreams, q.sort, q.dir, q.group);
  kept.set(key, out);
  if (kept.size > ORDERS_KEPT) kept.delete(kept.keys().next().value!);
  return out;
}

function row(view: IndexView, doc: DocRecord): DocsRow {
  const ws = view.workstreamOf(doc);
  return ws ? { doc, workstreamId: ws } : { doc };
}

type Handlers = { [K in TableMessage]: (data: Req<K>) => Promise<Res<K>> };

/**
 * Above this many documents, the table's first window in its default order is read through the
 * database's indexes while the index is not in memory yet (as the popup's first page: service.ts).
 */
export const COLD_TABLE_THRESHOLD = 3_000;

/** The default order (grouped by workstream, by deadline, no words): the popup's grouped list, which the indexes can answer. */
function isListOrder(q: TableQuery): boolean {
  return q.group === 'workstream' && q.sort === 'deadline' && q.dir === 'asc' && !q.text?.trim();
}

/** The first window from IndexedDB's indexes (coldGroupedPage): its rows are exact; groups not read yet are left out. */
async function coldTablePage(db: DocketDB, q: TableQuery, today: string): Promise<TablePage | null> {
  const page = await coldGroupedPage(db, { view: 'grouped', status: q.status, offset: 0, limit: q.limit }, today);
  if (!page?.groups) return null;
  const groups = page.groups.filter((g) => g.count !== null).map((g) => ({ key: `ws:${g.workstreamId ?? ''}`, count: g.count! }));
  const known = groups.reduce((n, g) => n + g.count, 0);
  return {
    total: known,
    offset: 0,
    rows: page.rows,
    groups,
    indexSize: page.indexSize,
    workstreams: page.workstreams,
    ...(page.partial || known !== page.total ? { partial: true } : {}),
  };
}

export function createTableHandlers(deps: TableDeps): Handlers {
  const { db, cache } = deps;
  const view = async () => {
    await cache.check();
    return cache.get();
  };
  return {
    'docs/table': async (q) => {
      const today = q.today ?? deps.today();
      await cache.check();
      // Cold (nothing in memory, nothing being read) and a large index: the first rows from the indexes,
      // and the whole index read meanwhile for the next question.
      if (!cache.loaded && !cache.loading && !q.ids && q.offset === 0 && isListOrder(q)) {
        const d = await db();
        if ((await d.getAllKeys('documents', null, COLD_TABLE_THRESHOLD + 1)).length > COLD_TABLE_THRESHOLD) {
          const page = await coldTablePage(d, q, today);
          cache.warm();
          if (page) return page;
        }
      }
      const v = await cache.get();
      const { docs, groups } = orderedFor(v, q, today);
      const offset = Math.min(q.offset, docs.length);
      const rows = docs.slice(offset, offset + Math.min(q.limit, MAX_QUERY_LIMIT)).map((d) => row(v, d));
      return {
        total: docs.length,
        offset,
        rows,
        groups,
        indexSize: v.documents.length,
        workstreams: [...v.workstreams],
        ...(q.ids ? { ids: docs.map((d) => d.id) } : {}),
      };
    },
    'docs/timeline': async ({ today, weeks }) => {
      const v = await view();
      return buildTimeline(v.documents, v.workstreams, today ?? deps.today(), weeks);
    },
    'docs/deadlines': async ({ ids, offset = 0, limit = MAX_PAGE_DOCUMENTS }) => {
      const v = await view();
      let docs: DocRecord[];
      if (ids) {
        const found = cache.lookup(ids) ?? {};
        docs = [...new Set(ids)].map((id) => found[id]?.doc).filter((d): d is DocRecord => !!d?.deadline);
      } else docs = v.documents.filter((d) => d.deadline && !isDone(d));
      docs.sort(compareDocs);
      return { documents: docs.slice(offset, offset + limit), workstreams: [...v.workstreams], total: docs.length };
    },
  };
}
