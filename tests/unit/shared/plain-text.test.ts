/** Issue 13, item 15: text from the index in the address bar, notifications and badges. */
import { describe, expect, it } from 'vitest';
import { suggestions } from '@/utils/background/omnibox-suggestions';
import { reminderText } from '@/utils/background/reminder-rules';
import type { DocRecord } from '@/utils/shared/model';
import { isolate, plainLine } from '@/utils/shared/plain-text';

const doc = (title: string, extra: Partial<DocRecord> = {}): DocRecord => ({
  id: '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI',
  kind: 'document',
  aliases: [],
  title,
  deadline: '2020-09-10',
  updatedAt: 'T',
  ...extra,
});
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('plain lines', () => {
  it.each([
    ['Minutes\u0000 of\u0007 the\u001b[31m WG', 'Minutes of the [31m WG'],
    ['line one\nline two\r\nthree', 'line one line two three'],
    ['\u202egnp.exe\u202c report', 'gnp.exe report'],
    ['\u2066isolated\u2069 and \u0085next', 'isolated and next'],
    ['  plain  title ', 'plain title'],
  ])('%j → %j', (input, out) => expect(plainLine(input)).toBe(out));

  it('isolates text for the badge’s spoken name', () => {
    expect(isolate('\u202eevil')).toBe('\u2068\u202eevil\u2069');
  });
});

describe('where the index’s text goes as plain text', () => {
  const hostile = doc('Budget\u0000\u202e fdp.exe\n<b>', { deadlineNote: 'before\u0007 the\u202e meeting' });

  it('address bar suggestions hold no control characters (Chrome refuses them)', () => {
    for (const xml of [true, false]) {
      const [s] = suggestions([{ doc: hostile, workstream: { id: 'w', name: 'A\u202e. WG\u0001' } }], '2020-09-01', xml);
      expect(s!.description).not.toMatch(CONTROLS);
      expect(s!.description).toContain('fdp.exe');
    }
  });

  it('notifications hold none either', () => {
    const { title, message } = reminderText(hostile, '2020-09-07', 3);
    expect(title).not.toMatch(CONTROLS);
    expect(message).not.toMatch(CONTROLS);
    expect(message).toBe('before the meeting');
  });
});
