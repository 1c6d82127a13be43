import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { DocSearch, matchWorkstreams, parseQuery, topK } from '@/utils/shared/search';

const WS: Workstream[] = [
  { id: 'ws-hlb', name: 'A. Possible implementation models for the Roadmap’s High-level body' },
  { id: 'ws-improve', name: 'B. Improvements to the IGF' },
  { id: 'ws-outcomes', name: 'C. Strengthening the IGF outcomes' },
];
const d = (id: string, title: string, extra: Partial<DocRecord> = {}): DocRecord => ({
  id,
  kind: 'document',
  aliases: [],
  title,
  updatedAt: 'T',
  ...extra,
});
const DOCS: DocRecord[] = [
  d('1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI', 'Possible implementation models for the MHLB', {
    workstreamId: 'ws-hlb',
    deadline: '2020-09-10',
    status: 'open-for-comments',
  }),
  d('1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y', 'Improvements to the IGF: proposals', {
    workstreamId: 'ws-improve',
    deadline: '2020-09-06',
    status: 'open-for-comments',
  }),
  d('1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms', 'The 58 proposals of the Options Paper', {
    workstreamId: 'ws-improve',
    deadline: '2020-09-06',
    notes: 'spreadsheet of all proposals',
  }),
  d('1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4', 'Strengthening IGF outcomes', {
    workstreamId: 'ws-outcomes',
    deadline: '2020-09-07',
    status: 'draft',
  }),
  d('1eVwoVFoch6id-SzT9EXd7etofFsjAeU1', 'Consolidated response to the Options Paper', {
    deadline: '2020-09-04',
    status: 'final',
  }),
  d('1Bmfp_U-PnPnB8ZK6jNfhA8okvkR-s6Nd', 'Response document to the Options Paper', {
    deadline: '2020-09-28',
    status: 'delivered',
  }),
  d('1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW', 'Selection of IGF improvement priorities', { workstreamId: 'ws-improve' }),
];
const TODAY = '2020-09-05';
const search = new DocSearch(DOCS, WS);
const titles = (q: string) => search.search(q, TODAY).map((h) => h.doc.title);

describe('parseQuery', () => {
  it.each([
    ['mhlb models', { text: 'mhlb models', overdue: false, statuses: [] }],
    ['overdue', { text: '', overdue: true, statuses: [] }],
    ['due:week options', { text: 'options', overdue: false, dueWithin: 7, statuses: [] }],
    ['due:today', { text: '', overdue: false, dueWithin: 0, statuses: [] }],
    ['due:14', { text: '', overdue: false, dueWithin: 14, statuses: [] }],
    [
      'ws:"B. Improvements" status:open',
      { text: '', overdue: false, workstream: 'B. Improvements', statuses: ['open-for-comments'] },
    ],
    ['status:final status:delivered paper', { text: 'paper', overdue: false, statuses: ['final', 'delivered'] }],
    ['status:bogus due:never http://x', { text: 'status:bogus due:never http://x', overdue: false, statuses: [] }],
  ])('%s', (input, expected) => expect(parseQuery(input)).toEqual(expected));
});

describe('DocSearch', () => {
  it.each<[string, string[]]>([
    // Two words of a title find it first.
    ['mhlb models', ['Possible implementation models for the MHLB']],
    // Fuzzy: a typo and a partial word.
    ['strenghtening outc', ['Strengthening IGF outcomes']],
    // Matches in the title rank before matches elsewhere; then by deadline.
    [
      'options paper',
      [
        'Consolidated response to the Options Paper',
        'The 58 proposals of the Options Paper',
        'Response document to the Options Paper',
      ],
    ],
    // The workstream's name and notes are searched too.
    ['spreadsheet', ['The 58 proposals of the Options Paper']],
    ['high-level body', ['Possible implementation models for the MHLB']],
    // By id.
    ['1ssl6p90', []],
    ['1SL6p90qWtys', ['Selection of IGF improvement priorities']],
    // Filters.
    ['overdue', ['Consolidated response to the Options Paper']],
    [
      'due:week',
      [
        'Improvements to the IGF: proposals',
        'The 58 proposals of the Options Paper',
        'Strengthening IGF outcomes',
        'Possible implementation models for the MHLB',
      ],
    ],
    [
      'ws:improvements',
      ['Improvements to the IGF: proposals', 'The 58 proposals of the Options Paper', 'Selection of IGF improvement priorities'],
    ],
    ['ws:improvements status:open', ['Improvements to the IGF: proposals']],
    ['status:delivered', ['Response document to the Options Paper']],
    ['ws:nothing-like-it', []],
  ])('%s', (q, expected) => expect(titles(q)).toEqual(expected));

  it('an empty query lists everything by deadline, undated last', () => {
    expect(titles('').at(0)).toBe('Consolidated response to the Options Paper');
    expect(titles('').at(-1)).toBe('Selection of IGF improvement priorities');
  });

  it('returns the workstream with each hit and honours the limit', () => {
    const hits = search.search('', TODAY, 2);
    expect(hits).toHaveLength(2);
    expect(search.search('mhlb', TODAY)[0]!.workstream?.id).toBe('ws-hlb');
  });
});

describe('ws: a workstream by its badge label first, then its name words by prefix', () => {
  const MORE: Workstream[] = [
    ...WS,
    { id: 'ws-bud', name: 'Budget and fundraising' },
    { id: 'ws-sio', name: 'Strengthening IGF outcomes (old)' },
    { id: 'ws-youth', name: 'c) Youth Involvement in the IGF process' },
    { id: 'ws-outc', name: 'Outcomes' },
  ];
  it.each<[string, string[]]>([
    // The label its badges show, exactly: "B" is B, not every name with a b in it (Budget, Possible, …).
    ['B', ['ws-improve']],
    ['b', ['ws-improve']],
    ['B.', ['ws-improve']],
    // "c)" and "C." label the same letter: two workstreams carry C.
    ['C', ['ws-outcomes', 'ws-youth']],
    // Initials and a one-word name's first letters are labels too.
    ['SIO', ['ws-sio']],
    ['outc', ['ws-outc']],
    // The id, exactly.
    ['ws-bud', ['ws-bud']],
    // The whole name.
    ['B. Improvements to the IGF', ['ws-improve']],
    // Else every word of the value begins a word of the name, in any order.
    ['impro', ['ws-improve']],
    ['igf impro', ['ws-improve']],
    ['bud', ['ws-bud']],
    ['high-level', ['ws-hlb']],
    ['Roadmap’s', ['ws-hlb']],
    ['igf', ['ws-improve', 'ws-outcomes', 'ws-sio', 'ws-youth']],
    // A word inside another word is not a prefix.
    ['provements', []],
    ['', []],
  ])('ws:%s', (value, ids) => expect([...matchWorkstreams(value, MORE)].sort()).toEqual([...ids].sort()));

  it('filters the search by the workstreams it picks', () => {
    const docs = [
      d('1aaaaaaaaaaaaaaaaaaaaaaaaaa', 'Budget sheet', { workstreamId: 'ws-bud' }),
      d('1bbbbbbbbbbbbbbbbbbbbbbbbbb', 'Improvements list', { workstreamId: 'ws-improve' }),
      d('1cccccccccccccccccccccccccc', 'Possible models', { workstreamId: 'ws-hlb' }),
    ];
    const s = new DocSearch(docs, MORE);
    expect(s.search('ws:B', TODAY).map((h) => h.doc.title)).toEqual(['Improvements list']);
    expect(s.search('ws:bud', TODAY).map((h) => h.doc.title)).toEqual(['Budget sheet']);
    expect(s.search('ws:"B. Improvements"', TODAY).map((h) => h.doc.title)).toEqual(['Improvements list']);
  });
});

describe('topK: the first k without sorting everything', () => {
  it('is the same as sorting all and keeping the first k (a comparator that never ties)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.option(fc.integer({ min: 0, max: 20 }))), { maxLength: 300 }),
        fc.integer({ min: 0, max: 120 }),
        (raw, k) => {
          const items = raw.map(([t, d], p) => ({ t, d, p }));
          const cmp = (a: (typeof items)[number], b: (typeof items)[number]) =>
            a.t - b.t || (a.d === b.d ? 0 : a.d === null ? 1 : b.d === null ? -1 : a.d - b.d) || a.p - b.p;
          expect(topK(items, k, cmp)).toEqual([...items].sort(cmp).slice(0, k));
        },
      ),
    );
  });
});
