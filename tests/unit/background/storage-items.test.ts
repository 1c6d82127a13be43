/** The background's typed storage items (utils/background/storage-items.ts): key names, defaults, round trips, bad values. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { editorWindowsItem, interruptedItem, journalItem, remindersSentItem, sitesItem } from '@/utils/background/storage-items';
import type { StoredItem } from '@/utils/shared/storage-items';

beforeEach(() => fakeBrowser.reset());

interface Case {
  item: StoredItem<unknown>;
  area: 'local' | 'session';
  key: string;
  empty: unknown;
  value: unknown;
  bad: Array<[stored: unknown, read?: unknown]>;
}

const JOURNAL = { id: 'op-1', op: 'sync', label: 'Team sheet', startedAt: '2026-12-07T18:00:00.000Z' };

const CASES: Record<string, Case> = {
  'reminders sent': {
    item: remindersSentItem as StoredItem<unknown>,
    area: 'local',
    key: 'docket:reminders-sent',
    empty: [],
    value: ['doc1@2026-12-09', 'doc2@2026-12-10'],
    bad: [
      ['doc1'],
      [{}],
      [
        ['a', 3, null, 'b'],
        ['a', 'b'],
      ],
    ],
  },
  sites: {
    item: sitesItem as StoredItem<unknown>,
    area: 'local',
    key: 'docket:sites',
    empty: null,
    value: ['https://lists.example.org/*'],
    bad: [['https://lists.example.org/*'], [{ 0: 'x' }], [[7, 'https://a.example/*'], ['https://a.example/*']]],
  },
  journal: {
    item: journalItem as StoredItem<unknown>,
    area: 'local',
    key: 'docket:journal',
    empty: null,
    value: JOURNAL,
    bad: [['op-1'], [{ ...JOURNAL, op: 'delete' }], [{ ...JOURNAL, id: 3 }], [{ id: 'op-1' }]],
  },
  interrupted: {
    item: interruptedItem as StoredItem<unknown>,
    area: 'local',
    key: 'docket:interrupted',
    empty: null,
    value: { label: 'Team sheet', startedAt: '2026-12-07T18:00:00.000Z' },
    bad: [['Team sheet'], [{ label: 'Team sheet' }], [[]]],
  },
  'editor windows': {
    item: editorWindowsItem as StoredItem<unknown>,
    area: 'session',
    key: 'docket:editor-windows',
    empty: {},
    value: { '12': 40, '13': 41 },
    bad: [[3], [['x']], [{ '12': 40, '13': 'w' }, { '12': 40 }]],
  },
};

describe.each(Object.entries(CASES))('%s', (_, { item, area, key, empty, value, bad }) => {
  const storage = fakeBrowser.storage[area];
  const raw = async () => (await storage.get(key))[key];

  it('keeps its area and the key name every earlier build wrote', () => {
    expect([item.area, item.key]).toEqual([area, key]);
  });

  it('gives its default when nothing is stored', async () => {
    expect(await item.get()).toEqual(empty);
  });

  it('writes the value as it was always stored, reads it back, and removes it', async () => {
    await item.set(value);
    expect(await raw()).toEqual(value);
    expect(await item.get()).toEqual(value);
    await storage.set({ [key]: value });
    expect(await item.get()).toEqual(value);
    await item.remove();
    expect(await raw()).toBeUndefined();
  });

  it.each(bad.map(([stored, read]) => [JSON.stringify(stored), stored, read]))(
    'reads a malformed value (%s) as its default or its valid part',
    async (_, stored, read) => {
      await storage.set({ [key]: stored });
      expect(await item.get()).toEqual(read === undefined ? empty : read);
    },
  );
});
