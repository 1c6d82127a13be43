import { describe, expect, it } from 'vitest';
import type { DocRecord, Status } from '@/utils/shared/model';
import { addDays, daysUntil, localToday } from '@/utils/shared/calendar';
import { DONE_STATUSES, DUE_SOON_DAYS, isDone, relativeDeadline, urgencyOf } from '@/utils/shared/urgency';
import { matchesStatus, summarize, upcomingKey } from '@/utils/shared/doc-order';
import { URGENCY_LOOK, statusUrgency } from '@/utils/shared/states';
import { summaryText } from '@/utils/popup/report-text';

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

describe('the due-soon window and "done": one home (utils/shared/urgency.ts) for every reader', () => {
  const inDays = (n: number) => addDays(TODAY, n);

  it('is DUE_SOON_DAYS days ahead, today included, for the badge, the summary, Upcoming and the words', () => {
    expect(DUE_SOON_DAYS).toBe(7);
    const last: DocRecord = { id: 'last', kind: 'document', aliases: [], updatedAt: '', deadline: inDays(DUE_SOON_DAYS) };
    const after: DocRecord = { ...last, id: 'after', deadline: inDays(DUE_SOON_DAYS + 1) };
    expect([urgencyOf(last, TODAY), urgencyOf(after, TODAY)]).toEqual(['due-soon', 'upcoming']);
    expect(summarize([last, after], TODAY)).toEqual({ overdue: 0, dueSoon: 1 });
    expect([upcomingKey(last, TODAY), upcomingKey(after, TODAY)]).toEqual(['this-week', 'next-week']);
    expect(upcomingKey({ ...last, deadline: inDays(2 * DUE_SOON_DAYS + 1) }, TODAY)).toBe('later');
    expect(URGENCY_LOOK['due-soon'].words).toBe(`Due within ${DUE_SOON_DAYS} days`);
    expect(summaryText({ overdue: 0, dueSoon: 1 })).toContain(`due within ${DUE_SOON_DAYS} days`);
  });

  it.each<[Status, boolean]>([
    ['draft', false],
    ['open-for-comments', false],
    ['final', false],
    ['delivered', true],
    ['archived', true],
  ])('%s is done: %s (isDone, statusUrgency and the Active filter agree)', (status, done) => {
    expect(DONE_STATUSES.includes(status)).toBe(done);
    expect(isDone({ status })).toBe(done);
    expect(statusUrgency(status)).toBe(done ? 'done' : undefined);
    const doc: DocRecord = { id: 'x', kind: 'document', aliases: [], updatedAt: '', status };
    expect(matchesStatus(doc, 'active')).toBe(!done);
  });
});
