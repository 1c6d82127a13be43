import { describe, expect, it } from 'vitest';
import type { Status } from '@/utils/shared/model';
import { daysUntil, localToday } from '@/utils/shared/calendar';
import { relativeDeadline, urgencyOf } from '@/utils/shared/urgency';

const TODAY = '2020-09-03';

describe('urgencyOf (CONTRACT §3 data-docket-urgency)', () => {
  it.each<[string, { status?: Status; deadline?: string }, string]>([
    ['no deadline, no status', {}, 'none'],
    ['no deadline, open', { status: 'open-for-comments' }, 'none'],
    ['delivered wins over an old deadline', { status: 'delivered', deadline: '2020-01-01' }, 'done'],
    ['archived without deadline', { status: 'archived' }, 'done'],
    ['yesterday', { deadline: '2020-09-02' }, 'overdue'],
    ['a year ago', { deadline: '2019-09-03', status: 'final' }, 'overdue'],
    ['today', { deadline: '2020-09-03' }, 'due-soon'],
    ['tomorrow', { deadline: '2020-09-04' }, 'due-soon'],
    ['in 7 days', { deadline: '2020-09-10' }, 'due-soon'],
    ['in 8 days', { deadline: '2020-09-11' }, 'upcoming'],
    ['draft, next month', { deadline: '2020-10-15', status: 'draft' }, 'upcoming'],
  ])('%s', (_name, doc, expected) => {
    expect(urgencyOf(doc, TODAY)).toBe(expected);
  });
});

describe('relativeDeadline', () => {
  it.each<[{ status?: Status; deadline?: string }, string]>([
    [{ deadline: '2020-09-06' }, 'due in 3 d'],
    [{ deadline: '2020-09-03' }, 'due today'],
    [{ deadline: '2020-09-04' }, 'due tomorrow'],
    [{ deadline: '2020-09-01' }, '2 d overdue'],
    [{ deadline: '2020-12-31' }, 'due in 4 mo'],
    [{ deadline: '2019-09-03' }, '12 mo overdue'],
    [{ deadline: '2020-10-31' }, 'due in 58 d'],
    [{ deadline: '2018-09-01' }, '2 y overdue'],
    [{ deadline: '2014-09-03' }, '6 y overdue'],
    [{ deadline: '2020-09-01', status: 'delivered' }, 'done'],
    [{}, ''],
  ])('%j → %s', (doc, expected) => {
    expect(relativeDeadline(doc, TODAY)).toBe(expected);
  });
});

describe('dates', () => {
  it('counts calendar days across a DST change and a leap day', () => {
    expect(daysUntil('2020-03-30', '2020-03-28')).toBe(2);
    expect(daysUntil('2020-03-01', '2020-02-28')).toBe(2);
    expect(daysUntil('2020-10-26', '2020-10-24')).toBe(2);
  });
  it('localToday is the local calendar date, not UTC', () => {
    expect(localToday(new Date(2020, 8, 3, 23, 59))).toBe('2020-09-03');
    expect(localToday(new Date(2020, 0, 1, 0, 0))).toBe('2020-01-01');
  });
});
