import { describe, expect, it } from 'vitest';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { summaryText } from '@/utils/popup/report-text';
import { upcomingKey, upcomingSections, groupDocuments, summarize } from '@/utils/shared/doc-order';
import type { DocFilter } from '@/utils/shared/doc-order';

const TODAY = '2020-09-08';

const WS: Workstream[] = [
  { id: 'ws-imp', name: 'B. Improvements to the IGF', group: 'WG-Strategy', color: '#8250df' },
  {
    id: 'ws-hlb',
    name: 'A. Possible implementation models for the Roadmap’s High-level body',
    group: 'WG-Strategy',
    color: '#1f6feb',
  },
  { id: 'ws-out', name: 'C. Strengthening IGF outcomes', group: 'WG-Strategy', color: '#bf3989' },
];

function doc(id: string, over: Partial<DocRecord> = {}): DocRecord {
  return { id, kind: 'document', aliases: [], updatedAt: '2020-08-27T14:00:00.000Z', ...over };
}

const DOCS: DocRecord[] = [
  doc('1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI', {
    title: 'Possible implementation models for the MHLB',
    workstreamId: 'ws-hlb',
    deadline: '2020-09-10',
    deadlineNote: 'feedback before the next WG meeting',
    status: 'open-for-comments',
  }),
  doc('1Bmfp_U-PnPnB8ZK6jNfhA8okvkR-s6Nd', {
    title: 'Response document to the Options Paper',
    workstreamId: 'ws-hlb',
    deadline: '2020-09-25',
    status: 'draft',
    notes: 'to the co-champions of Recommendations 5A/B',
  }),
  doc('1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y', {
    title: 'Improvements to the IGF: proposals',
    workstreamId: 'ws-imp',
    deadline: '2020-09-01',
    status: 'open-for-comments',
  }),
  doc('1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4', {
    title: 'Annual work plan',
    workstreamId: 'ws-imp',
    status: 'delivered',
    deadline: '2020-08-01',
  }),
  doc('1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { workstreamId: 'ws-gone', status: 'final' }),
  doc('1BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB', { title: 'Archived notes', status: 'archived' }),
  doc('1CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC', { title: 'Meeting VII summary', deadline: '2020-09-08' }),
  doc('1DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD', { title: 'a later doc', workstreamId: 'ws-hlb', deadline: '2020-09-10' }),
];

/** Groups as `[workstream id or '-', [doc ids…]]` for compact expectations. */
function shape(filter: DocFilter): Array<[string, string[]]> {
  return groupDocuments(DOCS, WS, filter, TODAY).map((g) => [g.workstream?.id ?? '-', g.docs.map((d) => d.id.slice(0, 5))]);
}

describe('groupDocuments', () => {
  it.each<[string, DocFilter, Array<[string, string[]]>]>([
    [
      'active by default: groups by name, no workstream last, deadline then title',
      { status: 'active', text: '' },
      [
        ['ws-hlb', ['1DDDD', '1zk8D', '1Bmfp']],
        ['ws-imp', ['1lutZ']],
        ['-', ['1CCCC', '1AAAA']],
      ],
    ],
    [
      'all statuses',
      { status: 'all', text: '' },
      [
        ['ws-hlb', ['1DDDD', '1zk8D', '1Bmfp']],
        ['ws-imp', ['1_DIq', '1lutZ']],
        ['-', ['1CCCC', '1AAAA', '1BBBB']],
      ],
    ],
    ['one status', { status: 'delivered', text: '' }, [['ws-imp', ['1_DIq']]]],
    [
      'text matches the workstream name, case-insensitively',
      { status: 'active', text: 'ROADMAP’S high-level' },
      [['ws-hlb', ['1DDDD', '1zk8D', '1Bmfp']]],
    ],
    ['text matches notes', { status: 'active', text: 'co-champions' }, [['ws-hlb', ['1Bmfp']]]],
    ['text matches an id', { status: 'all', text: '1_dIQ4A' }, [['ws-imp', ['1_DIq']]]],
    ['every term must match', { status: 'all', text: 'options paper draft-none' }, []],
    ['several terms anywhere', { status: 'all', text: 'options   response' }, [['ws-hlb', ['1Bmfp']]]],
    ['status and text together', { status: 'archived', text: 'notes' }, [['-', ['1BBBB']]]],
    ['nothing matches', { status: 'active', text: 'zzz' }, []],
  ])('%s', (_name, filter, expected) => {
    expect(shape(filter)).toEqual(expected);
  });

  it('puts a document whose workstream was deleted under "No workstream"', () => {
    const groups = groupDocuments(DOCS, WS, { status: 'final', text: '' }, TODAY);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.workstream).toBeNull();
  });
});

describe('summarize', () => {
  it.each<[string, DocRecord[], { overdue: number; dueSoon: number }]>([
    ['seed data', DOCS, { overdue: 1, dueSoon: 3 }],
    ['nothing', [], { overdue: 0, dueSoon: 0 }],
    [
      'done documents are ignored',
      [doc('x', { deadline: '2020-01-01', status: 'delivered' }), doc('y', { deadline: '2020-09-09', status: 'archived' })],
      { overdue: 0, dueSoon: 0 },
    ],
    [
      'today and +7 days are due soon, +8 is not',
      [doc('a', { deadline: TODAY }), doc('b', { deadline: '2020-09-15' }), doc('c', { deadline: '2020-09-16' })],
      { overdue: 0, dueSoon: 2 },
    ],
    ['yesterday is overdue', [doc('a', { deadline: '2020-09-07', status: 'final' })], { overdue: 1, dueSoon: 0 }],
    ['no deadline counts for nothing', [doc('a', { status: 'draft' })], { overdue: 0, dueSoon: 0 }],
  ])('%s', (_name, docs, expected) => {
    expect(summarize(docs, TODAY)).toEqual(expected);
  });

  it.each([
    [{ overdue: 2, dueSoon: 3 }, '2 overdue · 3 due within 7 days'],
    [{ overdue: 0, dueSoon: 1 }, '1 due within 7 days'],
    [{ overdue: 4, dueSoon: 0 }, '4 overdue'],
    [{ overdue: 0, dueSoon: 0 }, 'Nothing overdue or due within 7 days'],
  ])('summaryText(%o) = %s', (s, text) => {
    expect(summaryText(s)).toBe(text);
  });
});

describe('upcomingSections', () => {
  const UP: DocRecord[] = [
    doc('late-2', { title: 'Two days late', deadline: '2020-09-06' }),
    doc('late-1', { title: 'Yesterday', deadline: '2020-09-07', status: 'final' }),
    doc('today', { title: 'Today', deadline: TODAY }),
    doc('plus7', { title: 'Plus seven', deadline: '2020-09-15' }),
    doc('plus8', { title: 'Plus eight', deadline: '2020-09-16' }),
    doc('plus14', { title: 'Plus fourteen', deadline: '2020-09-22' }),
    doc('plus15', { title: 'Plus fifteen', deadline: '2020-09-23' }),
    doc('none-b', { title: 'b no deadline' }),
    doc('none-a', { title: 'A no deadline', status: 'draft' }),
    doc('done-late', { title: 'Delivered late', deadline: '2020-09-01', status: 'delivered' }),
    doc('archived', { title: 'Archived', status: 'archived' }),
  ];

  it('sorts the documents not done into five sections, in order', () => {
    expect(upcomingSections(UP, TODAY).map((s) => [s.key, s.docs.map((d) => d.id)])).toEqual([
      ['overdue', ['late-2', 'late-1']],
      ['this-week', ['today', 'plus7']],
      ['next-week', ['plus8', 'plus14']],
      ['later', ['plus15']],
      ['none', ['none-a', 'none-b']],
    ]);
  });

  it('always returns all five sections', () => {
    expect(upcomingSections([], TODAY).map((s) => [s.key, s.docs.length])).toEqual([
      ['overdue', 0],
      ['this-week', 0],
      ['next-week', 0],
      ['later', 0],
      ['none', 0],
    ]);
  });

  it.each<[string | undefined, string]>([
    ['2020-09-07', 'overdue'],
    [TODAY, 'this-week'],
    ['2020-09-15', 'this-week'],
    ['2020-09-16', 'next-week'],
    ['2020-09-22', 'next-week'],
    ['2020-09-23', 'later'],
    ['2021-09-08', 'later'],
    [undefined, 'none'],
  ])('upcomingKey(%s) = %s', (deadline, key) => {
    expect(upcomingKey(doc('x', deadline ? { deadline } : {}), TODAY)).toBe(key);
  });
});
