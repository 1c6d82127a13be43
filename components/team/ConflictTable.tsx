import { useId } from 'react';
import type { Workstream } from '@/utils/shared/model';
import type { MergeConflict, Resolutions } from '@/utils/shared/reports';
import { conflictKey, fieldLabel, formatFieldValue } from '@/utils/popup/conflicts';
import { t, tn } from '@/utils/shared/i18n';

/** Short values (dates, statuses) stay on one line. */
const short = (text: string) => (text.length <= 20 ? ' nowrap' : '');

/** How many conflicts the table lists; the rest (and those the background did not list) keep the side the merge chose. */
export const CONFLICT_ROWS = 200;

/**
 * Fields that both the index and the file changed since the version they last shared: what it
 * was, yours, theirs, and a radio per conflict to keep "Mine" or "Theirs" (the merge's choice first).
 */
export function ConflictTable({
  conflicts,
  total = conflicts.length,
  choices,
  workstreams,
  disabled,
  onChoose,
}: {
  conflicts: readonly MergeConflict[];
  /** How many there are in all (the background lists the first MAX_CONFLICTS_LISTED; the rest keep the merge's side). */
  total?: number;
  choices: Resolutions;
  workstreams: readonly Workstream[];
  disabled?: boolean;
  onChoose: (key: string, side: 'local' | 'incoming') => void;
}) {
  const id = useId();
  const shown = conflicts.slice(0, CONFLICT_ROWS);
  const n = Math.max(total, conflicts.length);
  return (
    <div className="conflicts">
      <h4 id={`${id}-heading`}>{tn('team_conflicts_heading', n)}</h4>
      <p className="muted small">{t('team_conflicts_hint')}</p>
      <div className="table-scroll">
        <table className="conflict-table" aria-labelledby={`${id}-heading`}>
          <thead>
            <tr>
              <th scope="col">{t('team_conflicts_col_field')}</th>
              <th scope="col">{t('team_conflicts_col_before')}</th>
              <th scope="col">{t('team_conflicts_col_yours')}</th>
              <th scope="col">{t('team_conflicts_theirs')}</th>
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
                    <span className="sr-only">{t('list_separator')}</span>
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
                      {t('team_conflicts_mine')}
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
                      {t('team_conflicts_theirs')}
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
      {n > shown.length && <p className="muted small">{tn('team_conflicts_more', n - shown.length)}</p>}
    </div>
  );
}
