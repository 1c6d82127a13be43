/** The Scan view's progress line: the words for how far a scan is. */
import { formatNumber, t } from '../../shared/i18n';
import { megabytes } from './download';
import type { ScanProgress } from './scan';
import type { SourceProgress } from './source';

/** What the member sees while a long page or PDF is read ("Reading the PDF: page 3 of 12…"). */
export function progressText(p: SourceProgress | ScanProgress): string | undefined {
  if (p.phase === 'fetching') {
    if (!p.done) return t('scan_fetching');
    return p.total
      ? t('scan_fetching_of', { done: megabytes(p.done), total: megabytes(p.total) })
      : t('scan_fetching_part', { done: megabytes(p.done) });
  }
  if (p.phase === 'pdf') return t('scan_pdf_page', { done: formatNumber(p.done), total: formatNumber(p.total) });
  if (p.phase === 'documents' && p.total > 50)
    return t('scan_documents_progress', { done: formatNumber(p.done), total: formatNumber(p.total) });
  if (p.phase === 'outline' || p.phase === 'links') return t('scan_items');
  return undefined;
}
