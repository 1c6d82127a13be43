import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { MAX_IMPORT_BYTES } from '@/utils/background/interchange/records';
import { exportCsv, exportJson } from '@/utils/background/interchange/export';
import { parseImport } from '@/utils/background/interchange/parse';
import { planMerge } from '@/utils/background/interchange/merge';
import type { ParsedImport } from '@/utils/background/interchange/records';
import { localToday } from '@/utils/shared/calendar';
import { WORKSTREAM_PALETTE } from '@/utils/shared/model';
import type { DocRecord, Workstream } from '@/utils/shared/model';

// Real ids and workstream names from the WG-Strategy meeting report of 27 August 2020 (seed 004).
const HLB_DOC = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const IMPROVEMENTS_DOC = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const PROPOSALS_FILE = '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms';
const OUTCOMES_DOC = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';
const OPTIONS_RESPONSE_FILE = '1eVwoVFoch6id-SzT9EXd7etofFsjAeU1';
const PUBLISHED_ID = '2PACX-1vQx7Lw9fK3mZpR2sT4uV6wY8zA0bC1dE3fG5hJ7kL9nP';
const OLD_PUBLISHED_ID = '2PACX-1vOldPublishedCopy0001';

const HLB_NAME = 'A. Possible implementation models for the Roadmap’s High-level body';
const IMPROVEMENTS_NAME = 'B. Improvements to the IGF';
const OUTCOMES_NAME = 'C. Strengthening the IGF outcomes';

const NOW = '2026-11-22T10:00:00.000Z';
/** Export file names carry the member's own date of NOW (26-11-22 or 23, by time zone). */
const DAY = localToday(new Date(NOW));
const EARLIER = '2020-08-27T14:00:00.000Z';

const WS_HLB: Workstream = { id: 'ws-hlb', name: HLB_NAME, group: 'WG-Strategy', color: '#1f6feb' };
const WS_IMP: Workstream = { id: 'ws-imp', name: IMPROVEMENTS_NAME, group: 'WG-Strategy', color: '#8250df' };
const WS_OUT: Workstream = { id: 'ws-out', name: OUTCOMES_NAME, group: 'WG-Strategy', color: '#bf3989' };

function doc(id: string, over: Partial<DocRecord> = {}): DocRecord {
  return { id, kind: 'document', aliases: [], updatedAt: EARLIER, ...over };
}

function jsonFile(documents: unknown[], workstreams: unknown[] = [], top: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'docket-index', version: 1, exportedAt: NOW, workstreams, documents, ...top });
}

function parsed(text: string, filename = 'docket-index.json', existingWorkstreams: Workstream[] = []): ParsedImport {
  const result = parseImport(text, filename, { existingWorkstreams, now: NOW });
  if (!result.ok) throw new Error(`expected the import to succeed, got: ${result.error}`);
  return result.value;
}

function refusedWith(text: string, filename: string): string {
  const result = parseImport(text, filename, { existingWorkstreams: [], now: NOW });
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

function maps(documents: DocRecord[] = [], workstreams: Workstream[] = []) {
  return {
    documents: new Map(documents.map((d) => [d.id, d] as const)),
    workstreams: new Map(workstreams.map((w) => [w.id, w] as const)),
  };
}

const CONTRACT_EXAMPLE = `{
  "format": "docket-index",
  "version": 1,
  "exportedAt": "2026-11-22T10:00:00.000Z",
  "workstreams": [
    { "id": "ws-hlb", "name": "A. Possible implementation models for the Roadmap's High-level body",
      "group": "WG-Strategy", "color": "#1f6feb" }
  ],
  "documents": [
    { "id": "1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI",
      "kind": "document",
      "title": "Possible implementation models for the MHLB",
      "url": "https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit",
      "aliases": [],
      "workstreamId": "ws-hlb",
      "deadline": "2020-09-10",
      "deadlineNote": "feedback before the next WG meeting",
      "status": "open-for-comments",
      "notes": "",
      "source": "https://www.intgovforum.org/…",
      "updatedAt": "2020-08-27T14:00:00.000Z" }
  ]
}`;

describe('parseImport: JSON', () => {
  it('imports the contract example', () => {
    const value = parsed(CONTRACT_EXAMPLE);
    expect(value.refused).toEqual([]);
    expect(value.workstreams).toEqual([
      {
        id: 'ws-hlb',
        name: "A. Possible implementation models for the Roadmap's High-level body",
        group: 'WG-Strategy',
        color: '#1f6feb',
      },
    ]);
    expect(value.documents).toEqual([
      {
        id: HLB_DOC,
        kind: 'document',
        title: 'Possible implementation models for the MHLB',
        url: `https://docs.google.com/document/d/${HLB_DOC}/edit`,
        aliases: [],
        workstreamId: 'ws-hlb',
        deadline: '2020-09-10',
        deadlineNote: 'feedback before the next WG meeting',
        status: 'open-for-comments',
        // "notes": "" means absent
        source: 'https://www.intgovforum.org/…',
        updatedAt: EARLIER,
      },
    ]);
  });

  it('accepts a BOM, whatever the file name says, and content starting with { wins', () => {
    expect(parsed(`\uFEFF  \n${CONTRACT_EXAMPLE}`, 'export.csv').documents.map((d) => d.id)).toEqual([HLB_DOC]);
  });

  it('defaults kind from the url, else document; updatedAt to now; and says which fields were implied', () => {
    const value = parsed(
      jsonFile([
        { id: PROPOSALS_FILE, url: `https://drive.google.com/file/d/${PROPOSALS_FILE}/view` },
        { id: OUTCOMES_DOC },
        {
          id: IMPROVEMENTS_DOC,
          kind: 'spreadsheet',
          url: `https://docs.google.com/document/d/${IMPROVEMENTS_DOC}/edit`,
          updatedAt: EARLIER,
        },
      ]),
    );
    expect(value.documents.map((d) => [d.id, d.kind, d.updatedAt])).toEqual([
      [PROPOSALS_FILE, 'file', NOW],
      [OUTCOMES_DOC, 'document', NOW],
      [IMPROVEMENTS_DOC, 'spreadsheet', EARLIER],
    ]);
    expect(value.implied).toEqual({
      [PROPOSALS_FILE]: ['kind', 'updatedAt'],
      [OUTCOMES_DOC]: ['kind', 'updatedAt'],
    });
  });

  it('adds the id of a published url to aliases', () => {
    const [record] = parsed(
      jsonFile([
        { id: HLB_DOC, url: `https://docs.google.com/document/d/e/${PUBLISHED_ID}/pub`, aliases: ['1FAIpQLSe1234567890abc'] },
      ]),
    ).documents;
    expect(record?.aliases).toEqual(['1FAIpQLSe1234567890abc', PUBLISHED_ID]);
    expect(record?.kind).toBe('document');
  });

  it('normalises updatedAt to an ISO instant in UTC', () => {
    const [record] = parsed(jsonFile([{ id: HLB_DOC, updatedAt: '2020-08-27T16:00:00+02:00' }])).documents;
    expect(record?.updatedAt).toBe(EARLIER);
  });

  it('keeps unknown fields in extra, for documents and workstreams', () => {
    const value = parsed(
      jsonFile(
        [{ id: HLB_DOC, owner: 'Concettina Cassa', reviewers: ['Anriette Esterhuysen'], priority: 2, extra: { nested: true } }],
        [{ id: 'ws-hlb', name: HLB_NAME, facilitator: 'WG co-chairs' }],
      ),
    );
    expect(value.documents[0]?.extra).toEqual({
      owner: 'Concettina Cassa',
      reviewers: ['Anriette Esterhuysen'],
      priority: 2,
      extra: { nested: true },
    });
    expect(value.workstreams[0]?.extra).toEqual({ facilitator: 'WG co-chairs' });
  });

  it('drops a workstream colour that is not #rrggbb and keeps the workstream', () => {
    const value = parsed(
      jsonFile(
        [],
        [
          { id: 'ws-hlb', name: HLB_NAME, color: 'blue' },
          { id: 'ws-imp', name: IMPROVEMENTS_NAME, color: '#8250DF' },
        ],
      ),
    );
    expect(value.refused).toEqual([]);
    expect(value.workstreams).toEqual([
      { id: 'ws-hlb', name: HLB_NAME },
      { id: 'ws-imp', name: IMPROVEMENTS_NAME, color: '#8250df' },
    ]);
  });

  it('accepts a workstreamId that is only in the index', () => {
    const value = parseImport(jsonFile([{ id: HLB_DOC, workstreamId: 'ws-hlb' }]), 'x.json', {
      existingWorkstreams: [WS_HLB],
      now: NOW,
    });
    expect(value.ok && value.value.documents[0]?.workstreamId).toBe('ws-hlb');
  });

  it('treats missing documents / workstreams lists as empty', () => {
    expect(parsed(JSON.stringify({ format: 'docket-index', version: 1 }))).toEqual({
      workstreams: [],
      documents: [],
      refused: [],
      implied: {},
    });
  });
});

describe('parseImport: whole-file refusals', () => {
  const big = 'a'.repeat(MAX_IMPORT_BYTES + 1);
  // 3 UTF-8 bytes a character: over the limit in bytes, under it in characters.
  const bigInBytes = '€'.repeat(Math.ceil((MAX_IMPORT_BYTES + 1) / 3));

  it.each([
    ['an empty file', '', 'docket.json', /empty/],
    ['only whitespace', '  \r\n\t ', 'docket.csv', /empty/],
    ['only a BOM', '\uFEFF', 'docket.json', /empty/],
    ['a file over 20 MB', big, 'docket.csv', /larger than 20 MB/],
    ['a file over 20 MB in UTF-8 bytes', bigInBytes, 'docket.csv', /larger than 20 MB/],
    ['binary data', 'PK\u0003\u0004\u0000\u0000docProps', 'docket.xlsx', /binary/],
    ['invalid JSON', '{"format": "docket-index",}', 'docket.json', /^The file is not valid JSON \(line 1, column 27\): /],
    [
      'invalid JSON on a later line',
      '{\n  "format": "docket-index"\n  "version": 1\n}',
      'docket.json',
      /not valid JSON \(line 3, column 3\)/,
    ],
    [
      'a JSON array',
      '[{"id": "1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI"}]',
      'docket.json',
      /holds a list, not a Docket index/,
    ],
    ['a JSON string', '"docket-index"', 'docket.json', /holds the text 'docket-index', not a Docket index/],
    ['JSON null', 'null', 'docket.json', /holds null, not a Docket index/],
    ['another format', '{"format": "zotero-export", "version": 1}', 'x.json', /format is "zotero-export", not "docket-index"/],
    ['no format', '{"version": 1, "documents": []}', 'x.json', /has no "format"/],
    ['a newer version', '{"format": "docket-index", "version": 2}', 'x.json', /made by a newer version of Docket/],
    [
      'a version that is text',
      '{"format": "docket-index", "version": "1"}',
      'x.json',
      /"version" must be a positive whole number, not the text '1'/,
    ],
    ['version 0', '{"format": "docket-index", "version": 0}', 'x.json', /"version" must be a positive whole number/],
    ['version 1.5', '{"format": "docket-index", "version": 1.5}', 'x.json', /"version" must be a positive whole number/],
    ['no version', '{"format": "docket-index"}', 'x.json', /has no "version"/],
    [
      'documents not a list',
      '{"format": "docket-index", "version": 1, "documents": {}}',
      'x.json',
      /"documents" must be a list, not an object/,
    ],
    [
      'workstreams not a list',
      '{"format": "docket-index", "version": 1, "workstreams": "ws-hlb"}',
      'x.json',
      /"workstreams" must be a list/,
    ],
    [
      'a CSV without a header row',
      `https://docs.google.com/document/d/${HLB_DOC}/edit,${HLB_NAME}\n`,
      'sheet.csv',
      /has no header row/,
    ],
    ['a CSV whose first row is an id', `${HLB_DOC},${HLB_NAME},2020-09-10\n`, 'sheet.csv', /has no header row/],
    [
      'a CSV without url or id column',
      'title,workstream\nOutput document,B. Improvements to the IGF\n',
      'sheet.csv',
      /needs a url or id column \(its header row has "title", "workstream"\)/,
    ],
    [
      'a CSV with a quote that never ends',
      `url,title\n"https://docs.google.com/document/d/${HLB_DOC}/edit,HLB\n`,
      'sheet.csv',
      /cannot be read: a quoted cell .*never ends/,
    ],
  ])('refuses %s', (_name, text, filename, message) => {
    expect(refusedWith(text, filename)).toMatch(message);
  });

  it('measures UTF-8 bytes, not characters: a file of 18 MiB of é is accepted', () => {
    const padding = 'é'.repeat(9 * 1024 * 1024); // 9 Mi characters, 18 MiB; 3 × length exceeds the limit
    const value = parsed(jsonFile([{ id: HLB_DOC }], [], { padding }));
    expect(value.documents.map((d) => d.id)).toEqual([HLB_DOC]);
  });
});

describe('parseImport: one bad row is refused, the others import', () => {
  const good = { id: IMPROVEMENTS_DOC, title: 'Improvements to the IGF', workstreamId: 'ws-imp' };

  it.each<[string, unknown, string | undefined, RegExp]>([
    [
      'an impossible deadline',
      { id: HLB_DOC, deadline: '2020-02-30' },
      HLB_DOC,
      /^deadline '2020-02-30' is not a real date \(YYYY-MM-DD\)$/,
    ],
    [
      'a D/M/YYYY deadline',
      { id: HLB_DOC, deadline: '10/9/2020' },
      HLB_DOC,
      /^deadline '10\/9\/2020' is not a date in the form YYYY-MM-DD$/,
    ],
    [
      'a deadline that is an instant',
      { id: HLB_DOC, deadline: '2020-09-10T00:00:00Z' },
      HLB_DOC,
      /not a date in the form YYYY-MM-DD/,
    ],
    [
      'an unknown status',
      { id: HLB_DOC, status: 'wip' },
      HLB_DOC,
      /^unknown status 'wip' \(one of draft, open-for-comments, final, delivered, archived\)$/,
    ],
    ['an unknown kind', { id: HLB_DOC, kind: 'pdf' }, HLB_DOC, /^unknown kind 'pdf' \(one of document, spreadsheet/],
    ['no id', { title: 'Possible implementation models for the MHLB' }, undefined, /^id missing$/],
    ['an empty id', { id: '', title: 'x' }, undefined, /^id missing$/],
    ['an id that is not a Drive id', { id: 'a b' }, 'a b', /^id 'a b' is not a Drive id$/],
    ['an id that is a number', { id: 42 }, undefined, /^id must be text, not the number 42$/],
    [
      'an unknown workstream',
      { id: HLB_DOC, workstreamId: 'ws-x' },
      HLB_DOC,
      /^workstream 'ws-x' is neither in the file nor in the index$/,
    ],
    ['a title that is not text', { id: HLB_DOC, title: 5 }, HLB_DOC, /^title must be text, not the number 5$/],
    ['aliases that are not a list', { id: HLB_DOC, aliases: PUBLISHED_ID }, HLB_DOC, /^aliases must be a list of ids/],
    ['an alias that is not an id', { id: HLB_DOC, aliases: ['https://x'] }, HLB_DOC, /^alias 'https:\/\/x' is not a Drive id$/],
    [
      'an updatedAt that is not an instant',
      { id: HLB_DOC, updatedAt: 'yesterday' },
      HLB_DOC,
      /^updatedAt 'yesterday' is not an ISO instant/,
    ],
    [
      'a document that is not an object',
      'https://docs.google.com/document/d/x/edit',
      undefined,
      /^a document must be an object, not the text/,
    ],
  ])('refuses a document with %s', (_name, bad, id, reason) => {
    const value = parsed(jsonFile([bad, good], [WS_IMP]));
    expect(value.documents.map((d) => d.id)).toEqual([IMPROVEMENTS_DOC]);
    expect(value.refused).toHaveLength(1);
    const [row] = value.refused;
    expect(row).toMatchObject({ row: 0, what: 'document' });
    expect(row?.id).toBe(id);
    expect(row?.reason).toMatch(reason);
  });

  it('lists every problem of a row in its reason', () => {
    const value = parsed(jsonFile([{ id: HLB_DOC, status: 'wip', deadline: '2020-13-01' }]));
    expect(value.refused[0]?.reason).toBe(
      "deadline '2020-13-01' is not a real date (YYYY-MM-DD); unknown status 'wip' (one of draft, open-for-comments, final, delivered, archived)",
    );
  });

  it.each<[string, unknown, RegExp]>([
    ['no name', { id: 'ws-hlb' }, /^name missing$/],
    ['a blank name', { id: 'ws-hlb', name: '   ' }, /^name missing$/],
    ['no id', { name: HLB_NAME }, /^id missing$/],
    ['a group that is not text', { id: 'ws-hlb', name: HLB_NAME, group: ['WG-Strategy'] }, /^group must be text, not a list$/],
  ])('refuses a workstream with %s', (_name, bad, reason) => {
    const value = parsed(jsonFile([], [WS_IMP, bad]));
    expect(value.workstreams.map((w) => w.id)).toEqual(['ws-imp']);
    expect(value.refused).toEqual([
      expect.objectContaining({ row: 1, what: 'workstream', reason: expect.stringMatching(reason) }),
    ]);
  });

  it('refuses the documents of a refused workstream, saying so', () => {
    const value = parsed(jsonFile([{ id: HLB_DOC, workstreamId: 'ws-hlb' }, good], [{ id: 'ws-hlb' }, WS_IMP]));
    expect(value.documents.map((d) => d.id)).toEqual([IMPROVEMENTS_DOC]);
    expect(value.refused).toEqual([
      {
        row: 0,
        what: 'workstream',
        id: 'ws-hlb',
        reason: 'name missing',
        said: [{ key: 'imp_missing', vars: { field: 'name' } }],
      },
      {
        row: 0,
        what: 'document',
        id: HLB_DOC,
        reason: "workstream 'ws-hlb' was refused (workstreams index 0)",
        said: [{ key: 'imp_ws_refused', vars: { value: "'ws-hlb'", index: 0 } }],
      },
    ]);
  });

  it('refuses duplicate document and workstream ids, keeping the first', () => {
    const value = parsed(
      jsonFile(
        [{ id: HLB_DOC, title: 'first' }, { id: OUTCOMES_DOC }, { id: ` ${HLB_DOC} `, title: 'second' }],
        [WS_HLB, { ...WS_HLB, name: 'again' }],
      ),
    );
    expect(value.documents.map((d) => [d.id, d.title])).toEqual([
      [HLB_DOC, 'first'],
      [OUTCOMES_DOC, undefined],
    ]);
    expect(value.workstreams).toEqual([WS_HLB]);
    expect(value.refused).toEqual([
      {
        row: 1,
        what: 'workstream',
        id: 'ws-hlb',
        reason: 'duplicate id (also at index 0)',
        said: [{ key: 'imp_duplicate_index', vars: { index: 0 } }],
      },
      {
        row: 2,
        what: 'document',
        id: HLB_DOC,
        reason: 'duplicate id (also at index 0)',
        said: [{ key: 'imp_duplicate_index', vars: { index: 0 } }],
      },
    ]);
  });
});

describe('parseImport: CSV', () => {
  it('reads columns in any order, any case, ignoring unknown columns, blank lines and a BOM', () => {
    const csv = [
      '\uFEFF Status ,Notes,Owner,Deadline,Title,URL,Deadline Note',
      `Open for comments,Two options: A and B,Concettina,2020-09-10,Possible implementation models for the MHLB,https://docs.google.com/document/d/${HLB_DOC}/edit?usp=sharing,feedback before the next WG meeting`,
      '',
      '  ,, , ,,,',
      `open-for-comments,,Anriette,2020-09-04,Response to the Options Paper,https://drive.google.com/file/d/${OPTIONS_RESPONSE_FILE}/view?usp=sharing,`,
      `FINAL,,,,,https://docs.google.com/document/d/${OUTCOMES_DOC}/edit#heading=h.juck72nlha3c,`,
    ].join('\r\n');
    const value = parsed(csv, 'WG-Strategy outputs.csv');
    expect(value.refused).toEqual([]);
    expect(value.workstreams).toEqual([]);
    expect(value.documents).toEqual([
      {
        id: HLB_DOC,
        kind: 'document',
        title: 'Possible implementation models for the MHLB',
        url: `https://docs.google.com/document/d/${HLB_DOC}/edit?usp=sharing`,
        aliases: [],
        deadline: '2020-09-10',
        deadlineNote: 'feedback before the next WG meeting',
        status: 'open-for-comments',
        notes: 'Two options: A and B',
        updatedAt: NOW,
      },
      {
        id: OPTIONS_RESPONSE_FILE,
        kind: 'file',
        title: 'Response to the Options Paper',
        url: `https://drive.google.com/file/d/${OPTIONS_RESPONSE_FILE}/view?usp=sharing`,
        aliases: [],
        deadline: '2020-09-04',
        status: 'open-for-comments',
        updatedAt: NOW,
      },
      {
        id: OUTCOMES_DOC,
        kind: 'document',
        url: `https://docs.google.com/document/d/${OUTCOMES_DOC}/edit#heading=h.juck72nlha3c`,
        aliases: [],
        status: 'final',
        updatedAt: NOW,
      },
    ]);
  });

  it('takes the id column over the url, and reads kind, source, aliases and updatedAt columns', () => {
    const csv = [
      'id,url,kind,source,aliases,updatedAt,deadlinenote',
      `${IMPROVEMENTS_DOC},https://docs.google.com/spreadsheets/d/e/${PUBLISHED_ID}/pubhtml,spreadsheet,https://www.intgovforum.org/en/content/wg-strategy,1FAIpQLSe1234567890abc,${EARLIER},in the next 10 days`,
    ].join('\n');
    expect(parsed(csv, 'sheet.csv').documents).toEqual([
      {
        id: IMPROVEMENTS_DOC,
        kind: 'spreadsheet',
        url: `https://docs.google.com/spreadsheets/d/e/${PUBLISHED_ID}/pubhtml`,
        aliases: ['1FAIpQLSe1234567890abc', PUBLISHED_ID],
        deadlineNote: 'in the next 10 days',
        source: 'https://www.intgovforum.org/en/content/wg-strategy',
        updatedAt: EARLIER,
      },
    ]);
  });

  it('reads a semicolon-separated sheet', () => {
    const csv = `url;title\nhttps://docs.google.com/document/d/${HLB_DOC}/edit;MHLB models, options A and B\n`;
    expect(parsed(csv, 'sheet.csv').documents.map((d) => [d.id, d.title])).toEqual([[HLB_DOC, 'MHLB models, options A and B']]);
  });

  it('creates workstreams from names, and matches names already in the file or the index case-insensitively', () => {
    const csv = [
      'url,workstream,group',
      `https://docs.google.com/document/d/${HLB_DOC}/edit,"  a. possible implementation models for the ROADMAP'S high-level body ",ignored`,
      `https://docs.google.com/document/d/${IMPROVEMENTS_DOC}/edit,${IMPROVEMENTS_NAME},WG-Strategy`,
      `https://drive.google.com/file/d/${PROPOSALS_FILE}/view,b.  improvements to the igf,`,
      `https://docs.google.com/document/d/${OUTCOMES_DOC}/edit,${OUTCOMES_NAME},`,
      `https://drive.google.com/file/d/${OPTIONS_RESPONSE_FILE}/view,,`,
    ].join('\n');
    const existing: Workstream[] = [
      WS_HLB,
      { id: 'ws-b-improvements-to-the-igf', name: 'Older workstream', color: WORKSTREAM_PALETTE[1] },
    ];
    const value = parsed(csv, 'sheet.csv', existing);
    expect(value.refused).toEqual([]);
    expect(value.workstreams).toEqual([
      // The slug is taken by an existing workstream: made unique. Colours: the palette's first free one, in turn.
      { id: 'ws-b-improvements-to-the-igf-2', name: IMPROVEMENTS_NAME, group: 'WG-Strategy', color: WORKSTREAM_PALETTE[2] },
      { id: expect.stringMatching(/^ws-c-strengthening-the-igf/), name: OUTCOMES_NAME, color: WORKSTREAM_PALETTE[3] },
    ]);
    const outcomes = value.workstreams[1]?.id;
    expect(value.documents.map((d) => [d.id, d.workstreamId])).toEqual([
      [HLB_DOC, 'ws-hlb'],
      [IMPROVEMENTS_DOC, 'ws-b-improvements-to-the-igf-2'],
      [PROPOSALS_FILE, 'ws-b-improvements-to-the-igf-2'],
      [OUTCOMES_DOC, outcomes],
      [OPTIONS_RESPONSE_FILE, undefined],
    ]);
  });

  it('does not create the workstream of a refused row', () => {
    const csv = `url,workstream,deadline\nhttps://docs.google.com/document/d/${HLB_DOC}/edit,${HLB_NAME},10 September\n`;
    const value = parsed(csv, 'sheet.csv');
    expect(value.workstreams).toEqual([]);
    expect(value.refused).toHaveLength(1);
  });

  it.each([
    ['label case', 'Open for comments', 'open-for-comments'],
    ['lower-case label', 'open for comments', 'open-for-comments'],
    ['value', 'delivered', 'delivered'],
    ['upper-case label', 'ARCHIVED', 'archived'],
    ['label with extra spaces', ' Open  for comments ', 'open-for-comments'],
  ])('accepts a status by %s', (_name, cell, status) => {
    const value = parsed(`id,status\n${HLB_DOC},${cell}\n`, 'sheet.csv');
    expect(value.documents[0]?.status).toBe(status);
  });

  it.each<[string, string, string | undefined, RegExp]>([
    ['neither url nor id', ',Orphan title,', undefined, /^id missing \(the row has neither a url nor an id\)$/],
    [
      'a url that is not a Google document and no id',
      'https://www.intgovforum.org/en/content/wg-strategy,IGF page,',
      undefined,
      /^url 'https:\/\/www.intgovforum.org\/en\/content\/wg-strategy' is not a Google document link, and the row has no id$/,
    ],
    [
      'a look-alike host',
      `https://docs.google.com.example.net/document/d/${HLB_DOC}/edit,Fake,`,
      undefined,
      /is not a Google document link/,
    ],
    [
      'a D/M/YYYY deadline',
      `https://docs.google.com/document/d/${HLB_DOC}/edit,MHLB,10/9/2020`,
      HLB_DOC,
      /^deadline '10\/9\/2020' is not a date in the form YYYY-MM-DD$/,
    ],
    [
      'an impossible deadline',
      `https://docs.google.com/document/d/${HLB_DOC}/edit,MHLB,2020-02-30`,
      HLB_DOC,
      /^deadline '2020-02-30' is not a real date \(YYYY-MM-DD\)$/,
    ],
  ])('refuses a row with %s, importing the others', (_name, line, id, reason) => {
    const csv = [
      'url,title,deadline',
      `https://docs.google.com/document/d/${OUTCOMES_DOC}/edit,Outcomes,2020-09-07`,
      '',
      line,
      `https://docs.google.com/document/d/${IMPROVEMENTS_DOC}/edit,Improvements,`,
    ].join('\n');
    const value = parsed(csv, 'sheet.csv');
    expect(value.documents.map((d) => d.id)).toEqual([OUTCOMES_DOC, IMPROVEMENTS_DOC]);
    expect(value.refused).toHaveLength(1);
    const [row] = value.refused;
    expect(row).toMatchObject({ row: 2, what: 'document' }); // blank lines are not rows
    expect(row?.id).toBe(id);
    expect(row?.reason).toMatch(reason);
  });

  it.each([
    ['an unknown status', 'status', 'wip', /^unknown status 'wip' \(one of draft, open-for-comments/],
    ['an unknown kind', 'kind', 'pdf', /^unknown kind 'pdf'/],
    ['a bad id', 'id', 'a b', /^id 'a b' is not a Drive id$/],
    ['a bad alias', 'aliases', 'x!y', /^alias 'x!y' is not a Drive id$/],
  ])('refuses a row with %s', (_name, column, cell, reason) => {
    const csv = `url,${column}\nhttps://docs.google.com/document/d/${HLB_DOC}/edit,${cell}\nhttps://docs.google.com/document/d/${OUTCOMES_DOC}/edit,\n`;
    const value = parsed(csv, 'sheet.csv');
    expect(value.documents.map((d) => d.id)).toEqual([OUTCOMES_DOC]);
    expect(value.refused).toEqual([expect.objectContaining({ row: 1, what: 'document', reason: expect.stringMatching(reason) })]);
  });

  it('refuses a duplicate id, naming the row of the first', () => {
    const csv = [
      'url,title',
      `https://docs.google.com/document/d/${HLB_DOC}/edit?usp=sharing,first`,
      `https://docs.google.com/document/d/${OUTCOMES_DOC}/edit,other`,
      `https://docs.google.com/document/u/1/d/${HLB_DOC}/view,second`,
    ].join('\n');
    const value = parsed(csv, 'sheet.csv');
    expect(value.documents.map((d) => [d.id, d.title])).toEqual([
      [HLB_DOC, 'first'],
      [OUTCOMES_DOC, 'other'],
    ]);
    expect(value.refused).toEqual([
      {
        row: 3,
        what: 'document',
        id: HLB_DOC,
        reason: 'duplicate id (also in row 1)',
        said: [{ key: 'imp_duplicate_row', vars: { row: 1 } }],
      },
    ]);
  });

  it("removes export's leading quote before = + - @ only", () => {
    const csv = `id,title,notes\n${HLB_DOC},'=1+1,'hello\n${OUTCOMES_DOC},'@cochairs,''-5\n`;
    const value = parsed(csv, 'sheet.csv');
    expect(value.documents.map((d) => [d.title, d.notes])).toEqual([
      ['=1+1', "'hello"],
      ['@cochairs', "'-5"],
    ]);
  });
});

describe('exportJson', () => {
  const index = {
    workstreams: [{ ...WS_HLB, extra: { facilitator: 'WG co-chairs' } }, WS_IMP],
    documents: [
      doc(HLB_DOC, {
        title: 'Possible implementation models for the MHLB',
        url: `https://docs.google.com/document/d/${HLB_DOC}/edit`,
        aliases: [PUBLISHED_ID],
        workstreamId: 'ws-hlb',
        deadline: '2020-09-10',
        deadlineNote: 'feedback before the next WG meeting',
        status: 'open-for-comments',
        notes: 'Options A, B and C',
        source: 'https://www.intgovforum.org/en/filedepot_download/9296/2189',
        extra: { owner: 'Concettina Cassa', reviewers: ['Anriette Esterhuysen'], extra: { nested: 1 } },
      }),
      doc(IMPROVEMENTS_DOC, { workstreamId: 'ws-imp', kind: 'spreadsheet' }),
      doc(PROPOSALS_FILE, { kind: 'file', workstreamId: 'ws-imp', status: 'draft' }),
      doc(OUTCOMES_DOC),
    ],
  };

  it('writes the contract format, pretty-printed, with a dated file name', () => {
    const file = exportJson(index, NOW);
    expect(file.filename).toBe(`docket-index-${DAY}.json`);
    expect(file.mime).toBe('application/json');
    expect(file.text).toContain('\n  "format": "docket-index",\n  "version": 1,\n  "exportedAt": "2026-11-22T10:00:00.000Z",');
    const data = JSON.parse(file.text);
    expect(Object.keys(data)).toEqual(['format', 'version', 'exportedAt', 'workstreams', 'documents']);
    expect(Object.keys(data.documents[0])).toEqual([
      'id',
      'kind',
      'title',
      'url',
      'aliases',
      'workstreamId',
      'deadline',
      'deadlineNote',
      'status',
      'notes',
      'source',
      'updatedAt',
      'owner',
      'reviewers',
      'extra',
    ]);
    expect(data.documents[3]).toEqual({ id: OUTCOMES_DOC, kind: 'document', aliases: [], updatedAt: EARLIER });
    expect(data.workstreams[0]).toEqual({
      id: 'ws-hlb',
      name: HLB_NAME,
      group: 'WG-Strategy',
      color: '#1f6feb',
      facilitator: 'WG co-chairs',
    });
  });

  it('round-trips through parseImport, keeping every field including unknown ones', () => {
    const value = parsed(exportJson(index, NOW).text);
    expect(value.refused).toEqual([]);
    expect(value.workstreams).toEqual(index.workstreams);
    expect(value.documents).toEqual(index.documents);
    expect(value.implied).toEqual({});
  });

  it('exports one workstream and its documents', () => {
    const file = exportJson(index, NOW, 'ws-imp');
    const data = JSON.parse(file.text);
    expect(data.workstreams).toEqual([WS_IMP]);
    expect(data.documents.map((d: DocRecord) => d.id)).toEqual([IMPROVEMENTS_DOC, PROPOSALS_FILE]);
    // Named after the workstream (not its internal id), and dated.
    expect(file.filename).toBe(`docket-B-Improvements-to-the-IGF-${DAY}.json`);
  });

  it('refuses to export a workstream that does not exist', () => {
    expect(() => exportJson(index, NOW, 'ws-nope')).toThrow(/no workstream “ws-nope”/);
  });
});

describe('exportCsv', () => {
  const workstreams = [WS_HLB, WS_IMP, WS_OUT];
  const documents = [
    doc(HLB_DOC, {
      title: 'Possible implementation models for the MHLB',
      url: `https://docs.google.com/document/d/${HLB_DOC}/edit?usp=sharing`,
      aliases: [PUBLISHED_ID, '1FAIpQLSe1234567890abc'],
      workstreamId: 'ws-hlb',
      deadline: '2020-09-10',
      deadlineNote: 'feedback before the next WG meeting, "directly in the document"',
      status: 'open-for-comments',
      notes: 'Option A: separate body;\nOption B: inside the MAG',
      source: 'https://www.intgovforum.org/en/filedepot_download/9296/2189',
    }),
    doc(IMPROVEMENTS_DOC, { workstreamId: 'ws-imp', title: '58 proposals', status: 'draft' }),
    doc(PROPOSALS_FILE, { kind: 'file', workstreamId: 'ws-imp', url: `https://drive.google.com/file/d/${PROPOSALS_FILE}/view` }),
    doc(OUTCOMES_DOC, { workstreamId: 'ws-out', deadline: '2020-09-07' }),
    doc(OPTIONS_RESPONSE_FILE, { kind: 'file' }),
  ];

  it('writes the header and one row a document, the workstream by name', () => {
    const file = exportCsv({ workstreams, documents });
    expect(file.mime).toBe('text/csv');
    expect(file.filename).toBe('docket-index.csv');
    expect(exportCsv({ workstreams, documents }, undefined, NOW).filename).toBe(`docket-index-${DAY}.csv`);
    const rows = Papa.parse<string[]>(file.text).data;
    expect(rows[0]).toEqual([
      'id',
      'url',
      'kind',
      'title',
      'workstream',
      'group',
      'color',
      'deadline',
      'deadlineNote',
      'status',
      'notes',
      'source',
      'aliases',
      'updatedAt',
    ]);
    expect(rows[1]).toEqual([
      HLB_DOC,
      `https://docs.google.com/document/d/${HLB_DOC}/edit?usp=sharing`,
      'document',
      'Possible implementation models for the MHLB',
      HLB_NAME,
      'WG-Strategy',
      '#1f6feb',
      '2020-09-10',
      'feedback before the next WG meeting, "directly in the document"',
      'open-for-comments',
      'Option A: separate body;\nOption B: inside the MAG',
      'https://www.intgovforum.org/en/filedepot_download/9296/2189',
      `${PUBLISHED_ID} 1FAIpQLSe1234567890abc`,
      EARLIER,
    ]);
    expect(rows).toHaveLength(documents.length + 1);
  });

  it('round-trips through parseImport to the same records', () => {
    const value = parsed(exportCsv({ workstreams, documents }).text, 'docket-index.csv', workstreams);
    expect(value.refused).toEqual([]);
    expect(value.workstreams).toEqual([]);
    expect(value.documents).toEqual(documents);
  });

  it('creates the workstreams when re-imported into an empty index, with their colours', () => {
    const value = parsed(exportCsv({ workstreams, documents }).text, 'docket-index.csv', []);
    expect(value.workstreams.map((w) => [w.name, w.group, w.color])).toEqual([
      [HLB_NAME, 'WG-Strategy', '#1f6feb'],
      [IMPROVEMENTS_NAME, 'WG-Strategy', '#8250df'],
      [OUTCOMES_NAME, 'WG-Strategy', '#bf3989'],
    ]);
  });

  it.each([
    ['#1F6FEB', '#1f6feb'],
    ['#cf222e', '#cf222e'],
    // Not a colour: the next free one of the palette, as without the column.
    ['red', undefined],
    ['#12345', undefined],
    ['', undefined],
  ])('reads a color cell %j (a sheet written by hand)', (cell, color) => {
    const text = `url,workstream,color\r\nhttps://docs.google.com/document/d/${HLB_DOC}/edit,New one,${cell}\r\n`;
    const ws = parsed(text, 'sheet.csv', []).workstreams[0]!;
    if (color) expect(ws.color).toBe(color);
    else expect(ws.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('a color cell never recolours a workstream the index has', () => {
    const text = `url,workstream,color\r\nhttps://docs.google.com/document/d/${HLB_DOC}/edit,${IMPROVEMENTS_NAME},#000000\r\n`;
    const value = parsed(text, 'sheet.csv', [WS_IMP]);
    expect(value.workstreams).toEqual([]);
    expect(value.documents[0]!.workstreamId).toBe('ws-imp');
  });

  it('names one workstream’s file after the workstream, in any script, and dates it', () => {
    expect(exportCsv({ workstreams, documents }, 'ws-imp', NOW).filename).toBe(`docket-B-Improvements-to-the-IGF-${DAY}.csv`);
    const ws = (name: string): Workstream => ({ id: 'ws-x', name });
    const name = (w: Workstream) => exportCsv({ workstreams: [w], documents: [] }, 'ws-x', NOW).filename;
    expect(name(ws('Gouvernance : “modèles” / options?'))).toBe(`docket-Gouvernance-modèles-options-${DAY}.csv`);
    expect(name(ws('戦略 WG'))).toBe(`docket-戦略-WG-${DAY}.csv`);
    expect(name(ws('***'))).toBe(`docket-ws-x-${DAY}.csv`);
    expect(name(ws('x'.repeat(200)))).toBe(`docket-${'x'.repeat(60)}-${DAY}.csv`);
  });

  const formulas = [
    ['=HYPERLINK("https://evil.example","click")', "'=HYPERLINK"],
    ['+1 (555) 0100', "'+1"],
    ['-5 days', "'-5"],
    ['@SUM(A1:A2)', "'@SUM"],
    ['\tindented', "'\t"],
    ['\rreturn', "'\r"],
    ["'=already quoted", "''="],
    // Issue 13, item 16: whitespace before a formula, full-width signs, line breaks.
    [' =1+1', "' ="],
    ['\u00a0\u3000+cmd', "'\u00a0"],
    ['＝HYPERLINK("https://evil.example")', "'＝"],
    ['＋1', "'＋"],
    ['\n=1+1', "'\n"],
    ['\r\n@SUM(A1)', "'\r"],
  ] as const;

  it.each(formulas)('neutralises a cell starting like %j', (title, start) => {
    const file = exportCsv({ workstreams, documents: [doc(HLB_DOC, { title, notes: title })] });
    const row = Papa.parse<string[]>(file.text).data[1];
    expect(row?.[3]?.startsWith(start)).toBe(true);
    expect(row?.[10]?.startsWith(start)).toBe(true);
    expect(row?.[0]).toBe(HLB_DOC);
  });

  it('round-trips neutralised cells', () => {
    const docs = formulas.map(([title], i) =>
      doc(`${HLB_DOC.slice(0, -2)}${i}x`, { title, notes: `${title} note`, deadlineNote: title }),
    );
    const text = exportCsv({ workstreams: [], documents: docs }).text;
    const value = parsed(text, 'docket-index.csv');
    expect(value.refused).toEqual([]);
    expect(value.documents).toEqual(docs);
  });

  it('neutralises a workstream name and still matches it on re-import', () => {
    const ws: Workstream = { id: 'ws-minus', name: '-1 priority', color: '#1f6feb' };
    const text = exportCsv({ workstreams: [ws], documents: [doc(HLB_DOC, { workstreamId: 'ws-minus' })] }).text;
    expect(text).toContain("'-1 priority");
    expect(parsed(text, 'x.csv', [ws]).documents[0]?.workstreamId).toBe('ws-minus');
  });

  it('exports one workstream', () => {
    const rows = Papa.parse<string[]>(exportCsv({ workstreams, documents }, 'ws-imp').text).data;
    expect(rows.slice(1).map((r) => [r[0], r[4]])).toEqual([
      [IMPROVEMENTS_DOC, IMPROVEMENTS_NAME],
      [PROPOSALS_FILE, IMPROVEMENTS_NAME],
    ]);
    expect(() => exportCsv({ workstreams, documents }, 'ws-nope')).toThrow(/no workstream/);
  });
});

describe('planMerge', () => {
  const LATER = '2020-09-01T09:00:00.000Z';

  it('counts added, updated, unchanged and refused documents and workstreams', () => {
    const existingDocs = [
      doc(HLB_DOC, { title: 'MHLB models', workstreamId: 'ws-hlb' }),
      doc(IMPROVEMENTS_DOC, { title: 'Improvements', workstreamId: 'ws-imp' }),
    ];
    const text = jsonFile(
      [
        { id: HLB_DOC, status: 'open-for-comments' }, // updated
        { id: IMPROVEMENTS_DOC, title: 'Improvements' }, // unchanged
        { id: OUTCOMES_DOC, workstreamId: 'ws-out' }, // added
        { id: PROPOSALS_FILE, deadline: '2020-09-31' }, // refused
      ],
      [
        { id: 'ws-hlb', name: HLB_NAME, group: 'WG-Strategy' }, // unchanged (no colour in the file: keeps the index's)
        { id: 'ws-imp', name: IMPROVEMENTS_NAME, group: 'MAG' }, // updated
        { id: 'ws-out', name: OUTCOMES_NAME }, // added
        { id: 'ws-bad' }, // refused
      ],
    );
    const value = parsed(text, 'x.json', [WS_HLB, WS_IMP]);
    const plan = planMerge(value, maps(existingDocs, [WS_HLB, WS_IMP]), NOW);
    expect(plan.report.documents).toEqual({ added: 1, updated: 1, unchanged: 1, refused: 1 });
    expect(plan.report.workstreams).toEqual({ added: 1, updated: 1, unchanged: 1, refused: 1 });
    expect(plan.report.applied).toBe(false);
    expect(plan.report.error).toBeUndefined();
    expect(plan.report.refused.map((r) => [r.what, r.id])).toEqual([
      ['workstream', 'ws-bad'],
      ['document', PROPOSALS_FILE],
    ]);
    expect(plan.workstreams).toEqual([
      { ...WS_IMP, group: 'MAG' },
      { id: 'ws-out', name: OUTCOMES_NAME },
    ]);
    expect(plan.documents).toEqual([
      { ...existingDocs[0], status: 'open-for-comments', updatedAt: NOW },
      { id: OUTCOMES_DOC, kind: 'document', aliases: [], workstreamId: 'ws-out', updatedAt: NOW },
    ]);
  });

  it('keeps the index record when it is newer than the file’s', () => {
    const local = doc(HLB_DOC, { title: 'edited locally', updatedAt: LATER });
    const value = parsed(jsonFile([{ id: HLB_DOC, title: 'from the file', updatedAt: EARLIER }]));
    const plan = planMerge(value, maps([local]), NOW);
    expect(plan.documents).toEqual([]);
    expect(plan.report.documents).toEqual({ added: 0, updated: 0, unchanged: 1, refused: 0 });
  });

  it('takes a newer file record, keeping its updatedAt', () => {
    const local = doc(HLB_DOC, { title: 'old', updatedAt: EARLIER });
    const value = parsed(jsonFile([{ id: HLB_DOC, title: 'newer', updatedAt: LATER }]));
    const plan = planMerge(value, maps([local]), NOW);
    expect(plan.documents).toEqual([{ ...local, title: 'newer', updatedAt: LATER }]);
    expect(plan.report.documents.updated).toBe(1);
  });

  it('counts a record whose only difference is updatedAt as unchanged', () => {
    const local = doc(HLB_DOC, { title: 'same' });
    const plan = planMerge(parsed(jsonFile([{ id: HLB_DOC, title: 'same', updatedAt: LATER }])), maps([local]), NOW);
    expect(plan.report.documents).toEqual({ added: 0, updated: 0, unchanged: 1, refused: 0 });
    expect(plan.documents).toEqual([]);
  });

  it('unions aliases and overlays only the fields the file gives', () => {
    const local = doc(HLB_DOC, {
      kind: 'document',
      title: 'MHLB',
      aliases: ['1FAIpQLSe1234567890abc', OLD_PUBLISHED_ID],
      deadline: '2020-09-10',
      extra: { owner: 'Anja' },
    });
    const value = parsed(
      jsonFile([
        {
          id: HLB_DOC,
          url: `https://docs.google.com/document/d/e/${PUBLISHED_ID}/pub`,
          aliases: [HLB_DOC, '1FAIpQLSe1234567890abc'],
          reviewer: 'Wim',
        },
      ]),
    );
    const plan = planMerge(value, maps([local]), NOW);
    expect(plan.documents).toEqual([
      {
        ...local,
        url: `https://docs.google.com/document/d/e/${PUBLISHED_ID}/pub`,
        aliases: ['1FAIpQLSe1234567890abc', OLD_PUBLISHED_ID, PUBLISHED_ID],
        extra: { owner: 'Anja', reviewer: 'Wim' },
        updatedAt: NOW,
      },
    ]);
  });

  it('does not let a defaulted kind override the index', () => {
    const local = doc(IMPROVEMENTS_DOC, { kind: 'spreadsheet', title: 'Proposals' });
    const value = parsed(`id,title\n${IMPROVEMENTS_DOC},Proposals\n`, 'sheet.csv');
    expect(value.documents[0]?.kind).toBe('document');
    const plan = planMerge(value, maps([local]), NOW);
    expect(plan.report.documents).toEqual({ added: 0, updated: 0, unchanged: 1, refused: 0 });
  });

  it('lets an explicit kind change the record', () => {
    const local = doc(IMPROVEMENTS_DOC, { kind: 'document' });
    const plan = planMerge(parsed(`id,kind\n${IMPROVEMENTS_DOC},spreadsheet\n`, 'sheet.csv'), maps([local]), NOW);
    expect(plan.documents).toEqual([{ ...local, kind: 'spreadsheet', updatedAt: NOW }]);
  });

  it('stamps added records without an updatedAt with the merge time', () => {
    const value = parsed(jsonFile([{ id: HLB_DOC }]));
    const MERGE = '2026-11-22T10:05:00.000Z';
    expect(planMerge(value, maps(), MERGE).documents[0]?.updatedAt).toBe(MERGE);
  });

  it('re-importing an export changes nothing', () => {
    const index = {
      workstreams: [WS_HLB, WS_IMP],
      documents: [doc(HLB_DOC, { workstreamId: 'ws-hlb', extra: { owner: 'x' } }), doc(IMPROVEMENTS_DOC)],
    };
    const plan = planMerge(parsed(exportJson(index, NOW).text), maps(index.documents, index.workstreams), NOW);
    expect(plan.documents).toEqual([]);
    expect(plan.workstreams).toEqual([]);
    expect(plan.report.documents).toEqual({ added: 0, updated: 0, unchanged: 2, refused: 0 });
    expect(plan.report.workstreams).toEqual({ added: 0, updated: 0, unchanged: 2, refused: 0 });
  });
});
