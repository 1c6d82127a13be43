import { describe, expect, it } from 'vitest';
import { baseOf, planMerge, type MergeBase } from '@/utils/background/interchange/merge';
import { MAX_REFUSED_LISTED } from '@/utils/shared/reports';
import { parseImport } from '@/utils/background/interchange/parse';
import type { DocRecord, Workstream } from '@/utils/shared/model';

const NOW = '2026-11-22T10:00:00.000Z';
const ID = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const WS: Workstream = { id: 'ws-hlb', name: 'A. Possible implementation models for the Roadmap’s High-level body' };
const shared: DocRecord = {
  id: ID,
  kind: 'document',
  aliases: [],
  title: 'MHLB models',
  workstreamId: 'ws-hlb',
  deadline: '2020-09-10',
  status: 'open-for-comments',
  notes: 'Options A and B',
  updatedAt: '2020-08-27T14:00:00.000Z',
};

function file(doc: Partial<DocRecord>): string {
  return JSON.stringify({ format: 'docket-index', version: 1, workstreams: [WS], documents: [{ ...shared, ...doc }] });
}
function merge(
  local: DocRecord,
  incoming: Partial<DocRecord>,
  base: MergeBase | undefined,
  opts: { preferLocal?: boolean; resolutions?: Record<string, 'local' | 'incoming'> } = {},
) {
  const parsed = parseImport(file(incoming), 'x.json', { existingWorkstreams: [WS], now: NOW });
  if (!parsed.ok) throw new Error(parsed.error);
  return planMerge(parsed.value, { documents: new Map([[ID, local]]), workstreams: new Map([[WS.id, WS]]) }, NOW, {
    bases: base ? new Map([[ID, base]]) : undefined,
    ...opts,
  });
}

describe('three-way merge against the last shared version', () => {
  const base = baseOf(shared);

  it('takes the file’s change to one field and keeps the index’s change to another: no conflict', () => {
    const local = { ...shared, notes: 'Options A, B and C', updatedAt: '2020-09-01T10:00:00.000Z' };
    const plan = merge(local, { deadline: '2020-09-17', updatedAt: '2020-08-30T10:00:00.000Z' }, base);
    expect(plan.report.conflicts).toEqual([]);
    expect(plan.documents[0]).toMatchObject({ notes: 'Options A, B and C', deadline: '2020-09-17' });
  });

  it('keeps the index’s change when the file still has the shared value, even if the file is newer', () => {
    const local = { ...shared, status: 'final' as const, updatedAt: '2020-09-01T10:00:00.000Z' };
    const plan = merge(local, { updatedAt: '2020-09-05T10:00:00.000Z' }, base);
    expect(plan.report.documents).toMatchObject({ updated: 0, unchanged: 1 });
    expect(plan.documents).toEqual([]);
  });

  it('lists a field both changed; the newer side wins by default, the member can choose the other', () => {
    const local = { ...shared, deadline: '2020-09-12', updatedAt: '2020-09-01T10:00:00.000Z' };
    const incoming = { deadline: '2020-09-17', updatedAt: '2020-09-03T10:00:00.000Z' };
    const plan = merge(local, incoming, base);
    expect(plan.report.conflicts).toEqual([
      {
        docId: ID,
        title: 'MHLB models',
        field: 'deadline',
        base: '2020-09-10',
        local: '2020-09-12',
        incoming: '2020-09-17',
        winner: 'incoming',
      },
    ]);
    expect(plan.documents[0]!.deadline).toBe('2020-09-17');

    const mine = merge(local, incoming, base, { resolutions: { [`${ID}:deadline`]: 'local' } });
    expect(mine.report.conflicts![0]!.winner).toBe('local');
    expect(mine.documents).toEqual([]); // nothing else changed: the index stays as it is
  });

  it('a sync keeps local edits on conflicts unless told otherwise', () => {
    const local = { ...shared, title: 'MHLB: three options', updatedAt: '2020-09-01T10:00:00.000Z' };
    const plan = merge(local, { title: 'MHLB models (v2)', status: 'final', updatedAt: '2020-09-09T10:00:00.000Z' }, base, {
      preferLocal: true,
    });
    expect(plan.report.conflicts).toMatchObject([{ field: 'title', winner: 'local' }]);
    expect(plan.documents[0]).toMatchObject({ title: 'MHLB: three options', status: 'final' });
  });

  it('without a shared version, the newer record wins as a whole (and no conflict is claimed)', () => {
    const local = { ...shared, deadline: '2020-09-12', updatedAt: '2020-09-01T10:00:00.000Z' };
    expect(
      merge(local, { deadline: '2020-09-17', updatedAt: '2020-09-03T10:00:00.000Z' }, undefined).documents[0]!.deadline,
    ).toBe('2020-09-17');
    const older = merge(local, { deadline: '2020-09-17', updatedAt: '2020-08-30T10:00:00.000Z' }, undefined);
    expect(older.documents).toEqual([]);
    expect(older.report.conflicts).toEqual([]);
  });

  it('returns the file’s version of each document as the next shared version', () => {
    const plan = merge(shared, { deadline: '2020-09-17' }, base);
    expect(plan.bases.get(ID)).toMatchObject({ deadline: '2020-09-17', title: 'MHLB models' });
    expect(plan.bases.get(ID)).not.toHaveProperty('updatedAt');
  });
});

describe('a file with more refused rows than a report lists (issue 28: no reply grows with the file)', () => {
  it.each([
    [3, 3],
    [MAX_REFUSED_LISTED, MAX_REFUSED_LISTED],
    [MAX_REFUSED_LISTED + 250, MAX_REFUSED_LISTED],
  ])('%i refused rows: all counted, %i listed, the first ones', (bad, listed) => {
    const documents = [shared, ...Array.from({ length: bad }, (_, i) => ({ title: `no id ${i}` }))];
    const parsed = parseImport(JSON.stringify({ format: 'docket-index', version: 1, workstreams: [WS], documents }), 'x.json', {
      existingWorkstreams: [WS],
      now: NOW,
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const { report } = planMerge(parsed.value, { documents: new Map(), workstreams: new Map([[WS.id, WS]]) }, NOW);
    expect(report.documents).toMatchObject({ added: 1, refused: bad });
    expect(report.refused).toHaveLength(listed);
    expect(report.refused.map((r) => r.row)).toEqual(parsed.value.refused.slice(0, listed).map((r) => r.row));
  });
});
