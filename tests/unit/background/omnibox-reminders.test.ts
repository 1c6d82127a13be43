import { describe, expect, it, vi } from 'vitest';
import { omniboxHandlers } from '@/utils/background/omnibox';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { destination, suggestions } from '@/utils/background/omnibox-suggestions';
import { openUrl } from '@/utils/shared/open-url';
import { addDays } from '@/utils/shared/calendar';
import { reminderText, reminderWindow, remindersDue } from '@/utils/background/reminder-rules';
import { DocSearch } from '@/utils/shared/search';

const WS: Workstream[] = [
  { id: 'ws-hlb', name: 'A. Possible implementation models for the Roadmap’s High-level body', account: '1' },
  { id: 'ws-improve', name: 'B. Improvements to the IGF', account: 'member@example.org' },
];
const DOCS: DocRecord[] = [
  {
    id: '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI',
    kind: 'document',
    aliases: [],
    title: 'Possible implementation models for the MHLB & <co>',
    workstreamId: 'ws-hlb',
    deadline: '2020-09-10',
    updatedAt: 'T',
  },
  {
    id: '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y',
    kind: 'document',
    aliases: [],
    title: 'Improvements to the IGF: proposals',
    workstreamId: 'ws-improve',
    deadline: '2020-09-06',
    updatedAt: 'T',
  },
  {
    id: '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms',
    kind: 'file',
    aliases: [],
    title: 'The 58 proposals',
    url: 'https://drive.google.com/file/d/1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms/view?usp=sharing',
    updatedAt: 'T',
  },
];
const search = new DocSearch(DOCS, WS);
const TODAY = '2020-09-05';

describe('dk in the address bar', () => {
  it('two words of a title suggest that document first, opening it with its workstream’s account', () => {
    const hits = search.search('mhlb models', TODAY);
    const [first] = suggestions(hits, TODAY, true);
    expect(first!.content).toBe('https://docs.google.com/document/u/1/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit');
    expect(first!.description).toBe(
      '<match>Possible implementation models for the MHLB &amp; &lt;co&gt;</match> <dim>— A. Possible implementation models for the Roadmap’s High-level body · due in 5 d</dim>',
    );
    expect(suggestions(hits, TODAY, false)[0]!.description).toBe(
      'Possible implementation models for the MHLB & <co> — A. Possible implementation models for the Roadmap’s High-level body · due in 5 d',
    );
  });

  it('ranks by match, then by deadline', () => {
    expect(search.search('proposals', TODAY).map((h) => h.doc.title)).toEqual([
      'Improvements to the IGF: proposals',
      'The 58 proposals',
    ]);
  });

  it('opens a stored Google URL, an address account through authuser', () => {
    expect(openUrl({ doc: DOCS[2]! })).toBe('https://drive.google.com/file/d/1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms/view?usp=sharing');
    expect(openUrl({ doc: DOCS[1]!, workstream: WS[1] })).toBe(
      'https://docs.google.com/document/d/1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit?authuser=member%40example.org',
    );
  });

  it.each<[string, string | null]>([
    [
      'https://docs.google.com/document/u/1/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit',
      'https://docs.google.com/document/u/1/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit',
    ],
    [
      'improvements proposals',
      'https://docs.google.com/document/d/1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit?authuser=member%40example.org',
    ],
    ['javascript:alert(1)', null],
    ['nothing matches this', null],
  ])('Enter on "%s"', (text, expected) => {
    expect(destination(text, search.search(text, TODAY))).toBe(expected);
  });
});

describe('reminders', () => {
  it.each([
    ['2020-09-05', 0, ['2020-09-05']],
    ['2020-09-05', 2, ['2020-09-05', '2020-09-06', '2020-09-07']],
    ['2020-12-31', 1, ['2020-12-31', '2021-01-01']],
  ])('window from %s, %i days before', (today, n, days) => expect(reminderWindow(today, n)).toEqual(days));

  it('reminds once per document and deadline, never of done ones', () => {
    const docs: DocRecord[] = [
      { ...DOCS[1]!, deadline: '2020-09-06' },
      { ...DOCS[0]!, deadline: '2020-09-06', status: 'delivered' },
    ];
    expect(remindersDue(docs, TODAY, new Set()).map((d) => d.id)).toEqual([DOCS[1]!.id]);
    expect(remindersDue(docs, TODAY, new Set([`${DOCS[1]!.id}@2020-09-06`]))).toEqual([]);
    // A moved deadline is a new reminder.
    expect(remindersDue([{ ...DOCS[1]!, deadline: '2020-09-07' }], TODAY, new Set([`${DOCS[1]!.id}@2020-09-06`]))).toHaveLength(
      1,
    );
  });

  it('says when', () => {
    expect(reminderText(DOCS[1]!, TODAY, 1).title).toBe('Due tomorrow: Improvements to the IGF: proposals');
    expect(reminderText(DOCS[1]!, TODAY, 0).title).toMatch(/^Due today/);
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
  });
});

describe('the dk keyword’s handlers', () => {
  const setup = () => {
    const open = vi.fn(async () => undefined);
    const openPopup = vi.fn(async () => undefined);
    const openFullPage = vi.fn(async () => undefined);
    const handlers = omniboxHandlers({
      search: async () => search,
      today: () => TODAY,
      xml: true,
      open,
      openPopup,
      openFullPage,
    });
    return { handlers, open, openPopup, openFullPage };
  };

  it('"dk" and two words of a title suggest it first, and Enter opens it where asked', async () => {
    const { handlers, open } = setup();
    const suggest = vi.fn();
    await handlers.changed('mhlb models', suggest);
    expect(suggest.mock.calls[0]![0][0].content).toBe(
      'https://docs.google.com/document/u/1/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit',
    );
    await handlers.entered('mhlb models', 'newForegroundTab');
    expect(open).toHaveBeenCalledWith(
      'https://docs.google.com/document/u/1/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit',
      'newForegroundTab',
    );
  });

  it('choosing a suggestion opens its URL; words that match nothing open Docket’s search with them', async () => {
    const { handlers, open, openPopup } = setup();
    await handlers.entered('https://drive.google.com/file/d/1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms/view?usp=sharing', 'currentTab');
    expect(open).toHaveBeenCalledWith(
      'https://drive.google.com/file/d/1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms/view?usp=sharing',
      'currentTab',
    );
    await handlers.entered('nothing matches this', 'currentTab');
    expect(openPopup).toHaveBeenCalledWith('nothing matches this');
  });

  it.each(['', '   '])('"dk" and Enter with no words (%j) open Docket in a tab, nothing else', async (text) => {
    const { handlers, open, openPopup, openFullPage } = setup();
    await handlers.entered(text, 'currentTab');
    expect(openFullPage).toHaveBeenCalledTimes(1);
    expect(open).not.toHaveBeenCalled();
    expect(openPopup).not.toHaveBeenCalled();
  });
});
