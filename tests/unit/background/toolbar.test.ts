import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countOverdue, dueOn, writeAll } from '@/utils/background/db/store';
import { openDocketDb } from '@/utils/background/db/schema';
import type { DocRecord, Status } from '@/utils/shared/model';
import { documentBadge, overdueBadge } from '@/utils/background/toolbar-look';
import { badgeStillRight, startToolbar, type BadgeDrawn, type BadgeMemory } from '@/utils/background/toolbar';
import { localToday } from '@/utils/shared/calendar';

const doc = (deadline?: string, status?: Status): DocRecord => ({
  id: `1doc${deadline ?? 'none'}${status ?? ''}`.replace(/[^A-Za-z0-9_-]/g, '_'),
  kind: 'document',
  aliases: [],
  updatedAt: 'T',
  title: 'MHLB models',
  ...(deadline && { deadline }),
  ...(status && { status }),
});

describe('toolbar badge', () => {
  it.each<[DocRecord, string, string]>([
    [doc('2020-09-10'), '5d', 'MHLB models: due in 5 d'],
    [doc('2020-09-05'), '0d', 'MHLB models: due today'],
    [doc('2020-09-01'), '-4d', 'MHLB models: 4 d overdue'],
    [doc('2021-09-01'), '99+', 'MHLB models: due in 361 d'],
    [doc('2020-09-01', 'delivered'), '✓', 'MHLB models: done'],
    [doc(undefined, 'draft'), '', 'MHLB models: no deadline'],
  ])('on a document page: %j', (d, text, title) => {
    expect(documentBadge(d, '2020-09-05')).toMatchObject({ text, title });
  });

  it.each([
    [0, ''],
    [3, '3'],
    [1200, '999+'],
  ])('elsewhere: %i overdue → "%s"', (n, text) => expect(overdueBadge(n).text).toBe(text));

  it('counts overdue documents from the deadline index, leaving done ones out', async () => {
    const db = await openDocketDb('toolbar-test');
    await writeAll(
      db,
      [
        doc('2020-09-01'),
        doc('2020-09-04', 'final'),
        doc('2020-09-02', 'delivered'),
        doc('2020-09-05'),
        doc('2020-09-08'),
        doc(),
      ],
      [],
    );
    expect(await countOverdue(db, '2020-09-05')).toBe(2);
    expect((await dueOn(db, ['2020-09-05', '2020-09-08'])).map((d) => d.deadline)).toEqual(['2020-09-05', '2020-09-08']);
    db.close();
  });
});

describe('the badge at the worker’s start', () => {
  const DAY = localToday();
  it.each<[string, unknown, BadgeDrawn, boolean]>([
    ['same day, same revision', { day: DAY, revision: 'r1' }, { day: DAY, revision: 'r1' }, true],
    ['the index changed', { day: DAY, revision: 'r1' }, { day: DAY, revision: 'r2' }, false],
    ['a new day', { day: '2020-09-04', revision: 'r1' }, { day: '2020-09-05', revision: 'r1' }, false],
    ['never drawn in this session', undefined, { day: DAY, revision: 'r1' }, false],
    ['a note that is not one', 'r1', { day: DAY, revision: 'r1' }, false],
    ['no revision yet (never written)', { day: DAY, revision: null }, { day: DAY, revision: null }, false],
  ])('%s → still right: %s', (_what, last, now, right) => expect(badgeStillRight(last, now)).toBe(right));

  function fakeAction() {
    const calls: unknown[] = [];
    const action = {
      setBadgeText: vi.fn(async (d: unknown) => void calls.push(d)),
      setBadgeBackgroundColor: vi.fn(async () => undefined),
      setTitle: vi.fn(async () => undefined),
    };
    (fakeBrowser as unknown as { action: unknown }).action = action;
    return { action, calls };
  }

  function memoryOf(note: unknown, revision: string | null) {
    const saved: BadgeDrawn[] = [];
    const memory: BadgeMemory = { load: async () => note, save: async (d) => void saved.push(d), revision: async () => revision };
    return { memory, saved };
  }

  const settled = () => new Promise((r) => setTimeout(r, 0));
  async function until(check: () => boolean) {
    for (let i = 0; i < 200 && !check(); i++) await settled();
  }

  beforeEach(() => fakeBrowser.reset());

  it('draws nothing and reads no index when the badge was drawn today at this revision', async () => {
    const { action } = fakeAction();
    const db = vi.fn(() => openDocketDb('toolbar-start-same'));
    const { memory, saved } = memoryOf({ day: DAY, revision: 'r1' }, 'r1');
    startToolbar(db, memory);
    // The start's check is a few promises long: let them all run.
    for (let i = 0; i < 20; i++) await settled();
    expect(db).not.toHaveBeenCalled();
    expect(action.setBadgeText).not.toHaveBeenCalled();
    expect(saved).toEqual([]);
  });

  it('draws the count and notes it when the index changed since', async () => {
    const { calls } = fakeAction();
    const opened = await openDocketDb('toolbar-start-changed');
    await writeAll(opened, [doc('2000-01-01')], []);
    const { memory, saved } = memoryOf({ day: DAY, revision: 'r1' }, 'r2');
    startToolbar(async () => opened, memory);
    await until(() => saved.length > 0);
    expect(calls).toEqual([{ text: '1' }]);
    expect(saved).toEqual([{ day: DAY, revision: 'r2' }]);
    opened.close();
  });

  it('draws at every start without a session memory (as before)', async () => {
    const { calls } = fakeAction();
    const opened = await openDocketDb('toolbar-start-none');
    startToolbar(async () => opened);
    await until(() => calls.length > 0);
    expect(calls).toEqual([{ text: '' }]);
    opened.close();
  });
});
