import { describe, expect, it } from 'vitest';
import {
  arrivedText,
  checkPublishedCsv,
  inviteText,
  joinLinkHtml,
  joinParam,
  parseSheetUrl,
  syncedAgo,
} from '@/utils/popup/join';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const report = (docs: [number, number, number], ws: [number, number, number]) => ({
  documents: { added: docs[0], updated: docs[1], unchanged: docs[2], refused: 0 },
  workstreams: { added: ws[0], updated: ws[1], unchanged: ws[2], refused: 0 },
});

describe('arrivedText', () => {
  it.each([
    [
      report([32, 0, 0], [6, 0, 0]),
      '2026-12-07T11:59:40Z',
      '32 documents in 6 workstreams from the “WG-Strategy” sheet, synced just now.',
    ],
    [
      report([1, 0, 0], [1, 0, 0]),
      '2026-12-07T11:55:00Z',
      '1 document in 1 workstream from the “WG-Strategy” sheet, synced 5 minutes ago.',
    ],
    [
      report([0, 2, 30], [0, 1, 5]),
      '2026-12-07T10:00:00Z',
      '32 documents in 6 workstreams from the “WG-Strategy” sheet, synced 2 hours ago.',
    ],
    [report([3, 0, 0], [0, 0, 0]), undefined, '3 documents from the “WG-Strategy” sheet.'],
  ])('%# says what arrived', (lastReport, lastSuccessAt, expected) => {
    expect(arrivedText({ name: 'WG-Strategy', lastReport, lastSuccessAt }, NOW)).toBe(expected);
  });

  it('says when nothing was read yet', () => {
    expect(arrivedText({ name: 'X' }, NOW)).toBe('Joined “X”; nothing has been read from it yet.');
  });

  it('reads a sync in the future (another clock) as just now, a bad date as nothing', () => {
    expect(syncedAgo('2026-12-07T12:05:00Z', NOW)).toBe('synced just now');
    expect(syncedAgo('not a date', NOW)).toBe('');
  });
});

describe('parseSheetUrl and joinParam', () => {
  it.each([
    ['', false],
    ['   ', false],
    ['javascript:alert(1)', false],
    ['docs.google.com/spreadsheets', false],
    ['https://docs.google.com/spreadsheets/d/e/X/pub?output=csv', true],
  ])('%j is a joinable address: %s', (value, ok) => {
    expect('url' in parseSheetUrl(value)).toBe(ok);
    expect(joinParam(`?join=${encodeURIComponent(value)}`) !== null).toBe(ok);
  });

  it('has no address without ?join=', () => expect(joinParam('?q=x')).toBeNull());

  it('takes a join link’s address without its #docket-join marker (a member may paste the link itself)', () => {
    const sheet = 'https://docs.google.com/spreadsheets/d/e/X/pub?output=csv';
    expect(parseSheetUrl(` ${sheet}#docket-join `)).toMatchObject({ url: sheet });
    expect(joinParam(`?join=${encodeURIComponent(`${sheet}#docket-join`)}`)).toBe(sheet);
  });
});

describe('joinLinkHtml', () => {
  it('is a link to the sheet with the join marker, its words the member’s, the address escaped', () => {
    expect(joinLinkHtml(' https://x.test/pub?a=1&output=csv ')).toBe(
      '<a href="https://x.test/pub?a=1&amp;output=csv#docket-join">Join our group’s index in Docket</a>',
    );
    expect(joinLinkHtml('https://x.test/p"><script>#docket-join')).toBe(
      '<a href="https://x.test/p&quot;&gt;&lt;script&gt;#docket-join">Join our group’s index in Docket</a>',
    );
  });
});

describe('inviteText', () => {
  it('names the view and carries the link', () => {
    expect(inviteText(' https://x.test/pub?output=csv ')).toBe(
      'Install Docket, then paste this link in “Join your group’s index”: https://x.test/pub?output=csv',
    );
  });
});

describe('checkPublishedCsv', () => {
  const csv = 'url,title,workstream,deadline\nhttps://docs.google.com/document/d/abc/edit,A,WS,2026-12-01\n';
  const ok = { status: 200, finalUrl: 'https://docs.google.com/x/pub?output=csv', contentType: 'text/csv', text: csv };
  it('accepts Docket’s CSV', () => {
    expect(checkPublishedCsv(ok.finalUrl, ok)).toEqual({
      ok: true,
      rows: 1,
      columns: ['url', 'title', 'workstream', 'deadline'],
    });
  });
  it('accepts an id column, quoted headers and a byte-order mark', () => {
    const r = checkPublishedCsv(ok.finalUrl, { ...ok, text: '\uFEFF"ID","Title"\nabc,A\n\n,,\n' });
    expect(r).toEqual({ ok: true, rows: 1, columns: ['id', 'title'] });
  });
  it.each([
    ['unreachable', 'https://x.test/a', { ...ok, status: 0 }, /could not read/],
    // A redirect to a site Docket may not read fails without saying where: from Google, its sign-in page.
    [
      'redirect from Google',
      'https://docs.google.com/spreadsheets/d/abc/edit',
      { ...ok, status: 0, redirectedAway: true },
      /sign-in page/,
    ],
    ['redirect elsewhere', 'https://x.test/a', { ...ok, status: 0, redirectedAway: true }, /could not read/],
    ['no answer from Google', 'https://docs.google.com/spreadsheets/d/abc/edit', { ...ok, status: 0 }, /could not read/],
    [
      'pubhtml',
      'https://docs.google.com/spreadsheets/d/e/X/pubhtml',
      { ...ok, contentType: 'text/html', text: '<!DOCTYPE html><html>' },
      /pubhtml/,
    ],
    [
      'sign-in redirect',
      'https://x.test/a',
      { ...ok, finalUrl: 'https://accounts.google.com/ServiceLogin?x', contentType: 'text/html' },
      /sign-in/,
    ],
    ['sign-in page', 'https://x.test/a', { ...ok, contentType: 'text/html', text: '<html><form id="identifierId">' }, /sign-in/],
    ['403', 'https://x.test/a', { ...ok, status: 403 }, /sign-in/],
    ['404', 'https://x.test/a', { ...ok, status: 404 }, /HTTP 404/],
    [
      'edit link',
      'https://docs.google.com/spreadsheets/d/abc/edit#gid=0',
      { ...ok, contentType: 'text/html; charset=utf-8', text: '<html>' },
      /editing address/,
    ],
    ['other html', 'https://x.test/a', { ...ok, contentType: 'text/plain', text: '  <html><body>' }, /web page/],
    [
      'no url column',
      'https://x.test/a',
      { ...ok, text: 'name,owner\nA,B\n' },
      /no url or id column \(its columns: name, owner\)/,
    ],
    ['no rows', 'https://x.test/a', { ...ok, text: 'url,title\n' }, /no rows/],
  ])('%s: says what is wrong', (_name, requested, got, problem) => {
    const r = checkPublishedCsv(requested, got);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(problem);
  });
});
