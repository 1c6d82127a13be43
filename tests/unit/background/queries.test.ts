/**
 * The popup's small queries: pages of the grouped list, search and Upcoming over the background's
 * in-memory cache, the first page read through IndexedDB's indexes (cold), and the cache
 * following the service's writes. Over fake-indexeddb with thousands of generated documents.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDocketDb, type DocketDB } from '@/utils/background/db/schema';
import { writeAll } from '@/utils/background/db/store';
import { groupDocuments, summarize, upcomingSections } from '@/utils/shared/doc-order';
import { IndexCache } from '@/utils/background/index-cache';
import { exportJson } from '@/utils/background/interchange/export';
import { STATUSES, type DocRecord, type Status, type Workstream } from '@/utils/shared/model';
import { IndexView, coldGroupedPage, queryDocs, summarizeIndex } from '@/utils/background/queries';
import { type DocsPage, type DocsQuery } from '@/utils/shared/docs-query';
import { DocSearch } from '@/utils/shared/search';
import { createHandlers, dispatch, type Sender, type ServiceDeps } from '@/utils/background/service';
import { ID, POPUP, caller, fakeDeps, type Call } from '../support/service-fixture';
import type { StatusFilter } from '@/utils/shared/doc-order';

const TODAY = '2026-06-15';
const CONTENT: Sender = { id: ID, url: 'https://www.intgovforum.org/x.html', tab: { id: 7 } };

/** A deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'roadmap',
  'strategy',
  'outcomes',
  'improvements',
  'budget',
  'minutes',
  'proposal',
  'charter',
  'review',
  'hybrid',
  'Ébauche',
  'forum',
];

function generate(n: number, seed = 1): { documents: DocRecord[]; workstreams: Workstream[] } {
  const r = rng(seed);
  const workstreams: Workstream[] = Array.from({ length: 9 }, (_, i) => ({
    id: `ws-${i}`,
    name: `${String.fromCharCode(74 - i)}. ${WORDS[i]} group`,
    color: '#1f6feb',
  }));
  // Two with the same name (ordered by id), one with none of the documents.
  workstreams.push(
    { id: 'ws-twin-b', name: 'C. Twins' },
    { id: 'ws-twin-a', name: 'c. twins' },
    { id: 'ws-empty', name: 'A. Empty' },
  );
  const documents = Array.from({ length: n }, (_, i): DocRecord => {
    const doc: DocRecord = {
      id: `1doc${String(i).padStart(6, '0')}${Math.floor(r() * 1e6).toString(36)}`,
      kind: 'document',
      aliases: r() < 0.05 ? [`2PACX-alias-${i}`] : [],
      title: `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]} ${i % 37}`,
      updatedAt: '2026-01-15T10:00:00.000Z',
    };
    const w = r();
    if (w < 0.85) doc.workstreamId = workstreams[Math.floor(r() * 11)]!.id;
    else if (w < 0.87) doc.workstreamId = 'ws-gone';
    if (r() < 0.9) doc.status = STATUSES[Math.floor(r() * STATUSES.length)] as Status;
    if (r() < 0.7)
      doc.deadline = `2026-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    if (r() < 0.2) doc.notes = `${WORDS[Math.floor(r() * WORDS.length)]} notes`;
    return doc;
  });
  return { documents, workstreams };
}

const q = (over: Partial<DocsQuery>): DocsQuery => ({
  view: 'grouped',
  status: 'active',
  offset: 0,
  limit: 200,
  today: TODAY,
  ...over,
});
const ids = (page: DocsPage) => page.rows.map((r) => r.doc.id);

describe('queries over the index in memory', () => {
  const index = generate(5200);
  const view = new IndexView(index.documents, index.workstreams);

  it.each<StatusFilter>(['active', 'all', 'draft', 'delivered'])(
    'grouped (%s): pages in groupDocuments order, with every group’s count',
    (status) => {
      const groups = groupDocuments(index.documents, index.workstreams, { status, text: '' });
      const flat = groups.flatMap((g) => g.docs);
      const first = queryDocs(view, q({ status }), TODAY);
      expect(first.total).toBe(flat.length);
      expect(ids(first)).toEqual(flat.slice(0, 200).map((d) => d.id));
      expect(first.groups).toEqual(groups.map((g) => ({ workstreamId: g.workstream?.id ?? null, count: g.docs.length })));
      expect(first.summary).toEqual(summarize(index.documents, TODAY));
      expect(first.indexSize).toBe(5200);
      // Paging: every row once, in order.
      const all: string[] = [];
      for (let offset = 0; offset < flat.length; offset += 500)
        all.push(...ids(queryDocs(view, q({ status, offset, limit: 500 }), TODAY)));
      expect(all).toEqual(flat.map((d) => d.id));
      // Rows carry the group they are in.
      for (const r of first.rows)
        expect(r.workstreamId ?? null).toBe(groups.find((g) => g.docs.includes(r.doc))!.workstream?.id ?? null);
    },
  );

  it.each(['roadmap', 'strategy budget', 'overdue', 'ws:twins', 'status:draft review', 'due:week', 'ebauche'])(
    'search "%s" ranks as DocSearch does, the best 100 of what the Status list shows, and counts the others',
    (text) => {
      const search = new DocSearch(index.documents, index.workstreams);
      const every = search.search(text, TODAY, 100_000);
      const shown = (h: { doc: DocRecord }) =>
        text.includes('status:') || (h.doc.status !== 'delivered' && h.doc.status !== 'archived');
      const expected = every.filter(shown).slice(0, 100);
      const page = queryDocs(view, q({ view: 'search', text, limit: 100 }), TODAY);
      expect(ids(page)).toEqual(expected.map((h) => h.doc.id));
      expect(page.total).toBe(expected.length);
      expect(page.otherStatuses ?? 0).toBe(every.filter((h) => !shown(h)).length);
      expect(page.rows.every((r, i) => r.workstreamId === expected[i]!.workstream?.id)).toBe(true);
    },
  );

  it('upcoming: the sections’ order, each row with its section, every section’s count', () => {
    const sections = upcomingSections(index.documents, TODAY);
    const flat = sections.flatMap((s) => s.docs.map((d) => [d.id, s.key]));
    const got: string[][] = [];
    let page: DocsPage;
    let offset = 0;
    do {
      page = queryDocs(view, q({ view: 'upcoming', offset, limit: 450 }), TODAY);
      got.push(...page.rows.map((r) => [r.doc.id, r.section!]));
      offset += 450;
    } while (page.rows.length);
    expect(got).toEqual(flat);
    expect(page.sections).toEqual(sections.map((s) => ({ key: s.key, count: s.docs.length })));
  });

  it('summary: counts per workstream and without one', () => {
    const s = summarizeIndex(view, TODAY);
    expect(s.total).toBe(5200);
    expect(Object.values(s.counts).reduce((a, b) => a + b, 0) + s.noWorkstream).toBe(5200);
    expect(s.counts['ws-empty']).toBe(0);
    expect(s.counts['ws-3']).toBe(index.documents.filter((d) => d.workstreamId === 'ws-3').length);
  });
});

describe('recent searches kept by a view', () => {
  it('asks the search index once for the same text, and answers the same after older ones are dropped', () => {
    const index = generate(800, 5);
    const view = new IndexView(index.documents, index.workstreams);
    const spy = vi.spyOn(view.docSearch(), 'searchWithin');
    const texts = ['r', 'ro', 'roa', 'road', 'roadm', 'roadma', 'roadmap'];
    const typed = texts.map((t) => queryDocs(view, q({ view: 'search', text: t }), TODAY));
    const deleted = [...texts].reverse().map((t) => queryDocs(view, q({ view: 'search', text: t }), TODAY));
    expect(deleted.reverse()).toEqual(typed);
    expect(spy).toHaveBeenCalledTimes(texts.length);
    // Another day or a longer list is another question.
    queryDocs(view, q({ view: 'search', text: 'r', today: '2026-06-16' }), '2026-06-16');
    queryDocs(view, q({ view: 'search', text: 'r', offset: 200, limit: 100 }), TODAY);
    expect(spy).toHaveBeenCalledTimes(texts.length + 2);
    // Past the few it keeps, the oldest is asked again, with the same answer.
    for (let i = 0; i < 40; i++) queryDocs(view, q({ view: 'search', text: `x${i}` }), TODAY);
    const calls = spy.mock.calls.length;
    expect(queryDocs(view, q({ view: 'search', text: 'r' }), TODAY)).toEqual(typed[0]);
    expect(spy).toHaveBeenCalledTimes(calls + 1);
  });
});

describe('the first page from IndexedDB’s indexes', () => {
  let db: DocketDB;
  let n = 0;
  const index = generate(5200, 7);
  beforeEach(async () => {
    db = await openDocketDb(`queries-cold-${++n}`);
    await writeAll(db, index.documents, index.workstreams);
  });
  afterEach(() => db.close());

  it.each<StatusFilter>(['active', 'all', 'final'])('equals the page computed from the whole list (%s)', async (status) => {
    const full = queryDocs(new IndexView(index.documents, index.workstreams), q({ status }), TODAY);
    const cold = (await coldGroupedPage(db, q({ status }), TODAY))!;
    expect(ids(cold)).toEqual(ids(full));
    expect(cold.indexSize).toBe(5200);
    // The groups it read are counted exactly; the others only with status "all".
    for (const g of cold.groups!) {
      const exact = full.groups!.find((x) => x.workstreamId === g.workstreamId);
      if (g.count !== null) expect(g.count).toBe(exact?.count ?? 0);
    }
    if (status === 'all') {
      expect(cold.groups).toEqual(full.groups);
      expect(cold.total).toBe(full.total);
    } else expect(cold.partial).toBe(true);
    // Few enough dated documents to read through byDeadline: the summary is exact.
    expect(cold.summary).toEqual(summarize(index.documents, TODAY));
  });

  it('a second page, and a summary when few documents are dated', async () => {
    const page = (await coldGroupedPage(db, q({ offset: 200, limit: 300 }), TODAY))!;
    const full = queryDocs(new IndexView(index.documents, index.workstreams), q({ offset: 200, limit: 300 }), TODAY);
    expect(ids(page)).toEqual(ids(full));
    const small = generate(800, 3);
    const db2 = await openDocketDb(`queries-cold-small-${n}`);
    await writeAll(db2, small.documents, small.workstreams);
    const p = (await coldGroupedPage(db2, q({ status: 'all', limit: 50 }), TODAY))!;
    expect(p.summary).toEqual(summarize(small.documents, TODAY));
    expect(p.partial).toBeUndefined();
    db2.close();
  });

  it('gives up (null) when the page reaches the "No workstream" group', async () => {
    expect(await coldGroupedPage(db, q({ offset: 5000, limit: 200 }), TODAY)).toBeNull();
  });
});

describe('the background answers from its cache, which follows every write', () => {
  let db: DocketDB;
  let n = 0;
  let call: Call;
  let cache: IndexCache;
  /** How many times the cache read the whole index. */
  let loads = 0;
  const index = generate(5200, 11);

  beforeEach(async () => {
    db = await openDocketDb(`queries-service-${++n}`);
    await writeAll(db, index.documents, index.workstreams);
    loads = 0;
    cache = new IndexCache(async () => db);
    const load = (cache as unknown as { load: () => Promise<void> }).load.bind(cache);
    (cache as unknown as { load: () => Promise<void> }).load = () => {
      loads++;
      return load();
    };
    call = caller(baseDeps());
  });

  function baseDeps(): ServiceDeps {
    return fakeDeps(db, {
      fetcher: {
        allowed: vi.fn(async () => true),
        fetch: vi.fn(async () => {
          throw new Error('offline');
        }),
      },
      cache,
      today: () => TODAY,
    });
  }
  afterEach(() => db.close());

  /** The same query over what the database holds now. */
  async function expected(query: DocsQuery) {
    const [documents, workstreams] = [await db.getAll('documents'), await db.getAll('workstreams')];
    return queryDocs(new IndexView(documents, workstreams), query, TODAY);
  }

  it('answers cold from the indexes, then from the cache, with the same rows', async () => {
    const first = await call('docs/query', q({}));
    expect(first.ok).toBe(true);
    expect(cache.loaded).toBe(false);
    expect(first.result.partial).toBe(true);
    const exact = await expected(q({}));
    expect(ids(first.result)).toEqual(ids(exact));
    // It started reading the whole index for the next question.
    await vi.waitFor(() => expect(cache.loaded).toBe(true), { timeout: 30_000 });
    const second = await call('docs/query', q({}));
    expect(second.result).toEqual(exact);
  });

  it('tags the first page of the list with the revision read before answering (the popup keeps those)', async () => {
    let revision: string | null = 'r1';
    const tagged = createHandlers({ ...baseDeps(), revision: async () => revision });
    const ask = (query: DocsQuery) =>
      dispatch({ type: 'docs/query', data: query }, POPUP, tagged, baseDeps()) as Promise<{ result: DocsPage }>;
    await cache.get();
    expect((await ask(q({}))).result.revision).toBe('r1');
    revision = null;
    expect((await ask(q({}))).result.revision).toBeNull();
    // Only the first page of the grouped list.
    for (const other of [q({ offset: 200 }), q({ view: 'search', text: 'roadmap' }), q({ view: 'upcoming' })]) {
      expect((await ask(other)).result).not.toHaveProperty('revision');
    }
    // Without a revision to read (tests, other callers), no tag.
    expect((await call('docs/query', q({}))).result).not.toHaveProperty('revision');
  });

  it('asked again for every count while it reads the index, it waits for it', async () => {
    const first = await call('docs/query', q({}));
    expect(first.result.partial).toBe(true);
    expect(cache.loading).toBe(true);
    // Another popup's first question, while the index is read: it waits for it too.
    expect((await call('docs/query', q({}))).result.partial).toBeUndefined();
    const second = await call('docs/query', q({ complete: true }));
    expect(second.result.partial).toBeUndefined();
    expect(second.result).toEqual(await expected(q({})));
  });

  it('follows put, delete, track, workstream changes and imports', async () => {
    await cache.get();
    const check = async (query = q({ status: 'all', limit: 500 })) =>
      expect((await call('docs/query', query)).result).toEqual(await expected(query));
    const doc = index.documents[10]!;
    await call('doc/put', {
      doc: { ...doc, title: 'AAA first', workstreamId: 'ws-empty', deadline: '2026-01-01', status: 'draft' },
    });
    await check();
    await check(q({ view: 'search', text: 'AAA first', limit: 100 }));
    expect((await call('doc/get', { id: doc.id })).result.doc.title).toBe('AAA first');
    await call('doc/delete', { id: doc.id });
    await check();
    expect((await call('doc/get', { id: doc.id })).result.doc).toBeNull();
    await call('docs/track', {
      documents: [
        {
          id: '1newdoc',
          kind: 'file',
          aliases: ['2PACX-new'],
          title: 'Tracked now',
          workstreamId: 'ws-new',
          updatedAt: '2026-11-22T10:00:00.000Z',
        },
      ],
      workstreams: [{ id: 'ws-new', name: 'B. New' }],
    });
    await check();
    expect((await call('doc/get', { id: '2PACX-new' })).result.doc.id).toBe('1newdoc');
    await call('ws/put', { workstream: { id: 'ws-3', name: 'AA. Renamed' } });
    await check();
    await call('ws/delete', { id: 'ws-4', reassignTo: 'ws-5' });
    await check();
    await call('ws/delete', { id: 'ws-5', reassignTo: null });
    await check();
    await check(q({ view: 'upcoming', limit: 500 }));
    const summary = (await call('index/summary', {})).result;
    expect(summary.total).toBe(await db.count('documents'));
    expect(summary.counts['ws-new']).toBe(1);
    // None of that read the whole index again.
    expect(loads).toBe(1);

    // An import: the cache takes what was written, without reading the index again.
    const file = exportJson(
      {
        documents: [{ ...index.documents[20]!, title: 'Imported title', updatedAt: '2026-11-23T00:00:00.000Z' }],
        workstreams: index.workstreams,
      },
      'x',
    );
    const applied = await call('import/apply', { text: file.text, filename: 'x.json' });
    expect(applied.ok).toBe(true);
    expect(cache.loaded).toBe(true);
    await check();
    await check(q({ view: 'search', text: 'Imported title', limit: 100 }));
    expect(loads).toBe(1);
  });

  it('notices a database cleared behind its back', async () => {
    await cache.get();
    await db.clear('documents');
    const page = (await call('docs/query', q({}))).result;
    expect(page.indexSize).toBe(0);
    expect(page.rows).toEqual([]);
  });

  it('validates queries and keeps them to Docket’s pages', async () => {
    expect((await call('docs/query', q({ limit: 501 }))).ok).toBe(false);
    expect((await call('docs/query', { ...q({}), view: 'everything' })).ok).toBe(false);
    expect((await call('docs/query', q({}), CONTENT)).error).toMatch(/Only Docket’s own pages/);
    expect((await call('doc/get', { id: 'x' }, CONTENT)).ok).toBe(false);
    expect((await call('index/summary', {}, CONTENT)).ok).toBe(false);
  });
});
