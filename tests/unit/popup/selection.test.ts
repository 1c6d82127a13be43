// Selecting rows of the full page's table, drawing only the lines in view, and its settings and words.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  clickRow,
  keepListed,
  moveCursor,
  rangeOf,
  selectAll,
  selectedInOrder,
  toggleCursor,
  type Move,
  type Selection,
} from '@/utils/popup/selection';
import { blocksFor, layoutOf, lineAt, lineOfOffset, offsetsIn, windowOf } from '@/utils/popup/virtual-rows';
import { DEFAULT_PREFS, changeText, groupLabel, nextSort, parsePrefs, tableKey } from '@/utils/popup/table-view';
import { TABLE_FIRST_KEY, keepTableFirst, keptTableFirst } from '@/utils/popup/table-first';

const ORDER = ['a', 'b', 'c', 'd', 'e', 'f'];
const sel = (ids: string[], anchor: string | null = null, cursor: string | null = null): Selection => ({
  ids: new Set(ids),
  anchor,
  cursor,
});
const plain = (s: Selection) => ({ ids: [...s.ids].sort(), anchor: s.anchor, cursor: s.cursor });

describe('clicks', () => {
  it.each<[string, Selection, string, { shift?: boolean; toggle?: boolean }, ReturnType<typeof plain>]>([
    ['a click selects one row', sel(['a', 'b'], 'a', 'a'), 'd', {}, { ids: ['d'], anchor: 'd', cursor: 'd' }],
    ['Ctrl-click adds', sel(['a'], 'a', 'a'), 'd', { toggle: true }, { ids: ['a', 'd'], anchor: 'd', cursor: 'd' }],
    ['Ctrl-click removes', sel(['a', 'd'], 'a', 'a'), 'd', { toggle: true }, { ids: ['a'], anchor: 'd', cursor: 'd' }],
    [
      'Shift-click selects from the anchor down',
      sel(['b'], 'b', 'b'),
      'e',
      { shift: true },
      { ids: ['b', 'c', 'd', 'e'], anchor: 'b', cursor: 'e' },
    ],
    [
      'Shift-click selects from the anchor up',
      sel(['e'], 'e', 'e'),
      'c',
      { shift: true },
      { ids: ['c', 'd', 'e'], anchor: 'e', cursor: 'c' },
    ],
    [
      'Shift-click replaces the range (anchor stays)',
      sel(['b', 'c', 'd', 'e'], 'b', 'e'),
      'c',
      { shift: true },
      { ids: ['b', 'c'], anchor: 'b', cursor: 'c' },
    ],
    [
      'Ctrl+Shift-click adds the range',
      sel(['f'], 'b', 'f'),
      'c',
      { shift: true, toggle: true },
      { ids: ['b', 'c', 'f'], anchor: 'b', cursor: 'c' },
    ],
    [
      'Shift-click with no anchor selects the row',
      EMPTY_SELECTION,
      'c',
      { shift: true },
      { ids: ['c'], anchor: 'c', cursor: 'c' },
    ],
  ])('%s', (_, before, id, mods, after) => expect(plain(clickRow(before, id, ORDER, mods))).toEqual(after));

  it('rangeOf: either direction; a row not listed gives nothing', () => {
    expect(rangeOf(ORDER, 'e', 'b')).toEqual(['b', 'c', 'd', 'e']);
    expect(rangeOf(ORDER, 'gone', 'b')).toEqual(['b']);
    expect(rangeOf(ORDER, 'a', 'gone')).toEqual([]);
  });
});

describe('the keyboard', () => {
  it.each<[string, Selection, Move, boolean, ReturnType<typeof plain>]>([
    ['↓ with no cursor goes to the first row', EMPTY_SELECTION, 'down', false, { ids: [], anchor: null, cursor: 'a' }],
    ['↓ moves the cursor, not the selection', sel(['a'], 'a', 'a'), 'down', false, { ids: ['a'], anchor: 'a', cursor: 'b' }],
    ['↑ stops at the top', sel([], null, 'a'), 'up', false, { ids: [], anchor: null, cursor: 'a' }],
    ['↓ stops at the bottom', sel([], null, 'f'), 'down', false, { ids: [], anchor: null, cursor: 'f' }],
    ['End', sel([], null, 'b'), 'end', false, { ids: [], anchor: null, cursor: 'f' }],
    ['Home', sel([], null, 'e'), 'home', false, { ids: [], anchor: null, cursor: 'a' }],
    ['PageDown (3 rows)', sel([], null, 'b'), 'page-down', false, { ids: [], anchor: null, cursor: 'e' }],
    ['PageUp stops at the top', sel([], null, 'b'), 'page-up', false, { ids: [], anchor: null, cursor: 'a' }],
    ['Shift+↓ selects from the anchor', sel(['b'], 'b', 'b'), 'down', true, { ids: ['b', 'c'], anchor: 'b', cursor: 'c' }],
    ['Shift+↑ back past the anchor', sel(['b', 'c'], 'b', 'c'), 'up', true, { ids: ['b'], anchor: 'b', cursor: 'b' }],
    [
      'Shift+↓ with no anchor starts at the cursor',
      sel([], null, 'c'),
      'down',
      true,
      { ids: ['c', 'd'], anchor: 'c', cursor: 'd' },
    ],
    ['Shift+End', sel(['d'], 'd', 'd'), 'end', true, { ids: ['d', 'e', 'f'], anchor: 'd', cursor: 'f' }],
  ])('%s', (_, before, move, extend, after) => expect(plain(moveCursor(before, ORDER, move, extend, 3))).toEqual(after));

  it('Space toggles the cursor’s row; nothing without a cursor', () => {
    expect(plain(toggleCursor(sel(['a'], 'a', 'c')))).toEqual({ ids: ['a', 'c'], anchor: 'c', cursor: 'c' });
    expect(plain(toggleCursor(sel(['a', 'c'], 'a', 'c')))).toEqual({ ids: ['a'], anchor: 'c', cursor: 'c' });
    expect(toggleCursor(EMPTY_SELECTION)).toBe(EMPTY_SELECTION);
  });

  it('an empty table moves nothing', () => expect(moveCursor(EMPTY_SELECTION, [], 'down', true)).toBe(EMPTY_SELECTION));

  it('Ctrl+A selects every row, in the table’s order for an action', () => {
    const all = selectAll(ORDER, EMPTY_SELECTION);
    expect(plain(all)).toEqual({ ids: ORDER, anchor: 'a', cursor: 'a' });
    expect(selectedInOrder(sel(['e', 'a', 'c']), ORDER)).toEqual(['a', 'c', 'e']);
  });

  it('rows that left the table leave the selection; an unchanged selection is the same object', () => {
    const s = sel(['a', 'c', 'e'], 'c', 'e');
    expect(plain(keepListed(s, ['a', 'b', 'c']))).toEqual({ ids: ['a', 'c'], anchor: 'c', cursor: null });
    expect(keepListed(s, ORDER)).toBe(s);
  });
});

describe('drawing only the lines in view', () => {
  // Three groups of 2, 3 and 1 rows: lines h0 r0 r1 h1 r2 r3 r4 h2 r5.
  const layout = layoutOf(
    [
      { key: 'ws:a', count: 2 },
      { key: 'ws:b', count: 3 },
      { key: 'ws:', count: 1 },
    ],
    6,
  );
  it('counts a heading per group', () => expect(layout.lines).toBe(9));
  it.each([
    [0, { kind: 'group', group: 0 }],
    [1, { kind: 'row', offset: 0, group: 0 }],
    [2, { kind: 'row', offset: 1, group: 0 }],
    [3, { kind: 'group', group: 1 }],
    [6, { kind: 'row', offset: 4, group: 1 }],
    [7, { kind: 'group', group: 2 }],
    [8, { kind: 'row', offset: 5, group: 2 }],
  ])('line %i', (i, line) => expect(lineAt(layout, i)).toEqual(line));
  it.each([
    [0, 1],
    [1, 2],
    [2, 4],
    [4, 6],
    [5, 8],
  ])('row %i is on line %i', (offset, line) => expect(lineOfOffset(layout, offset)).toBe(line));
  it('without groups a line is a row', () => {
    const flat = layoutOf([], 4);
    expect(flat.lines).toBe(4);
    expect(lineAt(flat, 3)).toEqual({ kind: 'row', offset: 3, group: -1 });
    expect(lineOfOffset(flat, 2)).toBe(2);
  });
  it('the window: the lines in view and some more, within the table', () => {
    expect(windowOf(0, 340, 34, 5000, 10)).toEqual({ first: 0, last: 20 });
    expect(windowOf(34 * 1000, 340, 34, 5000, 10)).toEqual({ first: 990, last: 1020 });
    expect(windowOf(34 * 4995, 340, 34, 5000, 10)).toEqual({ first: 4985, last: 4999 });
  });
  it('the rows lines show, and the blocks to ask for', () => {
    expect(offsetsIn(layout, 0, 3)).toEqual({ from: 0, to: 2 });
    expect(offsetsIn(layout, 2, 8)).toEqual({ from: 1, to: 6 });
    expect(offsetsIn(layout, 3, 3)).toEqual({ from: 2, to: 2 });
    expect(blocksFor(150, 420, 100)).toEqual([100, 200, 300, 400]);
    expect(blocksFor(0, 1, 100)).toEqual([0]);
    expect(blocksFor(5, 5, 100)).toEqual([]);
  });
});

describe('the full page’s settings and words', () => {
  it.each([
    [null, DEFAULT_PREFS],
    ['not json', DEFAULT_PREFS],
    ['{"sort":"title","dir":"desc","group":"week","status":"all"}', { sort: 'title', dir: 'desc', group: 'week', status: 'all' }],
    ['{"sort":"evil","dir":1,"group":"week","status":"final"}', { ...DEFAULT_PREFS, group: 'week', status: 'final' }],
    ['{"status":"nonsense"}', DEFAULT_PREFS],
  ])('prefs %j', (text, want) => expect(parsePrefs(text)).toEqual(want));

  it('a heading click sorts by that column, again the other way', () => {
    const p = nextSort(DEFAULT_PREFS, 'title');
    expect(p).toMatchObject({ sort: 'title', dir: 'asc' });
    expect(nextSort(p, 'title')).toMatchObject({ sort: 'title', dir: 'desc' });
  });

  it('the entry script and the table ask the same question', () => {
    expect(JSON.stringify(tableKey('x', DEFAULT_PREFS, '2026-11-22'))).toBe(
      JSON.stringify({ text: 'x', status: 'active', sort: 'deadline', dir: 'asc', group: 'workstream', today: '2026-11-22' }),
    );
  });

  const ws = new Map([['a', { id: 'a', name: 'A. Body' }]]);
  it.each([
    ['ws:a', 'A. Body'],
    ['ws:', 'No workstream'],
    ['week:', 'No deadline'],
    ['week:2026-11-16', 'Week of Mon, Nov 16, 2026 · this week'],
    ['week:2026-11-23', 'Week of Mon, Nov 23, 2026 · next week'],
    ['week:2026-11-09', 'Week of Mon, Nov 9, 2026 · last week'],
    ['week:2026-12-07', 'Week of Mon, Dec 7, 2026 · in 3 weeks'],
    ['week:2026-10-26', 'Week of Mon, Oct 26, 2026 · 3 weeks ago'],
  ])('group %s', (key, label) => expect(groupLabel(key, ws, '2026-11-22')).toBe(label));

  it.each<[Parameters<typeof changeText>[0], number, string]>([
    [{ shiftDays: 7 }, 3, 'Deadlines of 3 documents moved 7 days later.'],
    [{ shiftDays: -1 }, 1, 'Deadlines of 1 document moved 1 day earlier.'],
    [{ status: 'final' }, 2, 'Status set to Final on 2 documents.'],
    [{ status: null }, 2, 'Status cleared on 2 documents.'],
    [{ workstreamId: 'a' }, 2, '2 documents moved to A. Body.'],
    [{ workstreamId: null }, 1, '1 document taken out of their workstream.'],
    [{ deadline: '2026-12-01' }, 4, 'Deadline set to Tue, Dec 1, 2026 on 4 documents.'],
    [{ deadline: null }, 4, 'Deadline cleared on 4 documents.'],
    [{ status: 'final' }, 0, 'Nothing to change: the selected documents already had that value.'],
  ])('%j on %i', (change, n, text) => expect(changeText(change, n, [{ id: 'a', name: 'A. Body' }])).toBe(text));
});

describe('the first rows kept for the next visit', () => {
  const store = () => {
    const m = new Map<string, string>();
    return {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
    };
  };
  const key = tableKey('', DEFAULT_PREFS, '2026-11-22');
  const page = { total: 1, offset: 0, rows: [], groups: [], indexSize: 1, workstreams: [], ids: ['x'] };

  it('are drawn only for the same settings, day and index revision', () => {
    const s = store();
    expect(keepTableFirst(s, key, 'r1', page)).toBe(true);
    expect(keptTableFirst(s, key, 'r1')).toEqual({ total: 1, offset: 0, rows: [], groups: [], indexSize: 1, workstreams: [] });
    expect(keptTableFirst(s, key, 'r2')).toBeNull();
    expect(keptTableFirst(s, key, null)).toBeNull();
    expect(keptTableFirst(s, tableKey('', DEFAULT_PREFS, '2026-11-23'), 'r1')).toBeNull();
    expect(keptTableFirst(s, tableKey('', { ...DEFAULT_PREFS, group: 'week' }, '2026-11-22'), 'r1')).toBeNull();
  });

  it('never a partial answer, one without a revision, or a later window; nothing unreadable', () => {
    const s = store();
    expect(keepTableFirst(s, key, 'r1', { ...page, partial: true })).toBe(false);
    expect(keepTableFirst(s, key, null, page)).toBe(false);
    expect(keepTableFirst(s, key, 'r1', { ...page, offset: 100 })).toBe(false);
    expect(keptTableFirst(s, key, 'r1')).toBeNull();
    s.setItem(TABLE_FIRST_KEY, '{not json');
    expect(keptTableFirst(s, key, 'r1')).toBeNull();
    s.setItem(TABLE_FIRST_KEY, JSON.stringify({ key: JSON.stringify(key), revision: 'r1', page: { rows: 'no' } }));
    expect(keptTableFirst(s, key, 'r1')).toBeNull();
  });

  it('a full storage keeps nothing and does not throw', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(keepTableFirst(full, key, 'r1', page)).toBe(false);
  });
});
