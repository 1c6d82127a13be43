/**
 * What "Scan this page" reads for the tab it acts on:
 * - a Google document: its HTML export (gdoc.ts);
 * - a page where Docket's content script runs: the page as it is now;
 * - a PDF in the browser's viewer (Chrome's, Firefox's), or a page Docket does not run on but
 *   may fetch: the file itself, fetched from the tab's address under Docket's permission for
 *   that site, read with pdf.js when it is a PDF.
 * When it cannot read it, it says why and what to do (`SourceError.reason`): `no-access` (Docket
 * may not read that site: the member can allow it), `refused` (Google refused the export),
 * `unreadable` (the site answered with an error), `not-running` (reload, or enable the site),
 * `too-large` (past SCAN_MAX_BYTES), `stalled` (nothing came for SCAN_STALL_MS: try again),
 * `cancelled` (the member stopped it).
 */
import type { PageSnapshot } from '../../shared/protocol';
import { DownloadFailure, SCAN_MAX_BYTES, SCAN_STALL_MS, download, megabytes } from './download';
import type { DownloadLimits } from './download';
import { exportRefusal, googleDocExportUrl, isGoogleHost } from './gdoc';
import { looksLikePdf } from './pdf';
import type { PdfRead } from './pdf';

export type SourceKind = 'page' | 'pdf' | 'google-doc';

export interface TabSource {
  kind: SourceKind;
  url: string;
  title: string;
  html: string;
  /** A PDF's number of pages. */
  pages?: number;
}

export type SourceReason = 'no-access' | 'refused' | 'unreadable' | 'not-running' | 'too-large' | 'stalled' | 'cancelled';

export class SourceError extends Error {
  constructor(
    message: string,
    readonly reason: SourceReason,
    /** The origin to ask permission for (`no-access`). */
    readonly origin?: string,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

export interface SourceDeps {
  /** The page as Docket's content script sees it (rejects when it does not run there). */
  snapshot(): Promise<PageSnapshot>;
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /** Has Docket the permission to read this origin? */
  hasOrigin(origin: string): Promise<boolean>;
  /** pdf.js, loaded only when a PDF is read. */
  readPdf(bytes: Uint8Array, onPage?: (done: number, total: number) => void, signal?: AbortSignal): Promise<PdfRead>;
}

export interface SourceOptions {
  /** Cancel: stops the download or the PDF's reading. */
  signal?: AbortSignal;
  /** The download's limits (SCAN_MAX_BYTES, SCAN_STALL_MS unless told). */
  maxBytes?: number;
  stallMs?: number;
}

export interface SourceProgress {
  phase: 'fetching' | 'pdf';
  /** Fetching: bytes read; pdf: pages read. */
  done: number;
  /** Fetching: the size announced (0: not said); pdf: the PDF's pages. */
  total: number;
}

export const CANCELLED = 'Scan cancelled: nothing was read.';

const NOT_RUNNING =
  'Docket cannot read this page: it does not run here. Enable Docket on this site (Sites view) or reload the page, then scan again.';

function isPdfViewer(snap: PageSnapshot): boolean {
  return (
    /application\/pdf/i.test(snap.contentType ?? '') || /<embed[^>]+type=["']?application\/pdf/i.test(snap.html.slice(0, 20_000))
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** What a failed download says (`what`: "this file", "this document's export"; `host`: who stopped sending). */
function downloadError(e: unknown, what: string, host: string, opts: SourceOptions): SourceError {
  if (e instanceof SourceError) return e;
  if (!(e instanceof DownloadFailure)) return new SourceError(`Docket could not read ${what}: ${String(e)}`, 'unreadable');
  switch (e.reason) {
    case 'too-large':
      return new SourceError(
        `${capital(what)} is larger than ${megabytes(opts.maxBytes ?? SCAN_MAX_BYTES)}, the most Docket reads for a scan; nothing was scanned.`,
        'too-large',
      );
    case 'stalled':
      return new SourceError(
        `${host} stopped sending ${what} (nothing came for ${Math.round((opts.stallMs ?? SCAN_STALL_MS) / 1000)} seconds); nothing was scanned. Try again.`,
        'stalled',
      );
    case 'cancelled':
      return new SourceError(CANCELLED, 'cancelled');
    case 'cut':
      return new SourceError(`The download of ${what} from ${host} was cut off; nothing was scanned. Try again.`, 'stalled');
    default:
      return new SourceError(`${host} could not be reached to read ${what}. Try again.`, 'unreadable');
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function limitsOf(opts: SourceOptions, onProgress?: (p: SourceProgress) => void): DownloadLimits {
  return {
    ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
    ...(opts.stallMs !== undefined ? { stallMs: opts.stallMs } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    onBytes: (done, total) => onProgress?.({ phase: 'fetching', done, total: total ?? 0 }),
  };
}

const EXPORT = 'this document’s export';

/** Google sent the export elsewhere (the answer is not read). */
class Redirected extends Error {}

async function readGoogleDoc(
  exportUrl: string,
  tab: { url: string; title: string },
  deps: SourceDeps,
  opts: SourceOptions,
  onProgress?: (p: SourceProgress) => void,
): Promise<TabSource> {
  const init: RequestInit = { credentials: 'include', redirect: 'follow' };
  let got;
  try {
    got = await download(deps.fetch, exportUrl, init, limitsOf(opts, onProgress), (res) => {
      // Only what Google itself answers: an export sent on to another site is not the document.
      const host = hostOf(res.url || exportUrl);
      if (!isGoogleHost(host)) {
        throw new SourceError(
          `Google sent this document’s export on to another site (${host}), so Docket did not read it: Docket scans only what Google itself answers.`,
          'refused',
        );
      }
      const refusal = exportRefusal(res, res.headers.get('content-type'));
      if (refusal) throw new SourceError(refusal, 'refused');
    });
  } catch (e) {
    if (e instanceof DownloadFailure && e.reason === 'unreachable') throw await whyUnreachable(exportUrl, deps, opts);
    throw downloadError(e, EXPORT, 'Google', opts);
  }
  const res = got.response;
  const charset = /charset=["']?([\w-]+)/i.exec(res.headers.get('content-type') ?? '')?.[1] ?? 'utf-8';
  let html: string;
  try {
    html = new TextDecoder(charset).decode(got.data);
  } catch {
    html = new TextDecoder('utf-8').decode(got.data);
  }
  return { kind: 'google-doc', url: tab.url, title: tab.title, html };
}

/**
 * The export could not be fetched. A redirect the browser would not follow for Docket (to Google's
 * sign-in page, or another site Docket may not read) fails the same way as no network: asked again
 * without following redirects, Google's answer tells the two apart.
 */
async function whyUnreachable(exportUrl: string, deps: SourceDeps, opts: SourceOptions): Promise<SourceError> {
  try {
    await download(deps.fetch, exportUrl, { credentials: 'include', redirect: 'manual' }, limitsOf(opts), (res) => {
      if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) throw new Redirected();
    });
  } catch (e) {
    if (e instanceof Redirected) {
      return new SourceError(
        'Google did not hand over this document: it asked to sign in (or sent Docket elsewhere). Sign in to the Google account that can read it, in this browser, then scan again; if you are signed in, that account has no access to this document.',
        'refused',
      );
    }
    if (e instanceof DownloadFailure && e.reason !== 'unreachable') return downloadError(e, EXPORT, 'Google', opts);
  }
  return new SourceError('Google could not be reached to export this document (offline?). Try again.', 'unreadable');
}

/** Reads what the tab shows. `onProgress` reports fetching and a PDF's pages. */
export async function readTabSource(
  tab: { url?: string; title?: string },
  deps: SourceDeps,
  onProgress?: (p: SourceProgress) => void,
  opts: SourceOptions = {},
): Promise<TabSource> {
  const url = tab.url ?? '';
  const title = tab.title ?? '';
  const exportUrl = googleDocExportUrl(url);
  if (exportUrl) {
    onProgress?.({ phase: 'fetching', done: 0, total: 0 });
    return readGoogleDoc(exportUrl, { url, title }, deps, opts, onProgress);
  }
  let notRunning = false;
  if (!looksLikePdf(null, url)) {
    try {
      const snap = await deps.snapshot();
      if (opts.signal?.aborted) throw new SourceError(CANCELLED, 'cancelled');
      if (!isPdfViewer(snap)) return { kind: 'page', url: snap.url || url, title: snap.title || title, html: snap.html };
    } catch (e) {
      if (e instanceof SourceError) throw e;
      notRunning = true;
    }
  }
  // A PDF in the viewer, or a page without Docket's content script: read the file, if allowed.
  if (!/^https?:\/\//i.test(url)) {
    throw new SourceError(
      looksLikePdf(null, url) ? 'Docket can read PDFs from web sites only (this one is a local file).' : NOT_RUNNING,
      'not-running',
    );
  }
  const origin = new URL(url).origin;
  if (!(await deps.hasOrigin(origin))) {
    if (notRunning && !looksLikePdf(null, url)) throw new SourceError(NOT_RUNNING, 'no-access', origin);
    throw new SourceError(
      `Docket may not read ${hostOf(url)}, so it cannot open this PDF. Allow Docket to read this site (the button below, or Sites → Enable Docket on ${hostOf(url)}), then scan again.`,
      'no-access',
      origin,
    );
  }
  onProgress?.({ phase: 'fetching', done: 0, total: 0 });
  let got;
  try {
    got = await download(deps.fetch, url, { credentials: 'include' }, limitsOf(opts, onProgress), (res) => {
      if (!res.ok)
        throw new SourceError(
          `${hostOf(url)} answered with an error (HTTP ${res.status}) when Docket fetched this file.`,
          'unreadable',
        );
    });
  } catch (e) {
    throw downloadError(e, 'this file', hostOf(url), opts);
  }
  const res = got.response;
  const bytes = got.data;
  const pdfMagic = bytes.length > 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
  if (!pdfMagic && !looksLikePdf(res.headers.get('content-type'), '')) {
    throw new SourceError(notRunning ? NOT_RUNNING : 'This file is not a PDF Docket can read.', 'not-running');
  }
  let pdf: PdfRead;
  try {
    pdf = await deps.readPdf(bytes, (done, total) => onProgress?.({ phase: 'pdf', done, total }), opts.signal);
  } catch (e) {
    if (opts.signal?.aborted) throw new SourceError(CANCELLED, 'cancelled');
    throw new SourceError(`Docket could not read this PDF: ${e instanceof Error ? e.message : String(e)}`, 'unreadable');
  }
  return { kind: 'pdf', url, title: pdf.title || title, html: pdf.html, pages: pdf.pages };
}
