import type { Workstream } from '@/utils/shared/model';
import { NEW_WORKSTREAM as NEW_WS } from '@/utils/popup/scan/records';
import { t } from '@/utils/shared/i18n';

/** The value of the "New workstream…" choice (one home: the records it becomes are built in utils). */
export { NEW_WORKSTREAM as NEW_WS } from '@/utils/popup/scan/records';

/** A workstream `<select>`: "No workstream", the workstreams by name, then "New workstream…". */
export function WorkstreamSelect({
  id,
  value,
  workstreams,
  onChange,
}: {
  id: string;
  value: string;
  workstreams: readonly Workstream[];
  onChange: (value: string) => void;
}) {
  const sorted = [...workstreams].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('group_no_workstream')}</option>
      {sorted.map((w) => (
        <option key={w.id} value={w.id}>
          {w.name}
        </option>
      ))}
      <option value={NEW_WS}>{t('common_ws_new_option')}</option>
    </select>
  );
}
