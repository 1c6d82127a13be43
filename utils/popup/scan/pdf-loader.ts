/**
 * pdf.js for the popup, loaded only when a PDF is scanned: its main module as a separate chunk
 * (a dynamic import) and its worker as one of the extension's own files, so the extension
 * pages' CSP (`script-src 'self'`) allows it and the PDF is parsed off the popup's thread.
 */
import type { PdfJs } from './pdf';

let loading: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs as unknown as PdfJs;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
