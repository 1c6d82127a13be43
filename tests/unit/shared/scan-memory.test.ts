/** Scan's memory of corrections (utils/shared/scan-memory.ts): keys, remember/forget, reading a stored or imported list. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  SCAN_MEMORY_KEY,
  type Correction,
  correctionsFor,
  forget,
  itemKey,
  loadCorrections,
  mergeCorrections,
  readCorrections,
  remember,
  saveCorrections,
  siteOf,
  updateCorrections,
} from '@/utils/shared/scan-memory';

const IGF = 'www.intgovforum.org';
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;
const entry = (item: string, workstreamId: string, day = 1, site = IGF): Correction => ({
  site,
  item,
  workstreamId,
  workstreamName: workstreamId.toUpperCase(),
  at: at(day),
});

describe('itemKey: the same item from one meeting to the next', () => {
  it.each([
    ['C. Survey process', 'survey process'],
    ['D) Survey  process', 'survey process'],
    ['IV. Intersessional Work', 'intersessional work'],
    ['Intersessional work:', 'intersessional work'],
    ['Élections du bureau', 'elections du bureau'],
    ['  ', ''],
  ])('%j → %j', (item, key) => expect(itemKey(item)).toBe(key));
  it('tells different items apart', () => {
    expect(itemKey('Survey process')).not.toBe(itemKey('Survey results'));
  });
});

describe('siteOf', () => {
  it.each([
    ['https://www.intgovforum.org/en/content/wg-strategy-2020-meeting-5', IGF],
    ['http://WWW.Example.org:8080/x', 'www.example.org'],
    ['file:///tmp/minutes.html', ''],
    ['not a url', ''],
  ])('%s → %j', (url, site) => expect(siteOf(url)).toBe(site));
});

describe('remember and forget', () => {
  it('puts the newest first and replaces the same item of the same site, whatever its mark', () => {
    let list = remember([], entry('C. Survey process', 'ws-c', 1));
    list = remember(list, entry('Budget', 'ws-b', 2));
    list = remember(list, entry('D. Survey process', 'ws-d', 3));
    expect(list.map((c) => [c.item, c.workstreamId])).toEqual([
      ['D. Survey process', 'ws-d'],
      ['Budget', 'ws-b'],
    ]);
  });
  it('keeps the same item of another site apart', () => {
    const list = remember([entry('Budget', 'ws-b')], entry('Budget', 'ws-x', 2, 'lists.w3.org'));
    expect(list).toHaveLength(2);
    expect(correctionsFor(list, 'lists.w3.org').map((c) => c.workstreamId)).toEqual(['ws-x']);
    expect(correctionsFor(list, '')).toEqual([]);
  });
  it('ignores an entry without a site, an item or a workstream', () => {
    expect(remember([], entry('Budget', ''))).toEqual([]);
    expect(remember([], entry(' ', 'ws-b'))).toEqual([]);
    expect(remember([], entry('Budget', 'ws-b', 1, ''))).toEqual([]);
  });
  it('keeps at most `max` entries, dropping the oldest', () => {
    let list: Correction[] = [];
    for (let i = 0; i < 5; i++) list = remember(list, entry(`Item ${i}`, 'ws', i + 1), 3);
    expect(list.map((c) => c.item)).toEqual(['Item 4', 'Item 3', 'Item 2']);
  });
  it('forgets one entry (by its item key), keeping the others', () => {
    const list = [entry('Budget', 'ws-b'), entry('C. Survey process', 'ws-c')];
    expect(forget(list, { site: IGF, item: 'survey process' }).map((c) => c.item)).toEqual(['Budget']);
    expect(forget(list, { site: 'other.org', item: 'Budget' })).toHaveLength(2);
  });
});

describe('readCorrections: a stored or imported list, read leniently', () => {
  it.each<[string, unknown, number]>([
    ['not a list', { site: IGF }, 0],
    ['null entries and strings', [null, 'x', 3], 0],
    ['an entry without a workstream', [{ site: IGF, item: 'Budget' }], 0],
    ['an entry without an item', [{ site: IGF, item: '  ', workstreamId: 'ws' }], 0],
    ['a good entry', [entry('Budget', 'ws-b')], 1],
    ['a duplicate (same site and item)', [entry('Budget', 'ws-b'), entry('budget', 'ws-x')], 1],
  ])('%s', (_name, value, n) => expect(readCorrections(value)).toHaveLength(n));
  it('fills a missing name and date, and folds the site', () => {
    expect(readCorrections([{ site: 'WWW.IntGovForum.org', item: 'Budget', workstreamId: 'ws-b', at: 'yesterday' }])).toEqual([
      { site: IGF, item: 'Budget', workstreamId: 'ws-b', workstreamName: 'ws-b', at: '1970-01-01T00:00:00.000Z' },
    ]);
  });
});

describe('mergeCorrections', () => {
  it('keeps, for each item, the later choice', () => {
    const mine = [entry('Budget', 'ws-mine', 5), entry('Survey', 'ws-s', 1)];
    const theirs = [entry('Budget', 'ws-theirs', 3), entry('Outreach', 'ws-o', 4)];
    expect(mergeCorrections(mine, theirs).map((c) => [c.item, c.workstreamId])).toEqual([
      ['Budget', 'ws-mine'],
      ['Outreach', 'ws-o'],
      ['Survey', 'ws-s'],
    ]);
  });
});

describe('the store (storage.local)', () => {
  beforeEach(() => fakeBrowser.reset());
  it('saves, loads, updates, and removes the key when empty', async () => {
    expect(await loadCorrections()).toEqual([]);
    await saveCorrections([entry('Budget', 'ws-b')]);
    expect(await loadCorrections()).toEqual([entry('Budget', 'ws-b')]);
    await updateCorrections((l) => remember(l, entry('Survey', 'ws-s', 2)));
    expect((await loadCorrections()).map((c) => c.item)).toEqual(['Survey', 'Budget']);
    await updateCorrections(() => []);
    expect(await fakeBrowser.storage.local.get(SCAN_MEMORY_KEY)).toEqual({});
  });
  it('reads a damaged store as the entries it can', async () => {
    await fakeBrowser.storage.local.set({ [SCAN_MEMORY_KEY]: [entry('Budget', 'ws-b'), { item: 3 }] });
    expect(await loadCorrections()).toHaveLength(1);
  });
});
