import type { DocRecord } from '@/utils/shared/model';
import { sourceInfo } from '@/utils/popup/doc-text';
import { t } from '@/utils/shared/i18n';

/**
 * Where a document was found: "From: <page title> (meeting 24 Sep 2020)", a link back to the
 * page (http/https only), and the sentence the deadline was taken from, quoted.
 */
export function SourceLine({ doc, quote = true }: { doc: DocRecord; quote?: boolean }) {
  const info = sourceInfo(doc);
  if (!info) return null;
  return (
    <div className="doc-source">
      {info.text && (
        <span className="source-from">
          {t('source_from')}
          {info.href ? (
            <a href={info.href} target="_blank" rel="noopener noreferrer">
              {info.text}
            </a>
          ) : (
            info.text
          )}
        </span>
      )}
      {quote && info.quote && (
        <blockquote className="source-quote" cite={info.href}>
          {t('common_quote', { text: info.quote })}
        </blockquote>
      )}
    </div>
  );
}
