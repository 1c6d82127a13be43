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

describe('search in every script (issue 21)', () => {
  const WS_INTL: Workstream[] = [
    { id: 'ws-ru', name: 'Цифровое сотрудничество' },
    { id: 'ws-ar', name: 'التعاون الرقمي' },
    { id: 'ws-zh', name: '数字合作工作组' },
    { id: 'ws-fr', name: 'Coopération numérique' },
  ];
  const DOCS_INTL: DocRecord[] = [
    d('ru1', 'Стратегия цифрового сотрудничества', { workstreamId: 'ws-ru', status: 'draft' }),
    d('ru2', 'Ёмкость сети: отчёт', { workstreamId: 'ws-ru' }),
    d('ar1', 'الاستراتيجية الرقمية للمنتدى', { workstreamId: 'ws-ar', status: 'open-for-comments' }),
    d('ar2', 'اَلْخُطَّةُ الْمُقْتَرَحَة', { workstreamId: 'ws-ar' }),
    d('ar3', 'التقريـــر السنوي', { workstreamId: 'ws-ar', status: 'final' }),
    d('ar4', 'مسودة أولى للإعلان', { notes: 'ملاحظات إضافية' }),
    d('zh1', '数字合作战略草案', { workstreamId: 'ws-zh', status: 'draft' }),
    d('zh2', '互联网治理论坛年度报告', { workstreamId: 'ws-zh' }),
    d('fr1', 'Stratégie numérique du FGI', { workstreamId: 'ws-fr', status: 'delivered' }),
    d('es1', 'Estrategia de participación', { status: 'archived' }),
    d('el1', 'Ψηφιακή στρατηγική', {}),
    d('hi1', 'डिजिटल सहयोग रणनीति', {}),
    d('en1', 'Digital strategy', {}),
  ];
  const s = new DocSearch(DOCS_INTL, WS_INTL);
  const ids = (q: string) =>
    s
      .search(q, TODAY)
      .map((h) => h.doc.id)
      .sort();

  it.each<[script: string, query: string, expected: string[]]>([
    // Cyrillic: whole words, a prefix, ё typed as е (and the other way), case.
    ['Cyrillic', 'стратегия', ['ru1']],
    ['Cyrillic', 'СТРАТЕГ', ['ru1']],
    ['Cyrillic', 'емкость', ['ru2']],
    ['Cyrillic', 'отчёт', ['ru2']],
    ['Cyrillic', 'стратегия сотрудничества', ['ru1']],
    ['Cyrillic', 'бюджет', []],
    // Arabic: without diacritics, with them, with tatweel, hamza on alef or not, teh marbuta typed as heh.
    ['Arabic', 'استراتيجية', ['ar1']],
    ['Arabic', 'الاسْتِرَاتِيجِيَّة', ['ar1']],
    ['Arabic', 'الخطة المقترحة', ['ar2']],
    ['Arabic', 'التقرير', ['ar3']],
    ['Arabic', 'التقريــر', ['ar3']],
    ['Arabic', 'اولى', ['ar4']],
    ['Arabic', 'المقترحه', ['ar2']],
    ['Arabic', 'ملاحظات', ['ar4']],
    ['Arabic', 'ميزانية', []],
    // Chinese: no spaces between words, so any part of a title.
    ['Chinese', '战略', ['zh1']],
    ['Chinese', '合作战略', ['zh1']],
    ['Chinese', '治理论坛', ['zh2']],
    ['Chinese', '年度 报告', ['zh2']],
    ['Chinese', '预算', []],
    // Accented Latin, either way.
    ['Latin', 'strategie', ['es1', 'fr1']],
    ['Latin', 'stratégie numérique', ['fr1']],
    ['Latin', 'participacion', ['es1']],
    // Greek with or without tonos; Devanagari with its vowel signs.
    ['Greek', 'στρατηγικη', ['el1']],
    ['Greek', 'ΨΗΦΙΑΚΉ', ['el1']],
    ['Devanagari', 'रणनीति', ['hi1']],
    ['Devanagari', 'सहयोग', ['hi1']],
    // Workstream names in any script (searched as text).
    ['Workstream', 'التعاون', ['ar1', 'ar2', 'ar3']],
    ['Workstream', '工作组', ['zh1', 'zh2']],
  ])('%s: %s', (_script, q, expected) => expect(ids(q)).toEqual(expected));

  it.each<[query: string, expected: string[]]>([
    // ws: takes a workstream's name in any script: a word's beginning, marks optional; a part of a Chinese name.
    ['ws:цифровое', ['ru1', 'ru2']],
    ['ws:"التعاون الرقمي"', ['ar1', 'ar2', 'ar3']],
    ['ws:التعاوُن', ['ar1', 'ar2', 'ar3']],
    ['ws:合作', ['zh1', 'zh2']],
    ['ws:工作组 战略', ['zh1']],
    ['ws:cooperation', ['fr1']],
    ['ws:сотрудничество стратегия', ['ru1']],
    ['ws:预算', []],
    // status: takes a status's name in the interface's six languages.
    ['status:черновик', ['ru1', 'zh1']],
    ['status:草稿', ['ru1', 'zh1']],
    ['status:brouillon', ['ru1', 'zh1']],
    ['status:مسودة', ['ru1', 'zh1']],
    ['status:مفتوح', ['ar1']],
    ['status:نهائي', ['ar3']],
    ['status:livre', ['fr1']],
    ['status:已提交', ['fr1']],
    ['status:archivado', ['es1']],
    ['status:"в архиве"', ['es1']],
    ['ws:التعاون status:نهائي', ['ar3']],
  ])('%s', (q, expected) => expect(ids(q)).toEqual(expected));
});
