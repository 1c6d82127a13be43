// Deadlines in a calendar: the Google Calendar link and the .ics file (read back with ical.js).
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { eventDescription, eventTitle, googleCalendarUrl } from '@/utils/popup/google-calendar';
import { deadlinesIcs, eventSequence, eventUid, icsFilename } from '@/utils/popup/ics';

const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const HLB: Workstream = {
  id: 'ws-hlb',
  name: 'A. Possible implementation models for the Roadmap’s High-level body',
  account: '1',
};
const MAIL: Workstream = { id: 'ws-mail', name: 'B. Improvements; “quoted”, with commas', account: 'member@example.org' };
const doc = (extra: Partial<DocRecord> = {}): DocRecord => ({
  id: MHLB,
  kind: 'document',
  aliases: [],
  title: 'Possible implementation models for the MHLB',
  deadline: '2020-09-10',
  updatedAt: '2020-09-01T10:00:00.000Z',
  ...extra,
});

describe('Add to Google Calendar', () => {
  it.each<[string, DocRecord, Workstream | undefined, string, string]>([
    [
      'an all-day event: the end is the next day',
      doc(),
      undefined,
      '20200910/20200911',
      'https://calendar.google.com/calendar/render',
    ],
    [
      'across a month and a year',
      doc({ deadline: '2020-12-31' }),
      undefined,
      '20201231/20210101',
      'https://calendar.google.com/calendar/render',
    ],
    [
      'a leap day',
      doc({ deadline: '2024-02-28' }),
      undefined,
      '20240228/20240229',
      'https://calendar.google.com/calendar/render',
    ],
    ['an account number goes in the path', doc(), HLB, '20200910/20200911', 'https://calendar.google.com/calendar/u/1/render'],
    ['an address goes in authuser=', doc(), MAIL, '20200910/20200911', 'https://calendar.google.com/calendar/render'],
  ])('%s', (_, d, ws, dates, base) => {
    const url = new URL(googleCalendarUrl(d, ws)!);
    expect(`${url.origin}${url.pathname}`).toBe(base);
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('dates')).toBe(dates);
    expect(url.searchParams.get('authuser')).toBe(ws?.account?.includes('@') ? ws.account : null);
  });

  it('titles the event with the document and its workstream; the link (in the workstream’s account) is in the description', () => {
    const url = new URL(googleCalendarUrl(doc({ deadlineNote: 'open for comments until 10 September' }), HLB)!);
    expect(url.searchParams.get('text')).toBe(
      'Deadline: Possible implementation models for the MHLB (A. Possible implementation models for the Roadmap’s High-level body)',
    );
    const details = url.searchParams.get('details')!.split('\n');
    expect(details[0]).toBe(`https://docs.google.com/document/u/1/d/${MHLB}/edit`);
    expect(details).toContain('open for comments until 10 September');
  });

  it('nothing without a deadline; the title falls back to the id', () => {
    expect(googleCalendarUrl(doc({ deadline: undefined }))).toBeNull();
    expect(eventTitle(doc({ title: undefined }))).toBe(`Deadline: ${MHLB}`);
  });

  // Issue 28, item 10: only what the README lists leaves with the link.
  const tracked = doc({
    status: 'open-for-comments',
    deadlineNote: 'open for comments until 10 September',
    deadlineSource: 'Please comment on the draft by 10 September.',
    source: 'https://lists.example.org/archive/m.html?token=s3cr3t&u=member#reply-7',
    sourceTitle: 'Private list — minutes',
  });

  it('sends only the title, workstream, deadline, link and note: no status, sentence, page title or page', () => {
    const url = new URL(googleCalendarUrl(tracked, HLB, false)!);
    expect([...url.searchParams.keys()].sort()).toEqual(['action', 'dates', 'details', 'text']);
    expect(url.searchParams.get('details')!.split('\n')).toEqual([
      `https://docs.google.com/document/u/1/d/${MHLB}/edit`,
      `Workstream: ${HLB.name}`,
      'open for comments until 10 September',
    ]);
    expect(url.href).not.toMatch(/s3cr3t|Private|Please%20comment|Status|lists\.example/);
  });

  it('the page the deadline was found on only when the member turns it on, without its query or fragment', () => {
    const details = new URL(googleCalendarUrl(tracked, HLB, true)!).searchParams.get('details')!;
    expect(details.split('\n').at(-1)).toBe('Found on https://lists.example.org/archive/m.html');
    expect(details).not.toMatch(/s3cr3t|reply-7|Private/);
    // Off unless set: the default reads the member's setting (none here).
    expect(new URL(googleCalendarUrl(tracked, HLB)!).searchParams.get('details')).not.toContain('Found on');
    expect(eventDescription(doc({ source: 'javascript:alert(1)' }), undefined, true)).not.toContain('Found on');
  });

  // Issue 28, item 11: a right-to-left override turns the calendar's text around; controls have no place in TEXT.
  const hostile = doc({
    title: 'Budget \u202Efdp.exe\u202C review\u0007',
    deadlineNote: 'note\u2066 with\u0000 controls\u009b\nsecond line\u202E',
  });
  const RTL_WS: Workstream = { id: 'ws-rtl', name: 'Workstream \u202Ednomia\u202C', account: '1' };

  it('the link strips control and bidi-control characters from every text it sends', () => {
    const url = new URL(googleCalendarUrl(hostile, RTL_WS, false)!);
    const sent = `${url.searchParams.get('text')}\n${url.searchParams.get('details')}`;
    // eslint-disable-next-line no-control-regex -- the point
    expect(sent).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(url.searchParams.get('text')).toBe('Deadline: Budget fdp.exe review (Workstream dnomia)');
    expect(url.searchParams.get('details')!.split('\n').slice(1)).toEqual([
      'Workstream: Workstream dnomia',
      'note with controls',
      'second line',
    ]);
  });
});

const hostileDoc = doc({
  title: 'Budget \u202Efdp.exe\u202C review\u0007',
  deadlineNote: 'note\u2066 with\u0000 controls\u009b\nsecond line\u202E',
  workstreamId: 'ws-rtl',
});
const RTL: Workstream = { id: 'ws-rtl', name: 'Workstream \u202Ednomia\u202C', account: '1' };

/** The file's events, read back with ical.js. */
function read(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      allDay: e.startDate.isDate && e.endDate.isDate,
      summary: e.summary,
      description: e.description,
      sequence: e.sequence,
      transp: v.getFirstPropertyValue('transp'),
      url: v.getFirstPropertyValue('url'),
    };
  });
}

describe('the .ics file', () => {
  const docs: DocRecord[] = [
    doc({ workstreamId: 'ws-hlb' }),
    doc({
      id: '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y',
      title:
        'Improvements; proposals, “draft”\\2 — a title long enough to be folded across several lines of the file, with ünïcödé',
      workstreamId: 'ws-mail',
      deadline: '2021-01-01',
      deadlineNote: 'two\nlines',
      updatedAt: '2020-10-01T00:00:00.000Z',
    }),
    doc({ id: '1noDeadline00000000', deadline: undefined }),
  ];
  const text = deadlinesIcs(docs, [HLB, MAIL], new Date('2026-11-22T10:00:00Z'));
  const events = read(text);

  it('one all-day event per document with a deadline, ending the next day, free time', () => {
    expect(events.map((e) => [e.uid, e.start, e.end, e.allDay, e.transp])).toEqual([
      [`${MHLB}@docket`, '2020-09-10', '2020-09-11', true, 'TRANSPARENT'],
      ['1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y@docket', '2021-01-01', '2021-01-02', true, 'TRANSPARENT'],
    ]);
    expect(text).toContain('DTSTART;VALUE=DATE:20200910\r\n');
  });

  it('escapes and folds text (RFC 5545): it reads back as written; no line is longer than 75 octets', () => {
    expect(events[1]!.summary).toBe(`Deadline: ${docs[1]!.title} (${MAIL.name})`);
    expect(events[1]!.description).toContain('two\nlines');
    expect(text).toMatch(/\r\n /); // folded
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('the same UID in every export; SEQUENCE grows with the document’s last change', () => {
    expect(eventUid(docs[0]!)).toBe(`${MHLB}@docket`);
    const later = read(
      deadlinesIcs([{ ...docs[0]!, deadline: '2020-09-17', updatedAt: '2020-09-02T10:00:00.000Z' }], [HLB], new Date()),
    );
    expect(later[0]!.uid).toBe(events[0]!.uid);
    expect(later[0]!.start).toBe('2020-09-17');
    expect(later[0]!.sequence).toBeGreaterThan(events[0]!.sequence);
    expect(eventSequence(doc({ updatedAt: 'not a date' }))).toBe(0);
  });

  it('the document’s link, in its workstream’s account', () => {
    expect(events[0]!.url).toBe(`https://docs.google.com/document/u/1/d/${MHLB}/edit`);
    expect(events[0]!.description.split('\n')[0]).toBe(`https://docs.google.com/document/u/1/d/${MHLB}/edit`);
  });

  it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata'])(
    'a deadline is the same day in every time zone (%s): the file carries dates, not instants',
    (zone) => {
      const was = process.env.TZ;
      process.env.TZ = zone;
      try {
        const again = deadlinesIcs(docs, [HLB, MAIL], new Date('2026-11-22T10:00:00Z'));
        expect(read(again).map((e) => [e.start, e.end])).toEqual([
          ['2020-09-10', '2020-09-11'],
          ['2021-01-01', '2021-01-02'],
        ]);
        expect(again).not.toMatch(/TZID|DTSTART:\d{8}T/);
      } finally {
        if (was === undefined) delete process.env.TZ;
        else process.env.TZ = was;
      }
    },
  );

  it('TEXT values carry no control or bidi-control characters (RFC 5545 leaves them out of TEXT)', () => {
    const file = deadlinesIcs([hostileDoc], [RTL], new Date('2026-11-22T10:00:00Z'), false);
    const [e] = read(file);
    expect(e!.summary).toBe('Deadline: Budget fdp.exe review (Workstream dnomia)');
    expect(e!.description.split('\n').slice(1)).toEqual(['Workstream: Workstream dnomia', 'note with controls', 'second line']);
    // eslint-disable-next-line no-control-regex -- the point
    expect(file.replaceAll('\r\n', '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('is named after the day', () => expect(icsFilename('2026-11-22')).toBe('docket-deadlines-2026-11-22.ics'));
});
