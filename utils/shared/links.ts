/**
 * Google document links → document identity (CONTRACT §1).
 *
 * Pure functions, no browser APIs: this module ships in the content script.
 *
 * Decisions:
 * - An id is `[A-Za-z0-9_-]{10,}` (real Drive ids are 25+ characters; 10 is a floor that
 *   keeps `/d/e/`, `/d/abc/` and path words out).
 * - `open?id=` and `uc?id=` do not say what the file is: they yield kind `file`.
 * - A relative href is only accepted when it starts with `/` (root- or protocol-relative):
 *   fragment-, query- and path-relative hrefs (`#x`, `?x`, `edit`) are self-links of the
 *   page, not links to a document. An absolute href must contain `google` or `safelink`
 *   literally (so percent-escaped host names are refused). Both rules keep every accepted
 *   href inside {@link LINK_SELECTOR}.
 * - URLs with user info (`user@`) or an explicit non-default port are refused.
 */
import type { DocKind } from './model';

export interface DocRef {
  id: string;
  kind: DocKind;
  /** true when the id is a published-to-web (`/d/e/2PACX-…`) or form responder (`/forms/d/e/1FAIpQL…`) id */
  published: boolean;
}

const DOCS = 'docs.google.com';
const DRIVE = 'drive.google.com';
const ID_RE = /^[A-Za-z0-9_-]{10,}$/;
/** How many redirectors (google.com/url, Safe Links…) may wrap a link. */
const MAX_WRAPPERS = 5;
const SCHEME_RE = /^[a-z][a-z\d+.-]*:/i;
const HINT_RE = /google|safelink/i;
const GOOGLE_HOST_RE = /^(?:www\.)?google\.(?:[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2})$/;
const SAFELINKS_SUFFIX = '.safelinks.protection.outlook.com';

/** Path word after `docs.google.com/` → kind. */
const DOCS_KINDS = new Map<string, DocKind>([
  ['document', 'document'],
  ['spreadsheets', 'spreadsheet'],
  ['presentation', 'presentation'],
  ['forms', 'form'],
  ['drawings', 'drawing'],
  ['file', 'file'],
]);

/**
 * Quick pre-filter a content script can use before the full parse: true for every href
 * parseDocLink accepts, when "google" in it is written in lower case, Title case or capitals
 * (every link a person or a program writes; not "gOOgle"). Case-sensitive on purpose: the `i`
 * flag made the query 3× slower on a 20,000-element page (3.7 against 1.15 ms in Docket's world in
 * Chromium, scripts/bench/ab-links.mjs), and it runs on every page load and every batch of page changes.
 */
const CANDIDATES = '[href*="google"],[href*="Google"],[href*="GOOGLE"],[href*="safelink"]';
export const LINK_SELECTOR = `a:is(${CANDIDATES},[href^="/"])`;

/** Absolute links only: enough on a page whose base is not Google's (its relative links stay on its own site). */
export const ABSOLUTE_LINK_SELECTOR = `a:is(${CANDIDATES})`;

/** google.com or one of its subdomains (docs., drive., mail.…). */
export function isGoogleHost(hostname: string): boolean {
  return /(^|\.)google\.com$/i.test(hostname);
}

/** The selector for a page: relative links can only be documents when the page's base is a Google host. */
export function linkSelectorFor(baseURI: string): string {
  try {
    return isGoogleHost(new URL(baseURI).hostname) ? LINK_SELECTOR : ABSOLUTE_LINK_SELECTOR;
  } catch {
    return LINK_SELECTOR;
  }
}

function toUrl(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

function ref(id: string | null | undefined, kind: DocKind, published = false): DocRef | null {
  return id && ID_RE.test(id) ? { id, kind, published } : null;
}

/** The URL a redirector wraps, or null when `url` is not a known redirector. */
function wrapped(url: URL, host: string): string | null {
  const p = url.searchParams;
  let target: string | null = null;
  if (GOOGLE_HOST_RE.test(host)) {
    if (url.pathname === '/url') target = p.get('q') || p.get('url');
  } else if (host.endsWith(SAFELINKS_SUFFIX)) {
    target = p.get('url');
  } else if (host === 'outlook.office.com' || host === 'outlook.office365.com') {
    if (url.pathname === '/mail/safelink.html') target = p.get('url');
  }
  // A target percent-encoded more than once: decode until it looks like a URL.
  for (let i = 0; target && i < 3 && /^https?%3a/i.test(target); i++) {
    try {
      target = decodeURIComponent(target);
    } catch {
      return null;
    }
  }
  return target;
}

/** The kind a path's first word names on that host: any of DOCS_KINDS on Docs, only `file` on Drive. */
function kindOf(host: string, word: string | undefined): DocKind | undefined {
  return host === DOCS ? DOCS_KINDS.get(word ?? '') : word === 'file' ? 'file' : undefined;
}

/** A URL on docs.google.com or drive.google.com → the document, or null. */
function fromGoogle(url: URL, host: string): DocRef | null {
  const raw = url.pathname.split('/');
  const s: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const seg = raw[i];
    if (!seg) continue;
    const next = raw[i + 1];
    // `/u/N/` (account index) and `/a/DOMAIN/` (Workspace domain) may appear anywhere.
    if ((seg === 'u' && next && /^\d+$/.test(next)) || (seg === 'a' && next && next.includes('.'))) {
      i++;
      continue;
    }
    s.push(seg);
  }
  const [a, b, c, d] = s;
  const kind = kindOf(host, a);
  if (kind && b === 'd') {
    return c === 'e' && kind !== 'file' ? ref(d, kind, true) : ref(c, kind);
  }
  const q = url.searchParams;
  if (s.length === 1) {
    if (a === 'open' || a === 'uc') return ref(q.get('id'), 'file');
    if (host === DRIVE && (a === 'folderview' || a === 'embeddedfolderview')) return ref(q.get('id'), 'folder');
  }
  if (host === DRIVE && a === 'drive' && b === 'folders') return ref(c, 'folder');
  if (host === DOCS && s.length === 2 && (a === 'spreadsheet' || a === 'spreadsheets') && (b === 'ccc' || b === 'pub')) {
    return ref(q.get('key'), 'spreadsheet');
  }
  return null;
}

/**
 * The common shape, `https://docs.google.com/document/d/ID/edit`, read without building a URL
 * (a page may hold thousands). Only hrefs the URL parser would read the same way pass: the id
 * must be followed by `/`, `?`, `#` or the end; anything else (`/u/0/`, `/d/e/`, a port, spaces,
 * upper case) is left to the full parse. Tested to agree with it.
 */
const DIRECT_RE = /^https?:\/\/(docs|drive)\.google\.com\/([a-z]+)\/d\/([A-Za-z0-9_-]{10,})(?:[/?#]|$)/;

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
export function parseByUrl(href: string, base?: string): DocRef | null {
  if (typeof href !== 'string' || !href) return null;
  if (SCHEME_RE.test(href.trim())) {
    if (!HINT_RE.test(href)) return null;
  } else if (href[0] !== '/') {
    return null;
  }
  if (base !== lastBase) {
    lastBase = base;
    lastBaseHref = base ? toUrl(base)?.href : undefined;
  }
  const baseUrl = lastBaseHref;
  let url = toUrl(href, baseUrl);
  for (let hops = 0; url; hops++) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.username || url.password || url.port) return null;
    const host = url.hostname;
    if (host === DOCS || host === DRIVE) return fromGoogle(url, host);
    if (hops === MAX_WRAPPERS) return null;
    const target = wrapped(url, host);
    url = target ? toUrl(target) : null;
  }
  return null;
}

/** Canonical URL to open a document of that kind. */
export function docUrl(ref: { id: string; kind: DocKind; published?: boolean }): string {
  const id = encodeURIComponent(ref.id);
  const pub = !!ref.published;
  const docs = `https://${DOCS}`;
  switch (ref.kind) {
    case 'document':
      return pub ? `${docs}/document/d/e/${id}/pub` : `${docs}/document/d/${id}/edit`;
    case 'spreadsheet':
      return pub ? `${docs}/spreadsheets/d/e/${id}/pubhtml` : `${docs}/spreadsheets/d/${id}/edit`;
    case 'presentation':
      return pub ? `${docs}/presentation/d/e/${id}/pub` : `${docs}/presentation/d/${id}/edit`;
    case 'form':
      return pub ? `${docs}/forms/d/e/${id}/viewform` : `${docs}/forms/d/${id}/edit`;
    case 'drawing':
      return pub ? `${docs}/drawings/d/e/${id}/pub` : `${docs}/drawings/d/${id}/edit`;
    case 'folder':
      return `https://${DRIVE}/drive/folders/${id}`;
    case 'file':
    default:
      return `https://${DRIVE}/file/d/${id}/view`;
  }
}

/** True only for https URLs on Google's own document hosts (docs.google.com, drive.google.com): the only URLs Docket will open from a badge. */
export function isGoogleDocsUrl(url: string): boolean {
  if (typeof url !== 'string') return false;
  const u = toUrl(url);
  return !!u && u.protocol === 'https:' && !u.username && !u.password && !u.port && (u.hostname === DOCS || u.hostname === DRIVE);
}

/**
 * The URL to open a document with a given Google account: an account number goes in the
 * path (`/document/u/1/d/ID/edit`), an address in `authuser=`. Without an account, or for a
 * URL that is not Google's, the URL is returned as it is.
 */
export function withAccount(url: string, account: string | undefined): string {
  if (!account || !isGoogleDocsUrl(url)) return url;
  const u = new URL(url);
  u.pathname = u.pathname.replace(/\/u\/\d+(?=\/)/, '');
  u.searchParams.delete('authuser');
  if (/^\d{1,2}$/.test(account)) {
    // docs: /document/u/1/d/…; drive: /u/1/… before the rest.
    u.pathname =
      u.hostname === 'docs.google.com'
        ? u.pathname.replace(/^\/(document|spreadsheets|presentation|forms|drawings|file)\//, `/$1/u/${account}/`)
        : u.pathname.replace(/^\/(file|drive)\//, `/$1/u/${account}/`);
  } else {
    u.searchParams.set('authuser', account);
  }
  return u.href;
}
