import { describe, expect, it } from 'vitest';
import { parseFullPageParams, parsePopupParams } from '@/utils/shared/page-urls';

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
