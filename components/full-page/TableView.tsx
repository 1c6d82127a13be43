import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DocChange } from '@/utils/shared/bulk-change';
import type { DocRecord } from '@/utils/shared/model';
import type { TablePage, TableSort } from '@/utils/shared/doc-table';
import { TABLE_SORTS } from '@/utils/shared/doc-table';
import { send } from '@/utils/shared/protocol';
import type { OpResult } from '@/utils/shared/operations';
import { receiveExport } from '@/utils/popup/receive-export';
import { runOperation } from '@/utils/popup/run-operation';
import { SCREENFUL, confirmDeleteText } from '@/utils/popup/operation-text';
import { EMPTY_SELECTION, keepListed, selectAll, selectedInOrder, type Selection } from '@/utils/popup/selection';
import { PREFS_KEY, changeText, deletedText, nextSort, tableKey, type TableKey, type TablePrefs } from '@/utils/popup/table-view';
import { BulkBar } from '@/components/full-page/BulkBar';
import { DocTable } from '@/components/full-page/DocTable';
import { IcsExportButton } from '@/components/common/IcsExportButton';
import { useConfirm } from '@/components/common/ConfirmDialog';
import { StatusFilterSelect } from '@/components/common/StatusFilterSelect';
import { downloadBlob } from '@/utils/popup/download';
import { useTable } from '@/hooks/useTable';
import { formatGrouped, t, tn, type MessageKey } from '@/utils/shared/i18n';

const SORT_LABELS: Record<TableSort, MessageKey> = {
  title: 'field_title',
  workstream: 'field_workstream',
  deadline: 'field_deadline',
  status: 'field_status',
  source: 'field_source',
};

/** A change that can be undone: its operation (the background keeps what it changed). */
export interface Undoable {
  text: string;
  opId: string;
}

/**
 * The table view: the search box (the popup's syntax), status, grouping and order; the table; and
 * what to do with the selected rows. Changes go to the background as one message each.
 */
export function TableView({
  revision,
  today,
  initialPrefs,
  initialText,
  first,
  onError,
  onUndoable,
  onNote,
  onProgress,
  searchRef,
  empty,
}: {
  revision: number;
  today: string;
  initialPrefs: TablePrefs;
  initialText: string;
  first: { key: TableKey; page: TablePage; fresh: boolean } | null;
  onError: (e: unknown) => void;
  onUndoable: (u: Undoable) => void;
  onNote: (text: string) => void;
  /** How far a change to many documents is (null: none running). */
  onProgress: (progress: OpResult | null) => void;
  searchRef: React.RefObject<HTMLInputElement | null>;
  /** What an empty index shows (the ways to start). */
  empty?: React.ReactNode;
}) {
  const id = useId();
  const [prefs, setPrefs] = useState(initialPrefs);
  const [text, setText] = useState(initialText);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [busy, setBusy] = useState(false);
  const confirm = useConfirm();
  useEffect(() => {
    try {
      localStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
    } catch {
      // Storage full or refused: the choice lasts this visit.
    }
  }, [prefs]);

  const key = useMemo(() => tableKey(text, prefs, today), [text, prefs, today]);
  const { data, rowAt, need } = useTable(key, revision, onError, first);
  const order = useMemo(() => {
    if (data?.ids) return data.ids;
    const out: string[] = [];
    for (let o = 0; data && o < data.total; o++) {
      const r = rowAt(o);
      if (!r) break;
      out.push(r.doc.id);
    }
    return out;
  }, [data, rowAt]);
  // Rows that left the table (filtered out, deleted) leave the selection.
  useEffect(() => {
    if (data?.ids) setSelection((s) => keepListed(s, data.ids!));
  }, [data?.ids]);

  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const orderRef = useRef(order);
  orderRef.current = order;
  const selectedIds = useCallback(() => selectedInOrder(selectionRef.current, orderRef.current), []);

  async function change(c: DocChange) {
    const ids = selectedIds();
    if (!ids.length) return;
    setBusy(true);
    try {
      const result = await runOperation(send, 'docs/edit-many', { ids, change: c }, onProgress);
      const text = changeText(c, result.changed, data?.workstreams ?? []);
      if (result.changed) onUndoable({ text, opId: result.opId });
      else onNote(text);
    } catch (e) {
      onError(e);
    } finally {
      onProgress(null);
      setBusy(false);
    }
  }

  const { ask } = confirm;
  const remove = useCallback(
    async (ids: readonly string[]) => {
      if (!ids.length) return;
      // More than a screenful: asked once, with the count, in the page (focus back to the table after a Yes).
      if (
        ids.length > SCREENFUL &&
        !(await ask({
          text: confirmDeleteText(ids.length),
          confirm: t('bulk_delete', { count: formatGrouped(ids.length) }),
          afterConfirm: () => document.querySelector<HTMLElement>('.table-scroll'),
        }))
      )
        return;
      setBusy(true);
      try {
        const result = await runOperation(send, 'docs/delete-many', { ids: [...ids] }, onProgress);
        setSelection((s) => ({ ...s, ids: new Set() }));
        onUndoable({ text: deletedText(result.changed), opId: result.opId });
      } catch (e) {
        onError(e);
      } finally {
        onProgress(null);
        setBusy(false);
      }
    },
    [ask, onError, onUndoable, onProgress],
  );

  async function exportSelected(format: 'json' | 'csv') {
    try {
      const started = await send('docs/export', { ids: [...selectedIds()], format });
      downloadBlob(started.filename, await receiveExport(send, started));
      onNote(t('table_downloading', { file: started.filename }));
    } catch (e) {
      onError(e);
    }
  }

  const edit = useCallback((doc: DocRecord) => void send('editor/open', { id: doc.id }).catch(onError), [onError]);

  const count = data?.total ?? 0;
  return (
    <div className="table-view">
      <div className="table-toolbar" role="search">
        <div className="field grow">
          <label htmlFor={`${id}-q`}>{t('table_filter')}</label>
          <input
            ref={searchRef}
            id={`${id}-q`}
            type="search"
            dir="auto"
            value={text}
            placeholder={t('table_filter_placeholder')}
            aria-describedby={`${id}-count`}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'Enter') {
                e.preventDefault();
                document.querySelector<HTMLElement>('.table-scroll')?.focus();
              }
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('field_status')}</label>
          <StatusFilterSelect id={`${id}-status`} value={prefs.status} onChange={(status) => setPrefs({ ...prefs, status })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-group`}>{t('table_group_by')}</label>
          <select
            id={`${id}-group`}
            value={prefs.group}
            onChange={(e) => setPrefs({ ...prefs, group: e.target.value as TablePrefs['group'] })}
          >
            <option value="workstream">{t('field_workstream')}</option>
            <option value="week">{t('table_group_week')}</option>
            <option value="none">{t('table_group_none')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sort`}>{t('table_sort_by')}</label>
          <select
            id={`${id}-sort`}
            value={prefs.sort}
            onChange={(e) => setPrefs({ ...prefs, sort: e.target.value as TableSort })}
          >
            {TABLE_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(SORT_LABELS[s])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-dir`}>{t('table_order')}</label>
          <select
            id={`${id}-dir`}
            value={prefs.dir}
            onChange={(e) => setPrefs({ ...prefs, dir: e.target.value === 'desc' ? 'desc' : 'asc' })}
          >
            <option value="asc">{t('table_ascending')}</option>
            <option value="desc">{t('table_descending')}</option>
          </select>
        </div>
        <div className="field">
          <IcsExportButton label={t('common_ics_export_all')} onError={onError} onDone={onNote} />
        </div>
      </div>
      <p id={`${id}-count`} className="result-count" aria-live="polite">
        {data ? tn('table_count', data.indexSize, { shown: count }) : t('common_loading')}
        <span className="muted key-help">
          {' · '}
          {t('table_key_help')}
        </span>
      </p>
      <BulkBar
        count={selection.ids.size}
        total={count}
        workstreams={data?.workstreams ?? []}
        busy={busy}
        onChange={(c) => void change(c)}
        onDelete={() => void remove(selectedIds())}
        onExport={(f) => void exportSelected(f)}
        selectedIds={selectedIds}
        onSelectAll={() => setSelection((s) => selectAll(orderRef.current, s))}
        onClear={() => setSelection((s) => ({ ...s, ids: new Set() }))}
        onError={onError}
        onNote={onNote}
      />
      {data && data.total > 0 ? (
        <DocTable
          data={data}
          rowAt={rowAt}
          need={need}
          order={order}
          selection={selection}
          onSelection={setSelection}
          prefs={prefs}
          onSort={(s) => setPrefs((p) => nextSort(p, s))}
          today={today}
          onEdit={edit}
          onDelete={(ids) => void remove(ids)}
          resetKey={JSON.stringify(key)}
        />
      ) : data && !data.indexSize && empty ? (
        empty
      ) : data ? (
        <p className="muted empty-table">{data.indexSize ? t('table_no_match') : t('table_empty')}</p>
      ) : null}
      {confirm.dialog}
    </div>
  );
}
