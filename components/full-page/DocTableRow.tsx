import { memo } from 'react';
import type { MouseEvent } from 'react';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { STATUS_LABELS, URGENCY_LOOK } from '@/utils/shared/states';
import { openUrl } from '@/utils/shared/open-url';
import { relativeDeadline, urgencyOf } from '@/utils/shared/urgency';
import { dayText } from '@/utils/shared/format-date';
import { displayTitle } from '@/utils/shared/doc-order';
import { sourceInfo } from '@/utils/popup/doc-text';
import { KIND_LABELS } from '@/utils/shared/kind-labels';
import { CalendarLink } from '@/components/common/CalendarLink';
import { Swatch } from '@/components/common/Swatch';
import { t } from '@/utils/shared/i18n';

export const rowDomId = (id: string) => `doc-row-${id}`;

/**
 * One document in the full page's table: title (a link that opens it), workstream, deadline, status,
 * source, and its actions. Links and buttons are out of the Tab order: the table is one Tab stop
 * and its keys act on the row under the cursor (Enter opens, E edits, C adds to the calendar).
 */
export const DocTableRow = memo(function DocTableRow({
  doc,
  workstream,
  today,
  line,
  selected,
  cursor,
  onRowClick,
  onCheck,
  onEdit,
}: {
  doc: DocRecord;
  workstream?: Workstream;
  today: string;
  /** 1-based row number for assistive technology (headings count). */
  line: number;
  selected: boolean;
  cursor: boolean;
  onRowClick: (id: string, e: MouseEvent) => void;
  onCheck: (id: string, shift: boolean) => void;
  onEdit: (doc: DocRecord) => void;
}) {
  const urgency = urgencyOf(doc, today);
  const title = displayTitle(doc);
  const icon = URGENCY_LOOK[urgency].icon;
  const source = sourceInfo(doc);
  return (
    <tr
      id={rowDomId(doc.id)}
      role="row"
      aria-rowindex={line}
      aria-selected={selected}
      className={`doc-line urgency-${urgency}${selected ? ' selected' : ''}${cursor ? ' cursor' : ''}`}
      data-doc-id={doc.id}
      data-urgency={urgency}
      onMouseDown={(e) => e.shiftKey && e.preventDefault()}
      onClick={(e) => onRowClick(doc.id, e)}
    >
      <td role="gridcell" className="col-check">
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          aria-label={t('table_select_row', { title })}
          onClick={(e) => {
            e.stopPropagation();
            onCheck(doc.id, e.shiftKey);
          }}
          onChange={() => undefined}
        />
      </td>
      <td role="gridcell" className="col-title">
        <a
          href={openUrl(workstream ? { doc, workstream } : { doc })}
          target="_blank"
          rel="noopener noreferrer"
          tabIndex={-1}
          title={title}
        >
          {title}
        </a>
        <span className="doc-kind">{KIND_LABELS[doc.kind] ?? doc.kind}</span>
      </td>
      <td role="gridcell" className="col-ws" title={workstream?.name}>
        {workstream ? (
          <>
            <Swatch color={workstream.color} /> {workstream.name}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td role="gridcell" className="col-deadline">
        {doc.deadline ? (
          <>
            {icon && urgency !== 'done' && (
              <span className="urgency-icon" aria-hidden="true">
                {icon}{' '}
              </span>
            )}
            <time dateTime={doc.deadline}>{dayText(doc.deadline)}</time>
            {urgency !== 'done' && <span className="doc-relative"> · {relativeDeadline(doc, today)}</span>}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td role="gridcell" className="col-status">
        {doc.status ? (
          <span className={`status-pill status-${doc.status}`}>{STATUS_LABELS[doc.status]}</span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td role="gridcell" className="col-source" title={source?.text}>
        {source?.href ? (
          <a href={source.href} target="_blank" rel="noopener noreferrer" tabIndex={-1}>
            {source.text}
          </a>
        ) : (
          (source?.text ?? '')
        )}
      </td>
      <td role="gridcell" className="col-actions">
        <CalendarLink doc={doc} workstream={workstream} compact tabIndex={-1} />
        <button type="button" tabIndex={-1} onClick={() => onEdit(doc)}>
          {t('action_edit')}
          <span className="sr-only"> {title}</span>
        </button>
      </td>
    </tr>
  );
});
