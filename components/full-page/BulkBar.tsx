import { useId, useState } from 'react';
import type { DocChange } from '@/utils/shared/bulk-change';
import type { Workstream } from '@/utils/shared/model';
import { isIsoDate, isStatus } from '@/utils/shared/model';
import { StatusSelect } from '@/components/common/StatusSelect';
import { IcsExportButton } from '@/components/common/IcsExportButton';

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
    <section className="bulk-bar" aria-label="Selected documents">
      <p className="bulk-count" role="status">
        <strong>{count}</strong> selected
        {count < total && (
          <button type="button" className="link-button" onClick={onSelectAll}>
            Select all {total}
          </button>
        )}
        <button type="button" className="link-button" onClick={onClear}>
          Clear selection
        </button>
      </p>
      <form
        className="bulk-action"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ workstreamId: ws || null });
        }}
      >
        <label htmlFor={`${id}-ws`}>Workstream</label>
        <select id={`${id}-ws`} value={ws} onChange={(e) => setWs(e.target.value)}>
          <option value="">No workstream</option>
          {sorted.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy}>
          Set workstream
        </button>
      </form>
      <form
        className="bulk-action"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ status: isStatus(status) ? status : null });
        }}
      >
        <label htmlFor={`${id}-status`}>Status</label>
        <StatusSelect id={`${id}-status`} value={isStatus(status) ? status : ''} allowUnset onChange={setStatus} />
        <button type="submit" disabled={busy}>
          Set status
        </button>
      </form>
      <form
        className="bulk-action"
        onSubmit={(e) => {
          e.preventDefault();
          if (isIsoDate(deadline)) onChange({ deadline });
        }}
      >
        <label htmlFor={`${id}-deadline`}>Deadline</label>
        <input id={`${id}-deadline`} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        <button type="submit" disabled={busy || !isIsoDate(deadline)}>
          Set deadline
        </button>
        <button type="button" disabled={busy} onClick={() => onChange({ deadline: null })}>
          Clear deadline
        </button>
      </form>
      <form
        className="bulk-action"
        onSubmit={(e) => {
          e.preventDefault();
          if (shiftOk) onChange({ shiftDays });
        }}
      >
        <label htmlFor={`${id}-shift`}>Move deadlines by</label>
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
        <span id={`${id}-shift-unit`}>days</span>
        <button type="submit" disabled={busy || !shiftOk}>
          Move
        </button>
      </form>
      <div className="bulk-action">
        <IcsExportButton ids={selectedIds} label="Export deadlines (.ics)" onError={onError} onDone={onNote} />
        <button type="button" disabled={busy} onClick={() => onExport('csv')}>
          Export CSV
        </button>
        <button type="button" disabled={busy} onClick={() => onExport('json')}>
          Export JSON
        </button>
        <button type="button" className="danger" disabled={busy} onClick={onDelete}>
          Delete {count}
        </button>
      </div>
    </section>
  );
}
