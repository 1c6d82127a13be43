// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DOC_KINDS, type DocKind } from '@/utils/shared/model';
import {
  ABSOLUTE_LINK_SELECTOR,
  isGoogleDocsUrl,
  LINK_SELECTOR,
  linkSelectorFor,
  parseByUrl,
  parseDirect,
  parseDocLink,
  type DocRef,
} from '@/utils/shared/links';
import { docUrl, withAccount } from '@/utils/shared/doc-urls';

// Real ids from the WG-Strategy meeting reports (/work/shared/seeds).
const DOC1 = '1Bmfp_U-PnPnB8ZK6jNfhA8okvkR-s6Nd'; // 33
const DOC2 = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI'; // 44
const DOC3 = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const DOC4 = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';
const FILE1 = '1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW';
const FILE2 = '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms';
const FILE3 = '1eVwoVFoch6id-SzT9EXd7etofFsjAeU1';
// Published-to-web and form responder ids have their own shape.
const PUB = '2PACX-1vRk3Zq8X0mYb7Lw2Np4Qs6Tu9Vx1Za3Cd5Ef7Gh9Ij1Kl3Mn5Op7Qr9St1Uv3Wx5Yz7Ab9Cd1Ef3Gh5';
const FORM = '1FAIpQLSd8rXk2mW5nP7qT9vY1zB3cE6gH8jL0oR2sU4wA6yC8eG0iK';

const doc = (id: string, kind: DocKind = 'document', published = false): DocRef => ({ id, kind, published });
const enc = encodeURIComponent;
const DOC2_URL = `https://docs.google.com/document/d/${DOC2}/edit?usp=sharing`;

type Row = [href: string, expected: DocRef | null, base?: string];

const positives: Row[] = [
  // seeds, verbatim
  [`https://docs.google.com/document/d/${DOC1}/edit`, doc(DOC1)],
  [DOC2_URL, doc(DOC2)],
  [`https://docs.google.com/document/d/${DOC3}/edit`, doc(DOC3)],
  [`https://docs.google.com/document/d/${DOC4}/edit#heading=h.juck72nlha3c`, doc(DOC4)],
  [`https://drive.google.com/file/d/${FILE1}/view?usp=sharing`, doc(FILE1, 'file')],
  [`https://drive.google.com/file/d/${FILE2}/view`, doc(FILE2, 'file')],
  [`https://drive.google.com/file/d/${FILE3}/view?usp=sharing`, doc(FILE3, 'file')],
  // documents: actions and noise
  [`https://docs.google.com/document/d/${DOC1}`, doc(DOC1)],
  [`https://docs.google.com/document/d/${DOC1}/`, doc(DOC1)],
  [`https://docs.google.com/document/d/${DOC1}/view`, doc(DOC1)],
  [`https://docs.google.com/document/d/${DOC1}/preview`, doc(DOC1)],
  [`https://docs.google.com/document/d/${DOC1}/copy`, doc(DOC1)],
  [`https://docs.google.com/document/d/${DOC1}/export?format=pdf`, doc(DOC1)],
  [`https://docs.google.com/document/d/${DOC1}/pub`, doc(DOC1)],
  [`https://docs.google.com/document/d/${DOC1}/edit?tab=t.0`, doc(DOC1)],
  [`https://docs.google.com/document/d/${DOC1}/edit?usp=drive_link&authuser=1&resourcekey=0-AbCdEf`, doc(DOC1)],
  [`http://docs.google.com/document/d/${DOC1}/edit`, doc(DOC1)],
  [`HTTPS://DOCS.GOOGLE.COM/document/d/${DOC1}/edit`, doc(DOC1)],
  [`https://Docs.Google.Com/document/d/${DOC1}/edit`, doc(DOC1)],
  [`  https://docs.google.com/document/d/${DOC1}/edit  `, doc(DOC1)],
  // /u/N/ and /a/DOMAIN/
  [`https://docs.google.com/document/u/1/d/${DOC2}/edit`, doc(DOC2)],
  [`https://docs.google.com/a/example.org/document/d/${DOC2}/edit`, doc(DOC2)],
  [`https://docs.google.com/a/example.org/document/u/0/d/${DOC2}/edit`, doc(DOC2)],
  [`https://drive.google.com/a/example.org/file/d/${FILE1}/view`, doc(FILE1, 'file')],
  // spreadsheets
  [`https://docs.google.com/spreadsheets/d/${DOC3}/edit#gid=0`, doc(DOC3, 'spreadsheet')],
  [`https://docs.google.com/spreadsheets/d/${DOC3}/edit?gid=123456#gid=123456`, doc(DOC3, 'spreadsheet')],
  [`https://docs.google.com/spreadsheets/d/${DOC3}/htmlview`, doc(DOC3, 'spreadsheet')],
  [`https://docs.google.com/spreadsheets/d/${DOC3}/export?format=csv&gid=0`, doc(DOC3, 'spreadsheet')],
  [`https://docs.google.com/spreadsheets/u/2/d/${DOC3}/copy`, doc(DOC3, 'spreadsheet')],
  [`https://docs.google.com/spreadsheet/ccc?key=${DOC3}&usp=sharing`, doc(DOC3, 'spreadsheet')],
  [`https://docs.google.com/spreadsheets/d/e/${PUB}/pubhtml`, doc(PUB, 'spreadsheet', true)],
  [`https://docs.google.com/spreadsheets/d/e/${PUB}/pub?output=csv`, doc(PUB, 'spreadsheet', true)],
  // presentations
  [`https://docs.google.com/presentation/d/${DOC4}/edit#slide=id.p`, doc(DOC4, 'presentation')],
  [`https://docs.google.com/presentation/d/${DOC4}/preview`, doc(DOC4, 'presentation')],
  [`https://docs.google.com/presentation/d/e/${PUB}/pub?start=false&loop=false&delayms=3000`, doc(PUB, 'presentation', true)],
  // published documents
  [`https://docs.google.com/document/d/e/${PUB}/pub`, doc(PUB, 'document', true)],
  [`https://docs.google.com/document/d/e/${PUB}/pub?embedded=true`, doc(PUB, 'document', true)],
  [`https://docs.google.com/a/example.org/document/d/e/${PUB}/pub`, doc(PUB, 'document', true)],
  // forms
  [`https://docs.google.com/forms/d/${DOC2}/edit`, doc(DOC2, 'form')],
  [`https://docs.google.com/forms/d/e/${FORM}/viewform`, doc(FORM, 'form', true)],
  [`https://docs.google.com/forms/d/e/${FORM}/viewform?usp=sf_link`, doc(FORM, 'form', true)],
  [`https://docs.google.com/forms/u/0/d/e/${FORM}/formResponse`, doc(FORM, 'form', true)],
  // drawings
  [`https://docs.google.com/drawings/d/${DOC1}/edit`, doc(DOC1, 'drawing')],
  [`https://docs.google.com/drawings/d/e/${PUB}/pub?w=960&h=720`, doc(PUB, 'drawing', true)],
  // uploaded files
  [`https://docs.google.com/file/d/${FILE2}/edit`, doc(FILE2, 'file')],
  [`https://drive.google.com/file/d/${FILE2}/preview`, doc(FILE2, 'file')],
  [`https://drive.google.com/file/u/1/d/${FILE2}/view?resourcekey=0-x`, doc(FILE2, 'file')],
  [`https://drive.google.com/open?id=${FILE3}`, doc(FILE3, 'file')],
  [`https://drive.google.com/open?id=${FILE3}&authuser=0`, doc(FILE3, 'file')],
  [`https://drive.google.com/uc?id=${FILE3}&export=download`, doc(FILE3, 'file')],
  [`https://drive.google.com/uc?export=download&id=${FILE3}`, doc(FILE3, 'file')],
  [`https://docs.google.com/uc?id=${FILE3}`, doc(FILE3, 'file')],
  // folders
  [`https://drive.google.com/drive/folders/${FILE1}`, doc(FILE1, 'folder')],
  [`https://drive.google.com/drive/folders/${FILE1}?usp=sharing`, doc(FILE1, 'folder')],
  [`https://drive.google.com/drive/u/1/folders/${FILE1}`, doc(FILE1, 'folder')],
  [`https://drive.google.com/folderview?id=${FILE1}`, doc(FILE1, 'folder')],
  // redirectors
  [`https://www.google.com/url?q=${enc(DOC2_URL)}&sa=D&source=editors&ust=1&usg=AOv`, doc(DOC2)],
  [`https://www.google.com/url?q=${DOC2_URL}&sa=D`, doc(DOC2)],
  [`https://www.google.com/url?sa=t&url=${enc(DOC2_URL)}`, doc(DOC2)],
  [`https://google.com/url?q=${enc(DOC2_URL)}`, doc(DOC2)],
  [`https://www.google.co.uk/url?q=${enc(DOC2_URL)}`, doc(DOC2)],
  [`https://www.google.com/url?q=${enc(enc(DOC2_URL))}&sa=D`, doc(DOC2)],
  [`https://eur01.safelinks.protection.outlook.com/?url=${enc(DOC2_URL)}&data=05%7C01%7C&sdata=x&reserved=0`, doc(DOC2)],
  [
    `https://nam12.safelinks.protection.outlook.com/ap/w-59584e83/?url=${enc(`https://docs.google.com/spreadsheets/d/${DOC3}/edit#gid=0`)}&data=05`,
    doc(DOC3, 'spreadsheet'),
  ],
  [
    `https://outlook.office.com/mail/safelink.html?url=${enc(`https://drive.google.com/drive/folders/${FILE1}`)}`,
    doc(FILE1, 'folder'),
  ],
  [
    `https://eur01.safelinks.protection.outlook.com/?url=${enc(`https://www.google.com/url?q=${enc(DOC2_URL)}&sa=D`)}&data=05`,
    doc(DOC2),
  ],
  [
    `https://eur01.safelinks.protection.outlook.com/?url=${enc(enc(`https://docs.google.com/forms/d/e/${FORM}/viewform`))}&data=05`,
    doc(FORM, 'form', true),
  ],
  // relative hrefs against a Google page
  [`/document/d/${DOC1}/edit`, doc(DOC1), `https://docs.google.com/document/d/${DOC2}/edit`],
  [`/file/d/${FILE1}/view`, doc(FILE1, 'file'), 'https://drive.google.com/drive/my-drive'],
  [`/drive/folders/${FILE1}`, doc(FILE1, 'folder'), 'https://drive.google.com/drive/u/0/home'],
  [`//docs.google.com/document/d/${DOC1}/edit`, doc(DOC1), 'https://groups.google.com/g/wg'],
  [`/url?q=${enc(DOC2_URL)}&sa=D`, doc(DOC2), 'https://www.google.com/search?q=x'],
  // an absolute href ignores any base, even a broken one
  [DOC2_URL, doc(DOC2), 'https://example.com/page'],
  [DOC2_URL, doc(DOC2), 'not a url'],
];

const LONG_WRAP = (n: number) => {
  let u = DOC2_URL;
  for (let i = 0; i < n; i++) u = `https://www.google.com/url?q=${enc(u)}`;
  return u;
};
positives.push([LONG_WRAP(5), doc(DOC2)]);

const negatives: Row[] = [
  ['', null],
  ['not a url', null],
  ['https://', null],
  ['http://[docs.google.com/document/d/x', null],
  ['javascript:alert(1)', null],
  [`javascript:location='https://docs.google.com/document/d/${DOC1}/edit'`, null],
  [`mailto:someone@example.org?body=https://docs.google.com/document/d/${DOC1}/edit`, null],
  [`ftp://docs.google.com/document/d/${DOC1}/edit`, null],
  [`data:text/html,https://docs.google.com/document/d/${DOC1}`, null],
  // look-alike hosts
  [`https://docs.google.com.example.net/document/d/${DOC1}/edit`, null],
  [`https://docs-google.com/document/d/${DOC1}/edit`, null],
  [`https://evil.com/docs.google.com/document/d/${DOC1}/edit`, null],
  [`https://docs.google.com@evil.com/document/d/${DOC1}/edit`, null],
  [`https://xdocs.google.com/document/d/${DOC1}/edit`, null],
  [`https://docs.google.co/document/d/${DOC1}/edit`, null],
  [`https://docs.google.com./document/d/${DOC1}/edit`, null],
  [`https://docs.google.com:8443/document/d/${DOC1}/edit`, null],
  [`https://user:pw@docs.google.com/document/d/${DOC1}/edit`, null],
  [`https://docs.%67oogle.com/document/d/${DOC1}/edit`, null],
  [`https://evil.com/?next=docs.google.com/document/d/${DOC1}/edit`, null],
  // Google, but not a document
  ['https://docs.google.com/', null],
  ['https://docs.google.com', null],
  ['https://docs.google.com/document/u/0/', null],
  ['https://docs.google.com/document/', null],
  ['https://docs.google.com/document/create', null],
  ['https://docs.google.com/spreadsheets/u/1/?tgif=d', null],
  ['https://docs.google.com/document/d/', null],
  ['https://docs.google.com/document/d/e/', null],
  ['https://docs.google.com/document/d/e/pub', null],
  ['https://docs.google.com/document/d/abc/edit', null],
  ['https://docs.google.com/forms/d/e/', null],
  [`https://docs.google.com/document/d/${DOC1.slice(0, 9)}/edit`, null],
  [`https://docs.google.com/document/d/${DOC1}%3Cb%3E/edit`, null],
  [`https://docs.google.com/unknown/d/${DOC1}/edit`, null],
  [`https://drive.google.com/document/d/${DOC1}/edit`, null],
  [`https://docs.google.com/constructor/d/${DOC1}/edit`, null],
  [`https://docs.google.com/__proto__/d/${DOC1}/edit`, null],
  ['https://drive.google.com/drive/my-drive', null],
  ['https://drive.google.com/drive/u/0/home', null],
  ['https://drive.google.com/drive/folders/', null],
  ['https://drive.google.com/open?id=short', null],
  ['https://drive.google.com/open', null],
  ['https://drive.google.com/uc?export=download', null],
  [`https://support.google.com/docs/answer/${DOC1}`, null],
  [`https://www.google.com/search?q=docs.google.com/document/d/${DOC1}`, null],
  [`https://mail.google.com/mail/u/0/#inbox/${DOC1}`, null],
  [`https://sites.google.com/view/${DOC1}`, null],
  [`https://forms.gle/${DOC1.slice(0, 17)}`, null],
  ['https://forms.gle/AbCdEfGhIjKlMnOp9', null],
  // redirectors that do not lead to a document
  ['https://www.google.com/url?q=https://example.com/&sa=D', null],
  ['https://www.google.com/url?sa=D', null],
  ['https://www.google.com/url?q=docs&sa=D', null],
  [`https://www.google.com/notaurl?q=${enc(DOC2_URL)}`, null],
  [`https://google.evil.com/url?q=${enc(DOC2_URL)}`, null],
  [`https://evil.com/url?q=${enc(DOC2_URL)}`, null],
  [`https://www.google.com/url?q=${enc(`javascript:alert('${DOC2_URL}')`)}`, null],
  [`https://eur01.safelinks.protection.outlook.com.evil.net/?url=${enc(DOC2_URL)}`, null],
  [`https://outlook.office.com/mail/inbox?url=${enc(DOC2_URL)}`, null],
  [
    `https://eur01.safelinks.protection.outlook.com/?url=${enc(`https://docs.google.com.example.net/document/d/${DOC1}/edit`)}`,
    null,
  ],
  [LONG_WRAP(6), null],
  // relative hrefs
  [`/document/d/${DOC1}/edit`, null],
  [`/document/d/${DOC1}/edit`, null, 'https://example.com/page'],
  [`/document/d/${DOC1}/edit`, null, 'https://docs.google.com.example.net/'],
  [`//docs-google.com/document/d/${DOC1}/edit`, null, 'https://docs.google.com/'],
  ['#heading=h.juck72nlha3c', null, `https://docs.google.com/document/d/${DOC4}/edit`],
  ['?tab=t.0', null, `https://docs.google.com/document/d/${DOC4}/edit`],
  ['', null, `https://docs.google.com/document/d/${DOC4}/edit`],
  [`../d/${DOC1}/edit`, null, `https://docs.google.com/document/d/${DOC4}/edit`],
  [`\\document\\d\\${DOC1}\\edit`, null, `https://docs.google.com/`],
];

const table: Row[] = [...positives, ...negatives];

describe('parseDocLink', () => {
  it.each(table)('%s (base %s)', (href, expected, base) => {
    expect(parseDocLink(href, base)).toEqual(expected);
  });

  it.each(table)('the URL parser alone reads %s the same (base %s)', (href, expected, base) => {
    expect(parseByUrl(href, base)).toEqual(expected);
  });

  it.each(table.filter(([href]) => parseDirect(href) !== undefined))('the quick reading of %s agrees', (href, expected) => {
    expect(parseDirect(href)).toEqual(expected);
  });

  it('the quick reading answers the plain shapes and leaves the rest', () => {
    const id = 'A1b2C3d4E5f6G7h8';
    expect(parseDirect(`https://docs.google.com/document/d/${id}/edit`)).toEqual({ id, kind: 'document', published: false });
    expect(parseDirect(`https://drive.google.com/file/d/${id}/view?usp=sharing`)).toEqual({ id, kind: 'file', published: false });
    for (const left of [
      `https://docs.google.com/document/u/0/d/${id}/edit`,
      `https://docs.google.com/document/d/e/2PACX-${id}/pub`,
      `https://docs.google.com:8443/document/d/${id}`,
      `https://DOCS.google.com/document/d/${id}`,
      ` https://docs.google.com/document/d/${id}`,
      `https://docs.google.com/document/d/${id} x`,
      `https://drive.google.com/document/d/${id}`,
      `https://www.google.com/url?q=https://docs.google.com/document/d/${id}`,
    ]) {
      expect(parseDirect(left), left).toBeUndefined();
    }
  });

  it('has a large table, a good third of it negative', () => {
    expect(table.length).toBeGreaterThanOrEqual(90);
    expect(negatives.length * 3).toBeGreaterThanOrEqual(table.length);
  });

  it('never throws on odd input', () => {
    const odd = [
      undefined,
      null,
      42,
      {},
      '%',
      'https://%zz',
      'http://a b',
      '\u0000',
      'https://www.google.com/url?q=https%3A%2F%2F%E0%A4%A',
    ];
    for (const v of odd) expect(() => parseDocLink(v as unknown as string, v as unknown as string)).not.toThrow();
  });
});

describe('docUrl', () => {
  const refs: DocRef[] = DOC_KINDS.flatMap((kind) => [
    doc(DOC2, kind),
    ...(kind === 'file' || kind === 'folder' ? [] : [doc(kind === 'form' ? FORM : PUB, kind, true)]),
  ]);

  it.each(refs)('round-trips %o', (ref) => {
    const url = docUrl(ref);
    expect(isGoogleDocsUrl(url)).toBe(true);
    expect(parseDocLink(url)).toEqual(ref);
  });

  it('builds the canonical URLs', () => {
    expect(docUrl(doc(DOC1))).toBe(`https://docs.google.com/document/d/${DOC1}/edit`);
    expect(docUrl(doc(DOC3, 'spreadsheet'))).toBe(`https://docs.google.com/spreadsheets/d/${DOC3}/edit`);
    expect(docUrl(doc(DOC4, 'presentation'))).toBe(`https://docs.google.com/presentation/d/${DOC4}/edit`);
    expect(docUrl(doc(DOC2, 'form'))).toBe(`https://docs.google.com/forms/d/${DOC2}/edit`);
    expect(docUrl(doc(FORM, 'form', true))).toBe(`https://docs.google.com/forms/d/e/${FORM}/viewform`);
    expect(docUrl(doc(PUB, 'document', true))).toBe(`https://docs.google.com/document/d/e/${PUB}/pub`);
    expect(docUrl(doc(PUB, 'spreadsheet', true))).toBe(`https://docs.google.com/spreadsheets/d/e/${PUB}/pubhtml`);
    expect(docUrl(doc(DOC1, 'drawing'))).toBe(`https://docs.google.com/drawings/d/${DOC1}/edit`);
    expect(docUrl(doc(FILE1, 'file'))).toBe(`https://drive.google.com/file/d/${FILE1}/view`);
    expect(docUrl(doc(FILE1, 'folder'))).toBe(`https://drive.google.com/drive/folders/${FILE1}`);
    expect(docUrl({ id: DOC1, kind: 'document' })).toBe(`https://docs.google.com/document/d/${DOC1}/edit`);
  });

  it('cannot be steered off the Google host by a hostile id', () => {
    const url = docUrl({ id: '../../@evil.com/x?y#', kind: 'document' });
    expect(isGoogleDocsUrl(url)).toBe(true);
    expect(new URL(url).pathname.startsWith('/document/d/')).toBe(true);
  });
});

describe('isGoogleDocsUrl', () => {
  it.each<[string, boolean]>([
    [DOC2_URL, true],
    [`https://drive.google.com/file/d/${FILE1}/view`, true],
    [`HTTPS://DOCS.GOOGLE.COM/document/d/${DOC1}/edit`, true],
    ['https://docs.google.com/', true],
    [`http://docs.google.com/document/d/${DOC1}/edit`, false],
    ['javascript:alert(1)', false],
    [`javascript://docs.google.com/%0Aalert(1)`, false],
    [`https://docs.google.com.example.net/document/d/${DOC1}/edit`, false],
    [`https://docs-google.com/document/d/${DOC1}/edit`, false],
    [`https://docs.google.com@evil.com/document/d/${DOC1}/edit`, false],
    [`https://xdocs.google.com/document/d/${DOC1}/edit`, false],
    [`https://evil.com/docs.google.com/document/d/${DOC1}/edit`, false],
    [`https://mail.google.com/mail/u/0/`, false],
    [`https://www.google.com/url?q=${enc(DOC2_URL)}`, false],
    [`https://docs.google.com:8443/document/d/${DOC1}/edit`, false],
    [`/document/d/${DOC1}/edit`, false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isGoogleDocsUrl(url)).toBe(expected);
  });
});

describe('LINK_SELECTOR', () => {
  const accepted = table.filter(([href, , base]) => parseDocLink(href, base) !== null);

  it('is a valid selector that a plain link does not match', () => {
    const a = document.createElement('a');
    a.setAttribute('href', 'https://example.com/page');
    expect(a.matches(LINK_SELECTOR)).toBe(false);
    a.setAttribute('href', '#top');
    expect(a.matches(LINK_SELECTOR)).toBe(false);
  });

  it.each([
    [`https://docs.Google.com/document/d/${DOC1}/edit`, true],
    [`HTTPS://DOCS.GOOGLE.COM/document/d/${DOC1}/edit`, true],
    [`https://nam02.safelinks.protection.outlook.com/?url=x`, true],
    // Case-sensitive on purpose (a case-insensitive query costs every page 3×): "google" in a mixture
    // of cases is not a candidate, though the full reading accepts it.
    [`https://docs.gOOgle.com/document/d/${DOC1}/edit`, false],
  ])('is case-sensitive but for the three ways "google" is written: %s → %s', (href, matches) => {
    const a = document.createElement('a');
    a.setAttribute('href', href);
    expect(a.matches(LINK_SELECTOR)).toBe(matches);
    expect(a.matches(ABSOLUTE_LINK_SELECTOR)).toBe(matches);
    if (!matches) expect(parseDocLink(href)?.id).toBe(DOC1);
  });

  it('covers the whole positive table', () => {
    expect(accepted.length).toBe(positives.length);
  });

  it.each(accepted)('matches %s', (href) => {
    const a = document.createElement('a');
    a.setAttribute('href', href);
    document.body.append(a);
    expect(a.matches(LINK_SELECTOR)).toBe(true);
    a.remove();
  });
});

describe('withAccount', () => {
  const DOC = 'https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit';
  it.each<[string, string | undefined, string]>([
    [DOC, undefined, DOC],
    [DOC, '1', 'https://docs.google.com/document/u/1/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit'],
    [
      'https://docs.google.com/document/u/0/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit',
      '2',
      'https://docs.google.com/document/u/2/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit',
    ],
    [DOC, 'member@example.org', `${DOC}?authuser=member%40example.org`],
    [`${DOC}?authuser=3`, 'member@example.org', `${DOC}?authuser=member%40example.org`],
    [
      'https://drive.google.com/file/d/1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms/view',
      '1',
      'https://drive.google.com/file/u/1/d/1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms/view',
    ],
    ['https://www.example.org/doc', '1', 'https://www.example.org/doc'],
  ])('%s with %s', (url, account, expected) => {
    expect(withAccount(url, account)).toBe(expected);
    if (account) expect(parseDocLink(expected)?.id ?? null).toBe(parseDocLink(url)?.id ?? null);
  });
});

describe('linkSelectorFor', () => {
  it.each([
    ['https://docs.google.com/document/d/x/edit', LINK_SELECTOR],
    ['https://drive.google.com/drive/folders/x', LINK_SELECTOR],
    ['https://mail.google.com/mail/u/0/', LINK_SELECTOR],
    ['https://www.intgovforum.org/en/content/wg', ABSOLUTE_LINK_SELECTOR],
    ['https://docs.google.com.example.net/', ABSOLUTE_LINK_SELECTOR],
    ['about:blank', ABSOLUTE_LINK_SELECTOR],
  ])('%s', (base, selector) => expect(linkSelectorFor(base)).toBe(selector));

  it.each(table.filter(([href, , base]) => parseDocLink(href, base) !== null))(
    'the page’s selector still finds %s',
    (href, _expected, base) => {
      const a = document.createElement('a');
      a.setAttribute('href', href);
      expect(a.matches(linkSelectorFor(base ?? 'https://www.intgovforum.org/wg-strategy/minutes-4.html'))).toBe(true);
    },
  );
});
