import { memo } from 'react';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { STATUS_LABELS, URGENCY_LOOK } from '@/utils/shared/states';
import { openUrl } from '@/utils/shared/open-url';
import { relativeDeadline, urgencyOf } from '@/utils/shared/urgency';
import { dayText } from '@/utils/shared/format-date';
import { noteRepeatsQuote } from '@/utils/popup/doc-text';
import { KIND_LABELS } from '@/utils/shared/kind-labels';
import { describeConflict, fieldLabel } from '@/utils/popup/conflicts';
import { displayTitle } from '@/utils/shared/doc-order';
import type { SyncChoice } from '@/utils/popup/conflicts';
import { SourceLine } from '@/components/common/SourceLine';
import { CalendarLink } from '@/components/common/CalendarLink';
import { Swatch } from '@/components/common/Swatch';
import { t, uiLang } from '@/utils/shared/i18n';

/**
 * One tracked document: title, kind, deadline (icon + text, not colour alone), status, where it
 * was found, changes a shared sheet made underneath a local edit, and actions. Open goes to the
 * document with its workstream's Google account. Memoised: a row is drawn again only when its own
 * props change (not when another row's, the search box or the subscriptions do).
 */
export const DocumentRow = memo(function DocumentRow({
  doc,
  today,
  onEdit,
  onDelete,
  workstream,
  workstreams = [],
  showWorkstream = false,
  subscriptionName,
  onSyncChoice,
  id,
  active = false,
}: {
  doc: DocRecord;
  today: string;
  onEdit: (doc: DocRecord) => void;
  onDelete: (doc: DocRecord) => void;
  /** The document's workstream (its account opens the document). */
  workstream?: Workstream;
  /** All workstreams, to name them in sync flags. */
  workstreams?: readonly Workstream[];
  /** Show the workstream's name (in the flat search results; the grouped list has headings). */
  showWorkstream?: boolean;
  /** The shared sheet the document came from, when it did. */
  subscriptionName?: string;
  onSyncChoice?: (doc: DocRecord, field: string, choice: SyncChoice) => void;
  id?: string;
  /** The highlighted search result (Enter opens it). */
  active?: boolean;
}) {
  const urgency = urgencyOf(doc, today);
  const relative = relativeDeadline(doc, today);
  const title = displayTitle(doc);
  const url = openUrl(workstream ? { doc, workstream } : { doc });
  const icon = URGENCY_LOOK[urgency].icon;
  const conflicts = doc.syncConflicts ?? [];

  return (
    <li id={id} className={`doc-row urgency-${urgency}${active ? ' active' : ''}`} data-doc-id={doc.id} data-urgency={urgency}>
      <div className="doc-main">
        <span className="doc-title" title={doc.title ? doc.id : undefined} dir="auto">
          {title}
        </span>
        <span className="doc-meta">
          {showWorkstream && (
            <span className="doc-ws">
              <Swatch color={workstream?.color} /> {workstream?.name ?? t('group_no_workstream')}
            </span>
          )}
          <span className="doc-kind">{KIND_LABELS[doc.kind] ?? doc.kind}</span>
          {doc.status && <span className={`status-pill status-${doc.status}`}>{STATUS_LABELS[doc.status]}</span>}
          {doc.deadline && (
            <span className="doc-deadline">
              {icon && (
                <span className="urgency-icon" aria-hidden="true">
                  {icon}{' '}
                </span>
              )}
              {relative && urgency !== 'done' && <span className="doc-relative">{relative} · </span>}
              <time dateTime={doc.deadline}>{dayText(doc.deadline)}</time>
            </span>
          )}
          {doc.deadline && <CalendarLink doc={doc} workstream={workstream} compact look="link" />}
          {doc.subscriptionId && (
            <span className="doc-sheet">
              {subscriptionName ? t('docs_from_sheet', { name: subscriptionName }) : t('from_shared_sheet')}
            </span>
          )}
        </span>
        {doc.deadlineNote && <span className="doc-note">{doc.deadlineNote}</span>}
        {/* The sentence a scan took the deadline from is the note too: said once. */}
        <SourceLine doc={doc} quote={!noteRepeatsQuote(doc.deadlineNote, doc.deadlineSource)} />
        {conflicts.map((c) => (
          <div key={c.field} className="sync-flag" data-sync-field={c.field}>
            <span className="sync-flag-text">
              <span className="sync-flag-icon" aria-hidden="true">
                ⚑{' '}
              </span>
              {describeConflict(c, doc, workstreams)}
            </span>
            {onSyncChoice && (
              <span className="sync-flag-actions">
                <button type="button" onClick={() => onSyncChoice(doc, c.field, 'theirs')}>
                  {t('sync_use_theirs')}
                  <span className="sr-only">
                    {t('sync_use_theirs_more', { field: fieldLabel(c.field).toLocaleLowerCase(uiLang()), title })}
                  </span>
                </button>
                <button type="button" onClick={() => onSyncChoice(doc, c.field, 'mine')}>
                  {t('sync_keep_mine')}
                  <span className="sr-only">
                    {t('sync_keep_mine_more', { field: fieldLabel(c.field).toLocaleLowerCase(uiLang()), title })}
                  </span>
                </button>
              </span>
            )}
          </div>
        ))}
      </div>
      <div className="doc-actions">
        <a className="button-like" href={url} target="_blank" rel="noopener noreferrer">
          {t('action_open')}
          <span className="sr-only"> {title}</span>
        </a>
        <button type="button" data-edit-for={doc.id} onClick={() => onEdit(doc)}>
          {t('action_edit')}
          <span className="sr-only"> {title}</span>
        </button>
        <button type="button" className="danger" onClick={() => onDelete(doc)}>
          {t('action_delete')}
          <span className="sr-only"> {title}</span>
        </button>
      </div>
    </li>
  );
});
