// @vitest-environment happy-dom
/**
 * Links as mail archivers and chat tools write them (issue 26, CONTRACT §1a): punctuation an archiver left
 * after the id, HTML entities and percent-escapes left in an href, and the LinkedIn, Teams, Slack and
 * Google `url=` redirectors, nested. Every reader goes through the one link module: badges (the content
 * script's selector and reading), Scan (`findDocLinks`), the popup's add-by-link and the omnibox.
 */
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '@/utils/shared/href-entities';
import {
  ABSOLUTE_LINK_SELECTOR,
  explainDocLink,
  LINK_SELECTOR,
  linkSelectorFor,
  parseByUrl,
  parseDirect,
  parseDocLink,
  parseMailLink,
} from '@/utils/shared/links';
import { badgedDocument } from '@/utils/content/link-read';
import { flowOf } from '@/utils/popup/scan/flow';
import { findDocLinks, findTextUrls } from '@/utils/popup/scan/text-links';
import { destination } from '@/utils/background/omnibox-suggestions';
import {
  ANNEX,
  BPF,
  MHLB,
  OUTCOMES,
  PIPERMAIL_MESSAGE,
  pipermailPage,
  RECORDING,
  REPORT,
  SLIDES,
} from '../../fixtures/pipermail';

const enc = encodeURIComponent;
const PAGE = 'http://intgovforum.org/pipermail/wg-strategy/2020-September/000512.html';
const DOC = `https://docs.google.com/document/d/${MHLB}`;

/** Every reader agrees: the full reading, the quick one when it answers, and the content script's selector. */
function expectDoc(href: string, id: string | null, kind?: string) {
  const ref = parseDocLink(href);
  expect(ref?.id ?? null, href).toBe(id);
  if (kind) expect(ref?.kind).toBe(kind);
  expect(parseByUrl(href)?.id ?? null).toBe(id);
  const quick = parseDirect(href);
  if (quick) expect(quick).toEqual(parseByUrl(href));
  if (id) {
    const a = document.createElement('a');
    a.setAttribute('href', href);
    expect(a.matches(LINK_SELECTOR), `selector: ${href}`).toBe(true);
    expect(a.matches(ABSOLUTE_LINK_SELECTOR)).toBe(true);
    expect(a.matches(linkSelectorFor(PAGE))).toBe(true);
  }
}

describe('a pipermail message, as Mailman’s archiver writes it', () => {
  document.documentElement.innerHTML = pipermailPage(PIPERMAIL_MESSAGE.subject, PIPERMAIL_MESSAGE.text);
  const anchors = [...document.querySelectorAll('pre a')];

  it('keeps the sentence’s punctuation inside the hrefs (the shape this issue is about)', () => {
    expect(anchors.map((a) => a.getAttribute('href'))).toEqual(PIPERMAIL_MESSAGE.links.map(([href]) => href));
    expect(anchors[0]!.getAttribute('href')).toMatch(/\.$/);
  });

  it.each(PIPERMAIL_MESSAGE.links)('%s → %s', (href, id) => expectDoc(href, id));

  it('the content script badges every link, each with its id, and selects each', () => {
    const selected = new Set(document.querySelectorAll(linkSelectorFor(PAGE)));
    const read = anchors.map((a) => (selected.has(a) ? (badgedDocument(a, PAGE)?.id ?? null) : null));
    expect(read).toEqual(PIPERMAIL_MESSAGE.links.map(([, id]) => id));
  });

  it('Scan finds each document once, from its link', () => {
    const hits = findDocLinks(flowOf(document), PAGE);
    expect(hits.map((h) => [h.id, h.fromAnchor])).toEqual(
      [MHLB, OUTCOMES, BPF, SLIDES, RECORDING, ANNEX, REPORT, OUTCOMES, BPF, MHLB].map((id) => [id, true]),
    );
  });
});

describe('punctuation left after the id', () => {
  const ID = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
  const shapes: Array<[string, string]> = [
    [`https://docs.google.com/document/d/${ID}`, 'document'],
    [`https://docs.google.com/spreadsheets/d/${ID}`, 'spreadsheet'],
    [`https://docs.google.com/presentation/d/${ID}`, 'presentation'],
    [`https://drive.google.com/file/d/${ID}`, 'file'],
    [`https://drive.google.com/drive/folders/${ID}`, 'folder'],
    [`https://drive.google.com/open?id=${ID}`, 'file'],
    [`https://docs.google.com/document/u/0/d/${ID}`, 'document'],
    [`https://lh3.googleusercontent.com/d/${ID}`, 'file'],
    [`https://www.google.com/url?q=https://docs.google.com/document/d/${ID}`, 'document'],
  ];
  const tails = ['.', ',', ';', ':', '!', '?', ')', ']', '>', '"', "'", '”', '’', '»', ').', '...', '",', ')]', '.)'];
  it.each(shapes.flatMap(([link, kind]) => tails.map((t) => [`${link}${t}`, kind] as const)))('%s', (href, kind) =>
    expectDoc(href, ID, kind),
  );

  it.each([
    // a published copy: the id of its own, the punctuation after `/pub`
    [
      'https://docs.google.com/document/d/e/2PACX-1vQ5vXYuEzEFtqvsl_O0K5TYeSI2MAPMTRgE2ai7BQ7r5lDvaT4o-Z2wU_O0Hh8Ssjp4bDJNIwDebvDw/pub.',
      '2PACX-1vQ5vXYuEzEFtqvsl_O0K5TYeSI2MAPMTRgE2ai7BQ7r5lDvaT4o-Z2wU_O0Hh8Ssjp4bDJNIwDebvDw',
    ],
    // a Markdown link an archiver did not read: the `)` that closes it stays in the href
    [`https://docs.google.com/document/d/${ID})`, ID],
    [`https://docs.google.com/document/d/${ID}/edit)`, ID],
    [`https://docs.google.com/document/d/${ID}).`, ID],
    // the whole id is kept: `_` and `-` are id characters, not punctuation
    [`https://docs.google.com/document/d/${ID}_-`, `${ID}_-`],
    // an old key's trailing dots
    ['https://spreadsheets.google.com/ccc?key=pIfz0wOzPtW1-oZkXXbvcLA.', 'pIfz0wOzPtW1-oZkXXbvcLA'],
  ])('%s → %s', (href, id) => expectDoc(href, id));

  it.each([
    // A Drive file name after the id is no punctuation: not a document link Docket can name.
    `https://drive.google.com/file/d/${ID}.pdf`,
    `https://drive.google.com/file/d/${ID}.docx`,
    `https://drive.google.com/file/d/${ID}.pdf.`,
    `https://docs.google.com/document/d/${ID}.docx)`,
    `https://drive.google.com/open?id=${ID}.pdf`,
    `https://drive.google.com/file/d/${ID}%2Epdf`,
    // punctuation before the id, or only punctuation
    `https://docs.google.com/document/d/.${ID}`,
    'https://docs.google.com/document/d/....',
    'https://docs.google.com/document/d/short.',
    // look-alike hosts stay refused, whatever follows
    `https://docs.google.com.example.net/document/d/${ID}.`,
    `https://docs-google.com/document/d/${ID},`,
  ])('%s is no document', (href) => expectDoc(href, null));

  it('Scan’s text links agree: a Markdown link and a sentence’s end', () => {
    const text = `See [the BPF note](https://docs.google.com/document/d/${ID}). Also https://drive.google.com/drive/folders/${ID}, then.`;
    expect(findTextUrls(text).map((t) => parseDocLink(t.url)?.id)).toEqual([ID, ID]);
  });
});

describe('entities and percent-escapes left in an href', () => {
  const ID = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';
  it.each([
    [`https:&#x2F;&#x2F;docs.google.com&#x2F;document&#x2F;d&#x2F;${ID}&#x2F;edit`, ID],
    [`https:&#X2f;&#x2f;docs.google.com&#x2f;document&#x2f;d&#x2f;${ID}`, ID],
    [`https:&#47;&#47;docs.google.com&#47;document&#47;d&#47;${ID}&#47;edit?usp=sharing`, ID],
    [`https&#58;//docs.google.com/document/d/${ID}/edit`, ID],
    [`https://drive.google.com/open?usp=sharing&amp;id=${ID}`, ID],
    [`https://drive.google.com/open?usp=sharing&amp;amp;id=${ID}`, ID], // escaped twice
    [`https://drive.google.com/open?usp=sharing&AMP;id=${ID}`, ID],
    [`https://docs.google.com/document/d/${ID}&quot;`, ID],
    [`https://docs.google.com/document/d/${ID}&quot;.`, ID],
    [`https://docs.google.com/document/d/${ID}&gt;`, ID],
    [`https://docs.google.com/document/d/${ID}&#41;`, ID],
    [`https://docs.google.com/document/d/${ID}&period;`, ID],
    [`https://www.google.com/url?q=https://docs.google.com/document/d/${ID}/edit&amp;sa=D&amp;source=calendar`, ID],
    [`https://www.google.com/url?sa=D&amp;q=${enc(`https://drive.google.com/open?usp=x&amp;id=${ID}`)}`, ID],
    // percent-escapes of id characters, upper and lower case
    [`https://docs.google.com/document/d/1%5FDIq4a6D3lvv89QGbCpbd36kos4KyD6iGc%5Fw4w%5FRAO4/edit`, ID],
    [`https://docs.google.com/document/d/1%5fDIq4a6D3lvv89QGbCpbd36kos4KyD6iGc%5fw4w%5fRAO4`, ID],
    [
      'https://docs.google.com/document/d/1lutZTnFaGLhMm%2DQK3hSb2ZNv4i3f658LTLWguT%2dOT8Y/edit',
      '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y',
    ],
    [`https://docs.google.com/document/d/%31%5FDIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4`, ID],
    [`https://drive.google.com/drive/folders/1%5FDIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4%2E`, ID],
    [`https://drive.google.com/open?id=1%5fDIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4`, ID],
  ])('%s → %s', (href, id) => expectDoc(href, id));

  it.each([
    // an entity that hides a look-alike host, or another site
    `https://docs.google.com&#46;example.net/document/d/${ID}`,
    `https://evil.example/&#x2F;&#x2F;docs.google.com/document/d/${ID}`,
    `https://docs.google.com&#x40;evil.example/document/d/${ID}`,
    // `google` written only as entities is no candidate of the selector, and no document either
    `https://docs.&#103;oogle.com/document/d/${ID}`,
    // a bad escape
    `https://docs.google.com/document/d/${ID}%E2%82`,
  ])('%s is no document', (href) => expectDoc(href, null));

  it('decodeEntities reads numeric and known named entities, and leaves the rest', () => {
    expect(decodeEntities('a&#x2F;b&#47;c&amp;d&quot;e&lt;&gt;&unknown;&#0;&#x110000;&amp')).toBe(
      'a/b/c&d"e<>&unknown;&#0;&#x110000;&amp',
    );
    expect(decodeEntities('&amp;amp;#x2F;')).toBe('/');
    expect(decodeEntities('no entity')).toBe('no entity');
  });
});

describe('more redirectors (LinkedIn, Teams, Slack, Google’s url=), nested', () => {
  const ID = '1eVwoVFoch6id-SzT9EXd7etofFsjAeU1';
  const FILE = `https://drive.google.com/file/d/${ID}/view?usp=sharing`;
  const linkedin = (u: string) =>
    `https://www.linkedin.com/redir/redirect?url=${enc(u).replace(/\./g, '%2E')}&urlhash=uK45&trk=public_post-text`;
  const teams = (u: string, host = 'statics.teams.cdn.office.net') =>
    `https://${host}/evergreen-assets/safelinks/1/atp-safelinks.html?url=${enc(u)}&locale=en-us&dest=${enc('https://teams.microsoft.com/api/mt/part/msft/beta/atpsafelinks/geturlreputationsite')}&pc=abc`;
  const slack = (u: string) => `https://slack-redir.net/link?url=${enc(u)}&v=3`;
  const googleUrl = (u: string) => `https://www.google.com/url?sa=t&rct=j&url=${enc(u)}&ved=2ahUKEwi&usg=AOvVaw1`;
  const safeLinks = (u: string) => `https://eur01.safelinks.protection.outlook.com/?url=${enc(u)}&data=05%7C01&reserved=0`;
  const proofpoint3 = (u: string) => `https://urldefense.com/v3/__${u}__;!!J748QdifiTU!h0zfdH$`;

  it.each<[string, string, string[]]>([
    ['LinkedIn', linkedin(FILE), ['LinkedIn redirect', 'editor path']],
    ['LinkedIn without www', linkedin(FILE).replace('www.', ''), ['LinkedIn redirect', 'editor path']],
    ['Teams', teams(FILE), ['Teams Safe Links', 'editor path']],
    ['Teams (staticsint)', teams(FILE, 'staticsint.teams.cdn.office.net'), ['Teams Safe Links', 'editor path']],
    ['Teams (onecdn)', teams(FILE, 'teams.public.onecdn.static.microsoft'), ['Teams Safe Links', 'editor path']],
    ['Teams, upper-case host', teams(FILE, 'STATICS.TEAMS.CDN.OFFICE.NET'), ['Teams Safe Links', 'editor path']],
    ['Slack', slack(FILE), ['Slack redirect', 'editor path']],
    ['Google url=', googleUrl(FILE), ['google.com/url', 'editor path']],
    ['Teams around Safe Links', teams(safeLinks(FILE)), ['Teams Safe Links', 'Safe Links', 'editor path']],
    ['Safe Links around LinkedIn', safeLinks(linkedin(FILE)), ['Safe Links', 'LinkedIn redirect', 'editor path']],
    ['Slack around Proofpoint v3', slack(proofpoint3(FILE)), ['Slack redirect', 'Proofpoint v3', 'editor path']],
    ['LinkedIn around Google url=', linkedin(googleUrl(FILE)), ['LinkedIn redirect', 'google.com/url', 'editor path']],
    ['Google url= around Teams', googleUrl(teams(FILE)), ['google.com/url', 'Teams Safe Links', 'editor path']],
    [
      'Slack around the archiver’s full stop',
      slack(`${FILE.replace('/view?usp=sharing', '')}.`),
      ['Slack redirect', 'editor path'],
    ],
    [
      'Teams around an entity-escaped link',
      teams(`https://drive.google.com/open?usp=x&amp;id=${ID}`),
      ['Teams Safe Links', 'drive.google.com ?id= (file)'],
    ],
  ])('%s', (_what, href, steps) => {
    expectDoc(href, ID);
    expect(explainDocLink(href).steps).toEqual(steps);
  });

  it.each([
    ['LinkedIn look-alike', linkedin(FILE).replace('www.linkedin.com', 'www.linkedin.com.evil.example')],
    ['LinkedIn, another path', linkedin(FILE).replace('/redir/redirect', '/feed/update')],
    ['Teams look-alike', teams(FILE, 'statics.teams.cdn.office.net.evil.example')],
    ['Teams page on another host', teams(FILE, 'evil.example')],
    ['Teams, another page', teams(FILE).replace('atp-safelinks.html', 'other.html')],
    ['Slack look-alike', slack(FILE).replace('slack-redir.net', 'slack-redir.net.example')],
    ['Slack, another path', slack(FILE).replace('/link', '/other')],
    ['Google url= on a look-alike', googleUrl(FILE).replace('www.google.com', 'www.google.com.evil.example')],
    ['LinkedIn around a look-alike', linkedin(`https://docs-google.com/document/d/${ID}`)],
    ['Teams around another site', teams('https://www.intgovforum.org/en/content/wg-strategy')],
  ])('%s is no document', (_what, href) => expectDoc(href, null));
});

describe('every reader goes through the link module', () => {
  const href = `https://docs.google.com/document/d/${MHLB}.`;
  it('the omnibox opens what a pasted archive link names, without the archiver’s full stop', () => {
    expect(destination(href, [])).toBe(`${DOC}/edit`);
    expect(destination(`https:&#x2F;&#x2F;docs.google.com&#x2F;document&#x2F;d&#x2F;${MHLB}`, [])).toBe(`${DOC}/edit`);
    expect(destination('https://docs.google.com/document/u/0/', [])).toBe('https://docs.google.com/document/u/0/');
  });

  it('badges in Gmail read the same shapes', () => {
    const page = { origin: () => 'https://mail.google.com', saferedirect: () => null };
    expect(parseMailLink(href, 'https://mail.google.com/mail/u/0/', page)?.id).toBe(MHLB);
  });
});
