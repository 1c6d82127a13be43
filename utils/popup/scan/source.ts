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
import { intlLocale, t, uiLang } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n';

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

/** "Scan cancelled: nothing was read." in the language in use. */
export const cancelledText = (): string => t('scan_src_cancelled');

const notRunning = (): string => t('scan_src_not_running');

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

/** "20 seconds", as the language in use says a number of seconds (its plural forms are Intl's). */
function seconds(n: number): string {
  try {
    return new Intl.NumberFormat(intlLocale() ?? uiLang(), { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(n);
  } catch {
    return `${n} s`;
  }
}

/**
 * What a failed download says. `what`: this file, or this document's export (each sentence is its own message:
 * languages inflect the words around it); `host`: who stopped sending.
 */
function downloadError(e: unknown, what: 'file' | 'export', host: string, opts: SourceOptions): SourceError {
  if (e instanceof SourceError) return e;
  const say = (keys: Record<typeof what, MessageKey>, vars?: Record<string, string>) => t(keys[what], vars);
  if (!(e instanceof DownloadFailure)) {
    return new SourceError(
      say({ file: 'scan_src_failed_file', export: 'scan_src_failed_export' }, { error: String(e) }),
      'unreadable',
    );
  }
  switch (e.reason) {
    case 'too-large':
      return new SourceError(
        say(
          { file: 'scan_src_too_large_file', export: 'scan_src_too_large_export' },
          { size: megabytes(opts.maxBytes ?? SCAN_MAX_BYTES) },
        ),
        'too-large',
      );
    case 'stalled':
      return new SourceError(
        say(
          { file: 'scan_src_stalled_file', export: 'scan_src_stalled_export' },
          { host, time: seconds(Math.round((opts.stallMs ?? SCAN_STALL_MS) / 1000)) },
        ),
        'stalled',
      );
    case 'cancelled':
      return new SourceError(cancelledText(), 'cancelled');
    case 'cut':
      return new SourceError(say({ file: 'scan_src_cut_file', export: 'scan_src_cut_export' }, { host }), 'stalled');
    default:
      return new SourceError(
        say({ file: 'scan_src_unreachable_file', export: 'scan_src_unreachable_export' }, { host }),
        'unreadable',
      );
  }
}

function limitsOf(opts: SourceOptions, onProgress?: (p: SourceProgress) => void): DownloadLimits {
  return {
    ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
    ...(opts.stallMs !== undefined ? { stallMs: opts.stallMs } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    onBytes: (done, total) => onProgress?.({ phase: 'fetching', done, total: total ?? 0 }),
  };
}

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
        throw new SourceError(t('scan_src_export_elsewhere', { host }), 'refused');
      }
      const refusal = exportRefusal(res, res.headers.get('content-type'));
      if (refusal) throw new SourceError(refusal, 'refused');
    });
  } catch (e) {
    if (e instanceof DownloadFailure && e.reason === 'unreachable') throw await whyUnreachable(exportUrl, deps, opts);
    throw downloadError(e, 'export', 'Google', opts);
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
      return new SourceError(t('scan_src_sign_in'), 'refused');
    }
    if (e instanceof DownloadFailure && e.reason !== 'unreachable') return downloadError(e, 'export', 'Google', opts);
  }
  return new SourceError(t('scan_src_google_unreachable'), 'unreadable');
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
  let notRunningHere = false;
  if (!looksLikePdf(null, url)) {
    try {
      const snap = await deps.snapshot();
      if (opts.signal?.aborted) throw new SourceError(cancelledText(), 'cancelled');
      if (!isPdfViewer(snap)) return { kind: 'page', url: snap.url || url, title: snap.title || title, html: snap.html };
    } catch (e) {
      if (e instanceof SourceError) throw e;
      notRunningHere = true;
    }
  }
  // A PDF in the viewer, or a page without Docket's content script: read the file, if allowed.
  if (!/^https?:\/\//i.test(url)) {
    throw new SourceError(looksLikePdf(null, url) ? t('scan_src_local_pdf') : notRunning(), 'not-running');
  }
  const origin = new URL(url).origin;
  if (!(await deps.hasOrigin(origin))) {
    if (notRunningHere && !looksLikePdf(null, url)) throw new SourceError(notRunning(), 'no-access', origin);
    throw new SourceError(t('scan_src_pdf_no_access', { host: hostOf(url) }), 'no-access', origin);
  }
  onProgress?.({ phase: 'fetching', done: 0, total: 0 });
  let got;
  try {
    got = await download(deps.fetch, url, { credentials: 'include' }, limitsOf(opts, onProgress), (res) => {
      if (!res.ok) throw new SourceError(t('scan_src_http', { host: hostOf(url), status: String(res.status) }), 'unreadable');
    });
  } catch (e) {
    throw downloadError(e, 'file', hostOf(url), opts);
  }
  const res = got.response;
  const bytes = got.data;
  const pdfMagic = bytes.length > 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
  if (!pdfMagic && !looksLikePdf(res.headers.get('content-type'), '')) {
    throw new SourceError(notRunningHere ? notRunning() : t('scan_src_not_pdf'), 'not-running');
  }
  let pdf: PdfRead;
  try {
    pdf = await deps.readPdf(bytes, (done, total) => onProgress?.({ phase: 'pdf', done, total }), opts.signal);
  } catch (e) {
    if (opts.signal?.aborted) throw new SourceError(cancelledText(), 'cancelled');
    throw new SourceError(t('scan_src_pdf_failed', { error: e instanceof Error ? e.message : String(e) }), 'unreadable');
  }
  return { kind: 'pdf', url, title: pdf.title || title, html: pdf.html, pages: pdf.pages };
}
