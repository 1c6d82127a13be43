import type { ReactNode } from 'react';
import { NEW_WS } from '@/components/common/WorkstreamSelect';
import { GrowingInput } from '@/components/common/GrowingInput';
import type { Workstream } from '@/utils/shared/model';
import { t, tn } from '@/utils/shared/i18n';
import type { ScanRowState } from './ScanRow';

/** Rows by the item they were found under, in the order items first appear (rows under no item: one group too). */
export function groupRows(rows: readonly ScanRowState[]): Array<{ item?: string; indices: number[] }> {
  const groups = new Map<string, { item?: string; indices: number[] }>();
  rows.forEach((r, i) => {
    const key = r.c.section ? `=${r.c.section}` : '';
    const g = groups.get(key);
    if (g) g.indices.push(i);
    else groups.set(key, { ...(r.c.section ? { item: r.c.section } : {}), indices: [i] });
  });
  return [...groups.values()];
}

const MIXED = '__mixed__';

/** The workstream all the rows share (a new one by the same name counts as one), or MIXED. */
function common(rows: readonly ScanRowState[]): string {
  const first = rows[0];
  if (!first) return '';
  const key = (r: ScanRowState) => (r.ws === NEW_WS ? `${NEW_WS}${r.newWs.trim().toLowerCase()}` : r.ws);
  return rows.every((r) => key(r) === key(first)) ? first.ws : MIXED;
}

/**
 * The documents found under one item: the item's name, and (for two or more) one workstream choice
 * for all of them; each row keeps its own. Rows under no item are listed as they are.
 */
export function ScanGroup({
  item,
  rows,
  idBase,
  workstreams,
  onChange,
  children,
}: {
  item?: string;
  rows: readonly ScanRowState[];
  idBase: string;
  workstreams: readonly Workstream[];
  onChange: (patch: (r: ScanRowState) => Partial<ScanRowState>) => void;
  children: ReactNode;
}) {
  if (!item) return <>{children}</>;
  const value = common(rows);
  const sorted = [...workstreams].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  const choose = (v: string) => {
    if (v === MIXED) return;
    if (v === NEW_WS) {
      // One new workstream for all: the name a row already had, else the item's.
      const named = rows.find((r) => r.ws === NEW_WS && r.newWs.trim())?.newWs.trim();
      onChange(() => ({ ws: NEW_WS, newWs: named ?? item }));
    } else onChange(() => ({ ws: v, newWs: '' }));
  };
  return (
    <li className="scan-group" aria-labelledby={`${idBase}-item`}>
      <div className="scan-group-head">
        <span id={`${idBase}-item`} className="scan-group-item">
          {item}
        </span>
        {rows.length > 1 && (
          <>
            <label htmlFor={`${idBase}-ws`} className="sr-only">
              {tn('scan_group_workstream', rows.length, { item })}
            </label>
            <select id={`${idBase}-ws`} value={value} onChange={(e) => choose(e.target.value)}>
              {value === MIXED && (
                <option value={MIXED} disabled>
                  {t('scan_group_mixed')}
                </option>
              )}
              <option value="">{t('scan_ws_none')}</option>
              {sorted.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
              <option value={NEW_WS}>{t('scan_ws_new')}</option>
            </select>
            {value === NEW_WS && (
              <>
                <label htmlFor={`${idBase}-newws`} className="sr-only">
                  {tn('scan_group_new_name', rows.length, { item })}
                </label>
                <GrowingInput
                  id={`${idBase}-newws`}
                  className="scan-newws"
                  value={rows[0]!.newWs}
                  onValue={(newWs) => onChange(() => ({ ws: NEW_WS, newWs }))}
                />
              </>
            )}
          </>
        )}
      </div>
      <ul className="scan-list scan-group-rows">{children}</ul>
    </li>
  );
}
