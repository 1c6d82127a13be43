/**
 * Property-based tests (fast-check) for the two places where Docket reads input it does
 * not control: links on pages (CONTRACT §1) and interchange files (CONTRACT §2), plus the
 * database's all-or-nothing import write.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { getIndex, writeAll } from '@/utils/background/db/store';
import { openDocketDb } from '@/utils/background/db/schema';
import { exportCsv, exportJson } from '@/utils/background/interchange/export';
import { parseImport } from '@/utils/background/interchange/parse';
import { planMerge } from '@/utils/background/interchange/merge';
import { type ParseResult } from '@/utils/background/interchange/records';
import { MAX_ID_LENGTH, parseByUrl, parseDirect, parseDocLink } from '@/utils/shared/links';
import { docUrl } from '@/utils/shared/doc-urls';
import { DOC_KINDS, STATUSES, type DocKind, type DocRecord, type Workstream } from '@/utils/shared/model';

const NOW = '2026-11-22T10:00:00.000Z';
const CTX = { existingWorkstreams: [] as Workstream[], now: NOW };
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'.split('');
const enc = encodeURIComponent;

// --- generators -----------------------------------------------------------------------------

/** A Drive id as Drive makes them (25–60 characters; parseDocLink's floor is 10). */
const driveId = fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 10, maxLength: 60 });
const kind = fc.constantFrom<DocKind>(...DOC_KINDS);

/** Google's document hosts, their look-alikes and the usual redirectors, for URL-ish noise. */
const googleishHost = fc.constantFrom(
  'docs.google.com',
  'drive.google.com',
  'DOCS.GOOGLE.COM',
  'www.google.com',
  'google.com',
  'www.google.co.uk',
  'nam12.safelinks.protection.outlook.com',
  'eur01.safelinks.protection.outlook.com',
  'outlook.office.com',
  'urldefense.proofpoint.com',
  'urldefense.com',
  'l.facebook.com',
  'www.youtube.com',
  'spreadsheets.google.com',
  'drive.usercontent.google.com',
  'lh3.googleusercontent.com',
  'docs.google.com.example.net',
  'docs-google.com',
  'drive.google.com.evil',
  'googledocs.com',
  'sites.google.com',
);
const googleishPath = fc.oneof(
  fc.webPath(),
  fc
    .tuple(
      fc.constantFrom(
        'document',
        'spreadsheets',
        'presentation',
        'forms',
        'drawings',
        'file',
        'drive',
        'open',
        'uc',
        'url',
        'a',
        'u',
        'v2',
        'v3',
        'l.php',
        'spreadsheet',
        'View',
        'leaf',
        'drive/mobile',
      ),
      fc.constantFrom('d', 'd/e', 'folders', 'u/0', 'u/x', 'a/example.org', '', 'ccc', 'pub', 'url', '__https:', 'viewform'),
      fc.oneof(driveId, fc.string(), fc.constant('e')),
      fc.constantFrom('', '/edit', '/view', '/pub', '/', '//', '/d/x'),
    )
    .map(([a, b, c, d]) => `/${a}/${b}/${c}${d}`),
);
const urlish = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(
      fc.constantFrom('https://', 'http://', 'HTTPS://', '//', 'ftp://', 'javascript:', ''),
      googleishHost,
      googleishPath,
      fc.webQueryParameters(),
      fc.webFragments(),
    )
    .map(([s, h, p, q, f]) => `${s}${h}${p}?${q}#${f}`),
  fc
    .tuple(
      fc.constantFrom(
        'https://www.google.com/url?q=',
        'https://nam12.safelinks.protection.outlook.com/?url=',
        'https://outlook.office.com/mail/safelink.html?url=',
        'https://www.google.com/url?url=',
        'https://urldefense.proofpoint.com/v1/url?u=',
        'https://urldefense.proofpoint.com/v2/url?u=',
        'https://urldefense.com/v3/__',
        'https://l.facebook.com/l.php?u=',
        'https://www.youtube.com/redirect?q=',
        'https://docs.google.com/spreadsheet/ccc?key=',
        'https://docs.google.com/View?docid=',
      ),
      fc.webUrl(),
      fc.nat(3),
    )
    .map(([w, u, n]) => {
      let inner = u;
      for (let i = 0; i < n; i++) inner = enc(inner);
      return w + inner + (w.endsWith('__') ? '__;Iw!!x$' : '');
    }),
);

/** The same document link as people paste it: bare, with account/domain segments, query and fragment noise. */
function variants(id: string, k: DocKind): fc.Arbitrary<string> {
  const canonical = docUrl({ id, kind: k });
  const url = new URL(canonical);
  const [, first, ...rest] = url.pathname.split('/');
  return fc
    .record({
      http: fc.boolean(),
      upper: fc.boolean(),
      account: fc.option(fc.nat(9), { nil: undefined }),
      domain: fc.option(fc.constantFrom('example.org', 'igf.un.org', 'wg.intgovforum.org'), { nil: undefined }),
      usp: fc.boolean(),
      heading: fc.boolean(),
      action: fc.constantFrom('', 'edit', 'view', 'preview', 'copy'),
    })
    .map(({ http, upper, account, domain, usp, heading, action }) => {
      const host = upper ? url.host.toUpperCase() : url.host;
      let path = `/${first}/${rest.join('/')}`;
      if (k !== 'folder' && action) path = path.replace(/\/(edit|view)$/, `/${action}`);
      if (account !== undefined) path = `/${first}/u/${account}/${rest.join('/')}`;
      if (domain !== undefined) path = `/a/${domain}${path}`;
      const query = usp ? '?usp=sharing' : '';
      const hash = heading ? '#heading=h.juck72nlha3c' : '';
      return `${http ? 'http' : 'https'}://${host}${path}${query}${hash}`;
    });
}

/** Proofpoint v2's encoding: letters, digits and `.` stay, `/` is `_`, every other byte `-XX`. */
const proofpointV2 = (u: string) =>
  [...new TextEncoder().encode(u)]
    .map((b) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9.]/.test(c) ? c : c === '/' ? '_' : `-${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
/** Proofpoint v3's encoding: `#`, `%`, `*` and spaces are taken out (a `*` each, `**X` for a run) and listed in base64url. */
function proofpointV3(u: string): string {
  let taken = '';
  const url = u.replace(/[#%* ]+/g, (run) => {
    taken += run;
    return run.length === 1 ? '*' : `**${'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[run.length - 2]}`;
  });
  const b64 = btoa(String.fromCharCode(...new TextEncoder().encode(taken)));
  return `https://urldefense.com/v3/__${url}__;${b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}!!G2kpM7uM-TzIFchu!AbCd$`;
}

type Wrapper = (inner: string) => string;
const wrappers: Wrapper[] = [
  (u) => `https://www.google.com/url?q=${enc(u)}&sa=D&source=editors&ust=1598540000000000&usg=AOvVaw0`,
  (u) => `https://nam12.safelinks.protection.outlook.com/?url=${enc(u)}&data=05%7C01%7C&sdata=abc%3D&reserved=0`,
  (u) => `https://eur01.safelinks.protection.outlook.com/ap/w-59584e83/?url=${enc(u)}&data=05%7C02&reserved=0`,
  (u) => `https://outlook.office.com/mail/safelink.html?url=${enc(u)}&corid=1234`,
  (u) => `https://urldefense.proofpoint.com/v1/url?u=${enc(u)}&k=abc%3D%0A&r=x`,
  (u) => `https://urldefense.proofpoint.com/v2/url?u=${proofpointV2(u)}&d=DwMFaQ&c=x&r=y&m=z&s=w&e=`,
  proofpointV3,
  (u) => `https://l.facebook.com/l.php?u=${enc(u)}&h=AT0abc`,
  (u) => `https://lm.facebook.com/l.php?u=${enc(u)}`,
  (u) => `https://www.youtube.com/redirect?event=video_description&q=${enc(u)}&v=Ipi40cb_RsI`,
  (u) => `https://slack-redir.net/link?url=${enc(u)}`,
];
const wrapperChain = fc.array(fc.integer({ min: 0, max: wrappers.length - 1 }), { minLength: 1, maxLength: 4 });

/** Host characters around a real host name. */
const hostPart = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-.'.split('')), maxLength: 12 });

// --- 1. link recognition ----------------------------------------------------------------------

describe('parseDocLink (properties)', () => {
  const check = (href: string, base?: string) => {
    const ref = parseDocLink(href, base);
    if (ref) {
      expect(ref.id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(ref.id.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
      expect(DOC_KINDS).toContain(ref.kind);
    }
    return ref;
  };

  it('never throws on arbitrary strings, and every id it returns is a Drive id', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        fc.option(fc.string(), { nil: undefined }),
        (href, base) => {
          check(href);
          check(href, base);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on URL-ish strings (web URLs, Google hosts and paths, redirectors)', () => {
    fc.assert(
      fc.property(urlish, fc.option(fc.webUrl(), { nil: undefined }), (href, base) => {
        check(href);
        check(href, base);
        check(href.toUpperCase());
      }),
      { numRuns: 1000 },
    );
  });

  it('the quick reading of plain links agrees with the URL parser wherever it answers', () => {
    const noise = fc.oneof(
      urlish,
      driveId.chain((id) =>
        fc
          .tuple(kind, fc.constantFrom('', '/edit', '?usp=sharing', '#gid=0', ' ', '\n', '%20', '/', ':443/'))
          .map(([k, tail]) => docUrl({ id, kind: k }) + tail),
      ),
    );
    fc.assert(
      fc.property(noise, (href) => {
        const quick = parseDirect(href);
        if (quick !== undefined) expect(quick).toEqual(parseByUrl(href));
      }),
      { numRuns: 2000 },
    );
  });

  it('a bare link and its common variants all give the same id', () => {
    fc.assert(
      fc.property(driveId, kind, (id, k) => {
        expect(parseDocLink(docUrl({ id, kind: k }))?.id).toBe(id);
        fc.assert(
          fc.property(variants(id, k), (href) => {
            const ref = parseDocLink(href);
            expect(ref, href).not.toBeNull();
            expect(ref!.id).toBe(id);
            expect(ref!.kind).toBe(k);
          }),
          { numRuns: 10 },
        );
      }),
      { numRuns: 100 },
    );
  });

  it('the same link wrapped in google.com/url, Safe Links, Proofpoint v1–v3, Facebook, YouTube, Slack, nested, gives the same id', () => {
    fc.assert(
      fc.property(
        driveId.chain((id) => kind.chain((k) => variants(id, k).map((href) => ({ id, k, href })))),
        wrapperChain,
        ({ id, k, href }, chain) => {
          let wrapped = href;
          for (const w of chain) wrapped = wrappers[w]!(wrapped);
          const ref = parseDocLink(wrapped);
          expect(ref, wrapped).not.toBeNull();
          expect(ref!.id).toBe(id);
          expect(ref!.kind).toBe(k);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the older and other forms of §1a give the same id as the bare link, bare or wrapped', () => {
    const forms: Array<[DocKind, (id: string) => string]> = [
      ['spreadsheet', (id) => `https://spreadsheets.google.com/ccc?key=${id}&hl=en`],
      ['spreadsheet', (id) => `https://docs.google.com/a/example.org/spreadsheet/ccc?key=${id}#gid=0`],
      ['spreadsheet', (id) => `https://docs.google.com/spreadsheet/pub?key=${id}&output=csv`],
      ['spreadsheet', (id) => `https://docs.google.com/spreadsheets/d/${id}/gviz/tq?tqx=out:csv`],
      ['spreadsheet', (id) => `https://docs.google.com/spreadsheets/d/${id}/htmlview`],
      ['form', (id) => `https://spreadsheets.google.com/viewform?formkey=${id}`],
      ['form', (id) => `https://docs.google.com/spreadsheet/viewform?formkey=${id}#gid=0`],
      ['document', (id) => `https://docs.google.com/document/pub?id=${id}`],
      ['document', (id) => `http://docs.google.com/View?docid=${id}&hl=en`],
      ['document', (id) => `http://docs.google.com/Doc?docid=${id}`],
      ['presentation', (id) => `https://docs.google.com/present/view?id=${id}`],
      ['file', (id) => `https://docs.google.com/leaf?id=${id}&hl=en`],
      ['file', (id) => `https://drive.google.com/file/u/1/d/${id}/view`],
      ['file', (id) => `https://drive.google.com/u/0/uc?id=${id}&export=download`],
      ['file', (id) => `https://drive.google.com/thumbnail?id=${id}&sz=w1000`],
      ['file', (id) => `https://drive.usercontent.google.com/download?id=${id}&export=download`],
      ['file', (id) => `https://lh3.googleusercontent.com/d/${id}=w1600`],
      ['folder', (id) => `https://drive.google.com/embeddedfolderview?id=${id}#list`],
      ['folder', (id) => `https://drive.google.com/drive/mobile/folders/${id}?usp=sharing`],
    ];
    fc.assert(
      fc.property(driveId, fc.nat(forms.length - 1), fc.option(wrapperChain, { nil: undefined }), (id, f, chain) => {
        const [k, form] = forms[f]!;
        let href = form(id);
        for (const w of chain ?? []) href = wrappers[w]!(href);
        expect(parseDocLink(href), href).toEqual({ id, kind: k, published: false });
        expect(parseDocLink(docUrl({ id, kind: k }))?.id).toBe(id);
      }),
      { numRuns: 500 },
    );
  });

  it('look-alike hosts never match, bare or wrapped', () => {
    const lookalike = fc
      .tuple(fc.constantFrom('docs.google.com', 'drive.google.com'), hostPart, hostPart)
      .filter(([host, before, after]) => (before + host + after).replace(/\.+$/, '') !== host)
      .map(([host, before, after]) => before + host + after);
    fc.assert(
      fc.property(lookalike, driveId, kind, fc.option(wrapperChain, { nil: undefined }), (host, id, k, chain) => {
        const real = new URL(docUrl({ id, kind: k }));
        let href = `https://${host}${real.pathname}`;
        if (chain) for (const w of chain) href = wrappers[w]!(href);
        expect(parseDocLink(href), href).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('a look-alike redirector is not followed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'www.google.com',
          'nam12.safelinks.protection.outlook.com',
          'outlook.office.com',
          'urldefense.proofpoint.com',
          'urldefense.com',
          'l.facebook.com',
          'www.youtube.com',
        ),
        fc.constantFrom('.example.net', '-evil.com', '.evil'),
        driveId,
        (host, suffix, id) => {
          const doc = docUrl({ id, kind: 'document' });
          const target = enc(doc);
          const paths: Record<string, string> = {
            'outlook.office.com': '/mail/safelink.html',
            'www.google.com': '/url',
            'urldefense.proofpoint.com': '/v1/url',
            'l.facebook.com': '/l.php',
            'www.youtube.com': '/redirect',
          };
          const path = paths[host] ?? '/';
          expect(parseDocLink(`https://${host}${suffix}${path}?q=${target}&url=${target}&u=${target}`)).toBeNull();
          expect(parseDocLink(`https://${host}${suffix}/v3/__${doc}__;!!x$`)).toBeNull();
          expect(parseDocLink(`https://${host}${suffix}/v2/url?u=${proofpointV2(doc)}`)).toBeNull();
        },
      ),
    );
  });
});

// --- 2. import --------------------------------------------------------------------------------

/** The import's answer always says what went wrong. */
function expectWellFormed(result: ParseResult): void {
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(typeof result.error).toBe('string');
    expect(result.error.trim()).not.toBe('');
    return;
  }
  for (const row of result.value.refused) {
    expect(typeof row.reason).toBe('string');
    expect(row.reason.trim(), JSON.stringify(row)).not.toBe('');
  }
  for (const doc of result.value.documents) {
    expect(doc.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(DOC_KINDS).toContain(doc.kind);
    expect(Array.isArray(doc.aliases)).toBe(true);
    expect(Number.isNaN(Date.parse(doc.updatedAt))).toBe(false);
  }
  for (const ws of result.value.workstreams) {
    expect(typeof ws.id).toBe('string');
    expect(ws.id).not.toBe('');
    expect(ws.name.trim()).not.toBe('');
  }
}

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const isoInstant = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
/** Text as people write it: any characters, markup included, never blank at the ends. */
const someText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '"><script>alert(2)</script>',
    '=HYPERLINK("http://x")',
    "'=1+1",
    '-3',
    '@SUM(A1)',
    'a,b;"c"\n\td',
  ),
);
const trimmed = someText.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);
const KNOWN_DOC_FIELDS = new Set([
  'id',
  'kind',
  'title',
  'url',
  'aliases',
  'workstreamId',
  'deadline',
  'deadlineNote',
  'status',
  'notes',
  'source',
  'sourceTitle',
  'sourceDate',
  'deadlineSource',
  'updatedAt',
]);
const extraFields = (known: Set<string>) =>
  fc.option(
    fc
      .dictionary(
        fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !known.has(k) && k !== '__proto__'),
        fc.jsonValue({ maxDepth: 2 }),
        {
          minKeys: 1,
          maxKeys: 3,
        },
      )
      .map((extra) => JSON.parse(JSON.stringify(extra)) as Record<string, unknown>),
    { nil: undefined },
  );

const workstreamArb: fc.Arbitrary<Workstream> = fc
  .record(
    {
      id: trimmed.map((s) => s.slice(0, 200)),
      name: trimmed,
      group: trimmed,
      color: fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
      extra: extraFields(new Set(['id', 'name', 'group', 'color'])),
    },
    { requiredKeys: ['id', 'name'] },
  )
  .map((w) => {
    const out: Workstream = { id: w.id, name: w.name };
    if (w.group !== undefined) out.group = w.group;
    if (w.color !== undefined) out.color = w.color;
    if (w.extra !== undefined) out.extra = w.extra;
    return out;
  });

/** Drive ids, and some that are also names on Object.prototype (records are keyed by id). */
const recordId = fc.oneof(
  { weight: 5, arbitrary: driveId },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'constructor',
      'hasOwnProperty',
      'isPrototypeOf',
      '__proto__',
      'toString',
      'valueOf',
      '__defineGetter__',
    ),
  },
);

function documentArb(workstreamIds: string[]): fc.Arbitrary<DocRecord> {
  return fc
    .record(
      {
        id: recordId,
        kind,
        title: someText,
        withUrl: fc.boolean(),
        aliases: fc.uniqueArray(driveId, { maxLength: 3 }),
        workstreamId: workstreamIds.length ? fc.constantFrom(...workstreamIds) : fc.constant(undefined),
        deadline: isoDate,
        deadlineNote: someText,
        status: fc.constantFrom(...STATUSES),
        notes: someText,
        source: fc.oneof(fc.webUrl(), someText),
        sourceTitle: someText,
        sourceDate: isoDate,
        deadlineSource: someText,
        updatedAt: isoInstant,
        extra: extraFields(KNOWN_DOC_FIELDS),
      },
      { requiredKeys: ['id', 'kind', 'aliases', 'updatedAt', 'withUrl'] },
    )
    .map(({ withUrl, ...r }) => {
      const doc = { ...r, aliases: r.aliases.filter((a) => a !== r.id) } as DocRecord;
      for (const key of Object.keys(doc) as (keyof DocRecord)[]) if (doc[key] === undefined) delete doc[key];
      if (withUrl) doc.url = docUrl(doc);
      return doc;
    });
}

/** A valid index: unique ids, documents pointing at workstreams of the index. */
const indexArb = fc
  .uniqueArray(workstreamArb, { selector: (w) => w.id, maxLength: 4 })
  .chain((workstreams) =>
    fc
      .uniqueArray(documentArb(workstreams.map((w) => w.id)), { selector: (d) => d.id, maxLength: 8 })
      .map((documents) => ({ workstreams, documents })),
  );

/** The document with its free-text fields trimmed (and dropped when blank), as the CSV form reads them. */
function trimTexts(doc: DocRecord): DocRecord {
  const out = { ...doc } as Record<string, unknown>;
  for (const key of ['title', 'notes', 'deadlineNote', 'source', 'sourceTitle', 'deadlineSource'] as const) {
    const value = out[key];
    if (typeof value !== 'string') continue;
    if (value.trim()) out[key] = value.trim();
    else delete out[key];
  }
  return out as unknown as DocRecord;
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** JSON that looks a bit like a Docket index: the right or a wrong format/version, documents and workstreams of any shape. */
const indexish = fc.record(
  {
    format: fc.oneof(fc.constant('docket-index'), fc.jsonValue({ maxDepth: 1 })),
    version: fc.oneof(fc.constant(1), fc.integer({ min: -2, max: 3 }), fc.double(), fc.jsonValue({ maxDepth: 1 })),
    workstreams: fc.oneof(
      fc.array(
        fc.oneof(
          workstreamArb,
          fc.jsonValue({ maxDepth: 2 }),
          fc.dictionary(fc.constantFrom('id', 'name', 'group', 'color', 'x'), fc.jsonValue({ maxDepth: 1 })),
        ),
        { maxLength: 5 },
      ),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    documents: fc.oneof(
      fc.array(
        fc.oneof(
          documentArb(['ws-a']),
          fc.jsonValue({ maxDepth: 2 }),
          fc.dictionary(
            fc.constantFrom(...KNOWN_DOC_FIELDS, 'other'),
            fc.oneof(fc.jsonValue({ maxDepth: 1 }), driveId, isoDate, fc.constantFrom(...STATUSES, ...DOC_KINDS)),
          ),
        ),
        { maxLength: 8 },
      ),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    exportedAt: fc.jsonValue({ maxDepth: 0 }),
  },
  { requiredKeys: [] },
);

const csvCell = fc.oneof(
  fc.string({ maxLength: 12 }),
  driveId,
  driveId.map((id) => docUrl({ id, kind: 'document' })),
  isoDate,
  fc.constantFrom(...STATUSES, 'Open for comments', '"', '""', '"a,b"', '\n', '\r\n', ';', '\t', '=1+1', "'=1"),
);
const csvText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc
    .tuple(
      fc.shuffledSubarray(
        ['url', 'id', 'title', 'workstream', 'group', 'deadline', 'status', 'notes', 'Other', 'Deadline Note', ''],
        { minLength: 1 },
      ),
      fc.array(fc.array(csvCell, { maxLength: 8 }), { maxLength: 10 }),
      fc.constantFrom(',', ';', '\t'),
      fc.constantFrom('\n', '\r\n', '\r'),
    )
    .map(([header, rows, sep, nl]) => [header, ...rows].map((r) => r.join(sep)).join(nl)),
);

describe('parseImport (properties)', () => {
  it('never throws on arbitrary JSON-ish input, and always says why it refuses', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          indexish.map((x) => JSON.stringify(x)),
          fc.jsonValue().map((x) => JSON.stringify(x)),
          fc.anything().map((x) => {
            try {
              return JSON.stringify(x) ?? 'undefined';
            } catch {
              return String(x);
            }
          }),
        ),
        fc.constantFrom('index.json', 'index.csv', 'index', ''),
        (text, filename) => {
          expectWellFormed(parseImport(text, filename, CTX));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary CSV text, and always says why it refuses', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom('sheet.csv', 'sheet.txt', ''), (text, filename) => {
        expectWellFormed(parseImport(text, filename, CTX));
      }),
      { numRuns: 500 },
    );
  });

  it('export → import round-trips a valid index (JSON)', () => {
    fc.assert(
      fc.property(indexArb, (index) => {
        const file = exportJson(index, NOW);
        const result = parseImport(file.text, file.filename, CTX);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value.refused).toEqual([]);
        expect(byId(result.value.documents)).toEqual(byId(index.documents));
        expect(byId(result.value.workstreams)).toEqual(byId(index.workstreams));
        // Nothing was defaulted: every field came from the file.
        expect(Object.values(result.value.implied ?? {}).flat()).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('export → import round-trips the CSV form too (each document row; workstreams by name)', () => {
    fc.assert(
      fc.property(indexArb, (index) => {
        // CSV carries workstream names, not ids: import it against the index's own workstreams.
        // Names must tell workstreams apart for that (CSV matches names case-insensitively).
        const names = index.workstreams.map((w) =>
          w.name
            .normalize('NFC')
            .replace(/[\u2018\u2019\u02bc]/g, "'")
            .replace(/[\u201c\u201d]/g, '"')
            .toLowerCase(),
        );
        fc.pre(new Set(names).size === names.length);
        // CSV cells are trimmed on import (a documented decision): start from trimmed text.
        index = { ...index, documents: index.documents.map(trimTexts) };
        const file = exportCsv(index, undefined, NOW);
        const result = parseImport(file.text, file.filename, { existingWorkstreams: index.workstreams, now: NOW });
        expect(result.ok, result.ok ? '' : result.error).toBe(true);
        if (!result.ok) return;
        expect(result.value.refused).toEqual([]);
        expect(result.value.workstreams).toEqual([]);
        // The CSV form has no columns for unknown fields, source title/date or the deadline's sentence.
        const csvFields = ({ extra: _e, sourceTitle: _t, sourceDate: _d, deadlineSource: _s, ...d }: DocRecord) => d;
        expect(byId(result.value.documents)).toEqual(byId(index.documents.map(csvFields)));
      }),
      { numRuns: 200 },
    );
  });

  it('planMerge never writes a document without an id, and its counts add up to the rows in the file', () => {
    const existingArb = indexArb;
    fc.assert(
      fc.property(existingArb, indexish, fc.array(documentArb([]), { maxLength: 4 }), (existing, file, overlaps) => {
        // Some incoming rows are the existing documents again, changed or not.
        const docs = Array.isArray(file.documents)
          ? [...file.documents, ...existing.documents.slice(0, 3), ...overlaps]
          : file.documents;
        const text = JSON.stringify({ ...file, format: 'docket-index', version: 1, documents: docs });
        const result = parseImport(text, 'x.json', { existingWorkstreams: existing.workstreams, now: NOW });
        expectWellFormed(result);
        if (!result.ok) return;
        const maps = {
          documents: new Map(existing.documents.map((d) => [d.id, d] as const)),
          workstreams: new Map(existing.workstreams.map((w) => [w.id, w] as const)),
        };
        const plan = planMerge(result.value, maps, NOW);
        for (const doc of plan.documents) {
          expect(typeof doc.id).toBe('string');
          expect(doc.id).toMatch(/^[A-Za-z0-9_-]+$/);
          expect(Number.isNaN(Date.parse(doc.updatedAt))).toBe(false);
        }
        for (const ws of plan.workstreams) expect(ws.id).toBeTruthy();
        const d = plan.report.documents;
        const w = plan.report.workstreams;
        expect(d.added + d.updated + d.unchanged + d.refused).toBe(Array.isArray(docs) ? docs.length : 0);
        expect(w.added + w.updated + w.unchanged + w.refused).toBe(Array.isArray(file.workstreams) ? file.workstreams.length : 0);
        expect(plan.documents).toHaveLength(d.added + d.updated);
        expect(plan.workstreams).toHaveLength(w.added + w.updated);
        expect(plan.report.refused).toHaveLength(d.refused + w.refused);
        // Nothing written twice.
        expect(new Set(plan.documents.map((x) => x.id)).size).toBe(plan.documents.length);
      }),
      { numRuns: 300 },
    );
  });

  it('planMerge over a CSV file: counts add up to the data rows', () => {
    fc.assert(
      fc.property(csvText, indexArb, (text, existing) => {
        const result = parseImport(text, 'sheet.csv', { existingWorkstreams: existing.workstreams, now: NOW });
        expectWellFormed(result);
        if (!result.ok) return;
        const plan = planMerge(
          result.value,
          {
            documents: new Map(existing.documents.map((d) => [d.id, d] as const)),
            workstreams: new Map(existing.workstreams.map((w) => [w.id, w] as const)),
          },
          NOW,
        );
        const d = plan.report.documents;
        const rows = result.value.documents.length + result.value.refused.filter((r) => r.what === 'document').length;
        expect(d.added + d.updated + d.unchanged + d.refused).toBe(rows);
        for (const doc of plan.documents) expect(doc.id).toMatch(/^[A-Za-z0-9_-]+$/);
      }),
      { numRuns: 200 },
    );
  });
});

// --- never a partial write ------------------------------------------------------------------

describe('writeAll: all or nothing (properties)', () => {
  let n = 0;
  const names: string[] = [];
  afterEach(() => {
    for (const name of names.splice(0)) indexedDB.deleteDatabase(name);
  });

  /** A record IndexedDB cannot store: no key, a key of the wrong type, or a value it cannot clone. */
  const broken = fc.constantFrom<(r: Record<string, unknown>) => Record<string, unknown>>(
    ({ id: _id, ...r }) => r,
    (r) => ({ ...r, id: undefined }),
    (r) => ({ ...r, id: null }),
    (r) => ({ ...r, id: {} }),
    (r) => ({ ...r, id: true }),
    (r) => ({ ...r, extra: { f: () => 1 } }),
    (r) => ({ ...r, extra: { s: Symbol('x') } }),
  );

  it('a batch holding one invalid record leaves the database exactly as it was', async () => {
    await fc.assert(
      fc.asyncProperty(indexArb, indexArb, broken, fc.boolean(), fc.nat(), async (before, batch, breakIt, inDocuments, at) => {
        const name = `docket-props-${++n}`;
        names.push(name);
        const db = await openDocketDb(name);
        try {
          await writeAll(db, before.documents, before.workstreams);
          const snapshot = await getIndex(db);
          const docs: unknown[] = [...batch.documents];
          const wss: unknown[] = [...batch.workstreams];
          const list = inDocuments || wss.length === 0 ? docs : wss;
          const source = list.length
            ? (list[at % list.length] as Record<string, unknown>)
            : { id: 'x', kind: 'document', aliases: [], updatedAt: NOW };
          list.splice(list.length ? at % (list.length + 1) : 0, 0, breakIt(source));
          await expect(writeAll(db, docs as DocRecord[], wss as Workstream[])).rejects.toBeDefined();
          expect(await getIndex(db)).toEqual(snapshot);
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});

// --- hostile files ----------------------------------------------------------------------------

describe('parseImport: truncated, binary, deeply nested, wrong-typed and huge input', () => {
  const refused = (text: unknown, filename = 'index.json'): string => {
    // A pathological input (catastrophic backtracking) would hit the test's time limit.
    const result = parseImport(text as string, filename, CTX);
    expect(result.ok).toBe(false);
    if (result.ok) return '';
    expect(result.error.trim().length).toBeGreaterThan(10);
    return result.error;
  };

  it('a truncated export is refused as invalid JSON (or, cut at the end only, still reads)', () => {
    fc.assert(
      fc.property(indexArb, fc.double({ min: 0, max: 1, noNaN: true }), (index, where) => {
        const { text } = exportJson(index, NOW);
        const body = text.trimEnd();
        const cut = body.slice(0, Math.floor(where * (body.length - 1)));
        if (!cut.trim()) return;
        expect(refused(cut)).toMatch(/not valid JSON|not a Docket index|no "format"|empty/);
      }),
      { numRuns: 200 },
    );
  });

  it('a truncated CSV export never throws', () => {
    fc.assert(
      fc.property(indexArb, fc.nat(), (index, where) => {
        const { text } = exportCsv(index, undefined, NOW);
        expectWellFormed(parseImport(text.slice(0, where % (text.length + 1)), 'index.csv', CTX));
      }),
      { numRuns: 200 },
    );
  });

  it('binary data is refused', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 2000 }),
        fc.constantFrom('index.json', 'index.csv', 'photo.png'),
        (bytes, name) => {
          const latin1 = String.fromCharCode(...bytes);
          const utf8 = new TextDecoder().decode(bytes);
          for (const text of [latin1, utf8, `\0${latin1}`]) expectWellFormed(parseImport(text, name, CTX));
          expect(refused(`{"format":"docket-index"\0${latin1}`, name)).toMatch(/binary/);
        },
      ),
      { numRuns: 200 },
    );
    // A PNG's first bytes.
    expect(refused('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'photo.png')).toMatch(/binary/);
  });

  it('10,000 levels of nesting are refused, never a stack overflow', () => {
    const deep = 10_000;
    expect(refused('['.repeat(deep))).toMatch(/not valid JSON/);
    expect(refused('{"a":'.repeat(deep))).toMatch(/not valid JSON/);
    expect(refused(`${'['.repeat(deep)}${']'.repeat(deep)}`)).toMatch(/a list, not a Docket index/);
    // A file whose one document is 10,000 nested lists: that row is refused, with a reason.
    const rows = parseImport(
      `{"format":"docket-index","version":1,"documents":${'['.repeat(deep)}${']'.repeat(deep)}}`,
      'index.json',
      CTX,
    );
    expect(rows.ok && rows.value.refused).toEqual([
      {
        row: 0,
        what: 'document',
        reason: 'a document must be an object, not a list',
        said: [{ key: 'imp_doc_not_object', vars: { value: { key: 'imp_value_list' } } }],
      },
    ]);
    const ws = parseImport(`{"format":"docket-index","version":1,"workstreams":[[]]}`, 'index.json', CTX);
    expect(ws.ok && ws.value.refused).toEqual([
      {
        row: 0,
        what: 'workstream',
        reason: 'a workstream must be an object, not a list',
        said: [{ key: 'imp_ws_not_object', vars: { value: { key: 'imp_value_list' } } }],
      },
    ]);
    expect(refused(`${'['.repeat(deep)}`, 'index.csv')).toMatch(/./);
  });

  it('a document with 10,000 levels of nesting in an unknown field: kept without that field, never a throw downstream', () => {
    const deep = 10_000;
    const nested = `${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}`;
    const id = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
    const text = `{"format":"docket-index","version":1,"documents":[{"id":"${id}","title":"T","x":${nested},"y":{"z":[1]}}],
      "workstreams":[{"id":"ws","name":"W","x":${nested}}]}`;
    const result = parseImport(text, 'index.json', CTX);
    expectWellFormed(result);
    if (!result.ok) throw new Error(result.error);
    const [doc] = result.value.documents;
    expect(doc).toMatchObject({ id, title: 'T', extra: { y: { z: [1] } } });
    expect(doc!.extra).not.toHaveProperty('x');
    expect(result.value.workstreams[0]).toEqual({ id: 'ws', name: 'W' });
    // Merging it over itself and exporting it work.
    const plan = planMerge(result.value, { documents: new Map([[id, doc!]]), workstreams: new Map() }, NOW);
    expect(plan.report.documents.unchanged).toBe(1);
    expect(() => exportJson({ documents: [doc!], workstreams: result.value.workstreams }, NOW)).not.toThrow();
  });

  it('documents whose ids are names on Object.prototype merge like any other', () => {
    for (const id of ['constructor', 'hasOwnProperty', 'isPrototypeOf', 'toString', '__proto__', '__defineGetter__']) {
      const old: DocRecord = { id, kind: 'spreadsheet', aliases: [], title: 'old', updatedAt: '2020-01-01T00:00:00.000Z' };
      // No kind and no updatedAt in the file: neither may override the index's.
      const result = parseImport(
        JSON.stringify({ format: 'docket-index', version: 1, documents: [{ id, title: 'new' }] }),
        'x.json',
        CTX,
      );
      if (!result.ok) throw new Error(result.error);
      expect(result.value.documents.map((d) => d.id)).toEqual([id]);
      const plan = planMerge(result.value, { documents: new Map([[id, old]]), workstreams: new Map() }, NOW);
      expect(plan.report.documents).toEqual({ added: 0, updated: 1, unchanged: 0, refused: 0 });
      expect(plan.documents).toEqual([{ ...old, title: 'new', updatedAt: NOW }]);
    }
  });

  it('wrong-typed input and fields are refused with a message', () => {
    for (const value of [undefined, null, 42, {}, [], new Uint8Array([1, 2]), Symbol('x')]) {
      expect(() => parseImport(value as unknown as string, 'index.json', CTX)).not.toThrow();
      expectWellFormed(parseImport(value as unknown as string, 'index.json', CTX));
    }
    expect(() => parseImport('{}', undefined as unknown as string, CTX)).not.toThrow();
    expect(refused('"docket-index"')).toMatch(/text .*not a Docket index/);
    expect(refused('null')).toMatch(/null, not a Docket index/);
    expect(refused('42')).toMatch(/number 42, not a Docket index/);
    expect(refused('{"format":"docket-index","version":"1"}')).toMatch(/version/);
    expect(refused('{"format":"docket-index","version":2}')).toMatch(/newer version/);
    expect(refused('{"format":"docket-index","version":1,"documents":{}}')).toMatch(/"documents" must be a list/);
    expect(refused('{"format":"docket-index","version":1,"workstreams":"ws"}')).toMatch(/"workstreams" must be a list/);
    expect(refused('{"format":["docket-index"],"version":1}')).toMatch(/format/);
  });

  it('huge input is refused quickly, never a hang', () => {
    expect(refused('a'.repeat(21 * 1024 * 1024))).toMatch(/larger than 20 MB/);
    expect(refused('é'.repeat(11 * 1024 * 1024))).toMatch(/larger than 20 MB/);
    // One enormous JSON string under the limit: a clear refusal of that row.
    const long = parseImport(
      JSON.stringify({
        format: 'docket-index',
        version: 1,
        documents: [{ id: '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI', title: 'x'.repeat(5_000_000) }],
      }),
      'index.json',
      CTX,
    );
    expectWellFormed(long);
    expect(long.ok && long.value.refused[0]?.reason).toMatch(/longer than/);
    // One CSV line with a million separators and a quoted cell that never ends.
    expectWellFormed(parseImport(`url,title\n${','.repeat(1_000_000)}`, 'sheet.csv', CTX));
    expect(refused(`url,title\n"${'x'.repeat(1_000_000)}`, 'sheet.csv')).toMatch(/never ends/);
  });

  it('many rows under the limit are all read', () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `https://docs.google.com/document/d/1doc${String(i).padStart(20, '0')}/edit,Doc ${i},2020-09-10`,
    );
    const result = parseImport(`url,title,deadline\n${rows.join('\n')}`, 'sheet.csv', CTX);
    expect(result.ok && result.value.documents).toHaveLength(20_000);
  });
});
