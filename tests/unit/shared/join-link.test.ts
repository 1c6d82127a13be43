import { describe, expect, it } from 'vitest';
import { joinLinkAddress, withoutJoinMarker } from '@/utils/shared/join-link';

const SHEET = 'https://docs.google.com/spreadsheets/d/e/2PACX-1vT/pub?output=csv';

describe('joinLinkAddress: which links are join links (utils/shared/join-link.ts)', () => {
  it.each<[string, string | null]>([
    [`${SHEET}#docket-join`, SHEET],
    ['http://intranet.example/wg/index.json#docket-join', 'http://intranet.example/wg/index.json'],
    [SHEET, null],
    [`${SHEET}#docket-join-not`, null],
    [`${SHEET}#other#docket-join`, null],
    ['javascript:alert(1)//#docket-join', null],
    ['file:///etc/passwd#docket-join', null],
    ['#docket-join', null],
    ['https://#docket-join', null],
  ])('%s → %s', (href, address) => expect(joinLinkAddress(href)).toBe(address));
});

describe('withoutJoinMarker', () => {
  it('removes the marker at the end only', () => {
    expect(withoutJoinMarker(`${SHEET}#docket-join`)).toBe(SHEET);
    expect(withoutJoinMarker(SHEET)).toBe(SHEET);
  });
});
