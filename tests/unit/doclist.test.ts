import { describe, expect, it } from 'vitest';
import type { DocRecord, SyncConflict, Workstream } from '../../utils/shared/model';
import type { ImportReport, MergeConflict } from '../../utils/shared/reports';
import { ACCOUNT_RE } from '../../utils/shared/model';
import { accountProblem, parseDaysBefore } from '../../utils/popup/inputs';
import {
  applySyncChoice,
  conflictKey,
  defaultResolutions,
  describeConflict,
  fieldLabel,
  formatFieldValue,
  sameVersion,
} from '../../utils/popup/conflicts';
import { cleanHeading, parsePopupParams, parseStatusFilter } from '../../utils/popup/params';
import {
  importProgressText,
  interruptedText,
  snapshotCounts,
  syncCountsText,
  importButtonLabel,
  importSummary,
  summaryText,
} from '../../utils/popup/report-text';
import {
  noteRepeatsQuote,
  safeHttpUrl,
  sourceInfo,
  countByWorkstream,
  findTracked,
  patternLabel,
  titleFromTab,
} from '../../utils/popup/doc-text';
import { upcomingKey, upcomingSections, groupDocuments, summarize } from '../../utils/shared/doc-order';
import { commonGroup, newWorkstreamId, nextWorkstreamColor } from '../../utils/shared/workstreams';
import type { DocFilter } from '../../utils/shared/doc-order';

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
    [
      'B. Improvements to the IGF',
      ['ws-b-improvements-to-the-igf', 'ws-b-improvements-to-the-igf-2'],
      'ws-b-improvements-to-the-igf-3',
    ],
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
    [
      [
        { id: 'a', name: 'a' },
        { id: 'b', name: 'b', group: 'X' },
        { id: 'c', name: 'c', group: 'Y' },
        { id: 'd', name: 'd', group: 'Y' },
      ],
      'Y',
    ],
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
      '?track=' +
        encodeURIComponent('https://docs.google.com/document/d/1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit') +
        '&title=Draft%20%26%20notes&source=' +
        encodeURIComponent('https://www.intgovforum.org/en/content/wg') +
        '&ws=ws-hlb&close=1',
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
    [
      '?close=1&track=' +
        encodeURIComponent('https://docs.google.com/document/d/1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit') +
        '&wsGuess=' +
        encodeURIComponent(' B. Improvements to the IGF: ') +
        '&sourceTitle=' +
        encodeURIComponent('WG-Strategy — 24 September 2020'),
      {
        track: {
          url: 'https://docs.google.com/document/d/1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit',
          wsGuess: 'B. Improvements to the IGF:',
          sourceTitle: 'WG-Strategy — 24 September 2020',
        },
        close: true,
      },
    ],
    ['?q=mhlb%20ws%3Ahlb', { q: 'mhlb ws:hlb', close: false }],
    ['?q=%20%20', { close: false }],
    ['?wsGuess=Orphan', { close: false }],
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
    [
      report([5, 2, 0, 1], [3, 0, 0, 0]),
      'Imported: 5 documents added, 2 updated, 1 refused; 3 workstreams added, 0 updated, 0 refused.',
      'Import 7 documents and 3 workstreams',
    ],
    [
      report([1, 0, 4, 0], [0, 0, 2, 0]),
      'Imported: 1 document added, 0 updated, 0 refused; 0 workstreams added, 0 updated, 0 refused.',
      'Import 1 document',
    ],
    [
      report([0, 0, 3, 0], [0, 1, 0, 0]),
      'Imported: 0 documents added, 0 updated, 0 refused; 0 workstreams added, 1 updated, 0 refused.',
      'Import 1 workstream',
    ],
    [
      report([0, 0, 3, 2], [0, 0, 0, 0]),
      'Imported: 0 documents added, 0 updated, 2 refused; 0 workstreams added, 0 updated, 0 refused.',
      'Import (nothing changes)',
    ],
  ])('import texts %#', (r, summary, button) => {
    expect(importSummary(r)).toBe(summary);
    expect(importButtonLabel(r)).toBe(button);
    expect(importButtonLabel(r).startsWith('Import')).toBe(true);
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
    expect(upcomingSections(UP, TODAY).map((s) => [s.label, s.docs.map((d) => d.id)])).toEqual([
      ['Overdue', ['late-2', 'late-1']],
      ['This week', ['today', 'plus7']],
      ['Next week', ['plus8', 'plus14']],
      ['Later', ['plus15']],
      ['No deadline', ['none-a', 'none-b']],
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

describe('sync conflicts on a document', () => {
  const conflict = (field: string, theirs?: unknown): SyncConflict => ({
    field,
    ...(theirs === undefined ? {} : { theirs }),
    subscriptionId: 'sub-1',
    at: '2020-09-13T08:00:00.000Z',
  });
  const flagged = doc('1flag', {
    title: 'Flagged',
    deadline: '2020-09-12',
    status: 'draft',
    workstreamId: 'ws-imp',
    notes: 'ours',
    subscriptionId: 'sub-1',
    syncConflicts: [
      conflict('deadline', '2020-09-17'),
      conflict('notes'),
      conflict('status', 'final'),
      conflict('workstreamId', 'ws-out'),
    ],
  });

  it.each<[SyncConflict, string]>([
    [conflict('deadline', '2020-09-17'), 'The sheet changed Deadline to Thu, Sep 17, 2020 (yours: Sat, Sep 12, 2020)'],
    [conflict('notes'), 'The sheet emptied Notes (yours: ours)'],
    [conflict('status', 'final'), 'The sheet changed Status to Final (yours: Draft)'],
    [
      conflict('workstreamId', 'ws-out'),
      'The sheet changed Workstream to C. Strengthening IGF outcomes (yours: B. Improvements to the IGF)',
    ],
    [conflict('workstreamId', 'ws-unknown'), 'The sheet changed Workstream to ws-unknown (yours: B. Improvements to the IGF)'],
    [conflict('deadlineNote', 'x'.repeat(200)), `The sheet changed Deadline note to ${'x'.repeat(79)}… (yours: empty)`],
  ])('describeConflict %#', (c, text) => {
    expect(describeConflict(c, flagged, WS)).toBe(text);
  });

  const NOW = '2020-09-14T10:00:00.000Z';
  it.each<[string, 'theirs' | 'mine', Partial<DocRecord>, string[]]>([
    ['deadline', 'theirs', { deadline: '2020-09-17' }, ['notes', 'status', 'workstreamId']],
    ['deadline', 'mine', { deadline: '2020-09-12' }, ['notes', 'status', 'workstreamId']],
    ['notes', 'theirs', { notes: undefined }, ['deadline', 'status', 'workstreamId']],
    ['notes', 'mine', { notes: 'ours' }, ['deadline', 'status', 'workstreamId']],
    ['status', 'theirs', { status: 'final' }, ['deadline', 'notes', 'workstreamId']],
  ])('applySyncChoice(%s, %s)', (field, choice, fields, left) => {
    const out = applySyncChoice(flagged, field, choice, NOW);
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    expect(out).toMatchObject({ ...set, updatedAt: NOW, id: flagged.id, subscriptionId: 'sub-1' });
    for (const [k, v] of Object.entries(fields)) if (v === undefined) expect(k in out).toBe(false);
    expect(out.syncConflicts!.map((c) => c.field)).toEqual(left);
    // The record passed in is left alone.
    expect(flagged.syncConflicts).toHaveLength(4);
    expect(flagged.deadline).toBe('2020-09-12');
  });

  it('drops syncConflicts once the last is decided', () => {
    const one = doc('1one', { deadline: '2020-09-12', syncConflicts: [conflict('deadline', '2020-09-17')] });
    const out = applySyncChoice(one, 'deadline', 'theirs', NOW);
    expect(out.deadline).toBe('2020-09-17');
    expect('syncConflicts' in out).toBe(false);
  });

  it('never sets a field a sheet may not (id, aliases)', () => {
    const odd = doc('1odd', { syncConflicts: [conflict('id', 'other'), conflict('aliases', ['x'])] });
    expect(applySyncChoice(odd, 'id', 'theirs', NOW).id).toBe('1odd');
    expect(applySyncChoice(odd, 'aliases', 'theirs', NOW).aliases).toEqual([]);
  });
});

describe('import conflicts', () => {
  const conflicts: MergeConflict[] = [
    {
      docId: 'a',
      title: 'A',
      field: 'deadline',
      base: '2020-09-01',
      local: '2020-09-02',
      incoming: '2020-09-03',
      winner: 'incoming',
    },
    { docId: 'a', title: 'A', field: 'status', local: 'draft', incoming: 'final', winner: 'local' },
  ];
  it('keys and default resolutions', () => {
    expect(conflictKey(conflicts[0]!)).toBe('a:deadline');
    expect(defaultResolutions(conflicts)).toEqual({ 'a:deadline': 'incoming', 'a:status': 'local' });
    expect(defaultResolutions(undefined)).toEqual({});
  });

  it.each<[string, unknown, string]>([
    ['deadline', undefined, 'empty'],
    ['deadline', '', 'empty'],
    ['status', 'open-for-comments', 'Open for comments'],
    ['status', 'bogus', 'bogus'],
    ['kind', 'spreadsheet', 'Spreadsheet'],
    ['workstreamId', 'ws-hlb', 'A. Possible implementation models for the Roadmap’s High-level body'],
    ['notes', 'two\n  lines', 'two lines'],
    ['extra', { a: 1 }, '{"a":1}'],
  ])('formatFieldValue(%s, %j) = %s', (field, value, text) => {
    expect(formatFieldValue(field, value, WS)).toBe(text);
  });

  it.each([
    ['deadline', 'Deadline'],
    ['workstreamId', 'Workstream'],
    ['constructor', 'constructor'],
    ['mystery', 'mystery'],
  ])('fieldLabel(%s) = %s', (field, label) => expect(fieldLabel(field)).toBe(label));
});

describe('where a document was found', () => {
  it.each<[Partial<DocRecord>, ReturnType<typeof sourceInfo>]>([
    [{}, null],
    [
      {
        source: 'https://www.intgovforum.org/en/content/wg-strategy-2020-meeting-5',
        sourceTitle: 'IGF 2020 MAG WG-Strategy  minutes',
        sourceDate: '2020-09-24',
        deadlineSource: 'Next Steps: By 7 September, participants\n to comment.',
      },
      {
        text: 'IGF 2020 MAG WG-Strategy minutes (meeting Thu, Sep 24, 2020)',
        href: 'https://www.intgovforum.org/en/content/wg-strategy-2020-meeting-5',
        quote: 'Next Steps: By 7 September, participants to comment.',
      },
    ],
    // A title that already says the meeting's day does not say it twice.
    [
      { sourceTitle: 'Working Group minutes — 27 August 2020', sourceDate: '2020-08-27' },
      { text: 'Working Group minutes — 27 August 2020' },
    ],
    [
      { sourceTitle: 'Minutes of 27 August 2019', sourceDate: '2020-08-27' },
      { text: 'Minutes of 27 August 2019 (meeting Thu, Aug 27, 2020)' },
    ],
    [{ source: 'https://www.intgovforum.org/wg' }, { text: 'www.intgovforum.org', href: 'https://www.intgovforum.org/wg' }],
    [{ source: 'javascript:alert(1)', sourceTitle: 'Evil' }, { text: 'Evil' }],
    [{ source: 'mail from Chengetai' }, { text: 'mail from Chengetai' }],
    [{ deadlineSource: 'By 10 September.' }, { text: '', quote: 'By 10 September.' }],
    [{ sourceTitle: 'Minutes', sourceDate: 'not a date' }, { text: 'Minutes' }],
  ])('sourceInfo %#', (over, expected) => {
    expect(sourceInfo(doc('x', over))).toEqual(expected);
  });

  it.each<[string | undefined, string | undefined, boolean]>([
    ['By 7 September, participants to comment.', 'By 7 September, participants\n to comment.', true],
    ['Next Steps: By 7 September, partic…', 'Next Steps: By 7 September, participants to comment.', true],
    ['Comments welcome', 'Next Steps: By 7 September, participants to comment.', false],
    ['By 7 September', undefined, false],
    [undefined, 'By 7 September', false],
    ['…', 'By 7 September', false],
  ])('noteRepeatsQuote(%j, %j) = %s', (note, quote, yes) => expect(noteRepeatsQuote(note, quote)).toBe(yes));

  it.each([
    ['https://example.org/a?b#c', 'https://example.org/a?b#c'],
    ['http://example.org', 'http://example.org/'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,hi', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('safeHttpUrl(%s)', (url, expected) => expect(safeHttpUrl(url)).toBe(expected));
});

describe('workstream account', () => {
  it.each<[string, boolean]>([
    ['', true],
    ['  ', true],
    ['0', true],
    ['1', true],
    ['12', true],
    ['123', false],
    ['-1', false],
    ['member@example.org', true],
    [' member@example.org ', true],
    ['member@example', false],
    ['member@exa mple.org', false],
    ['member@example.org/x', false],
    ['a@b.c&authuser=2', false],
    ['name', false],
  ])('"%s" is valid: %s', (value, valid) => {
    expect(accountProblem(value) === null).toBe(valid);
    const v = value.trim();
    if (v) expect(ACCOUNT_RE.test(v)).toBe(valid);
  });
});

describe('smaller helpers', () => {
  it.each([
    ['B. Improvements to the IGF:', 'B. Improvements to the IGF'],
    ['  C.  Strengthening\n the IGF outcomes  ', 'C. Strengthening the IGF outcomes'],
    ['', ''],
  ])('cleanHeading(%j)', (text, expected) => expect(cleanHeading(text)).toBe(expected));

  it('sameVersion: same fields in any key order; another updatedAt or value is another version', () => {
    const a = doc('1a', { title: 'T', deadline: '2020-09-10' });
    const reordered = { deadline: '2020-09-10', title: 'T', ...doc('1a') } as DocRecord;
    expect(sameVersion(a, reordered)).toBe(true);
    expect(sameVersion(a, { ...a, updatedAt: '2020-09-01T00:00:00.000Z' })).toBe(false);
    expect(sameVersion(a, { ...a, title: 'U' })).toBe(false);
    expect(sameVersion(a, { ...a, notes: undefined })).toBe(true);
  });

  it.each<[string, number | null]>([
    ['0', 0],
    ['2', 2],
    ['30', 30],
    [' 7 ', 7],
    ['31', null],
    ['-1', null],
    ['1.5', null],
    ['', null],
    ['abc', null],
  ])('parseDaysBefore(%j) = %s', (v, n) => expect(parseDaysBefore(v)).toBe(n));

  const counts = (added: number, updated: number, unchanged = 0, refused = 0) => ({ added, updated, unchanged, refused });
  const rep = (d: ReturnType<typeof counts>, w = counts(0, 0), conflicts: MergeConflict[] = []): ImportReport => ({
    documents: d,
    workstreams: w,
    refused: [],
    applied: true,
    conflicts,
  });

  it.each<[ImportReport | undefined, string]>([
    [rep(counts(1000, 200)), 'Importing 1,200 documents…'],
    [rep(counts(1, 0)), 'Importing 1 document…'],
    [rep(counts(0, 0, 5)), 'Importing big.json…'],
    [undefined, 'Importing big.json…'],
  ])('importProgressText %#', (r, text) => expect(importProgressText(r, 'big.json')).toBe(text));

  it.each<[ImportReport, string]>([
    [rep(counts(3, 1, 40)), 'Documents: 3 new, 1 updated, 40 unchanged.'],
    [
      rep(counts(0, 0, 2, 1), counts(1, 0)),
      'Documents: 0 new, 0 updated, 2 unchanged, 1 refused; workstreams: 1 new, 0 updated.',
    ],
    [
      rep(counts(0, 1), counts(0, 0), [{ docId: 'a', title: 'A', field: 'deadline', winner: 'local' }]),
      'Documents: 0 new, 1 updated, 0 unchanged; 1 change on both sides, yours kept and flagged.',
    ],
  ])('syncCountsText %#', (r, text) => {
    expect(syncCountsText(r)).toBe(text);
    // Never the import report's word: the e2e harness finds that report by it.
    expect(text).not.toMatch(/added/);
  });

  it.each([
    [
      { label: 'import of big.json', startedAt: '2026-11-22T10:00:00.000Z' },
      'The import of big.json started at Sun, Nov 22, 2026, 10:00 AM was interrupted; nothing of it was written. Import it again.',
    ],
    [
      { label: 'sync of “WG sheet”', startedAt: '2026-11-22T10:00:00.000Z' },
      'The sync of “WG sheet” started at Sun, Nov 22, 2026, 10:00 AM was interrupted; nothing of it was written. It runs again at the next sync.',
    ],
  ])('interruptedText %#', (i, text) => expect(interruptedText(i, 'UTC')).toBe(text));

  it('snapshotCounts', () => {
    expect(snapshotCounts({ documents: 1, workstreams: 0 })).toBe('1 document, 0 workstreams');
  });
});
