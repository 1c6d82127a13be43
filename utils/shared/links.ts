/**
 * Google document links → document identity (CONTRACT §1 and §1a).
 *
 * Pure functions, no browser APIs: this module ships in the content script.
 *
 * A link is read in two steps, each a table of small named rules: {@link wrappers} (redirectors,
 * unwrapped in a loop at most {@link MAX_WRAPPERS} deep), then {@link docRules} on Google's own
 * document hosts (exact names: look-alikes such as `docs.google.com.example.net` are no documents).
 *
 * Decisions:
 * - An id is `[A-Za-z0-9_-]`, 10 to {@link MAX_ID_LENGTH} characters. Today's ids are 25–44 (published
 *   ids 86); keys from before 2012 are shorter (15–23); 10 keeps `/d/e/`, `/d/abc/` and path words out.
 *   A longer "id" is refused here, so one hostile link cannot spoil a lookup batch (issue 13, item 6).
 * - `open?id=`, `uc?id=`, `leaf?id=`… do not say what the file is: they yield kind `file`.
 * - A relative href is only accepted when it starts with `/` (root- or protocol-relative):
 *   fragment-, query- and path-relative hrefs (`#x`, `?x`, `edit`) are self-links of the
 *   page, not links to a document. An absolute href must contain `google` or `safelink`
 *   literally (so percent-escaped host names are refused). Every shape above, wrapped or not,
 *   keeps the Google host literally, so every accepted href is inside {@link LINK_SELECTOR}.
 * - URLs with user info (`user@`) or an explicit non-default port are refused.
 * - Links as mail archivers write them (issue 26): a run of `.`, `,`, `;`, `:`, `!`, `?`, `)`, `]`, `>` or quotes
 *   right after an id is no part of it (an id is `[A-Za-z0-9_-]`, so none of those can be), but only at the end
 *   of the id's path word or parameter: `/d/ID.pdf` is no id followed by a full stop. HTML entities left in an
 *   href (`&#x2F;`, `&amp;`) are read as what they stand for ({@link decodeEntities}), and percent-escapes in a
 *   path word too (`%5F` is `_`; a query's values are decoded by the URL parser already).
 */
import type { DocKind } from './model';
import { decodeEntities, mayHoldEntities } from './href-entities';

export interface DocRef {
  id: string;
  kind: DocKind;
  /** true when the id is a published-to-web (`/d/e/2PACX-…`) or form responder (`/forms/d/e/1FAIpQL…`) id */
  published: boolean;
}

/** Real Drive ids are under 100 characters. */
export const MAX_ID_LENGTH = 99;
const ID_RE = /^[A-Za-z0-9_-]{10,99}$/;
/** How many redirectors may wrap a link. */
export const MAX_WRAPPERS = 5;

const DOCS = 'docs.google.com';
const DRIVE = 'drive.google.com';
const SHEETS = 'spreadsheets.google.com';
const USERCONTENT = 'drive.usercontent.google.com';
const LH3 = 'lh3.googleusercontent.com';
/** The hosts documents live on (exact names: nothing else is a document). */
export const DOC_HOSTS: readonly string[] = [DOCS, DRIVE, SHEETS, USERCONTENT, LH3];
const DOC_HOST_SET = new Set(DOC_HOSTS);

const SCHEME_RE = /^[a-z][a-z\d+.-]*:/i;
const HINT_RE = /google|safelink/i;
const GOOGLE_HOST_RE = /^(?:www\.)?google\.(?:[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2})$/;

/**
 * Quick pre-filter a content script can use before the full parse: true for every href
 * parseDocLink accepts, when "google" in it is written in lower case, Title case or capitals
 * (every link a person or a program writes; not "gOOgle"). Case-sensitive on purpose: the `i`
 * flag made the query 3× slower on a 20,000-element page (3.7 against 1.15 ms in Docket's world in
 * Chromium, scripts/bench/ab-links.mjs), and it runs on every page load and every batch of page changes.
 * Redirectors need no literal of their own: what they wrap keeps its Google host in the href.
 */
const CANDIDATES = '[href*="google"],[href*="Google"],[href*="GOOGLE"],[href*="safelink"]';
export const LINK_SELECTOR = `a:is(${CANDIDATES},[href^="/"])`;

/** Absolute links only: enough on a page whose base is not Google's (its relative links stay on its own site). */
export const ABSOLUTE_LINK_SELECTOR = `a:is(${CANDIDATES})`;

/** Gmail's attribute holding Google's redirect to a link's address (read by {@link parseMailLink}). */
export const SAFE_REDIRECT_ATTR = 'data-saferedirecturl';

/** google.com or one of its subdomains (docs., drive., mail.…). */
export function isGoogleHost(hostname: string): boolean {
  return /(^|\.)google\.com$/i.test(hostname);
}

/** Gmail's origin: the page's real one (`location.origin`), never its base, which the page itself may set. */
export const GMAIL_ORIGIN = 'https://mail.google.com';

/**
 * The selector for a page: relative links can only be documents when the page's base is a Google host.
 * (Gmail's redirect attribute needs no selector of its own: {@link parseMailLink} reads it only on links
 * whose href is Google's click-tracker, which the candidates' `google` finds.)
 */
export function linkSelectorFor(baseURI: string): string {
  const host = toUrl(baseURI)?.hostname;
  return host === undefined || isGoogleHost(host) ? LINK_SELECTOR : ABSOLUTE_LINK_SELECTOR;
}

function toUrl(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

/** What an archiver may leave after an id (CONTRACT §1a): sentence punctuation, closing brackets, quotes. */
const TRAILING_RE = /[.,;:!?)\]>"'\u2018\u2019\u201c\u201d\u00ab\u00bb]+$/;

function ref(id: string | null | undefined, kind: DocKind, published = false): DocRef | null {
  if (id && !ID_RE.test(id)) id = id.replace(TRAILING_RE, '');
  return id && ID_RE.test(id) ? { id, kind, published } : null;
}

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

// --- redirectors ------------------------------------------------------------------------------

/** `target`: the address a URL wraps, or null when it is not this redirector's. */
type Wrapper = { name: string; target(url: URL, host: string): string | null };

const PROOFPOINT = /^urldefense(?:\.proofpoint)?\.com$/;
/** Proofpoint v3's run tokens: `**A` stands for the next 2 characters, `**B` for 3… */
const V3_RUNS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Proofpoint v2's `u=`: `-XX` for an escaped byte, `_` for `/`. */
export function decodeProofpointV2(u: string): string | null {
  return decode(u.replace(/-([0-9A-Fa-f]{2})/g, '%$1').replace(/_/g, '/'));
}

/**
 * Proofpoint v3: `/v3/__<url>__;<base64url of the characters taken out>!!…$`. Each `*` in the URL
 * stands for the next character taken out, each `**X` for a run of them. Without those characters
 * (a cut link), a `*` is read as `#`, the one it stands for in most links.
 */
export function decodeProofpointV3(path: string): string | null {
  const m = /^\/v3\/__(.+)__;([A-Za-z0-9_-]*)/.exec(path); // the last `__;`: a v3 link may wrap another
  if (!m) return null;
  const url = decode(m[1]!) ?? m[1]!;
  let taken = '';
  try {
    const bin = atob(m[2]!.replace(/-/g, '+').replace(/_/g, '/'));
    taken = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    // no characters: every `*` reads as `#`
  }
  const chars = [...taken];
  let next = 0;
  return url.replace(/\*(\*.)?/g, (_token: string, run?: string) => {
    const n = run ? V3_RUNS.indexOf(run[1]!) + 2 : 1;
    if (n < 1 || next + n > chars.length) return '#';
    next += n;
    return chars.slice(next - n, next).join('');
  });
}

/** A redirector that names its target in a query parameter (the first of `params` given). */
function byParam(name: string, host: RegExp, path: string | RegExp | null, ...params: string[]): Wrapper {
  const target = (u: URL, h: string) =>
    host.test(h) && (path === null || (typeof path === 'string' ? u.pathname === path : path.test(u.pathname)))
      ? params.map((p) => u.searchParams.get(p)).find(Boolean) || null
      : null;
  return { name, target };
}

/** Built on first use (like the rules below): a page with no link to unwrap pays neither for compiling nor for building them. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export const wrappers = once((): readonly Wrapper[] => [
  byParam('google.com/url', GOOGLE_HOST_RE, '/url', 'q', 'url'),
  byParam('Safe Links', /\.safelinks\.protection\.outlook\.com$/, null, 'url'),
  byParam('Outlook safelink.html', /^outlook\.office(?:365)?\.com$/, '/mail/safelink.html', 'url'),
  byParam('Proofpoint v1', PROOFPOINT, '/v1/url', 'u'),
  {
    name: 'Proofpoint v2',
    // `u=` read raw: `+` is no space there
    target: (u, h) =>
      (PROOFPOINT.test(h) && u.pathname === '/v2/url' && decodeProofpointV2(/[?&]u=([^&]*)/.exec(u.search)?.[1] ?? '')) || null,
  },
  { name: 'Proofpoint v3', target: (u, h) => (PROOFPOINT.test(h) && decodeProofpointV3(u.pathname + u.search)) || null },
  byParam('Facebook link shim', /^(?:l|lm|m|www)\.facebook\.com$/, '/l.php', 'u'),
  byParam('YouTube redirect', /^(?:www\.|m\.)?youtube\.com$/, '/redirect', 'q'),
  byParam('Slack redirect', /^slack-redir\.net$/, '/link', 'url'),
  byParam('LinkedIn redirect', /^(?:www\.)?linkedin\.com$/, /^\/redir\/redirect\/?$/, 'url'),
  byParam(
    'Teams Safe Links',
    /^(?:statics(?:int)?\.teams\.cdn\.office\.net|teams\.public\.onecdn\.static\.microsoft)$/,
    /^\/evergreen-assets\/safelinks\/\d+\/atp-safelinks\.html$/,
    'url',
  ),
]);

/** The URL a redirector wraps, or null when `url` is not a known redirector. */
function unwrap(url: URL, host: string, trace?: string[]): string | null {
  for (const w of wrappers()) {
    let target = w.target(url, host);
    if (!target) continue;
    trace?.push(w.name);
    // A target percent-encoded more than once: decode until it looks like a URL.
    for (let i = 0; target && i < 3 && /^https?%3a/i.test(target); i++) target = decode(target);
    return target;
  }
  return null;
}

// --- documents on Google's hosts --------------------------------------------------------------

/** A URL on a document host, its path cut in words without `/u/N/` (account) and `/a/DOMAIN/` (Workspace). */
type Parts = { host: string; words: string[]; q: URLSearchParams };
type DocRule = { name: string; read(p: Parts): DocRef | null };

/** Path word after `docs.google.com/` → kind. */
const DOCS_KINDS = new Map<string, DocKind>(
  Object.entries({ document: 'document', spreadsheets: 'spreadsheet', presentation: 'presentation' } as const),
);
for (const [word, kind] of [
  ['forms', 'form'],
  ['drawings', 'drawing'],
  ['file', 'file'],
] as const)
  DOCS_KINDS.set(word, kind);

/** The kind a path's first word names on that host: any of DOCS_KINDS on Docs, only `file` on Drive. */
function kindOf(host: string, word: string | undefined): DocKind | undefined {
  return host === DOCS ? DOCS_KINDS.get(word ?? '') : host === DRIVE && word === 'file' ? 'file' : undefined;
}

/** A parameter by name; `docid` is also written `docID`. Trailing dots of an old key are base64 padding. */
function param(q: URLSearchParams, name: string): string | null {
  let value = q.get(name);
  if (value === null && name === 'docid') for (const [k, v] of q) if (k.toLowerCase() === name) value = v;
  return value && name.endsWith('key') ? value.replace(/\.+$/, '') : value;
}

/** [host, path (its words joined by `/`), parameter, kind]: the document named in the query. */
const queryForms = (): ReadonlyArray<readonly [string, RegExp, string, DocKind]> => [
  [DOCS, /^(?:open|uc|leaf|fileview)$/, 'id', 'file'],
  [DRIVE, /^(?:open|uc|thumbnail)$/, 'id', 'file'],
  [USERCONTENT, /^download$/, 'id', 'file'],
  [DOCS, /^viewer$/, 'srcid', 'file'],
  [DRIVE, /^(?:embedded)?folderview$/, 'id', 'folder'],
  [DOCS, /^(?:view|doc)$/i, 'docid', 'document'], // Docs before 2010
  [DOCS, /^document\/(?:pub|edit|view)$/, 'id', 'document'],
  [DOCS, /^present\/(?:view|edit|embed)$/, 'id', 'presentation'],
  [DOCS, /^spreadsheets?\/(?:ccc|pub|lv|tq)$/, 'key', 'spreadsheet'], // Sheets before 2014
  [SHEETS, /^(?:ccc|pub|lv|tq)$/, 'key', 'spreadsheet'],
  [DOCS, /^spreadsheet\/(?:view|embedded)form$/, 'formkey', 'form'],
  [SHEETS, /^(?:spreadsheet\/)?(?:view|embedded)form$/, 'formkey', 'form'],
];

export const docRules = once((): readonly DocRule[] => [
  {
    // `/document/d/ID/…`, `/spreadsheets/d/e/2PACX-…/pubhtml`, `/file/d/ID`: the id in the path, also under every
    // endpoint below it (gviz/tq, export, htmlview, pubhtml, a responder link's legacy `formkey=`).
    name: 'editor path',
    read: ({ host, words: [a, b, c, d] }) => {
      const kind = kindOf(host, a);
      if (!kind || b !== 'd') return null;
      return c === 'e' && kind !== 'file' ? ref(d, kind, true) : ref(c, kind);
    },
  },
  {
    // `drive.google.com/drive/folders/ID`, `/drive/mobile/folders/ID`.
    name: 'folder path',
    read: ({ host, words }) => {
      const i = words[1] === 'mobile' ? 2 : 1;
      return host === DRIVE && words[0] === 'drive' && words[i] === 'folders' ? ref(words[i + 1], 'folder') : null;
    },
  },
  {
    // A Drive file's image: `lh3.googleusercontent.com/d/ID=w1000`.
    name: 'Drive image',
    read: ({ host, words: [a, b, c] }) => (host === LH3 && a === 'd' && b && !c ? ref(b.split('=')[0], 'file') : null),
  },
  ...queryForms().map(([host, path, name, kind]): DocRule => ({
    name: `${host} ?${name}= (${kind})`,
    read: (p) => (p.host === host && p.words.length <= 2 && path.test(p.words.join('/')) ? ref(param(p.q, name), kind) : null),
  })),
]);

/** A URL on a document host → the document, or null. */
function fromDocHost(url: URL, host: string, trace?: string[]): DocRef | null {
  const raw = url.pathname.split('/');
  const words: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let seg = raw[i];
    if (!seg) continue;
    // `%5F` for `_`, `%2D` for `-`; `%22` and `%3E`: the quote or `>` an archiver left, escaped by the URL parser.
    if (seg.includes('%')) seg = decode(seg) ?? seg;
    const next = raw[i + 1];
    // `/u/N/` (account index) and `/a/DOMAIN/` (Workspace domain) may appear anywhere.
    if ((seg === 'u' && next && /^\d+$/.test(next)) || (seg === 'a' && next && next.includes('.'))) {
      i++;
      continue;
    }
    words.push(seg);
  }
  const parts = { host, words, q: url.searchParams };
  for (const rule of docRules()) {
    const found = rule.read(parts);
    if (found) {
      trace?.push(rule.name);
      return found;
    }
  }
  return null;
}

// --- reading a link ---------------------------------------------------------------------------

/**
 * The common shape, `https://docs.google.com/document/d/ID/edit`, read without building a URL
 * (a page may hold thousands). Only hrefs the URL parser would read the same way pass: the id
 * must be followed by `/`, `?`, `#` or the end, or by punctuation an archiver left at the end (`…/d/ID.`);
 * anything else (`/u/0/`, `/d/e/`, a port, spaces, upper case) is left to the full parse. Tested to agree with it.
 */
const DIRECT_RE = /^https?:\/\/(docs|drive)\.google\.com\/([a-z]+)\/d\/([A-Za-z0-9_-]{10,99})(?:[/?#]|[.,;:!)\]]*$)/;

export function parseDirect(href: string): DocRef | undefined {
  const m = DIRECT_RE.exec(href);
  const kind = m ? kindOf(`${m[1]}.google.com`, m[2]) : undefined;
  return kind ? { id: m![3]!, kind, published: false } : undefined;
}

/** The last base a link was read against, parsed once (a page's links share one). */
let lastBase: string | undefined;
let lastBaseHref: string | undefined;

/** Any href (absolute, or relative to `base`) → the Google document it points at, or null. Never throws. */
export function parseDocLink(href: string, base?: string): DocRef | null {
  if (typeof href !== 'string' || !href) return null;
  return parseDirect(href) ?? parseByUrl(href, base);
}

/** The full reading, through the URL parser (redirectors, account paths, relative links…). */
export const parseByUrl = (href: string, base?: string): DocRef | null => follow(href, base);

/** How a link was read: the redirectors unwrapped and the rule that found the document (tests, diagnostics). */
export function explainDocLink(href: string, base?: string): { ref: DocRef | null; steps: string[] } {
  const steps: string[] = [];
  const ref = follow(href, base, steps);
  return { ref, steps: ref ? steps : [] };
}

/** Unwraps `href` to the end and reads the document there. */
function follow(raw: string, base?: string, trace?: string[]): DocRef | null {
  if (typeof raw !== 'string' || !raw) return null;
  const href = mayHoldEntities(raw) ? decodeEntities(raw) : raw;
  if (SCHEME_RE.test(href.trim())) {
    if (!HINT_RE.test(raw)) return null;
  } else if (raw[0] !== '/') {
    return null;
  }
  if (base !== lastBase) {
    lastBase = base;
    lastBaseHref = base ? toUrl(base)?.href : undefined;
  }
  let url = toUrl(href, lastBaseHref);
  for (let hops = 0; url; hops++) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.username || url.password || url.port) return null;
    const host = url.hostname;
    if (DOC_HOST_SET.has(host)) return fromDocHost(url, host, trace);
    if (hops === MAX_WRAPPERS) return null;
    const target = unwrap(url, host, trace);
    url = target ? toUrl(mayHoldEntities(target) ? decodeEntities(target) : target) : null;
  }
  return null;
}

/** What a Google click-tracker's href starts with (its host is checked exactly by {@link googleRedirectTarget}). */
const CLICK_TRACKER_RE = /^https:\/\/(?:www\.)?google\.[a-z.]{2,6}\/url\?/i;

/** The address Google's click-tracker (`www.google.com/url?q=…`, also `url=`) sends to, or null when `href` is none. */
function googleRedirectTarget(href: string): string | null {
  const u = toUrl(href);
  if (!u || u.protocol !== 'https:' || u.username || u.password || u.port) return null;
  if (!GOOGLE_HOST_RE.test(u.hostname) || u.pathname !== '/url') return null;
  return u.searchParams.get('q') || u.searchParams.get('url') || null;
}

/**
 * A link in a mail page. Its href decides. Gmail's `data-saferedirecturl` (Google's redirect to the link's address)
 * counts only when the page really is Gmail (`origin`, the page's `location.origin`: a `<base href>` the page wrote
 * cannot make it so), when that attribute is Google's own redirect, and when the link's own href is Google's
 * click-tracker carrying the same target, directly or as the href itself (Gmail wraps the href it shows): the
 * attribute can confirm a link, never dress one link as another (issue 28, item 9).
 */
export function parseMailLink(
  href: string,
  base: string | undefined,
  page: { origin(): string | null | undefined; saferedirect(): string | null },
): DocRef | null {
  const found = parseDocLink(href, base);
  // a quick look first: most links a page has are no Google click-tracker (then neither origin nor attribute is read)
  if (found || !CLICK_TRACKER_RE.test(href) || page.origin() !== GMAIL_ORIGIN) return found;
  const own = googleRedirectTarget(href);
  const safe = own && page.saferedirect();
  const said = safe ? googleRedirectTarget(safe) : null;
  return said && (said === own || said === href) ? parseByUrl(own!) : null;
}

/** True only for https URLs on Google's own document hosts (docs.google.com, drive.google.com): the only URLs Docket will open from a badge. */
export function isGoogleDocsUrl(url: string): boolean {
  if (typeof url !== 'string') return false;
  const u = toUrl(url);
  return !!u && u.protocol === 'https:' && !u.username && !u.password && !u.port && (u.hostname === DOCS || u.hostname === DRIVE);
}
