import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { countOverdue, dueOn, writeAll } from '@/utils/background/db/store';
import { openDocketDb } from '@/utils/background/db/schema';
import type { DocRecord, Status } from '@/utils/shared/model';
import { documentBadge, overdueBadge } from '@/utils/background/toolbar-look';

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
