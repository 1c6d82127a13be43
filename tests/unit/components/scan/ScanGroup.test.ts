/** The Scan review's groups: rows by the item they stand under, in the order items first appear. */
import { describe, expect, it } from 'vitest';
import { groupRows } from '@/components/scan/ScanGroup';
import type { ScanRowState } from '@/components/scan/ScanRow';

const row = (id: string, section?: string): ScanRowState => ({
  c: { id, kind: 'document', url: `https://docs.google.com/document/d/${id}/edit`, title: id, ...(section ? { section } : {}) },
  selected: true,
  title: id,
  ws: '',
  newWs: '',
  deadline: '',
  status: '',
});

describe('groupRows', () => {
  it.each<[string, ScanRowState[], Array<[string | undefined, number[]]>]>([
    ['no rows', [], []],
    ['one item', [row('a', 'A. Budget'), row('b', 'A. Budget')], [['A. Budget', [0, 1]]]],
    [
      'an item written again further down joins its first group',
      [row('a', 'A. Budget'), row('b', 'B. Survey'), row('c', 'A. Budget')],
      [
        ['A. Budget', [0, 2]],
        ['B. Survey', [1]],
      ],
    ],
    [
      'rows under no item are one group, where the first of them stands',
      [row('a'), row('b', 'B. Survey'), row('c')],
      [
        [undefined, [0, 2]],
        ['B. Survey', [1]],
      ],
    ],
    [
      'items that differ only by their mark stay apart (the page wrote two items)',
      [row('a', 'A. Budget'), row('b', 'B. Budget')],
      [
        ['A. Budget', [0]],
        ['B. Budget', [1]],
      ],
    ],
  ])('%s', (_name, rows, want) => {
    expect(groupRows(rows).map((g) => [g.item, g.indices])).toEqual(want);
  });
});
