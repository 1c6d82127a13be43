import { STATUS_LABELS } from '@/utils/shared/states';
import type { DocRecord } from '@/utils/shared/model';
import { parseDocLink } from '@/utils/shared/links';
import type { DocRef } from '@/utils/shared/links';
import { titleFromTab } from '@/utils/popup/doc-text';
import { KIND_LABELS } from '@/utils/shared/kind-labels';
import { displayTitle } from '@/utils/shared/doc-order';
import { formatDate } from '@/utils/shared/format-date';
import { relativeDeadline } from '@/utils/shared/urgency';
import type { CurrentPage } from '@/hooks/useCurrentPage';
import { t } from '@/utils/shared/i18n';

/** The strip at the top: when the current tab is a Google document, track it or edit its record. */
export function ThisPage({
  page,
  tracked,
  loaded,
  today,
  onTrack,
  onEdit,
}: {
  page: CurrentPage;
  /** The record that tracks the page's document (`lookup` with its id), or null. */
  tracked: DocRecord | null;
  /** `tracked` is known. */
  loaded: boolean;
  today: string;
  onTrack: (ref: DocRef, title: string) => void;
  onEdit: (doc: DocRecord) => void;
}) {
  if (!page.ready || !page.url || !loaded) return null;
  const ref = parseDocLink(page.url);
  if (!ref) return null;
  const pageTitle = titleFromTab(page.title);

  return (
    <section className="this-page" aria-label={t('docs_this_page')}>
      <div className="this-page-text">
        <span className="this-page-label">{t('docs_this_page')}</span>
        <span className="this-page-title">{tracked ? displayTitle(tracked) : pageTitle || ref.id}</span>
        <span className="doc-meta">
          {KIND_LABELS[ref.kind]}
          {tracked ? (
            <>
              {tracked.status && <> · {STATUS_LABELS[tracked.status]}</>}
              {tracked.deadline && (
                <>
                  {' · '}
                  {relativeDeadline(tracked, today) || formatDate(tracked.deadline)}
                </>
              )}
            </>
          ) : (
            ` · ${t('docs_not_tracked')}`
          )}
        </span>
      </div>
      {tracked ? (
        <button type="button" onClick={() => onEdit(tracked)}>
          {t('action_edit')}
        </button>
      ) : (
        <button type="button" className="primary" onClick={() => onTrack(ref, pageTitle)}>
          {t('docs_track_this')}
        </button>
      )}
    </section>
  );
}
