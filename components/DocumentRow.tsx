import type { DocRecord } from '../utils/model';
import { STATUS_LABELS } from '../utils/model';
import { docUrl, isGoogleDocsUrl } from '../utils/links';
import { formatDate, relativeDeadline, urgencyOf } from '../utils/urgency';
import { KIND_LABELS, displayTitle } from '../utils/doclist';

const URGENCY_ICON: Partial<Record<string, string>> = { overdue: '⚠', 'due-soon': '⏰', done: '✓' };

/** The address Open goes to: the record's own URL, or the canonical one for its id and kind. */
export function openUrl(doc: DocRecord): string | null {
  const url = doc.url || docUrl({ id: doc.id, kind: doc.kind });
  return isGoogleDocsUrl(url) ? url : null;
}

/** One tracked document: title, kind, deadline (icon + text, not colour alone), status, actions. */
export function DocumentRow({
  doc,
  today,
  onEdit,
  onDelete,
}: {
  doc: DocRecord;
  today: string;
  onEdit: (doc: DocRecord) => void;
  onDelete: (doc: DocRecord) => void;
}) {
  const urgency = urgencyOf(doc, today);
  const relative = relativeDeadline(doc, today);
  const title = displayTitle(doc);
  const url = openUrl(doc);
  const icon = URGENCY_ICON[urgency];

  return (
    <li className={`doc-row urgency-${urgency}`} data-doc-id={doc.id} data-urgency={urgency}>
      <div className="doc-main">
        <span className="doc-title" title={doc.title ? doc.id : undefined}>
          {title}
        </span>
        <span className="doc-meta">
          <span className="doc-kind">{KIND_LABELS[doc.kind] ?? doc.kind}</span>
          {doc.status && <span className={`status-pill status-${doc.status}`}>{STATUS_LABELS[doc.status]}</span>}
          {doc.deadline && (
            <span className="doc-deadline">
              {icon && urgency !== 'done' && (
                <span className="urgency-icon" aria-hidden="true">
                  {icon}{' '}
                </span>
              )}
              {relative && urgency !== 'done' && <span className="doc-relative">{relative} · </span>}
              <time dateTime={doc.deadline}>{formatDate(doc.deadline)}</time>
            </span>
          )}
        </span>
        {doc.deadlineNote && <span className="doc-note">{doc.deadlineNote}</span>}
      </div>
      <div className="doc-actions">
        {url && (
          <a className="button-like" href={url} target="_blank" rel="noopener noreferrer">
            Open<span className="sr-only"> {title}</span>
          </a>
        )}
        <button type="button" data-edit-for={doc.id} onClick={() => onEdit(doc)}>
          Edit<span className="sr-only"> {title}</span>
        </button>
        <button type="button" className="danger" onClick={() => onDelete(doc)}>
          Delete<span className="sr-only"> {title}</span>
        </button>
      </div>
    </li>
  );
}
