/**
 * The popup's first screen kept between openings (utils/popup/first-page.ts) and the sharing of
 * unchanged rows between answers (utils/popup/share-page.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  FIRST_PAGE_KEY,
  RETIRED_KEYS,
  answerDiffers,
  keepFirstPage,
  keptAnswer,
  keptAnswers,
  parseKept,
  queryId,
  readKept,
  type KeyValueStore,
} from '@/utils/popup/first-page';
import { sharePage } from '@/utils/popup/share-page';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import type { DocsPage, DocsQuery } from '@/utils/shared/docs-query';

const Q: DocsQuery = { view: 'grouped', status: 'active', offset: 0, limit: 200, today: '2026-11-22' };
const WS: Workstream[] = [{ id: 'ws-a', name: 'A' }];

function doc(id: string, extra: Partial<DocRecord> = {}): DocRecord {
  return { id, kind: 'document', aliases: [], updatedAt: '2026-01-01T00:00:00.000Z', title: `Doc ${id}`, ...extra };
}

function page(extra: Partial<DocsPage> = {}): DocsPage {
  return {
    total: 2,
    rows: [{ doc: doc('1aaaaaaaaaaaaaaaaaaaaaaaaa'), workstreamId: 'ws-a' }, { doc: doc('1bbbbbbbbbbbbbbbbbbbbbbbbb') }],
    groups: [
      { workstreamId: 'ws-a', count: 1 },
      { workstreamId: null, count: 1 },
    ],
    summary: { overdue: 0, dueSoon: 0 } as DocsPage['summary'],
    indexSize: 2,
    workstreams: WS,
    revision: 'r1',
    ...extra,
  };
}

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('the kept first screen', () => {
  it('is kept for a whole answer with a revision, and given back for the same question at that revision', () => {
    const store = memoryStore();
    expect(keepFirstPage(store, Q, page())).toBe(true);
    expect(keptAnswer(parseKept(readKept(store)), { ...Q }, 'r1')).toEqual(page());
    expect(keptAnswers(parseKept(readKept(store)), Q)).toBe(true);
    expect(keptAnswers(parseKept(readKept(store)), { ...Q, today: '2026-11-23' })).toBe(false);
  });

  it.each([
    ['a partial answer', page({ partial: true })],
    ['an answer without a revision', page({ revision: undefined })],
    ['an answer before the index ever changed (revision null)', page({ revision: null })],
  ])('is not kept: %s', (_, p) => {
    const store = memoryStore();
    expect(keepFirstPage(store, Q, p)).toBe(false);
    expect(store.map.size).toBe(0);
  });

  it.each<[string, string | null, DocsQuery, string | null]>([
    ['another revision (the index changed since)', 'kept', Q, 'r2'],
    ['no revision known', 'kept', Q, null],
    ['another day', 'kept', { ...Q, today: '2026-11-23' }, 'r1'],
    ['another status filter', 'kept', { ...Q, status: 'all' }, 'r1'],
    ['another page size', 'kept', { ...Q, limit: 100 }, 'r1'],
    ['nothing kept', null, Q, 'r1'],
    ['unreadable text', '{"v":1,', Q, 'r1'],
    ['another format version', JSON.stringify({ v: 99, query: queryId(Q), revision: 'r1', page: page() }), Q, 'r1'],
    ['a page without rows', JSON.stringify({ v: 1, query: queryId(Q), revision: 'r1', page: { total: 1 } }), Q, 'r1'],
  ])('is not used for %s', (_, text, q, revision) => {
    const store = memoryStore();
    keepFirstPage(store, Q, page());
    const kept = text === 'kept' ? readKept(store) : text;
    expect(keptAnswer(parseKept(kept), q, revision)).toBeNull();
  });

  it('removes what earlier versions kept (the first screen as markup) when it keeps an answer', () => {
    const store = memoryStore();
    store.map.set('docket:first-screen:v1', JSON.stringify({ v: 1, html: '<div class="app"></div>' }));
    store.map.set('docket:other', 'stays');
    expect(keepFirstPage(store, Q, page())).toBe(true);
    expect([...store.map.keys()].sort()).toEqual(['docket:first-page', 'docket:other']);
    expect(RETIRED_KEYS).toContain('docket:first-screen:v1');
  });

  it('a full or broken storage keeps nothing and never throws', () => {
    const full: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(keepFirstPage(full, Q, page())).toBe(false);
    expect(readKept(full)).toBeNull();
  });

  it('the same question whatever the order of its fields', () => {
    expect(queryId({ today: '2026-11-22', limit: 200, offset: 0, status: 'active', view: 'grouped' })).toBe(queryId(Q));
    expect(FIRST_PAGE_KEY).toMatch(/^docket:/);
  });
});

describe('whether a live answer adds to what is shown', () => {
  it.each<[string, DocsPage, boolean]>([
    ['the same answer (another revision tag)', page({ revision: 'r2' }), false],
    [
      'a partial answer with the same rows',
      page({ partial: true, summary: null, groups: [{ workstreamId: 'ws-a', count: null }] }),
      false,
    ],
    ['a partial answer with other rows', page({ partial: true, rows: [{ doc: doc('1cccccccccccccccccccccccccc') }] }), true],
    [
      'a row changed',
      page({
        rows: [
          { doc: doc('1aaaaaaaaaaaaaaaaaaaaaaaaa', { title: 'New' }), workstreamId: 'ws-a' },
          { doc: doc('1bbbbbbbbbbbbbbbbbbbbbbbbb') },
        ],
      }),
      true,
    ],
    ['a count changed', page({ total: 3 }), true],
    ['a workstream renamed', page({ workstreams: [{ id: 'ws-a', name: 'B' }] }), true],
  ])('%s', (_, next, differs) => {
    expect(answerDiffers(page(), next)).toBe(differs);
  });
});

describe('sharing unchanged rows between answers', () => {
  it('keeps the objects of documents that did not change, and takes the new ones', () => {
    const prev = page();
    const next = structuredClone(page());
    next.rows[1] = { doc: doc('1bbbbbbbbbbbbbbbbbbbbbbbbb', { title: 'Renamed' }) };
    next.rows.push({ doc: doc('1cccccccccccccccccccccccccc') });
    const shared = sharePage(prev, next);
    expect(shared).toEqual(next);
    expect(shared.rows[0]!.doc).toBe(prev.rows[0]!.doc);
    expect(shared.rows[1]!.doc).toBe(next.rows[1]!.doc);
    expect(shared.rows[2]!.doc).toBe(next.rows[2]!.doc);
    expect(shared.workstreams).toBe(prev.workstreams);
  });

  it('a row that moved keeps its object; new workstreams are taken', () => {
    const prev = page();
    const next = structuredClone(page({ workstreams: [{ id: 'ws-a', name: 'Renamed' }] }));
    next.rows.reverse();
    const shared = sharePage(prev, next);
    expect(shared.rows.map((r) => r.doc)).toEqual([prev.rows[1]!.doc, prev.rows[0]!.doc].map((d) => expect.objectContaining(d)));
    expect(shared.rows[0]!.doc).toBe(prev.rows[1]!.doc);
    expect(shared.workstreams).toBe(next.workstreams);
  });

  it('nothing before: the answer as it is', () => {
    const next = page();
    expect(sharePage(null, next)).toBe(next);
  });
});
