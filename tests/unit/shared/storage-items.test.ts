/**
 * The typed storage items (utils/shared/storage-items.ts): each reads what every earlier build stored under
 * the same key name, gives its default when nothing or something malformed is stored, and writes back
 * the same shape.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  importProgressItem,
  languageItem,
  reminderSettingsItem,
  revisionItem,
  whatsNewItem,
  type StoredItem,
} from '@/utils/shared/storage-items';
import { scanMemoryItem } from '@/utils/shared/scan-memory';

beforeEach(() => fakeBrowser.reset());

const local = fakeBrowser.storage.local;
const raw = async (key: string) => (await local.get(key))[key];

interface Case {
  item: StoredItem<unknown>;
  key: string;
  empty: unknown;
  value: unknown;
  bad: unknown[];
}

const CASES: Record<string, Case> = {
  reminders: {
    item: reminderSettingsItem as StoredItem<unknown>,
    key: 'docket:reminders',
    empty: { enabled: false, daysBefore: 2 },
    value: { enabled: true, daysBefore: 0 },
    bad: ['on', 3, [], null, { enabled: 'yes', daysBefore: -1 }, { daysBefore: 1.5 }],
  },
  'import progress': {
    item: importProgressItem as StoredItem<unknown>,
    key: 'docket:import-progress',
    empty: null,
    value: { filename: 'team.json', written: 20, total: 300 },
    bad: ['half', 0.5, [], { filename: 'x.json', written: '2', total: 3 }, { written: 1, total: 2 }],
  },
  language: {
    item: languageItem as StoredItem<unknown>,
    key: 'docket.language',
    empty: null,
    value: { lang: 'fr', messages: { ext_name: 'Docket' } },
    bad: ['fr', { lang: 'xx', messages: {} }, { lang: 'fr' }, { lang: 'fr', messages: 'none' }],
  },
  revision: {
    item: revisionItem as StoredItem<unknown>,
    key: 'docket:revision',
    empty: null,
    value: '1765100000000-abc123',
    bad: [42, {}, ['r1'], true],
  },
  "what's new": {
    item: whatsNewItem as StoredItem<unknown>,
    key: 'docket:whats-new',
    empty: null,
    value: { from: '0.1.0', to: '0.2.0' },
    bad: ['0.2.0', { from: '0.1.0' }, { from: 1, to: 2 }, []],
  },
  // Scan's memory keeps its item beside its rules (utils/shared/scan-memory.ts).
  'scan memory': {
    item: scanMemoryItem as StoredItem<unknown>,
    key: 'docket:scan-memory',
    empty: [],
    value: [
      {
        site: 'www.intgovforum.org',
        item: 'C. Survey process',
        workstreamId: 'ws-survey',
        workstreamName: 'D. Member survey',
        at: '2026-12-07T10:00:00.000Z',
      },
    ],
    bad: ['list', 3, {}, [{ site: 'x' }]],
  },
};

describe.each(Object.entries(CASES))('%s', (_, { item, key, empty, value, bad }) => {
  it('keeps the key name every earlier build wrote', () => {
    expect(item.key).toBe(key);
  });

  it('gives its default when nothing is stored', async () => {
    expect(await item.get()).toEqual(empty);
  });

  it('writes the value as it was always stored, and reads it back', async () => {
    await item.set(value);
    expect(await raw(key)).toEqual(value);
    expect(await item.get()).toEqual(value);
    await item.remove();
    expect(await raw(key)).toBeUndefined();
    expect(await item.get()).toEqual(empty);
  });

  it('reads what an earlier build stored under the key', async () => {
    await local.set({ [key]: value });
    expect(await item.get()).toEqual(value);
  });

  it.each(bad.map((b) => [JSON.stringify(b), b]))('reads a malformed value (%s) as its default', async (_, stored) => {
    await local.set({ [key]: stored });
    expect(await item.get()).toEqual(empty);
  });

  it('tells a watcher each change, from any view, checked', async () => {
    const seen = vi.fn();
    const stop = item.watch(seen);
    await local.set({ [key]: value });
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith(value));
    await local.set({ [key]: bad[0] });
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith(empty));
    stop();
    await local.set({ [key]: value });
    expect(seen).toHaveBeenCalledTimes(2);
  });
});

describe('reminder settings', () => {
  it('keeps each valid field of a partly valid value', async () => {
    await local.set({ 'docket:reminders': { enabled: true } });
    expect(await reminderSettingsItem.get()).toEqual({ enabled: true, daysBefore: 2 });
    await local.set({ 'docket:reminders': { enabled: 'no', daysBefore: 7 } });
    expect(await reminderSettingsItem.get()).toEqual({ enabled: false, daysBefore: 7 });
  });
});

describe('nullable items', () => {
  it('setting null removes the key', async () => {
    await importProgressItem.set({ filename: 'a.csv', written: 1, total: 2 });
    await importProgressItem.set(null);
    expect(await local.get(null)).toEqual({});
  });
});
