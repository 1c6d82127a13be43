// @vitest-environment happy-dom
/**
 * The link shapes of CONTRACT §1a (issue 15), on real links from public pages
 * (tests/fixtures/real-links.ts says where each was seen), each rule and redirector by name.
 */
import { describe, expect, it } from 'vitest';
import {
  ABSOLUTE_LINK_SELECTOR,
  decodeProofpointV2,
  decodeProofpointV3,
  docRules,
  explainDocLink,
  LINK_SELECTOR,
  linkSelectorFor,
  MAX_ID_LENGTH,
  parseByUrl,
  parseDirect,
  parseDocLink,
  parseMailLink,
  wrappers,
} from '@/utils/shared/links';
import { badgedDocument } from '@/utils/content/link-read';
import { flowOf } from '@/utils/popup/scan/flow';
import { findDocLinks, findTextUrls } from '@/utils/popup/scan/text-links';
import { REAL_LINKS, REAL_NEGATIVES } from '../../fixtures/real-links';

const enc = encodeURIComponent;
const expected = (r: (typeof REAL_LINKS)[number]) => ({ id: r.id, kind: r.kind, published: !!r.published });

describe('real links in the shapes of §1a', () => {
  it('are many, from many places, and every rule and §1a redirector is met by one', () => {
    expect(REAL_LINKS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(REAL_LINKS.map((r) => r.href)).size).toBe(REAL_LINKS.length);
    const seen = new Set(REAL_LINKS.flatMap((r) => r.steps));
    for (const rule of docRules()) expect(seen, rule.name).toContain(rule.name);
    for (const name of ['Proofpoint v2', 'Proofpoint v3', 'Facebook link shim', 'YouTube redirect']) expect(seen).toContain(name);
    for (const name of seen) expect([...docRules(), ...wrappers()].map((x) => x.name)).toContain(name);
  });

  it.each(REAL_LINKS.map((r) => [r.href, r] as const))('%s', (href, row) => {
    expect(parseDocLink(href)).toEqual(expected(row));
    expect(parseByUrl(href)).toEqual(expected(row));
    expect(explainDocLink(href).steps).toEqual(row.steps);
    const quick = parseDirect(href);
    if (quick) expect(quick).toEqual(expected(row));
    if (row.bare) expect(parseDocLink(row.bare)?.id).toBe(row.id);
  });

  it.each(REAL_NEGATIVES.map((r) => [r.href, r.source] as const))('%s is no document (%s)', (href) => {
    expect(parseDocLink(href)).toBeNull();
    expect(explainDocLink(href)).toEqual({ ref: null, steps: [] });
  });

  it.each(REAL_LINKS.map((r) => r.href))('the content script’s selector finds %s on any page', (href) => {
    const a = document.createElement('a');
    a.setAttribute('href', href);
    for (const selector of [LINK_SELECTOR, ABSOLUTE_LINK_SELECTOR]) expect(a.matches(selector)).toBe(true);
  });
});

describe('Proofpoint URL Defense', () => {
  it.each([
    [
      'https-3A__docs.google.com_document_d_19q-5Fi6kI_edit-3Fusp-3Dsharing',
      'https://docs.google.com/document/d/19q_i6kI/edit?usp=sharing',
    ],
    [
      'https-3A__nam06.safelinks.protection.outlook.com_-3Furl-3Dhttps-253A-252F-252Fdocs.microsoft.com',
      'https://nam06.safelinks.protection.outlook.com/?url=https%3A%2F%2Fdocs.microsoft.com',
    ],
    ['http-3A__example.org_a-2Bb-7Ec', 'http://example.org/a+b~c'],
    ['https-3A__example.org_-E2-82-AC', 'https://example.org/€'],
    ['https-3A__example.org_-ZZ', 'https://example.org/-ZZ'],
    ['https-3A__example.org_-E2-82', null], // a cut UTF-8 sequence
  ])('v2 %s → %s', (u, url) => {
    expect(decodeProofpointV2(u)).toBe(url);
  });

  it.each([
    [
      '/v3/__https://docs.google.com/document/d/1ab/edit*heading=h.x__;Iw!!A!b$',
      'https://docs.google.com/document/d/1ab/edit#heading=h.x',
    ],
    // two characters taken out, one after the other, then a run of three (`**B`)
    ['/v3/__https://example.org/a*b*c**Bd__;JT8tLS0!!A$', 'https://example.org/a%b?c---d'],
    // characters beyond ASCII are UTF-8 in the base64
    ['/v3/__https://example.org/*__;4oKs!!A$', 'https://example.org/€'],
    // without the characters (a cut link), `*` stands for `#`
    ['/v3/__https://docs.google.com/document/d/1ab/edit*x__;!!A$', 'https://docs.google.com/document/d/1ab/edit#x'],
    ['/v3/__https://docs.google.com/document/d/1ab/edit*x__;@@@!!A$', 'https://docs.google.com/document/d/1ab/edit#x'],
    ['/v3/__https://example.org/no-end', null],
    ['/v2/url?u=x', null],
  ])('v3 %s → %s', (path, url) => {
    expect(decodeProofpointV3(path)).toBe(url);
  });

  const ID = '19q_i6kI__1HXgw5n8UJfmklM0KMfRKLx50JwOjWBgd0';
  const DOC = `https://docs.google.com/document/d/${ID}/edit?usp=sharing`;
  it.each([
    // v1 percent-encodes its target
    [`https://urldefense.proofpoint.com/v1/url?u=${enc(DOC)}&k=abc%3D%0A&r=x&m=y&s=z`, ['Proofpoint v1', 'editor path']],
    // a v3 link inside Safe Links: Outlook merges the slashes after the scheme (`__https:/docs…`), as in real mail
    [
      `https://nam10.safelinks.protection.outlook.com/?url=${enc(`https://urldefense.com/v3/__https:/docs.google.com/document/d/${ID}/edit__;!!PhOWcWs!jgtu$`)}&data=04%7C01%7C&reserved=0`,
      ['Safe Links', 'Proofpoint v3', 'editor path'],
    ],
    // Gmail's and Calendar's google.com/url around Proofpoint v2 (its `u=` escaped once more), as in real mail
    [
      `https://www.google.com/url?q=https://urldefense.proofpoint.com/v2/url?u%3Dhttps-3A__docs.google.com_document_d_${ID.replace(/_/g, '-5F')}_edit%26d%3DDwMCaQ%26e%3D&sa=D&source=calendar`,
      ['google.com/url', 'Proofpoint v2', 'editor path'],
    ],
    // v3 on Proofpoint's own host name
    [`https://urldefense.proofpoint.com/v3/__${DOC}__;!!x$`, ['Proofpoint v3', 'editor path']],
    // Facebook's shim around Proofpoint v3
    [
      `https://lm.facebook.com/l.php?u=${enc(`https://urldefense.com/v3/__${DOC}__;!!x$`)}&h=AT0`,
      ['Facebook link shim', 'Proofpoint v3', 'editor path'],
    ],
  ])('nested: %s', (href, steps) => {
    expect(explainDocLink(href)).toEqual({ ref: { id: ID, kind: 'document', published: false }, steps });
  });

  it('unwraps at most five redirectors, whichever they are', () => {
    const chain = [
      (u: string) =>
        `https://urldefense.proofpoint.com/v2/url?u=${u.replace(/[^A-Za-z0-9.]/g, (c) => (c === '/' ? '_' : `-${c.charCodeAt(0).toString(16).toUpperCase()}`))}&d=x`,
      (u: string) => `https://l.facebook.com/l.php?u=${enc(u)}&h=x`,
      (u: string) => `https://urldefense.com/v3/__${u}__;!!x$`,
      (u: string) => `https://eur01.safelinks.protection.outlook.com/?url=${enc(u)}&data=x`,
      (u: string) => `https://www.google.com/url?q=${enc(u)}&sa=D`,
      (u: string) => `https://www.youtube.com/redirect?q=${enc(u)}&v=x`,
    ];
    let href = DOC;
    for (const wrap of chain.slice(0, 5)) href = wrap(href);
    expect(parseDocLink(href)?.id).toBe(ID);
    expect(parseDocLink(chain[5]!(href))).toBeNull();
  });
});

describe('ids are capped in length', () => {
  const id = (n: number) => `1${'aB3_-'.repeat(30)}`.slice(0, n);
  it.each([
    [`https://docs.google.com/document/d/${id(MAX_ID_LENGTH)}/edit`, MAX_ID_LENGTH],
    [`https://docs.google.com/document/d/${id(MAX_ID_LENGTH + 1)}/edit`, null],
    [`https://docs.google.com/document/d/e/${id(MAX_ID_LENGTH + 1)}/pub`, null],
    [`https://drive.google.com/open?id=${id(MAX_ID_LENGTH)}`, MAX_ID_LENGTH],
    [`https://drive.google.com/open?id=${id(MAX_ID_LENGTH + 1)}`, null],
    [`https://spreadsheets.google.com/ccc?key=${id(500)}`, null],
    [`https://www.google.com/url?q=${enc(`https://docs.google.com/document/d/${id(4000)}/edit`)}`, null],
  ])('%s', (href, length) => {
    expect(parseDocLink(href)?.id.length ?? null).toBe(length);
    expect(parseByUrl(href)?.id.length ?? null).toBe(length);
  });

  it('the quick reading agrees at the edge', () => {
    expect(parseDirect(`https://docs.google.com/document/d/${id(MAX_ID_LENGTH)}/edit`)?.id).toBe(id(MAX_ID_LENGTH));
    expect(parseDirect(`https://docs.google.com/document/d/${id(MAX_ID_LENGTH + 1)}/edit`)).toBeUndefined();
  });
});

describe("Gmail's data-saferedirecturl", () => {
  const GMAIL = 'https://mail.google.com';
  const GMAIL_PAGE = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJ';
  const SITE = 'https://www.intgovforum.org';
  const DOC_ID = '1RRO5cgutKE7zRPcjcFjrNn-GI5AYoW0FivEZJe_EyWs';
  const DOC = `https://docs.google.com/spreadsheets/d/${DOC_ID}/edit?usp=sharing`;
  const OTHER = '1dyu-WsczRwqJ57AUkpJieMz1AbpUy3BWOudXYV4a7mw';
  /** Gmail's attribute: Google's redirect to the href (as Gmail writes it, the target not escaped). */
  const safe = (target: string) => `https://www.google.com/url?q=${target}&source=gmail&ust=1690528669786000&usg=AOvVaw2px6lK9L4`;
  /** A Google click-tracker as the link's own href (Calendar's and Docs' mail). */
  const tracker = (target: string) =>
    `https://www.google.com/url?q=${enc(target)}&sa=D&source=calendar&ust=1690528669786000&usg=AOvVaw3`;
  const SENDER_TRACKER = 'https://click.mailer.example.net/ls/click?upn=abc123';
  // [what, href, attribute, the page's real origin, its base (what <base href> says), id]
  it.each<[string, string, string | null, string, string, string | null]>([
    [
      'the href decides when it is a document',
      DOC,
      safe(`https://docs.google.com/document/d/${OTHER}/edit`),
      GMAIL,
      GMAIL_PAGE,
      DOC_ID,
    ],
    ['a Google click-tracker with the same target as the attribute', tracker(DOC), safe(tracker(DOC)), GMAIL, GMAIL_PAGE, DOC_ID],
    ['… the attribute naming the target itself', tracker(DOC), safe(enc(DOC)), GMAIL, GMAIL_PAGE, DOC_ID],
    // issue 28, item 9: a sender's forged attribute cannot dress one link as another
    ['not a sender’s tracker dressed by an attribute naming a document', SENDER_TRACKER, safe(DOC), GMAIL, GMAIL_PAGE, null],
    ['not a plain link to another site dressed so', 'https://example.org/minutes', safe(DOC), GMAIL, GMAIL_PAGE, null],
    [
      'not a Google click-tracker to another site dressed so',
      tracker('https://example.org/minutes'),
      safe(DOC),
      GMAIL,
      GMAIL_PAGE,
      null,
    ],
    [
      'not a Google click-tracker whose target differs from the attribute’s',
      tracker('https://example.org/minutes'),
      safe(tracker(DOC)),
      GMAIL,
      GMAIL_PAGE,
      null,
    ],
    // issue 28, item 9: Gmail is the page's real origin, never its <base>
    ['not on another site whose <base> says Gmail', SENDER_TRACKER, safe(DOC), SITE, GMAIL_PAGE, null],
    [
      'not on another site whose <base> says Gmail, a Google tracker either',
      tracker('https://example.org/x'),
      safe(DOC),
      SITE,
      'https://mail.google.com/',
      null,
    ],
    [
      'not when the href is a Google address that is no document',
      'https://docs.google.com/document/u/0/',
      safe(DOC),
      GMAIL,
      GMAIL_PAGE,
      null,
    ],
    [
      'not when a Google address is wrapped in the href',
      'https://urldefense.com/v3/__https://sites.google.com/view/wg__;!!x$',
      safe(DOC),
      GMAIL,
      GMAIL_PAGE,
      null,
    ],
    [
      'not when the attribute is not Google’s redirect',
      tracker('https://example.org/m'),
      `https://evil.example/url?q=${DOC}`,
      GMAIL,
      GMAIL_PAGE,
      null,
    ],
    [
      'not on a look-alike of Google',
      'https://www.google.com.evil.example/url?q=x',
      `https://www.google.com.evil.example/url?q=${DOC}`,
      GMAIL,
      GMAIL_PAGE,
      null,
    ],
    ['not without the attribute', tracker('https://example.org/m'), null, GMAIL, GMAIL_PAGE, null],
    // the real pair from a Gmail page: Proofpoint around a non-Google site, Gmail's redirect around that
    [
      'a real Gmail link to another site',
      'https://urldefense.com/v3/__http:/www.louispasteursante.com/__;!!J748QdifiTU!h0zfdHvlCPszN_IXr-V$',
      safe('https://urldefense.com/v3/__http:/www.louispasteursante.com/__;!!J748QdifiTU!h0zfdHvlCPszN_IXr-V$'),
      GMAIL,
      GMAIL_PAGE,
      null,
    ],
  ])('%s', (_what, href, attribute, origin, base, id) => {
    let asked = 0;
    const found = parseMailLink(href, base, { origin: () => origin, saferedirect: () => (asked++, attribute) });
    expect(found?.id ?? null).toBe(id);
    // the attribute is read only on Gmail itself, only for a link the href alone does not name
    if (parseDocLink(href, base) || origin !== GMAIL) expect(asked).toBe(0);
  });

  it('the content script reads the page’s real origin, not its <base>', () => {
    // happy-dom's page is at about:blank; its <base> says Gmail
    const base = document.createElement('base');
    base.href = 'https://mail.google.com/mail/u/0/';
    document.head.append(base);
    const a = document.createElement('a');
    a.setAttribute('href', SENDER_TRACKER);
    a.setAttribute('data-saferedirecturl', safe(DOC));
    document.body.append(a);
    try {
      expect(document.baseURI).toBe('https://mail.google.com/mail/u/0/');
      expect(badgedDocument(a, document.baseURI)).toBeNull();
      a.setAttribute('href', tracker(DOC));
      a.setAttribute('data-saferedirecturl', safe(tracker(DOC)));
      expect(badgedDocument(a, document.baseURI)?.id).toBe(DOC_ID);
    } finally {
      base.remove();
      a.remove();
    }
  });

  it('Gmail pages select links as any Google page does: a link the attribute may confirm names Google in its href', () => {
    expect(linkSelectorFor(GMAIL_PAGE)).toBe(LINK_SELECTOR);
    const a = document.createElement('a');
    a.setAttribute('href', tracker(DOC));
    expect(a.matches(linkSelectorFor(GMAIL_PAGE))).toBe(true);
    a.setAttribute('href', SENDER_TRACKER);
    a.setAttribute('data-saferedirecturl', safe(DOC));
    expect(a.matches(linkSelectorFor(GMAIL_PAGE))).toBe(false);
  });
});

describe('Scan reads the same shapes as text', () => {
  const text = REAL_LINKS.map((r, i) => `${i}. see ${r.href} for this.`).join('\n');

  it('finds every real link written out, with the id its href gives', () => {
    const urls = findTextUrls(text).map((t) => t.url);
    const ids = urls.map((u) => parseDocLink(u)?.id ?? null);
    expect(ids).toEqual(REAL_LINKS.map((r) => r.id));
  });

  it('finds them without a scheme on the old hosts, in <a> links and in text, once each', () => {
    document.body.innerHTML = `
      <p>Sheet: spreadsheets.google.com/ccc?key=pIfz0wOzPtW1-oZkXXbvcLA&amp;hl=en (2009)</p>
      <p>Image drive.usercontent.google.com/download?id=1jNVII-ktlV17p6bCdzw0TiPsb6lGNgWY&amp;export=download</p>
      <p><a href="${REAL_LINKS[0]!.href}">sign up</a>, <a href="https://l.facebook.com/l.php?u=${enc(`https://docs.google.com/document/d/${REAL_LINKS[3]!.id}/edit`)}&amp;h=AT0">notes</a></p>
      <pre>http://docs.google.com/View?docid=dfxcv4vc_
67g844kf</pre>`;
    expect(findDocLinks(flowOf(document), 'https://lists.example.org/archive/').map((h) => [h.id, h.fromAnchor])).toEqual([
      ['pIfz0wOzPtW1-oZkXXbvcLA', false],
      ['1jNVII-ktlV17p6bCdzw0TiPsb6lGNgWY', false],
      [REAL_LINKS[0]!.id, true],
      [REAL_LINKS[3]!.id, true],
      ['dfxcv4vc_67g844kf', false],
    ]);
  });
});
