import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import type { TableSort } from '@/utils/shared/doc-table';
import type { DocsRow } from '@/utils/shared/docs-query';
import { openUrl } from '@/utils/shared/open-url';
import {
  EMPTY_SELECTION,
  clickRow,
  moveCursor,
  selectAll,
  selectedInOrder,
  toggleCursor,
  type Move,
  type Selection,
} from '@/utils/popup/selection';
import { groupLabel, type TablePrefs } from '@/utils/popup/table-view';
import { layoutOf, lineAt, lineOfOffset, offsetsIn, windowOf } from '@/utils/popup/virtual-rows';
import { googleCalendarUrl } from '@/utils/popup/google-calendar';
import { DocTableRow, rowDomId } from './DocTableRow';
import type { TableData } from '@/hooks/useTable';
import { t, tn, type MessageKey } from '@/utils/shared/i18n';

/** Every line is this tall (CSS `.doc-table tr`), so a scroll position says which lines show. */
export const LINE_PX = 34;

const COLUMNS: ReadonlyArray<{ sort: TableSort; label: MessageKey; className: string }> = [
  { sort: 'title', label: 'field_title', className: 'col-title' },
  { sort: 'workstream', label: 'field_workstream', className: 'col-ws' },
  { sort: 'deadline', label: 'field_deadline', className: 'col-deadline' },
  { sort: 'status', label: 'field_status', className: 'col-status' },
  { sort: 'source', label: 'field_source', className: 'col-source' },
];

const MOVES: Record<string, Move> = {
  ArrowDown: 'down',
  ArrowUp: 'up',
  Home: 'home',
  End: 'end',
  PageDown: 'page-down',
  PageUp: 'page-up',
};

/**
 * The full page's table: only the lines in view are drawn (fixed line height), the rest are two
 * spacers. One Tab stop (a grid): arrows, Home/End and PageUp/PageDown move the cursor (with Shift
 * they select from the anchor), Space selects the cursor's row, Ctrl/⌘+A all, Esc none, Enter
 * opens, E edits, C adds to Google Calendar, Delete deletes the selection.
 */
export function DocTable({
  data,
  rowAt,
  need,
  order,
  selection,
  onSelection,
  prefs,
  onSort,
  today,
  onEdit,
  onDelete,
  resetKey,
}: {
  data: TableData;
  rowAt: (offset: number) => DocsRow | undefined;
  need: (from: number, to: number) => void;
  /** Every row's id in order (the loaded ones until all are known). */
  order: readonly string[];
  selection: Selection;
  onSelection: (sel: Selection) => void;
  prefs: TablePrefs;
  onSort: (sort: TableSort) => void;
  today: string;
  onEdit: (doc: DocRecord) => void;
  /** Delete these documents (the selection, else the cursor's row). */
  onDelete: (ids: readonly string[]) => void;
  /** Changes when the query does: back to the top. */
  resetKey: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // Until the box is measured (after the first paint): the window's height less the controls above it.
  const [view, setView] = useState(() => ({ top: 0, height: Math.max(LINE_PX * 4, window.innerHeight - 200), measured: false }));
  const layout = useMemo(() => layoutOf(data.groups, data.total), [data.groups, data.total]);
  const wsById = useMemo(() => new Map<string, Workstream>(data.workstreams.map((w) => [w.id, w] as const)), [data.workstreams]);
  // The first screen draws what shows (a line more); once measured, ten lines more each way for smooth scrolling.
  const { first, last } = windowOf(view.top, view.height, LINE_PX, layout.lines, view.measured ? 10 : 1);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // No measuring before the first paint (it would lay the page out twice): the observer reports after layout.
    const observer = new ResizeObserver(() => setView({ top: el.scrollTop, height: el.clientHeight, measured: true }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [resetKey]);

  useEffect(() => {
    const { from, to } = offsetsIn(layout, first, last);
    need(from, to);
  }, [layout, first, last, need]);

  const selRef = useRef(selection);
  selRef.current = selection;
  const orderRef = useRef(order);
  orderRef.current = order;

  const onRowClick = useCallback(
    (id: string, e: MouseEvent) => {
      if ((e.target as HTMLElement).closest('a, button')) return;
      onSelection(clickRow(selRef.current, id, orderRef.current, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey }));
      scroller.current?.focus({ preventScroll: true });
    },
    [onSelection],
  );
  const onCheck = useCallback(
    (id: string, shift: boolean) => {
      onSelection(clickRow(selRef.current, id, orderRef.current, { shift, toggle: true }));
      scroller.current?.focus({ preventScroll: true });
    },
    [onSelection],
  );

  /** Scroll so that the row at `offset` is in view (below the sticky heading). */
  function reveal(id: string | null) {
    const el = scroller.current;
    if (!el || id === null) return;
    const offset = order.indexOf(id);
    if (offset < 0) return;
    const top = lineOfOffset(layout, offset) * LINE_PX;
    const head = LINE_PX;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + LINE_PX > el.scrollTop + el.clientHeight - head) el.scrollTop = top + LINE_PX - el.clientHeight + head;
  }

  function docAtCursor(): { doc: DocRecord; ws?: Workstream } | null {
    const offset = selection.cursor === null ? -1 : order.indexOf(selection.cursor);
    const r = offset < 0 ? undefined : rowAt(offset);
    return r ? { doc: r.doc, ws: r.workstreamId ? wsById.get(r.workstreamId) : undefined } : null;
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.target !== e.currentTarget) return;
    const move = MOVES[e.key];
    const mod = e.ctrlKey || e.metaKey;
    let next: Selection | null = null;
    if (move) {
      const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / LINE_PX) - 2);
      next = moveCursor(selection, order, move, e.shiftKey, page);
    } else if (e.key === ' ')
      next = selection.cursor === null && order[0] ? { ...selection, cursor: order[0] } : toggleCursor(selection);
    else if (mod && e.key.toLowerCase() === 'a') next = selectAll(order, selection);
    else if (e.key === 'Escape' && selection.ids.size) next = { ...selection, ids: EMPTY_SELECTION.ids };
    else if (e.key === 'Delete' || (e.key === 'Backspace' && !mod)) {
      const ids = selection.ids.size ? selectedInOrder(selection, order) : selection.cursor !== null ? [selection.cursor] : [];
      if (ids.length) {
        e.preventDefault();
        onDelete(ids);
      }
      return;
    } else if (!mod && !e.altKey && ['Enter', 'e', 'E', 'c', 'C'].includes(e.key)) {
      const at = docAtCursor();
      if (!at) return;
      e.preventDefault();
      if (e.key === 'Enter')
        window.open(openUrl(at.ws ? { doc: at.doc, workstream: at.ws } : { doc: at.doc }), '_blank', 'noopener');
      else if (e.key.toLowerCase() === 'e') onEdit(at.doc);
      else {
        const url = googleCalendarUrl(at.doc, at.ws);
        if (url) window.open(url, '_blank', 'noopener');
      }
      return;
    } else return;
    e.preventDefault();
    onSelection(next);
    if (move || e.key === ' ') reveal(next.cursor);
  }

  const lines = [];
  for (let i = first; i <= last; i++) {
    const line = lineAt(layout, i);
    if (line.kind === 'group') {
      const g = data.groups[line.group]!;
      lines.push(
        <tr key={`g:${g.key}`} role="row" aria-rowindex={i + 2} className="group-line" data-group={g.key}>
          <th role="rowheader" colSpan={7} scope="colgroup">
            <span className="group-name">{groupLabel(g.key, wsById, today)}</span>{' '}
            <span className="group-count">{tn('count_documents', g.count)}</span>
          </th>
        </tr>,
      );
      continue;
    }
    const r = rowAt(line.offset);
    if (!r) {
      lines.push(
        <tr key={`o:${line.offset}`} role="row" aria-rowindex={i + 2} className="doc-line loading-line" aria-busy="true">
          <td role="gridcell" colSpan={7}>
            <span className="muted">{t('common_loading')}</span>
          </td>
        </tr>,
      );
      continue;
    }
    lines.push(
      <DocTableRow
        key={r.doc.id}
        doc={r.doc}
        workstream={r.workstreamId ? wsById.get(r.workstreamId) : undefined}
        today={today}
        line={i + 2}
        selected={selection.ids.has(r.doc.id)}
        cursor={selection.cursor === r.doc.id}
        onRowClick={onRowClick}
        onCheck={onCheck}
        onEdit={onEdit}
      />,
    );
  }

  return (
    <div
      ref={scroller}
      className="table-scroll"
      role="grid"
      aria-label={t('view_documents')}
      aria-multiselectable="true"
      aria-rowcount={layout.lines + 1}
      aria-activedescendant={selection.cursor !== null && selection.cursor ? rowDomId(selection.cursor) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight, measured: true })}
    >
      <table className="doc-table" role="presentation">
        <colgroup>
          <col className="col-check" />
          <col className="col-title" />
          <col className="col-ws" />
          <col className="col-deadline" />
          <col className="col-status" />
          <col className="col-source" />
          <col className="col-actions" />
        </colgroup>
        <thead role="rowgroup">
          <tr role="row" aria-rowindex={1}>
            <th role="columnheader" className="col-check">
              <span className="sr-only">{t('table_col_selected')}</span>
            </th>
            {COLUMNS.map((c) => (
              <th
                key={c.sort}
                role="columnheader"
                className={c.className}
                aria-sort={prefs.sort === c.sort ? (prefs.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" className="sort-button" tabIndex={-1} onClick={() => onSort(c.sort)}>
                  {t(c.label)}
                  <span aria-hidden="true">{prefs.sort === c.sort ? (prefs.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
            <th role="columnheader" className="col-actions">
              <span className="sr-only">{t('table_col_actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          <tr className="spacer" aria-hidden="true" style={{ height: first * LINE_PX }} />
          {lines}
          <tr className="spacer" aria-hidden="true" style={{ height: Math.max(0, layout.lines - 1 - last) * LINE_PX }} />
        </tbody>
      </table>
    </div>
  );
}
