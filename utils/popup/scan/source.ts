/**
 * What "Scan this page" reads for the tab it acts on:
 * - a Google document: its HTML export (gdoc.ts);
 * - a page where Docket's content script runs: the page as it is now;
 * - a PDF in the browser's viewer (Chrome's, Firefox's), or a page Docket does not run on but
 *   may fetch: the file itself, fetched from the tab's address under Docket's permission for
 *   that site, read with pdf.js when it is a PDF.
 * When it cannot read it, it says why and what to do (`SourceError.reason`): `no-access` (Docket
 * may not read that site: the member can allow it), `refused` (Google refused the export),
 * `unreadable` (the site answered with an error), `not-running` (reload, or enable the site).
 */
import type { PageSnapshot } from '../../shared/protocol';
import { exportRefusal, googleDocExportUrl } from './gdoc';
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

export type SourceReason = 'no-access' | 'refused' | 'unreadable' | 'not-running';

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
  readPdf(bytes: Uint8Array, onPage?: (done: number, total: number) => void): Promise<PdfRead>;
}

export interface SourceProgress {
  phase: 'fetching' | 'pdf';
  done: number;
  total: number;
}

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

async function readGoogleDoc(exportUrl: string, tab: { url: string; title: string }, deps: SourceDeps): Promise<TabSource> {
  let res: Response;
  try {
    res = await deps.fetch(exportUrl, { credentials: 'include', redirect: 'follow' });
  } catch {
    throw new SourceError('Google could not be reached to export this document (offline?). Try again.', 'unreadable');
  }
  const refusal = exportRefusal(res, res.headers.get('content-type'));
  if (refusal) throw new SourceError(refusal, 'refused');
  const html = await res.text();
  return { kind: 'google-doc', url: tab.url, title: tab.title, html };
}

/** Reads what the tab shows. `onProgress` reports fetching and a PDF's pages. */
export async function readTabSource(
  tab: { url?: string; title?: string },
  deps: SourceDeps,
  onProgress?: (p: SourceProgress) => void,
): Promise<TabSource> {
  const url = tab.url ?? '';
  const title = tab.title ?? '';
  const exportUrl = googleDocExportUrl(url);
  if (exportUrl) {
    onProgress?.({ phase: 'fetching', done: 0, total: 0 });
    return readGoogleDoc(exportUrl, { url, title }, deps);
  }
  let notRunning = false;
  if (!looksLikePdf(null, url)) {
    try {
      const snap = await deps.snapshot();
      if (!isPdfViewer(snap)) return { kind: 'page', url: snap.url || url, title: snap.title || title, html: snap.html };
    } catch {
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
  let res: Response;
  try {
    res = await deps.fetch(url, { credentials: 'include' });
  } catch {
    throw new SourceError(`${hostOf(url)} could not be reached to read this file. Try again.`, 'unreadable');
  }
  if (!res.ok)
    throw new SourceError(
      `${hostOf(url)} answered with an error (HTTP ${res.status}) when Docket fetched this file.`,
      'unreadable',
    );
  const bytes = new Uint8Array(await res.arrayBuffer());
  const pdfMagic = bytes.length > 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
  if (!pdfMagic && !looksLikePdf(res.headers.get('content-type'), '')) {
    throw new SourceError(notRunning ? NOT_RUNNING : 'This file is not a PDF Docket can read.', 'not-running');
  }
  let pdf: PdfRead;
  try {
    pdf = await deps.readPdf(bytes, (done, total) => onProgress?.({ phase: 'pdf', done, total }));
  } catch (e) {
    throw new SourceError(`Docket could not read this PDF: ${e instanceof Error ? e.message : String(e)}`, 'unreadable');
  }
  return { kind: 'pdf', url, title: pdf.title || title, html: pdf.html, pages: pdf.pages };
}
