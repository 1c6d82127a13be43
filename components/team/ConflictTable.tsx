import { useId } from 'react';
import type { Workstream } from '@/utils/shared/model';
import type { MergeConflict, Resolutions } from '@/utils/shared/reports';
import { conflictKey, fieldLabel, formatFieldValue } from '@/utils/popup/conflicts';

/** Short values (dates, statuses) stay on one line. */
const short = (text: string) => (text.length <= 20 ? ' nowrap' : '');

/** How many conflicts the table lists; the rest keep the side the merge chose. */
export const CONFLICT_ROWS = 200;

/**
 * Fields that both the index and the file changed since the version they last shared: what it
 * was, yours, theirs, and a radio per conflict to keep "Mine" or "Theirs" (the merge's choice first).
 */
export function ConflictTable({
  conflicts,
  choices,
  workstreams,
  disabled,
  onChoose,
}: {
  conflicts: readonly MergeConflict[];
  choices: Resolutions;
  workstreams: readonly Workstream[];
  disabled?: boolean;
  onChoose: (key: string, side: 'local' | 'incoming') => void;
}) {
  const id = useId();
  const shown = conflicts.slice(0, CONFLICT_ROWS);
  const n = conflicts.length;
  return (
    <div className="conflicts">
      <h4 id={`${id}-heading`}>
        {n} {n === 1 ? 'field was' : 'fields were'} changed both here and in the file
      </h4>
      <p className="muted small">Choose which to keep for each: yours (this index) or theirs (the file).</p>
      <div className="table-scroll">
        <table className="conflict-table" aria-labelledby={`${id}-heading`}>
          <thead>
            <tr>
              <th scope="col">Document, field</th>
              <th scope="col">Before</th>
              <th scope="col">Yours</th>
              <th scope="col">Theirs</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c, i) => {
              const key = conflictKey(c);
              const choice = choices[key] ?? c.winner;
              const rowId = `${id}-c${i}`;
              const name = `${id}-keep-${i}`;
              const base = formatFieldValue(c.field, c.base, workstreams);
              const local = formatFieldValue(c.field, c.local, workstreams);
              const incoming = formatFieldValue(c.field, c.incoming, workstreams);
              return (
                <tr key={key} data-conflict={key}>
                  <th scope="row" className="conflict-doc">
                    <span id={`${rowId}-doc`}>{c.title}</span>
                    <span className="sr-only">, </span>
                    <span id={`${rowId}-field`} className="conflict-field">
                      {fieldLabel(c.field)}
                    </span>
                  </th>
                  <td className={`conflict-base${short(base)}`}>{base}</td>
                  <td className={choice === 'local' ? 'chosen' : undefined}>
                    <label className="conflict-choice">
                      <input
                        type="radio"
                        name={name}
                        value="local"
                        checked={choice === 'local'}
                        disabled={disabled}
                        aria-describedby={`${rowId}-doc ${rowId}-field ${rowId}-local`}
                        onChange={() => onChoose(key, 'local')}
                      />
                      Mine
                    </label>
                    <span id={`${rowId}-local`} className={`conflict-value${short(local)}`}>
                      {local}
                    </span>
                  </td>
                  <td className={choice === 'incoming' ? 'chosen' : undefined}>
                    <label className="conflict-choice">
                      <input
                        type="radio"
                        name={name}
                        value="incoming"
                        checked={choice === 'incoming'}
                        disabled={disabled}
                        aria-describedby={`${rowId}-doc ${rowId}-field ${rowId}-incoming`}
                        onChange={() => onChoose(key, 'incoming')}
                      />
                      Theirs
                    </label>
                    <span id={`${rowId}-incoming`} className={`conflict-value${short(incoming)}`}>
                      {incoming}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {n > shown.length && <p className="muted small">And {n - shown.length} more, not listed: they keep the newer side.</p>}
    </div>
  );
}
