import { describe, expect, it } from 'vitest';
import type { DocRecord } from '@/utils/shared/model';
import { noteRepeatsQuote, safeHttpUrl, sourceInfo, findTracked, titleFromTab } from '@/utils/popup/doc-text';

function doc(id: string, over: Partial<DocRecord> = {}): DocRecord {
  return { id, kind: 'document', aliases: [], updatedAt: '2020-08-27T14:00:00.000Z', ...over };
}

describe('titleFromTab', () => {
  it.each<[string | undefined, string]>([
    ['Possible implementation models for the MHLB - Google Docs', 'Possible implementation models for the MHLB'],
    ['Budget 2021 - Google Sheets', 'Budget 2021'],
    ['IGF+ options – Google Slides', 'IGF+ options'],
    ['Survey - Google Forms', 'Survey'],
    ['minutes.pdf - Google Drive', 'minutes.pdf'],
    ['Google Docs - the basics', 'Google Docs - the basics'],
    ['Plain page title', 'Plain page title'],
    ['  Spaced - Google Docs  ', 'Spaced'],
    [undefined, ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(titleFromTab(input)).toBe(expected);
  });
});

describe('findTracked', () => {
  const docs = [doc('1main', { aliases: ['2PACX-pub'] }), doc('1other')];
  it.each([
    ['1main', '1main'],
    ['2PACX-pub', '1main'],
    ['1other', '1other'],
    ['1none', undefined],
  ])('%s → %s', (id, expected) => {
    expect(findTracked(docs, id)?.id).toBe(expected);
  });
});

describe('where a document was found', () => {
  it.each<[Partial<DocRecord>, ReturnType<typeof sourceInfo>]>([
    [{}, null],
    [
      {
        source: 'https://www.intgovforum.org/en/content/wg-strategy-2020-meeting-5',
        sourceTitle: 'IGF 2020 MAG WG-Strategy  minutes',
        sourceDate: '2020-09-24',
        deadlineSource: 'Next Steps: By 7 September, participants\n to comment.',
      },
      {
        text: 'IGF 2020 MAG WG-Strategy minutes (meeting Thu, Sep 24, 2020)',
        href: 'https://www.intgovforum.org/en/content/wg-strategy-2020-meeting-5',
        quote: 'Next Steps: By 7 September, participants to comment.',
      },
    ],
    // A title that already says the meeting's day does not say it twice.
    [
      { sourceTitle: 'Working Group minutes — 27 August 2020', sourceDate: '2020-08-27' },
      { text: 'Working Group minutes — 27 August 2020' },
    ],
    [
      { sourceTitle: 'Minutes of 27 August 2019', sourceDate: '2020-08-27' },
      { text: 'Minutes of 27 August 2019 (meeting Thu, Aug 27, 2020)' },
    ],
    [{ source: 'https://www.intgovforum.org/wg' }, { text: 'www.intgovforum.org', href: 'https://www.intgovforum.org/wg' }],
    [{ source: 'javascript:alert(1)', sourceTitle: 'Evil' }, { text: 'Evil' }],
    [{ source: 'mail from Chengetai' }, { text: 'mail from Chengetai' }],
    [{ deadlineSource: 'By 10 September.' }, { text: '', quote: 'By 10 September.' }],
    [{ sourceTitle: 'Minutes', sourceDate: 'not a date' }, { text: 'Minutes' }],
  ])('sourceInfo %#', (over, expected) => {
    expect(sourceInfo(doc('x', over))).toEqual(expected);
  });

  it.each<[string | undefined, string | undefined, boolean]>([
    ['By 7 September, participants to comment.', 'By 7 September, participants\n to comment.', true],
    ['Next Steps: By 7 September, partic…', 'Next Steps: By 7 September, participants to comment.', true],
    ['Comments welcome', 'Next Steps: By 7 September, participants to comment.', false],
    ['By 7 September', undefined, false],
    [undefined, 'By 7 September', false],
    ['…', 'By 7 September', false],
  ])('noteRepeatsQuote(%j, %j) = %s', (note, quote, yes) => expect(noteRepeatsQuote(note, quote)).toBe(yes));

  it.each([
    ['https://example.org/a?b#c', 'https://example.org/a?b#c'],
    ['http://example.org', 'http://example.org/'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,hi', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('safeHttpUrl(%s)', (url, expected) => expect(safeHttpUrl(url)).toBe(expected));
});
