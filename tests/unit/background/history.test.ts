import { describe, expect, it } from 'vitest';
import { estimateBytes, historySize, snapshotsToDrop } from '@/utils/background/history';
import { HISTORY_MAX_BYTES, HISTORY_MAX_COUNT } from '@/utils/shared/reports';
import type { SnapshotInfo, SnapshotReason } from '@/utils/shared/reports';

const NOW = '2026-11-22T12:00:00.000Z';
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString();
let next = 0;
const snap = (reason: SnapshotReason, age: number, bytes = 1000): SnapshotInfo => ({
  id: ++next,
  createdAt: daysAgo(age),
  reason,
  label: `${reason} ${age}`,
  documents: 1,
  workstreams: 1,
  bytes,
});

describe('which snapshots the history keeps', () => {
  it.each<[string, Array<[SnapshotReason, number]>, string[]]>([
    [
      'everything of the last 14 days',
      [
        ['sync', 1],
        ['sync', 13.9],
        ['import', 3],
      ],
      [],
    ],
    [
      'older syncs go',
      [
        ['sync', 20],
        ['sync', 15],
        ['sync', 2],
      ],
      ['sync 20', 'sync 15'],
    ],
    [
      'the newest import and restore stay whatever their age',
      [
        ['import', 60],
        ['import', 40],
        ['restore', 30],
        ['sync', 1],
      ],
      ['import 60'],
    ],
    [
      'the newest upgrade stays',
      [
        ['upgrade', 90],
        ['sync', 20],
      ],
      [],
    ],
    [
      'the newest snapshot stays even when old',
      [
        ['sync', 100],
        ['sync', 50],
      ],
      ['sync 100'],
    ],
  ])('%s', (_name, list, dropped) => {
    const infos = list.map(([reason, age]) => snap(reason, age));
    const ids = snapshotsToDrop(infos, NOW);
    expect(infos.filter((s) => ids.includes(s.id)).map((s) => s.label)).toEqual(dropped);
  });

  it('is bounded in count: the oldest recent syncs go first, never the newest import', () => {
    const infos = [snap('import', 13), ...Array.from({ length: HISTORY_MAX_COUNT + 20 }, (_, i) => snap('sync', 12 - i / 100))];
    const ids = new Set(snapshotsToDrop(infos, NOW));
    const kept = infos.filter((s) => !ids.has(s.id));
    expect(kept).toHaveLength(HISTORY_MAX_COUNT);
    expect(kept[0]!.reason).toBe('import');
    expect(kept.at(-1)).toBe(infos.at(-1));
  });

  it('is bounded in size', () => {
    const big = Math.ceil(HISTORY_MAX_BYTES / 4);
    const infos = Array.from({ length: 8 }, (_, i) => snap('sync', 8 - i, big));
    const kept = infos.filter((s) => !snapshotsToDrop(infos, NOW).includes(s.id));
    expect(historySize(kept).bytes).toBeLessThanOrEqual(HISTORY_MAX_BYTES);
    expect(kept.at(-1)).toBe(infos.at(-1));
  });

  it('estimates a snapshot’s size from its text', () => {
    const doc = { id: 'x'.repeat(40), kind: 'document' as const, aliases: [], notes: 'n'.repeat(10_000), updatedAt: NOW };
    expect(estimateBytes([doc], [])).toBeGreaterThan(20_000);
    expect(estimateBytes([doc], [])).toBeLessThan(21_000);
  });
});
