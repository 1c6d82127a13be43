import { useId, useState } from 'react';
import type { DocChange } from '@/utils/shared/bulk-change';
import type { Workstream } from '@/utils/shared/model';
import { isIsoDate, isStatus } from '@/utils/shared/model';
import { StatusSelect } from '@/components/common/StatusSelect';
import { IcsExportButton } from '@/components/common/IcsExportButton';
import { t, tn } from '@/utils/shared/i18n';

/**
 * What to do with the selected rows: set their workstream, status or deadline, move their deadlines
 * by a number of days, export them (calendar file, CSV, JSON) or delete them. Every change can be undone.
 */
export function BulkBar({
  count,
  total,
  workstreams,
  busy,
  onChange,
  onDelete,
  onExport,
  selectedIds,
  onSelectAll,
  onClear,
  onError,
  onNote,
}: {
  count: number;
  /** Rows in the table (to offer selecting them all). */
  total: number;
  workstreams: readonly Workstream[];
  busy: boolean;
  onChange: (change: DocChange) => void;
  onDelete: () => void;
  onExport: (format: 'json' | 'csv') => void;
  selectedIds: () => readonly string[];
  onSelectAll: () => void;
  onClear: () => void;
  onError: (e: unknown) => void;
  onNote: (text: string) => void;
}) {
  const id = useId();
  const [ws, setWs] = useState('');
  const [status, setStatus] = useState<string>('');
  const [deadline, setDeadline] = useState('');
  const [shift, setShift] = useState('7');
  const shiftDays = Number(shift);
  const shiftOk = /^[-+]?\d{1,4}$/.test(shift.trim()) && shiftDays !== 0 && Math.abs(shiftDays) <= 3650;
  const sorted = [...workstreams].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  if (!count) return null;
  return (
    <section className="bulk-bar" aria-label={t('bulk_label')}>
      <p className="bulk-count" role="status">
        <strong>{tn('bulk_selected', count)}</strong>
        {count < total && (
          <button type="button" className="link-button" onClick={onSelectAll}>
            {t('bulk_select_all', { count: total })}
          </button>
        )}
        <button type="button" className="link-button" onClick={onClear}>
          {t('bulk_clear')}
        </button>
      </p>
      <form
        className="bulk-action"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ workstreamId: ws || null });
        }}
      >
        <label htmlFor={`${id}-ws`}>{t('field_workstream')}</label>
        <select id={`${id}-ws`} value={ws} onChange={(e) => setWs(e.target.value)}>
          <option value="">{t('group_no_workstream')}</option>
          {sorted.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy}>
          {t('bulk_set_ws')}
        </button>
      </form>
      <form
        className="bulk-action"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ status: isStatus(status) ? status : null });
        }}
      >
        <label htmlFor={`${id}-status`}>{t('field_status')}</label>
        <StatusSelect id={`${id}-status`} value={isStatus(status) ? status : ''} allowUnset onChange={setStatus} />
        <button type="submit" disabled={busy}>
          {t('bulk_set_status')}
        </button>
      </form>
      <form
        className="bulk-action"
        onSubmit={(e) => {
          e.preventDefault();
          if (isIsoDate(deadline)) onChange({ deadline });
        }}
      >
        <label htmlFor={`${id}-deadline`}>{t('field_deadline')}</label>
        <input id={`${id}-deadline`} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        <button type="submit" disabled={busy || !isIsoDate(deadline)}>
          {t('bulk_set_deadline')}
        </button>
        <button type="button" disabled={busy} onClick={() => onChange({ deadline: null })}>
          {t('bulk_clear_deadline')}
        </button>
      </form>
      <form
        className="bulk-action"
        onSubmit={(e) => {
          e.preventDefault();
          if (shiftOk) onChange({ shiftDays });
        }}
      >
        <label htmlFor={`${id}-shift`}>{t('bulk_shift_label')}</label>
        <input
          id={`${id}-shift`}
          type="number"
          inputMode="numeric"
          className="shift-days"
          value={shift}
          min={-3650}
          max={3650}
          onChange={(e) => setShift(e.target.value)}
          aria-describedby={`${id}-shift-unit`}
        />
        <span id={`${id}-shift-unit`}>{tn('bulk_shift_days', Number.isFinite(shiftDays) ? Math.abs(shiftDays) : 0)}</span>
        <button type="submit" disabled={busy || !shiftOk}>
          {t('bulk_move')}
        </button>
      </form>
      <div className="bulk-action">
        <IcsExportButton ids={selectedIds} label={t('common_ics_export')} onError={onError} onDone={onNote} />
        <button type="button" disabled={busy} onClick={() => onExport('csv')}>
          {t('bulk_export_csv')}
        </button>
        <button type="button" disabled={busy} onClick={() => onExport('json')}>
          {t('bulk_export_json')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={onDelete}>
          {t('bulk_delete', { count })}
        </button>
      </div>
    </section>
  );
}
