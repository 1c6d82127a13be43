/**
 * "Scan this page" from end to end, for a tab: read its source (source.ts: the page through the
 * content script, a Google document's export, a PDF through pdf.js), scan it in slices (scan.ts,
 * slices.ts) with the member's earlier corrections on the site (learn.ts), and ask the index which
 * of the documents found it already tracks (their items' other documents are proposed alongside). The popup's Scan
 * view and the full-page Scan tab both call it; they only draw what it returns.
 */
import { browser } from 'wxt/browser';
import type { DocRecord, Workstream } from '../../shared/model';
import { send, sendToTab } from '../../shared/protocol';
import { originPattern } from '../../shared/sites';
import { localToday } from '../../shared/calendar';
import { correctionsFor, loadCorrections, siteOf } from '../../shared/scan-memory';
import { titleFromTab } from '../../shared/tab-title';
import { adoptTracked } from './learn';
import { inlineExportStyles } from './gdoc';
import { readPdf } from './pdf';
import { loadPdfJs } from './pdf-loader';
import { scanSteps } from './scan';
import type { ScanProgress, ScanResult } from './scan';
import { runInSlices } from './slices';
import { readTabSource } from './source';
import type { SourceDeps, SourceKind, SourceProgress } from './source';

/** The tab to scan, as the popup knows it. */
export interface TabPage {
  tabId: number;
  url?: string;
  title?: string;
}

export interface TabScan {
  result: ScanResult;
  source: SourceKind;
  /** A PDF's number of pages. */
  pages?: number;
  /** The candidates the index already tracks (by id, then alias), keyed by the candidate's id. */
  tracked: Map<string, DocRecord>;
}

/** Where a scan stopped: reading the tab (`error` is then often a SourceError), or scanning what was read. */
export class ScanFailure extends Error {
  constructor(
    readonly stage: 'read' | 'scan',
    readonly error: unknown,
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}

/** What the popup may use to read the tab (the content script, fetch under the site's permission, pdf.js). */
function sourceDeps(tabId: number): SourceDeps {
  return {
    snapshot: () => sendToTab(tabId, 'page/html', {}),
    fetch: (url, init) => fetch(url, init),
    hasOrigin: async (origin) => {
      const pattern = originPattern(origin);
      if (!pattern) return false;
      try {
        return await browser.permissions.contains({ origins: [pattern] });
      } catch {
        return false;
      }
    },
    readPdf: async (bytes, onPage, signal) => readPdf(await loadPdfJs(), bytes, onPage, signal),
  };
}

/** The tracked records among these ids (`lookup`: by id, then alias), keyed by the id asked for. */
export async function lookupTracked(ids: readonly string[]): Promise<Map<string, DocRecord>> {
  if (!ids.length) return new Map();
  const { records } = await send('docs/find', { ids: [...new Set(ids)] });
  return new Map(Object.entries(records).map(([id, r]) => [id, r.doc] as const));
}

/** Read and scan the tab. Rejects with a ScanFailure (the stage, and the error). */
export async function scanTab(
  page: TabPage,
  ctx: {
    workstreams: readonly Workstream[];
    signal: AbortSignal;
    onProgress: (p: SourceProgress | ScanProgress) => void;
  },
): Promise<TabScan> {
  // Marks for `npm run bench` (S8): the whole scan, and its parse-and-scan part.
  performance.mark('docket:scan-start');
  // The member's earlier corrections (read while the tab is; a store that cannot be read: none).
  const corrections = loadCorrections().catch(() => []);
  let source;
  try {
    source = await readTabSource({ url: page.url, title: page.title }, sourceDeps(page.tabId), ctx.onProgress, {
      signal: ctx.signal,
    });
  } catch (e) {
    throw new ScanFailure('read', e);
  }
  try {
    performance.mark('docket:scan-read');
    const url = source.url || page.url || '';
    const remembered = correctionsFor(await corrections, siteOf(url));
    const doc = new DOMParser().parseFromString(source.html, 'text/html');
    if (source.kind === 'google-doc') inlineExportStyles(doc);
    // In slices: a long page or mail keeps the popup answering, with progress on long pages.
    const result = await runInSlices(
      scanSteps(doc, {
        url,
        title: titleFromTab(source.title || page.title),
        workstreams: ctx.workstreams,
        today: localToday(),
        remembered,
      }),
      { onProgress: ctx.onProgress, signal: ctx.signal },
    );
    performance.measure('docket:scan-parse-scan', 'docket:scan-read');
    performance.measure('docket:scan', 'docket:scan-start');
    const tracked = await lookupTracked(result.candidates.map((c) => c.id));
    // An item whose other documents the index already files under a workstream: that one.
    adoptTracked(result.candidates, tracked, ctx.workstreams);
    return { result, source: source.kind, ...(source.pages ? { pages: source.pages } : {}), tracked };
  } catch (e) {
    throw new ScanFailure('scan', e);
  }
}
