/**
 * Reading a PDF (minutes published as PDF) with pdf.js: every page's text items and link
 * annotations, laid out as HTML (pdf-layout.ts) for the scanner. pdf.js is passed in, so that
 * the popup loads it only in the Scan view (a dynamic import, its worker from the extension's
 * own files) and the corpus report loads Node's build.
 */
import { pdfDate } from './meeting-date';
import { layoutPdf } from './pdf-layout';
import type { PdfItem, PdfLink, PdfPage } from './pdf-layout';

/** The part of pdf.js used here (pdfjs-dist's module). */
export interface PdfJs {
  getDocument(src: {
    data: Uint8Array;
    isEvalSupported?: boolean;
    disableFontFace?: boolean;
    useSystemFonts?: boolean;
    verbosity?: number;
  }): {
    promise: Promise<PdfDoc>;
  };
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPageProxy>;
  getMetadata(): Promise<{ info?: unknown }>;
  destroy(): Promise<void>;
}
interface PdfPageProxy {
  getTextContent(): Promise<{ items: unknown[] }>;
  getAnnotations(): Promise<unknown[]>;
}

interface RawItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  fontName?: string;
  hasEOL?: boolean;
}
interface RawAnnotation {
  subtype?: string;
  url?: string;
  unsafeUrl?: string;
  rect?: number[];
}

export interface PdfRead {
  html: string;
  title: string;
  pages: number;
}

/** Is this (a response's type, or a URL) a PDF? */
export function looksLikePdf(contentType: string | null, url = ''): boolean {
  return /application\/(?:x-)?pdf/i.test(contentType ?? '') || /\.pdf(?:$|[?#])/i.test(url);
}

/**
 * A PDF's bytes → the HTML page the scanner reads. `onPage` reports progress (pages read of the
 * total); `signal` stops between pages (an AbortError), for a PDF of thousands of pages.
 */
export async function readPdf(
  pdfjs: PdfJs,
  data: Uint8Array,
  onPage?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<PdfRead> {
  const stopped = () => new DOMException('The PDF’s reading was stopped.', 'AbortError');
  if (signal?.aborted) throw stopped();
  const doc = await pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: PdfPage[] = [];
    onPage?.(0, doc.numPages);
    for (let n = 1; n <= doc.numPages; n++) {
      if (signal?.aborted) throw stopped();
      const page = await doc.getPage(n);
      const [content, annotations] = await Promise.all([page.getTextContent(), page.getAnnotations()]);
      const items: PdfItem[] = [];
      for (const raw of content.items as RawItem[]) {
        if (typeof raw.str !== 'string' || !raw.transform) continue;
        const [a = 0, b = 0, , , e = 0, f = 0] = raw.transform;
        items.push({
          str: raw.str,
          x: e,
          y: f,
          width: raw.width ?? 0,
          size: Math.round(Math.hypot(a, b) * 10) / 10 || (raw.height ?? 0),
          font: raw.fontName ?? '',
          eol: !!raw.hasEOL,
        });
      }
      const links: PdfLink[] = [];
      for (const ann of annotations as RawAnnotation[]) {
        const url = ann.url ?? ann.unsafeUrl;
        if (ann.subtype === 'Link' && url && ann.rect?.length === 4) links.push({ url, rect: ann.rect as PdfLink['rect'] });
      }
      pages.push({ items, links });
      onPage?.(n, doc.numPages);
    }
    const info = (await doc.getMetadata().catch(() => ({ info: undefined }))).info as
      { Title?: unknown; CreationDate?: unknown; ModDate?: unknown } | undefined;
    const title = typeof info?.Title === 'string' ? info.Title.trim() : '';
    // The PDF's own dates, for the scanner when the text states no meeting date (meeting-date.ts, pageDate).
    const dates = [
      ['docket:pdf-created', pdfDate(info?.CreationDate)],
      ['docket:pdf-modified', pdfDate(info?.ModDate)],
    ]
      .filter(([, d]) => d)
      .map(([name, d]) => `<meta name="${name}" content="${d}">`)
      .join('');
    return { html: layoutPdf(pages, title).replace('</head>', `${dates}</head>`), title, pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
