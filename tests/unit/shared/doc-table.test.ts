// The full page's table, timeline and bulk changes (utils/shared/doc-table, timeline, bulk-change; DocSearch.matching).
import { describe, expect, it } from 'vitest';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { groupKey, orderTable, sourceText, weekStart, type TableSort } from '@/utils/shared/doc-table';
import { buildTimeline } from '@/utils/shared/timeline';
import { applyChange, type DocChange } from '@/utils/shared/bulk-change';
import { DocSearch } from '@/utils/shared/search';

const NOW = '2026-11-22T10:00:00.000Z';
const WS: Workstream[] = [
  { id: 'b', name: 'B. Improvements' },
  { id: 'a', name: 'A. High-level body', account: '1' },
  { id: 'c', name: 'C. Outcomes' },
];
const doc = (id: string, extra: Partial<DocRecord> = {}): DocRecord => ({
  id,
  kind: 'document',
  aliases: [],
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...extra,
});
const DOCS: DocRecord[] = [
  doc('d1aaaaaaaaaa', { title: 'Models', workstreamId: 'a', deadline: '2026-11-25', status: 'draft', sourceTitle: 'Minutes 3' }),
  doc('d2aaaaaaaaaa', {
    title: 'proposals',
    workstreamId: 'b',
    deadline: '2026-11-16',
    status: 'final',
    source: 'https://x.org/m',
  }),
  doc('d3aaaaaaaaaa', { title: 'Annex', workstreamId: 'b', status: 'open-for-comments' }),
  doc('d4aaaaaaaaaa', { title: 'Zeta', deadline: '2026-12-07', status: 'delivered', sourceTitle: 'Agenda' }),
  doc('d5aaaaaaaaaa', { title: 'beta', workstreamId: 'gone', deadline: '2026-11-23' }),
  doc('d6aaaaaaaaaa', { title: 'Outcomes', workstreamId: 'c', deadline: '2026-11-16', status: 'draft' }),
];
const ids = (docs: readonly DocRecord[]) => docs.map((d) => d.id.slice(0, 2));

describe('weekStart: the Monday of a day’s week', () => {
  it.each([
    ['2026-11-23', '2026-11-23'], // a Monday
    ['2026-11-22', '2026-11-16'], // a Sunday
    ['2026-11-26', '2026-11-23'],
    ['2021-01-01', '2020-12-28'], // across a year
    ['2024-03-03', '2024-02-26'], // across a leap day
    ['1970-01-01', '1969-12-29'],
  ])('%s → %s', (day, monday) => expect(weekStart(day)).toBe(monday));
});

describe('the table’s order', () => {
  it.each<[TableSort, 'asc' | 'desc', string[]]>([
    ['deadline', 'asc', ['d6', 'd2', 'd5', 'd1', 'd4', 'd3']],
    // Empty values stay last either way; ties stay in deadline-then-title order.
    ['deadline', 'desc', ['d4', 'd1', 'd5', 'd6', 'd2', 'd3']],
    ['title', 'asc', ['d3', 'd5', 'd1', 'd6', 'd2', 'd4']],
    ['title', 'desc', ['d4', 'd2', 'd6', 'd1', 'd5', 'd3']],
    ['workstream', 'asc', ['d1', 'd2', 'd3', 'd6', 'd5', 'd4']],
    ['workstream', 'desc', ['d6', 'd2', 'd3', 'd1', 'd5', 'd4']],
    ['status', 'asc', ['d6', 'd1', 'd3', 'd2', 'd4', 'd5']],
    ['status', 'desc', ['d4', 'd2', 'd3', 'd6', 'd1', 'd5']],
    ['source', 'asc', ['d4', 'd2', 'd1', 'd6', 'd5', 'd3']],
  ])('sorted by %s %s', (sort, dir, want) => {
    expect(ids(orderTable(DOCS, WS, sort, dir, 'none').docs)).toEqual(want);
  });

  it('groups by workstream: by name, the unknown workstream with "none" last; each group in the column order', () => {
    const { docs, groups } = orderTable(DOCS, WS, 'deadline', 'asc', 'workstream');
    expect(groups).toEqual([
      { key: 'ws:a', count: 1 },
      { key: 'ws:b', count: 2 },
      { key: 'ws:c', count: 1 },
      { key: 'ws:', count: 2 },
    ]);
    expect(ids(docs)).toEqual(['d1', 'd2', 'd3', 'd6', 'd5', 'd4']);
  });

  it('groups by the week of the deadline (Monday), no deadline last', () => {
    const { docs, groups } = orderTable(DOCS, WS, 'title', 'asc', 'week');
    expect(groups).toEqual([
      { key: 'week:2026-11-16', count: 2 },
      { key: 'week:2026-11-23', count: 2 },
      { key: 'week:2026-12-07', count: 1 },
      { key: 'week:', count: 1 },
    ]);
    expect(ids(docs)).toEqual(['d6', 'd2', 'd5', 'd1', 'd4', 'd3']);
  });

  it('groupKey and sourceText', () => {
    const byId = new Map(WS.map((w) => [w.id, w]));
    expect(groupKey(DOCS[4]!, 'workstream', byId)).toBe('ws:');
    expect(groupKey(DOCS[2]!, 'week', byId)).toBe('week:');
    expect(groupKey(DOCS[0]!, 'none', byId)).toBe('');
    expect(sourceText(DOCS[1]!)).toBe('https://x.org/m');
    expect(sourceText(DOCS[0]!)).toBe('Minutes 3');
  });

  it('orders 5,000 documents, each exactly once', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      doc(`m${String(i).padStart(11, '0')}`, {
        title: `Doc ${i % 97}`,
        workstreamId: ['a', 'b', 'c', undefined][i % 4],
        ...(i % 5 ? { deadline: `2026-${String((i % 12) + 1).padStart(2, '0')}-1${i % 10}` } : {}),
      }),
    );
    for (const group of ['none', 'workstream', 'week'] as const) {
      const { docs, groups } = orderTable(many, WS, 'deadline', 'asc', group);
      expect(new Set(docs.map((d) => d.id)).size).toBe(5000);
      if (group !== 'none') expect(groups.reduce((n, g) => n + g.count, 0)).toBe(5000);
    }
  });
});

describe('DocSearch.matching: every document the search syntax keeps, unranked', () => {
  const search = new DocSearch(DOCS, WS);
  it.each([
    ['', ['d1', 'd2', 'd3', 'd4', 'd5', 'd6']],
    ['status:draft', ['d1', 'd6']],
    ['ws:improvements', ['d2', 'd3']],
    ['overdue', ['d2', 'd6']],
    ['due:3', ['d1', 'd5']],
    ['proposals', ['d2']],
    ['modls', ['d1']],
    ['outcomes status:draft', ['d6']],
  ])('%j', (q, want) => expect(ids(search.matching(q, '2026-11-22'))).toEqual(want));
});

describe('buildTimeline: per workstream, overdue first, then the weeks', () => {
  const t = buildTimeline(DOCS, WS, '2026-11-22', 3);
  it('starts with the week of today and leaves done documents and those without a deadline out', () => {
    expect(t.weeks).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    expect(t.dated).toBe(4);
  });
  it('counts overdue, each week and later; the first documents in date order', () => {
    expect(t.rows.map((r) => [r.workstreamId, r.overdue, r.weeks, r.later, ids(r.next)])).toEqual([
      ['a', 0, [0, 1, 0], 0, ['d1']],
      ['b', 1, [0, 0, 0], 0, ['d2']],
      ['c', 1, [0, 0, 0], 0, ['d6']],
      [null, 0, [0, 1, 0], 0, ['d5']],
    ]);
  });
  it('puts deadlines past the last week in "later", and today in the first week', () => {
    const r = buildTimeline(
      [doc('x1aaaaaaaaaa', { deadline: '2027-02-01' }), doc('x2aaaaaaaaaa', { deadline: '2026-11-22' })],
      [],
      '2026-11-22',
      2,
    );
    expect(r.rows[0]).toMatchObject({ overdue: 0, weeks: [1, 0], later: 1 });
  });
});

describe('applyChange: one change to a document', () => {
  const d = DOCS[0]!;
  it.each<[string, DocChange, Partial<DocRecord> | null]>([
    ['shift later', { shiftDays: 7 }, { deadline: '2026-12-02' }],
    ['shift earlier across a month', { shiftDays: -30 }, { deadline: '2026-10-26' }],
    ['shift by zero', { shiftDays: 0 }, null],
    ['set the status', { status: 'final' }, { status: 'final' }],
    ['the same status', { status: 'draft' }, null],
    ['set the workstream', { workstreamId: 'b' }, { workstreamId: 'b' }],
    ['set the deadline', { deadline: '2027-01-31' }, { deadline: '2027-01-31' }],
  ])('%s', (_, change, patch) => {
    const out = applyChange(d, change, NOW);
    if (patch === null) expect(out).toBeNull();
    else expect(out).toEqual({ ...d, ...patch, updatedAt: NOW });
  });

  it('clearing removes the field', () => {
    expect(applyChange(d, { deadline: null }, NOW)).not.toHaveProperty('deadline');
    expect(applyChange(d, { status: null }, NOW)).not.toHaveProperty('status');
    expect(applyChange(d, { workstreamId: null }, NOW)).not.toHaveProperty('workstreamId');
  });

  it('a shift leaves a document without a deadline as it is, and never touches the input', () => {
    expect(applyChange(DOCS[2]!, { shiftDays: 3 }, NOW)).toBeNull();
    expect(applyChange(DOCS[2]!, { deadline: null }, NOW)).toBeNull();
    expect(DOCS[0]!.deadline).toBe('2026-11-25');
  });

  it('leap days', () => {
    expect(applyChange(doc('l1aaaaaaaaaa', { deadline: '2028-02-28' }), { shiftDays: 1 }, NOW)?.deadline).toBe('2028-02-29');
    expect(applyChange(doc('l1aaaaaaaaaa', { deadline: '2027-02-28' }), { shiftDays: 1 }, NOW)?.deadline).toBe('2027-03-01');
  });
});
