/**
 * The one-home concepts: calendar days, agenda items, and each state's look. Every caller
 * (badges, popup, toolbar, scanner, sample pages) uses these, so their tables live here.
 */
import { describe, expect, it } from 'vitest';
import { ITEM_MARK, LETTER_ITEM_MARK, isItemLine, itemLabel, shortLabel, withoutItemMark } from '@/utils/shared/agenda-item';
import { addDays, daysBetween, daysUntil, isoDate, localToday, noonOf } from '@/utils/shared/calendar';
import { DOC_FIELDS, DOC_VALUE_FIELDS, STATUSES, WS_FIELDS, WS_VALUE_FIELDS } from '@/utils/shared/model';
import { dayText, formatDate, formatInstant, formatMonthDay, mentionsDay } from '@/utils/shared/format-date';
import { STATUS_LABELS, STATUS_MARKS, URGENCY_LOOK, statusUrgency, urgencyIcon } from '@/utils/shared/states';
import { stateColorProperties } from '@/utils/popup/state-colors';
import { BADGE_CSS } from '@/utils/content/badge-view';
import { documentBadge } from '@/utils/background/toolbar-look';
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

describe('states: the same colour in badges, popup and toolbar, from the one table', () => {
  it('done (delivered or archived) is green with ✓', () => {
    expect(URGENCY_LOOK.done).toMatchObject({ icon: '✓', color: '#116329' });
    expect(statusUrgency('delivered')).toBe('done');
    expect(statusUrgency('archived')).toBe('done');
    expect(statusUrgency('final')).toBeUndefined();
    expect(STATUS_MARKS.delivered).toBe('✓ delivered');
  });

  it.each<Urgency>(['overdue', 'due-soon', 'done'])(
    '%s: the popup’s CSS properties, the badge’s style sheet and the toolbar',
    (u) => {
      const props = stateColorProperties();
      expect(props[`--state-${u}`]).toBe(URGENCY_LOOK[u].color);
      expect(props[`--state-${u}-dark`]).toBe(URGENCY_LOOK[u].darkColor);
      expect(BADGE_CSS).toContain(`.u-${u} .dl{color:${URGENCY_LOOK[u].color}`);
      expect(BADGE_CSS).toContain(`.dark.u-${u} .dl{color:${URGENCY_LOOK[u].darkColor}`);
      const doc = { id: 'x', kind: 'document' as const, aliases: [], updatedAt: 'T' };
      const toolbar =
        u === 'done'
          ? documentBadge({ ...doc, status: 'delivered' }, '2020-09-10')
          : documentBadge({ ...doc, deadline: u === 'overdue' ? '2020-09-01' : '2020-09-12' }, '2020-09-10');
      expect(toolbar.color).toBe(URGENCY_LOOK[u].color);
    },
  );
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

describe('dates: one format, the locale’s, the month as a word', () => {
  it.each<[string | undefined, string, string]>([
    ['en-US', '2020-09-10', 'Thu, Sep 10, 2020'],
    ['en-GB', '2020-09-10', 'Thu, 10 Sept 2020'],
    ['fr', '2020-09-10', 'jeu. 10 sept. 2020'],
    ['de', '2021-01-05', 'Di., 5. Jan. 2021'],
    // Locales whose short month is a number get the long month, a word.
    ['cs', '2020-09-10', 'čt 10. září 2020'],
    ['fi', '2020-09-10', 'to 10. syyskuuta 2020'],
    ['en-US', '2020-02-30', '2020-02-30'],
    ['en-US', 'soon', 'soon'],
  ])('formatDate in %s: %s → %s', (locale, iso, text) => expect(formatDate(iso, locale)).toBe(text));

  it('formats instants in a given zone, and leaves junk alone', () => {
    expect(formatInstant('2026-11-22T10:05:00.000Z', 'UTC', 'en-GB')).toBe('Sun, 22 Nov 2026, 10:05');
    expect(formatInstant('2026-11-22T10:05:00.000Z', 'Europe/Zurich', 'en-GB')).toBe('Sun, 22 Nov 2026, 11:05');
    expect(formatInstant('2026-11-22T10:05:00.000Z', 'UTC', 'en-US')).toBe('Sun, Nov 22, 2026, 10:05 AM');
    expect(formatInstant('yesterday')).toBe('yesterday');
  });

  it('never writes a day as numbers alone (no 09/10/2020), in any of these locales', () => {
    const locales = ['en-US', 'en-GB', 'en-CA', 'fr', 'de', 'es', 'pt-BR', 'it', 'nl', 'sv', 'da', 'nb', 'fi', 'cs', 'sk', 'pl'];
    const locales2 = ['ru', 'uk', 'bg', 'lt', 'hu', 'ro', 'tr', 'el', 'ar', 'he', 'hi', 'id', 'ms', 'vi', 'ja', 'zh-CN', 'ko'];
    for (const locale of [...locales, ...locales2]) {
      for (const iso of ['2020-09-10', '2020-10-09', '2021-01-05']) {
        const text = formatDate(iso, locale);
        const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
          new Date(`${iso}T00:00:00Z`),
        );
        // Digits, separators and digits again only (10.9.2020, 09/10/2020, 2020-09-10): refused.
        expect(text, `${locale} ${iso}`).not.toMatch(/\d{1,4}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{1,4}/u);
        // Besides the weekday, a word: the month.
        expect(text.replace(weekday, ''), `${locale}: ${text}`).toMatch(/[\p{L}\p{M}]{2,}|[年월]/u);
      }
    }
  });

  it.each<[string, string, string]>([
    ['en-US', '2020-09-21', 'Sep 21'],
    ['en-GB', '2020-09-21', '21 Sept'],
    ['fi', '2020-09-21', '21. syyskuuta'],
    ['en-US', 'x', 'x'],
  ])('formatMonthDay in %s: %s → %s (the same words, without weekday and year)', (locale, iso, text) =>
    expect(formatMonthDay(iso, locale)).toBe(text),
  );

  it('dayText is formatDate remembered', () => expect(dayText('2020-09-10')).toBe(formatDate('2020-09-10')));

  it.each<[string, string, boolean]>([
    ['Working Group minutes — 27 August 2020', '2020-08-27', true],
    ['WG-Strategy meeting — 24 September 2020', '2020-09-24', true],
    ['Minutes, Aug 27, 2020', '2020-08-27', true],
    ['Minutes of 27th August', '2020-08-27', true],
    ['Notes 2020-08-27', '2020-08-27', true],
    ['Minutes of 27 August 2019', '2020-08-27', false],
    ['Minutes of 7 August 2020', '2020-08-27', false],
    ['Minutes of 127 August', '2020-08-27', false],
    ['IGF 2020 MAG WG-Strategy minutes', '2020-08-27', false],
    ['Compte rendu du 27 août 2020', '2020-08-27', true],
  ])('mentionsDay(%j, %s) = %s', (text, iso, yes) =>
    expect(mentionsDay(text, iso, text.includes('août') ? 'fr' : 'en')).toBe(yes),
  );
});

describe('field lists', () => {
  it.each<[string, readonly string[], readonly string[]]>([
    [
      'a document’s values: the file’s fields but its key, its aliases and its change time',
      DOC_VALUE_FIELDS,
      [
        'kind',
        'title',
        'url',
        'workstreamId',
        'deadline',
        'deadlineNote',
        'status',
        'notes',
        'source',
        'sourceTitle',
        'sourceDate',
        'deadlineSource',
      ],
    ],
    [
      'a workstream’s values a sheet may propose: the file’s fields but its key',
      WS_VALUE_FIELDS,
      ['name', 'group', 'color', 'account'],
    ],
  ])('%s', (_, derived, expected) => expect(derived).toEqual(expected));

  it('files carry every value field, and the fields that are not values', () => {
    expect(DOC_FIELDS.filter((f) => !(DOC_VALUE_FIELDS as readonly string[]).includes(f))).toEqual([
      'id',
      'aliases',
      'updatedAt',
    ]);
    expect(WS_FIELDS.filter((f) => !(WS_VALUE_FIELDS as readonly string[]).includes(f))).toEqual(['id']);
  });
});
