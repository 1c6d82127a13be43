// @vitest-environment happy-dom
/**
 * Issue 20, §4: what Scan learns from the member and the index: a remembered item → workstream,
 * the workstream of an item's documents already tracked, the corrections a review makes. Tables with
 * negatives; then the scanner reading a real seed page with a remembered choice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoptTracked, correctionsFrom, recallItem } from '@/utils/popup/scan/learn';
import type { Remembered } from '@/utils/popup/scan/learn';
import { scanDocument } from '@/utils/popup/scan/scan';
import type { ScanCandidate } from '@/utils/popup/scan/scan';
import type { Workstream } from '@/utils/shared/model';

const WS: Workstream[] = [
  { id: 'ws-d', name: 'D. Member survey' },
  { id: 'ws-b', name: 'B. Budget and finance' },
];
const SURVEY: Remembered = { item: 'C. Survey process', workstreamId: 'ws-d' };

describe('recallItem', () => {
  it.each<[string, string, readonly Remembered[] | undefined, string | undefined]>([
    ['the same item, another mark', 'E. Survey process', [SURVEY], 'ws-d'],
    ['the same item, other case and punctuation', 'survey process:', [SURVEY], 'ws-d'],
    ['the same words with a stop word (close name)', 'F. The survey process', [SURVEY], 'ws-d'],
    ['plural words (close name)', 'Surveys process', [SURVEY], 'ws-d'],
    ['another item sharing a word', 'Survey results', [SURVEY], undefined],
    ['a longer item that only contains it', 'Survey process and outreach to members', [SURVEY], undefined],
    ['no memory', 'Survey process', undefined, undefined],
    ['the workstream was deleted since', 'Survey process', [{ item: 'Survey process', workstreamId: 'ws-gone' }], undefined],
  ])('%s', (_name, item, remembered, want) => expect(recallItem(item, remembered, WS)?.id).toBe(want));

  it('prefers the exact item to a close one', () => {
    const both: Remembered[] = [
      { item: 'Survey processes', workstreamId: 'ws-b' },
      { item: 'Survey process', workstreamId: 'ws-d' },
    ];
    expect(recallItem('G. Survey process', both, WS)?.id).toBe('ws-d');
  });
});

function cand(id: string, section: string | undefined, over: Partial<ScanCandidate> = {}): ScanCandidate {
  return {
    id,
    kind: 'document',
    url: `https://docs.google.com/document/d/${id}/edit`,
    title: id,
    ...(section ? { section } : {}),
    ...over,
  };
}

describe('adoptTracked: the other documents of an item already tracked', () => {
  it('proposes the tracked documents’ workstream for the item’s other documents', () => {
    const cs = [
      cand('a', 'C. Survey process', { workstreamName: 'C. Survey process' }),
      cand('b', 'C. Survey process', { workstreamName: 'C. Survey process' }),
      cand('c', 'Budget', { workstreamName: 'Budget' }),
    ];
    expect(adoptTracked(cs, new Map([['a', { workstreamId: 'ws-d' }]]), WS)).toBe(1);
    expect(cs.map((c) => c.workstreamId)).toEqual([undefined, 'ws-d', undefined]);
    expect(cs[1]!.workstreamName).toBe('D. Member survey');
  });
  it.each<[string, ScanCandidate[], Map<string, { workstreamId?: string }>]>([
    ['a tracked document without a workstream', [cand('a', 'S'), cand('b', 'S')], new Map([['a', {}]])],
    ['a workstream no longer in the index', [cand('a', 'S'), cand('b', 'S')], new Map([['a', { workstreamId: 'gone' }]])],
    ['documents under no item', [cand('a', undefined), cand('b', undefined)], new Map([['a', { workstreamId: 'ws-d' }]])],
    [
      'a candidate placed by the member’s memory',
      [cand('a', 'S'), cand('b', 'S', { workstreamId: 'ws-b', remembered: true })],
      new Map([['a', { workstreamId: 'ws-d' }]]),
    ],
  ])('changes nothing for %s', (_name, cs, tracked) => {
    const before = JSON.stringify(cs);
    expect(adoptTracked(cs, tracked, WS)).toBe(0);
    expect(JSON.stringify(cs)).toBe(before);
  });
  it('takes the workstream most of the item’s tracked documents use', () => {
    const cs = [cand('a', 'S'), cand('b', 'S'), cand('c', 'S'), cand('d', 'S')];
    const tracked = new Map([
      ['a', { workstreamId: 'ws-b' }],
      ['b', { workstreamId: 'ws-d' }],
      ['c', { workstreamId: 'ws-d' }],
    ]);
    adoptTracked(cs, tracked, WS);
    expect(cs[3]!.workstreamId).toBe('ws-d');
  });
});

describe('correctionsFrom: the review’s changes to remember', () => {
  const now = '2026-12-07T10:00:00.000Z';
  const site = 'www.intgovforum.org';
  it.each<[string, Parameters<typeof correctionsFrom>[0], Array<[string, string]>]>([
    [
      'a new name proposed, an existing workstream chosen',
      [{ c: { section: 'C. Survey process', workstreamName: 'C. Survey process' }, workstreamId: 'ws-d' }],
      [['C. Survey process', 'ws-d']],
    ],
    [
      'an existing workstream proposed, another chosen',
      [{ c: { section: 'Budget', workstreamId: 'ws-d', workstreamName: 'D. Member survey' }, workstreamId: 'ws-b' }],
      [['Budget', 'ws-b']],
    ],
    [
      'the proposal kept (existing)',
      [{ c: { section: 'Survey', workstreamId: 'ws-d', workstreamName: 'D. Member survey' }, workstreamId: 'ws-d' }],
      [],
    ],
    [
      'the proposal kept (a new one, created by the same name)',
      [{ c: { section: 'Budget', workstreamName: 'b. budget AND finance' }, workstreamId: 'ws-b' }],
      [],
    ],
    ['no workstream chosen', [{ c: { section: 'Budget', workstreamName: 'Budget' }, workstreamId: undefined }], []],
    ['a row under no item', [{ c: { workstreamName: 'Budget' }, workstreamId: 'ws-b' }], []],
    [
      'two rows of one item: the last choice',
      [
        { c: { section: 'Survey', workstreamName: 'Survey' }, workstreamId: 'ws-b' },
        { c: { section: 'Survey', workstreamName: 'Survey' }, workstreamId: 'ws-d' },
      ],
      [['Survey', 'ws-d']],
    ],
  ])('%s', (_name, rows, want) => {
    const got = correctionsFrom(rows, WS, site, now);
    expect(got.map((c) => [c.item, c.workstreamId])).toEqual(want);
    for (const c of got) expect(c).toMatchObject({ site, at: now });
  });
  it('remembers nothing for a page without a site', () => {
    expect(correctionsFrom([{ c: { section: 'S' }, workstreamId: 'ws-b' }], WS, '', now)).toEqual([]);
  });
});

describe('the scanner with a remembered choice (seed minutes of 27 August 2020)', () => {
  const html = readFileSync(join(__dirname, '../../../fixtures/minutes/seed-004.html'), 'utf8');
  const scan = (remembered?: Remembered[], workstreams: Workstream[] = WS) =>
    scanDocument(new DOMParser().parseFromString(html, 'text/html'), {
      url: 'https://www.intgovforum.org/en/content/wg-strategy-2020-meeting-5',
      workstreams,
      today: '2031-01-01',
      ...(remembered ? { remembered } : {}),
    }).candidates;
  const improvements = (cs: ScanCandidate[]) => cs.filter((c) => c.section === 'B. Improvements to the IGF');

  it('proposes the item’s new name without memory', () => {
    const cs = improvements(scan());
    expect(cs).toHaveLength(2);
    expect(cs.map((c) => [c.workstreamId, c.workstreamName, c.remembered])).toEqual([
      [undefined, 'B. Improvements to the IGF', undefined],
      [undefined, 'B. Improvements to the IGF', undefined],
    ]);
  });
  it('proposes the remembered workstream for every document of the item, and only there', () => {
    const cs = scan([{ item: 'C) Improvements to the IGF', workstreamId: 'ws-b' }]);
    expect(improvements(cs).map((c) => [c.workstreamId, c.workstreamName, c.remembered])).toEqual([
      ['ws-b', 'B. Budget and finance', true],
      ['ws-b', 'B. Budget and finance', true],
    ]);
    expect(cs.filter((c) => c.remembered)).toHaveLength(2);
  });
  it('falls back to the name when the remembered workstream is gone', () => {
    const cs = improvements(scan([{ item: 'Improvements to the IGF', workstreamId: 'ws-b' }], [WS[0]!]));
    expect(cs.map((c) => c.workstreamName)).toEqual(['B. Improvements to the IGF', 'B. Improvements to the IGF']);
  });
});
