// @vitest-environment happy-dom
/**
 * Deadlines as the minutes state them: the same day in every time zone, relative dates from the
 * meeting (never today, and none when the page gives no meeting date), the forms minutes write, the
 * dates that are no document's deadline, and minutes in French, Spanish, Russian, Chinese and Arabic.
 * Each phrase is the shape of a real page's sentence.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sentenceDeadline } from '@/utils/popup/scan/deadlines';
import type { PhraseOptions } from '@/utils/popup/scan/deadlines';
import { dateLanguage } from '@/utils/popup/scan/dates';
import type { DateLang } from '@/utils/popup/scan/dates';
import { findMeetingDate, pageDate, pdfDate } from '@/utils/popup/scan/meeting-date';
import { scanDocument } from '@/utils/popup/scan/scan';
import { formatZonedTime } from '@/utils/shared/format-date';

const ZONES = ['Pacific/Kiritimati', 'Asia/Tokyo', 'Asia/Kolkata', 'UTC', 'America/New_York', 'Pacific/Honolulu'];
const machineZone = process.env.TZ;
afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

/** Runs `f` with the process in time zone `tz` (Node reads TZ again when it changes). */
function inZone<T>(tz: string, f: () => T): T {
  process.env.TZ = tz;
  return f();
}

const day = (sentence: string, ref: string, opts: PhraseOptions = {}) => sentenceDeadline(sentence, ref, opts)?.date ?? null;

describe('a deadline is the day the minutes state, in every time zone', () => {
  const cases: Array<[sentence: string, meeting: string, deadline: string]> = [
    // Minutes of 4 April: 11:00 in New York is 00:00 on 6 April in Tokyo, 05:00 on 6 April in Kiritimati.
    ['Please review by tomorrow 11am ET.', '2023-04-04', '2023-04-05'],
    ['Please comment by 23:59 UTC on 5 April 2023.', '2023-04-04', '2023-04-05'],
    ['Responses are accepted till june 30th midnight PST.', '2021-06-11', '2021-06-30'],
    ['Comments by Friday 11pm PT, please.', '2023-04-04', '2023-04-07'],
    ['Input due 14:00 UTC+2 on 6 April.', '2023-04-04', '2023-04-06'],
    ['Please review by tomorrow.', '2023-04-04', '2023-04-05'],
  ];
  for (const zone of ZONES) {
    it.each(cases)(`${zone}: "%s" (meeting %s) → %s`, (sentence, meeting, deadline) => {
      expect(inZone(zone, () => day(sentence, meeting))).toBe(deadline);
    });
  }

  it('keeps the time and the zone written with the day', () => {
    const p = inZone('Asia/Tokyo', () => sentenceDeadline('Please review by tomorrow 11am ET.', '2023-04-04'));
    expect(p?.time).toEqual({ hour: 11, minute: 0, offset: -240, zone: 'ET' });
    expect(sentenceDeadline('Please review by tomorrow.', '2023-04-04')?.time).toBeUndefined();
  });
});

describe('a time with its zone, shown in the member’s own time where it helps', () => {
  const ET = { hour: 11, minute: 0, offset: -240, zone: 'ET' };
  it.each([
    ['Asia/Tokyo', 'Apr 5, 11:00 AM ET = Apr 6, 12:00 AM your time'],
    ['Pacific/Kiritimati', 'Apr 5, 11:00 AM ET = Apr 6, 5:00 AM your time'],
    ['Pacific/Honolulu', 'Apr 5, 11:00 AM ET = Apr 5, 5:00 AM your time'],
    ['America/New_York', 'Apr 5, 11:00 AM ET'],
  ])('%s: %s', (zone, text) => {
    expect(formatZonedTime('2023-04-05', ET, 'en-US', zone)).toBe(text);
  });

  it('the scan keeps the time and zone with the candidate; the day stays the zone’s', () => {
    const doc = new DOMParser().parseFromString(
      '<html><body><p>Minutes of 4 April 2023</p><h2>Charter</h2><p>Please review <a href="https://docs.google.com/document/d/1abcdefghijklmnopqrstuvwxyz012345/edit">the charter</a> by tomorrow 11am ET.</p></body></html>',
      'text/html',
    );
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Honolulu']) {
      const c = inZone(zone, () => scanDocument(doc, { url: 'https://example.org/m', workstreams: [] }).candidates[0]);
      expect(c?.deadline).toBe('2023-04-05');
      expect(c?.deadlineTime).toEqual(ET);
    }
  });
});

describe('the forms minutes write (English), from the meeting day', () => {
  // 4 April 2023 is a Tuesday.
  const cases: Array<[sentence: string, meeting: string, deadline: string | null]> = [
    ['Comments by end of tomorrow please.', '2023-04-04', '2023-04-05'],
    ['Looking for feedback on edits by Friday', '2023-02-13', '2023-02-17'],
    ['Feedback needed by end of week.', '2023-04-04', '2023-04-07'],
    ['Our goal is to get this out by Wednesday.', '2025-01-13', '2025-01-15'],
    ['Todo (due today-ish)', '2020-12-10', '2020-12-10'],
    ['responses are accepted till june 30th midnight PST.', '2021-06-11', '2021-06-30'],
    ['Please send comments next week (Jun 15).', '2023-06-06', '2023-06-15'],
    ['Your input is requested by Friday 27 October.', '2017-10-19', '2017-10-27'],
    ['Review due by midnight PST on April 5.', '2023-04-04', '2023-04-05'],
    // A December meeting's January is next year's.
    ['Comments by 10 January, please.', '2022-12-15', '2023-01-10'],
    // Not deadlines: dates of elections, votes, meetings, events and pull requests; no cue.
    ['Elections will be held on 20 April.', '2023-04-04', null],
    ['The vote closes on April 20.', '2023-04-04', null],
    ['Voting on the charter is open until 21 April.', '2023-04-04', null],
    ['PR #123 is due by April 13.', '2023-04-04', null],
    ['The pull request should land before 12 April.', '2023-04-04', null],
    ['The event is on 12 May, register by 1 May.', '2023-04-04', null],
    ['The workshop runs until 14 April.', '2023-04-04', null],
    ['Next meeting is planned for October 15th.', '2023-04-04', null],
    ['The group met on 3 April to discuss the draft.', '2023-04-04', null],
    ['We will finalize next week (Jun 15).', '2023-06-06', null],
    ['There was a long conversation on the discord this week.', '2021-06-11', null],
  ];
  it.each(cases)('"%s" (meeting %s) → %s', (sentence, meeting, deadline) => {
    expect(day(sentence, meeting)).toBe(deadline);
  });

  it('still reads the document work beside an event ("The call for comments closes on 5 May")', () => {
    expect(day('The call for comments closes on 5 May.', '2023-04-04')).toBe('2023-05-05');
    expect(day('Please review the draft before the meeting on 12 April.', '2023-04-04')).toBe('2023-04-12');
  });
});

describe('no relative deadline without a meeting date', () => {
  const unknown: PhraseOptions = { meetingKnown: false };
  it.each([
    ['Please review by tomorrow.', null],
    ['Comments within two weeks.', null],
    ['Feedback by Friday.', null],
    ['Feedback by end of week.', null],
    // A day written out still is one (the year from the reference given).
    ['Comments by 7 September 2019.', '2019-09-07'],
    ['Responses accepted till june 30th midnight PST.', '2026-06-30'],
  ])('"%s" → %s', (sentence, deadline) => {
    expect(day(sentence, '2026-06-01', unknown)).toBe(deadline);
  });

  it('a page that states no date proposes no relative deadline, whatever today is', () => {
    const doc = new DOMParser().parseFromString(
      '<html><body><h2>Drafting</h2><p>Please comment on <a href="https://docs.google.com/document/d/1abcdefghijklmnopqrstuvwxyz012345/edit">the draft</a> by tomorrow.</p></body></html>',
      'text/html',
    );
    const r = scanDocument(doc, { url: 'https://example.org/notes', workstreams: [], today: '2026-12-07' });
    expect(r.candidates).toHaveLength(1);
    expect(r.candidates[0]!.deadline).toBeUndefined();
  });

  it('infers the meeting day from the PDF’s own dates, or the address', () => {
    const html = (head: string) =>
      `<html><head>${head}</head><body><h2>Drafting</h2><p>Please comment on <a href="https://docs.google.com/document/d/1abcdefghijklmnopqrstuvwxyz012345/edit">the draft</a> by tomorrow.</p></body></html>`;
    const scan = (head: string, url = 'https://example.org/notes.pdf') =>
      scanDocument(new DOMParser().parseFromString(html(head), 'text/html'), { url, workstreams: [], today: '2026-12-07' })
        .candidates[0]?.deadline;
    expect(scan('<meta name="docket:pdf-created" content="2019-05-02">')).toBe('2019-05-03');
    expect(scan('', 'https://example.org/minutes/2019/05/02/tac.pdf?token=2026-12-07')).toBe('2019-05-03');
    expect(scan('', 'https://example.org/tac-20190502.pdf')).toBe('2019-05-03');
  });

  it.each([
    ["D:20190502120000+02'00'", '2019-05-02'],
    ['D:20191231233000-08', '2019-12-31'],
    ['20200101', '2020-01-01'],
    ['D:2019', undefined],
    [42, undefined],
  ])('the PDF date %j is %s', (value, iso) => {
    expect(pdfDate(value)).toBe(iso);
  });

  it('reads dates from meta tags and addresses, not from queries or fragments', () => {
    const doc = (head: string) => new DOMParser().parseFromString(`<html><head>${head}</head><body></body></html>`, 'text/html');
    expect(pageDate(doc('<meta property="article:published_time" content="2021-03-04T10:00:00Z">'))).toBe('2021-03-04');
    expect(pageDate(doc(''), 'https://example.org/notes?date=2021-03-04#2021-03-05')).toBeUndefined();
    expect(pageDate(doc(''), 'https://example.org/notes/2021-13-45')).toBeUndefined();
  });

  it('reads a meeting date written with slashes: month first in English, day first elsewhere', () => {
    expect(findMeetingDate('Steering Committee Meeting 12/10/2020')).toBe('2020-12-10');
    expect(findMeetingDate('Réunion du comité 12/10/2020', '', 'fr')).toBe('2020-10-12');
    expect(findMeetingDate('Meeting 25/10/2020')).toBe('2020-10-25');
  });
});

describe('minutes in other languages', () => {
  // Meeting: Tuesday 4 April 2023.
  const M = '2023-04-04';
  const cases: Array<[lang: DateLang, sentence: string, deadline: string | null]> = [
    ['fr', 'Merci d’envoyer vos commentaires avant le 15 mai.', '2023-05-15'],
    ['fr', 'Commentaires au plus tard le vendredi 14 avril 2023.', '2023-04-14'],
    ['fr', 'Le document reste ouvert jusqu’au 30 juin.', '2023-06-30'],
    ['fr', 'Relecture d’ici demain.', '2023-04-05'],
    ['fr', 'La réunion s’est tenue le 3 avril 2023.', null],
    ['fr', 'Prochaine réunion le 2 mai.', null],
    ['es', 'Enviar comentarios antes del 15 de mayo.', '2023-05-15'],
    ['es', 'Observaciones hasta el 30 de junio de 2023.', '2023-06-30'],
    ['es', 'Comentarios a más tardar el viernes.', '2023-04-07'],
    ['es', 'Se presentó el informe el 3 de abril.', null],
    ['ru', 'Прислать комментарии до 15 мая.', '2023-05-15'],
    ['ru', 'Замечания к 30 июня 2023 года.', '2023-06-30'],
    ['ru', 'Отзывы не позднее пятницы.', '2023-04-07'],
    ['ru', 'Заседание состоялось 3 апреля 2023 года.', null],
    ['zh', '请在5月15日前提交意见。', '2023-05-15'],
    ['zh', '截止日期：2023年6月30日', '2023-06-30'],
    ['zh', '请于明天之前完成审阅。', '2023-04-05'],
    ['zh', '会议于2023年4月3日举行。', null],
    ['ar', 'يرجى إرسال التعليقات قبل ١٥ أيار', '2023-05-15'],
    ['ar', 'تبقى الوثيقة مفتوحة للتعليق حتى 30 حزيران 2023', '2023-06-30'],
    ['ar', 'التعليقات بحلول ١٥ مايو ٢٠٢٣', '2023-05-15'],
    ['ar', 'يرجى المراجعة في موعد أقصاه 3 كانون الثاني', '2024-01-03'],
    ['ar', 'الملاحظات قبل تشرين الأول ١٢', null],
    ['ar', 'عقد الاجتماع في ٣ نيسان ٢٠٢٣', null],
  ];
  it.each(cases)('%s: "%s" → %s', (lang, sentence, deadline) => {
    expect(day(sentence, M, { lang })).toBe(deadline);
  });

  it.each([
    ['fr', 'Ordre du jour de la réunion du comité, avec les décisions et les actions pour la suite.', ''],
    ['es', 'Orden del día de la reunión del grupo, con las decisiones y las acciones para el mes.', ''],
    ['en', 'Agenda of the meeting of the group, with the decisions and the actions for the month.', ''],
    ['ru', 'Повестка дня заседания рабочей группы', ''],
    ['zh', '议程：工作组会议纪要', ''],
    ['ar', 'جدول أعمال اجتماع الفريق العامل', ''],
    ['fr', 'Agenda of the meeting', 'fr-CA'],
    ['en', 'Повестка дня', 'en'],
    ['en', 'Notes', 'de'],
  ] as Array<[DateLang, string, string]>)('reads %s in "%s" (lang=%j)', (lang, text, attr) => {
    expect(dateLanguage(text, attr)).toBe(lang);
  });

  it('scans a French page by its lang: its meeting date, and a deadline in French', () => {
    const doc = new DOMParser().parseFromString(
      '<html lang="fr"><head><title>Compte rendu</title></head><body><p>Réunion du 4 avril 2023</p><h2>Rapport</h2><p>Merci de commenter <a href="https://docs.google.com/document/d/1abcdefghijklmnopqrstuvwxyz012345/edit">le projet</a> avant le 15 mai.</p></body></html>',
      'text/html',
    );
    const r = scanDocument(doc, { url: 'https://example.org/cr', workstreams: [], today: '2031-01-01' });
    expect(r.meetingDate).toBe('2023-04-04');
    expect(r.candidates[0]?.deadline).toBe('2023-05-15');
  });
});
