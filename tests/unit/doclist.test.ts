import { describe, expect, it } from 'vitest';
import type { DocRecord, Workstream } from '../../utils/model';
import type { ImportReport } from '../../utils/protocol';
import {
  commonGroup,
  countByWorkstream,
  findTracked,
  groupDocuments,
  importButtonLabel,
  importSummary,
  newWorkstreamId,
  nextWorkstreamColor,
  parsePopupParams,
  parseStatusFilter,
  patternLabel,
  summarize,
  summaryText,
  titleFromTab,
} from '../../utils/doclist';
import type { DocFilter } from '../../utils/doclist';

const TODAY = '2020-09-08';

const WS: Workstream[] = [
  { id: 'ws-imp', name: 'B. Improvements to the IGF', group: 'WG-Strategy', color: '#8250df' },
  { id: 'ws-hlb', name: 'A. Possible implementation models for the Roadmap’s High-level body', group: 'WG-Strategy', color: '#1f6feb' },
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
    ['text matches the workstream name, case-insensitively', { status: 'active', text: 'ROADMAP’S high-level' }, [['ws-hlb', ['1DDDD', '1zk8D', '1Bmfp']]]],
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
    ['done documents are ignored', [doc('x', { deadline: '2020-01-01', status: 'delivered' }), doc('y', { deadline: '2020-09-09', status: 'archived' })], { overdue: 0, dueSoon: 0 }],
    ['today and +7 days are due soon, +8 is not', [doc('a', { deadline: TODAY }), doc('b', { deadline: '2020-09-15' }), doc('c', { deadline: '2020-09-16' })], { overdue: 0, dueSoon: 2 }],
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

describe('titleFromTab', () => {
  it.each<[string | undefined, string]>([
    ['Possible implementation models for the MHLB - Google Docs', 'Possible implementation models for the MHLB'],
    ['Budget 2021 - Google Sheets', 'Budget 2021'],
    ['IGF+ options – Google Slides', 'IGF+ options'],
    ['Survey - Google Forms', 'Survey'],
    ['minutes.pdf - Google Drive', 'minutes.pdf'],
    ['Google Docs - the basics', 'Google Docs - the basics'],
    ['Plain page title', 'Plain page title'],
    ['  Spaced - Google Docs  ', 'Spaced'],
    [undefined, ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(titleFromTab(input)).toBe(expected);
  });
});

describe('findTracked', () => {
  const docs = [doc('1main', { aliases: ['2PACX-pub'] }), doc('1other')];
  it.each([
    ['1main', '1main'],
    ['2PACX-pub', '1main'],
    ['1other', '1other'],
    ['1none', undefined],
  ])('%s → %s', (id, expected) => {
    expect(findTracked(docs, id)?.id).toBe(expected);
  });
});

describe('workstream helpers', () => {
  it.each([
    ['A. Possible implementation models for the Roadmap’s High-level body', [], 'ws-a-possible-implementation-models'],
    ['B. Improvements to the IGF', ['ws-b-improvements-to-the-igf'], 'ws-b-improvements-to-the-igf-2'],
    ['B. Improvements to the IGF', ['ws-b-improvements-to-the-igf', 'ws-b-improvements-to-the-igf-2'], 'ws-b-improvements-to-the-igf-3'],
    ['Économie numérique', [], 'ws-economie-numerique'],
    ['★★★', [], 'ws'],
    ['★★★', ['ws'], 'ws-2'],
  ])('newWorkstreamId(%j, %j) = %s', (name, taken, expected) => {
    expect(newWorkstreamId(name, taken)).toBe(expected);
  });

  it.each<[string, Workstream[], string]>([
    ['first unused palette colour', WS, '#cf222e'],
    ['none yet', [], '#1f6feb'],
    ['case-insensitive', [{ id: 'a', name: 'a', color: '#1F6FEB' }], '#8250df'],
  ])('nextWorkstreamColor: %s', (_n, ws, expected) => {
    expect(nextWorkstreamColor(ws)).toBe(expected);
  });

  it('counts documents per workstream', () => {
    expect(Object.fromEntries(countByWorkstream(DOCS))).toEqual({ 'ws-hlb': 3, 'ws-imp': 2, 'ws-gone': 1 });
  });

  it.each<[Workstream[], string]>([
    [WS, 'WG-Strategy'],
    [[], ''],
    [[{ id: 'a', name: 'a' }, { id: 'b', name: 'b', group: 'X' }, { id: 'c', name: 'c', group: 'Y' }, { id: 'd', name: 'd', group: 'Y' }], 'Y'],
  ])('commonGroup → %s', (ws, expected) => {
    expect(commonGroup(ws)).toBe(expected);
  });
});

describe('parsePopupParams', () => {
  it.each([
    ['', { close: false }],
    ['?tab=42', { tabId: 42, close: false }],
    ['?tab=abc', { close: false }],
    ['?edit=1zk8D2ub&close=1', { edit: '1zk8D2ub', close: true }],
    [
      '?track=' + encodeURIComponent('https://docs.google.com/document/d/1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit') +
        '&title=Draft%20%26%20notes&source=' + encodeURIComponent('https://www.intgovforum.org/en/content/wg') + '&ws=ws-hlb&close=1',
      {
        track: {
          url: 'https://docs.google.com/document/d/1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit',
          title: 'Draft & notes',
          source: 'https://www.intgovforum.org/en/content/wg',
          workstreamId: 'ws-hlb',
        },
        close: true,
      },
    ],
  ])('%s', (search, expected) => {
    expect(parsePopupParams(search)).toEqual(expected);
  });
});

describe('small formatters', () => {
  it.each([
    ['active', 'active'],
    ['all', 'all'],
    ['open-for-comments', 'open-for-comments'],
    ['bogus', 'active'],
  ])('parseStatusFilter(%s) = %s', (v, expected) => {
    expect(parseStatusFilter(v)).toBe(expected);
  });

  it.each([
    ['*://docs.google.com/*', 'docs.google.com'],
    ['*://*.intgovforum.org/*', '*.intgovforum.org'],
    ['https://example.org/*', 'example.org'],
    ['weird', 'weird'],
  ])('patternLabel(%s) = %s', (p, expected) => {
    expect(patternLabel(p)).toBe(expected);
  });

  const report = (d: [number, number, number, number], w: [number, number, number, number]): ImportReport => ({
    documents: { added: d[0], updated: d[1], unchanged: d[2], refused: d[3] },
    workstreams: { added: w[0], updated: w[1], unchanged: w[2], refused: w[3] },
    refused: [],
    applied: false,
  });

  it.each<[ImportReport, string, string]>([
    [report([5, 2, 0, 1], [3, 0, 0, 0]), 'Imported: 5 documents added, 2 updated, 1 refused; 3 workstreams added, 0 updated, 0 refused.', 'Import 7 documents and 3 workstreams'],
    [report([1, 0, 4, 0], [0, 0, 2, 0]), 'Imported: 1 document added, 0 updated, 0 refused; 0 workstreams added, 0 updated, 0 refused.', 'Import 1 document'],
    [report([0, 0, 3, 0], [0, 1, 0, 0]), 'Imported: 0 documents added, 0 updated, 0 refused; 0 workstreams added, 1 updated, 0 refused.', 'Import 1 workstream'],
    [report([0, 0, 3, 2], [0, 0, 0, 0]), 'Imported: 0 documents added, 0 updated, 2 refused; 0 workstreams added, 0 updated, 0 refused.', 'Import (nothing changes)'],
  ])('import texts %#', (r, summary, button) => {
    expect(importSummary(r)).toBe(summary);
    expect(importButtonLabel(r)).toBe(button);
    expect(importButtonLabel(r).startsWith('Import')).toBe(true);
  });
});
