/**
 * The one-home concepts: calendar days, agenda items, and each state's look. Every caller
 * (badges, popup, toolbar, scanner, sample pages) uses these, so their tables live here.
 */
import { describe, expect, it } from 'vitest';
import { ITEM_MARK, LETTER_ITEM_MARK, isItemLine, itemLabel, shortLabel, withoutItemMark } from '@/utils/shared/agenda-item';
import { addDays, daysBetween, daysUntil, isoDate, localToday, noonOf } from '@/utils/shared/calendar';
import { STATUSES } from '@/utils/shared/model';
import { STATUS_LABELS, STATUS_MARKS, URGENCY_LOOK, urgencyIcon } from '@/utils/shared/states';
import type { Urgency } from '@/utils/shared/urgency';

describe('calendar days', () => {
  it.each<[string, number, string]>([
    ['2020-09-03', 7, '2020-09-10'],
    ['2020-02-28', 1, '2020-02-29'],
    ['2021-02-28', 1, '2021-03-01'],
    ['2020-12-31', 1, '2021-01-01'],
    ['2020-03-01', -1, '2020-02-29'],
    ['2020-03-29', 1, '2020-03-30'], // a daylight-saving Sunday in Europe: still one day
    ['2020-09-03', 0, '2020-09-03'],
  ])('addDays(%s, %i) = %s', (day, n, expected) => expect(addDays(day, n)).toBe(expected));

  it.each<[string, string, number]>([
    ['2020-09-03', '2020-09-10', 7],
    ['2020-09-10', '2020-09-03', -7],
    ['2019-12-31', '2020-01-01', 1],
    ['2020-01-01', '2021-01-01', 366],
  ])('daysBetween(%s, %s) = %i; daysUntil agrees', (from, to, n) => {
    expect(daysBetween(from, to)).toBe(n);
    expect(daysUntil(to, from)).toBe(n);
  });

  it.each<[number, number, number, string | undefined]>([
    [2020, 9, 3, '2020-09-03'],
    [2020, 2, 29, '2020-02-29'],
    [2021, 2, 29, undefined],
    [2020, 13, 1, undefined],
    [2020, 4, 31, undefined],
  ])('isoDate(%i, %i, %i) = %s', (y, m, d, expected) => expect(isoDate(y, m, d)).toBe(expected));

  it('localToday is the local calendar day; noonOf is noon on it, locally', () => {
    expect(localToday(new Date(2020, 8, 3, 23, 59))).toBe('2020-09-03');
    expect(localToday(new Date(2020, 8, 3, 0, 0))).toBe('2020-09-03');
    const noon = noonOf('2020-09-03');
    expect([noon.getFullYear(), noon.getMonth(), noon.getDate(), noon.getHours()]).toEqual([2020, 8, 3, 12]);
  });
});

describe('agenda items', () => {
  it.each<[string, boolean]>([
    ['A. Possible implementation models for the Roadmap’s High-level body', true],
    ['B) Improvements to the IGF', true],
    ['IV. Intersessional work', true],
    ['3. Update from Second meeting of WSIS+20', true],
    ['12) Any other business', true],
    ['c) Youth involvement', false], // a sub-point, not an item
    ['A.B. Smith said', false],
    ['A. The group agreed to send the paper.', false], // a sentence
    ['2. Next steps:', false], // a label for what follows
    ['123. Not an item number', false],
    ['Agenda', false],
    [`A. ${'long '.repeat(30)}`, false],
  ])('isItemLine(%j) = %s', (line, expected) => expect(isItemLine(line)).toBe(expected));

  it.each<[string, string | undefined]>([
    ['A. Possible implementation models', 'A'],
    ['3. Update from WSIS+20', '3'],
    ['c) Youth Involvement in the IGF process', 'C'],
    ['iv. Roman', 'IV'],
    ['AA. Twenty-seventh item', 'AA'],
    ['Strengthening IGF outcomes', undefined],
  ])('itemLabel(%j) = %s', (name, label) => expect(itemLabel(name)).toBe(label));

  it.each<[string, string]>([
    ['B. Improvements to the IGF', 'Improvements to the IGF'],
    ['c) Youth involvement', 'Youth involvement'],
    ['IV) Roman', 'Roman'],
    ['Outcomes', 'Outcomes'],
  ])('withoutItemMark(%j) = %j', (name, rest) => expect(withoutItemMark(name)).toBe(rest));

  it('the upper-case marks: letters and numbers, or letters only', () => {
    expect(ITEM_MARK.test('3. Budget')).toBe(true);
    expect(LETTER_ITEM_MARK.test('3. Budget')).toBe(false);
    expect(LETTER_ITEM_MARK.test('B. Budget')).toBe(true);
    expect(ITEM_MARK.test('b. budget')).toBe(false);
  });
});

describe('states: one look for each', () => {
  it('every status has words and a chip mark', () => {
    for (const s of STATUSES) {
      expect(STATUS_LABELS[s]).toMatch(/^[A-Z]/);
      expect(STATUS_MARKS[s]).toMatch(/^\S \w/);
    }
  });

  it.each<[Urgency, string]>([
    ['overdue', '⚠ '],
    ['due-soon', '◷ '],
    ['done', '✓ '],
    ['upcoming', ''],
    ['none', ''],
  ])('%s shows %j before its text, never colour alone', (u, prefix) => {
    expect(urgencyIcon(u)).toBe(prefix);
    expect(URGENCY_LOOK[u].color).toMatch(/^#[0-9a-f]{6}$/);
    expect(URGENCY_LOOK[u].darkColor).toMatch(/^#[0-9a-f]{6}$/);
    expect(URGENCY_LOOK[u].words).not.toBe('');
  });
});

describe('shortLabel', () => {
  it.each([
    ['A. Possible implementation models for the Roadmap’s High-level body', 'A'],
    ['B. Improvements to the IGF', 'B'],
    ['3. Update from Second meeting of WSIS+20', '3'],
    ['c) Youth Involvement in the IGF process', 'C'],
    ['Strengthening IGF outcomes', 'SIO'],
    ['Outcomes', 'Outc'],
  ])('%s → %s', (name, label) => expect(shortLabel(name)).toBe(label));
});
