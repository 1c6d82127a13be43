import { describe, expect, it } from 'vitest';
import {
  fullPageSearch,
  parseFullPageParams,
  parsePopupParams,
  popupSearch,
  type FullPageParams,
  type PopupLink,
} from '@/utils/shared/page-urls';

describe('parsePopupParams', () => {
  it.each([
    ['', { close: false }],
    ['?tab=42', { tabId: 42, close: false }],
    ['?tab=abc', { close: false }],
    ['?edit=1zk8D2ub&close=1', { edit: '1zk8D2ub', close: true }],
    [
      '?track=' +
        encodeURIComponent('https://docs.google.com/document/d/1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit') +
        '&title=Draft%20%26%20notes&source=' +
        encodeURIComponent('https://www.intgovforum.org/en/content/wg') +
        '&ws=ws-hlb&close=1',
      {
        track: {
          url: 'https://docs.google.com/document/d/1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit',
          title: 'Draft & notes',
          source: 'https://www.intgovforum.org/en/content/wg',
          workstreamId: 'ws-hlb',
        },
        close: true,
      },
    ],
    [
      '?close=1&track=' +
        encodeURIComponent('https://docs.google.com/document/d/1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit') +
        '&wsGuess=' +
        encodeURIComponent(' B. Improvements to the IGF: ') +
        '&sourceTitle=' +
        encodeURIComponent('WG-Strategy — 24 September 2020'),
      {
        track: {
          url: 'https://docs.google.com/document/d/1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit',
          wsGuess: 'B. Improvements to the IGF:',
          sourceTitle: 'WG-Strategy — 24 September 2020',
        },
        close: true,
      },
    ],
    ['?q=mhlb%20ws%3Ahlb', { q: 'mhlb ws:hlb', close: false }],
    ['?q=%20%20', { close: false }],
    ['?wsGuess=Orphan', { close: false }],
    ['?tab=12&scan=1', { tabId: 12, scan: true, close: false }],
    ['?scan=true', { scan: true, close: false }],
    ['?scan=0', { close: false }],
    [
      '?join=%20https%3A%2F%2Fdocs.google.com%2Fspreadsheets%2Fd%2Fx%2Fpub%3Foutput%3Dcsv%20',
      {
        join: 'https://docs.google.com/spreadsheets/d/x/pub?output=csv',
        close: false,
      },
    ],
  ])('%s', (search, expected) => {
    expect(parsePopupParams(search)).toEqual(expected);
  });
});

describe('parseFullPageParams', () => {
  it.each([
    ['', { view: 'table' }],
    ['?view=timeline', { view: 'timeline' }],
    ['?view=scan&tab=12', { view: 'scan', tabId: 12 }],
    ['?view=nope&tab=x&q=ws:B%20overdue', { view: 'table', q: 'ws:B overdue' }],
  ])('docket.html%s', (search, want) => expect(parseFullPageParams(search)).toEqual(want));
});

const DOC = 'https://docs.google.com/document/d/1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit';

describe('popupSearch', () => {
  it.each<[string, PopupLink, string]>([
    ['nothing', {}, ''],
    ['the editor, closing after', { close: true, edit: '1zk8D2ub' }, '?close=1&edit=1zk8D2ub'],
    ['a scan of a tab', { tabId: 12, scan: true }, '?tab=12&scan=1'],
    ['a search', { q: 'mhlb ws:hlb' }, '?q=mhlb+ws%3Ahlb'],
    ['a document to track, bare', { close: true, track: { url: DOC } }, `?close=1&track=${encodeURIComponent(DOC)}`],
    ['empty companions left out', { track: { url: DOC, title: '', wsGuess: '' } }, `?track=${encodeURIComponent(DOC)}`],
    ['close false left out', { close: false, q: 'x' }, '?q=x'],
  ])('%s', (_, link, search) => expect(popupSearch(link)).toBe(search));

  it.each<[string, PopupLink]>([
    ['the editor', { close: true, edit: '1zk8D2ub' }],
    [
      'a link with every companion',
      {
        close: true,
        track: {
          url: DOC,
          title: 'Draft & notes',
          source: 'https://www.intgovforum.org/en/content/wg?x=1&y=2',
          workstreamId: 'ws-hlb',
          wsGuess: 'B. Improvements to the IGF:',
          sourceTitle: 'WG-Strategy — 24 September 2020',
        },
      },
    ],
    ['a tab and a scan', { tabId: 0, scan: true }],
    ['a search with signs', { q: 'a+b & c=d #e' }],
    ['a join link', { join: 'https://docs.google.com/spreadsheets/d/x/pub?output=csv&gid=0' }],
  ])('reads back what it writes: %s', (_, link) => {
    expect(parsePopupParams(popupSearch(link))).toEqual({ close: false, ...link });
  });
});

describe('fullPageSearch', () => {
  it.each<[Partial<FullPageParams>, string]>([
    [{}, ''],
    [{ view: 'table' }, ''],
    [{ view: 'scan', tabId: 12 }, '?view=scan&tab=12'],
    [{ view: 'timeline', q: 'ws:B overdue' }, '?view=timeline&q=ws%3AB+overdue'],
  ])('%j', (link, search) => {
    expect(fullPageSearch(link)).toBe(search);
    expect(parseFullPageParams(search)).toEqual({ view: 'table', ...link });
  });
});
