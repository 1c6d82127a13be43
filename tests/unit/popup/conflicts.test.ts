import { describe, expect, it } from 'vitest';
import type { DocRecord, SyncConflict, Workstream } from '@/utils/shared/model';
import type { MergeConflict } from '@/utils/shared/reports';
import {
  applySyncChoice,
  conflictKey,
  defaultResolutions,
  describeConflict,
  fieldLabel,
  formatFieldValue,
} from '@/utils/popup/conflicts';

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
