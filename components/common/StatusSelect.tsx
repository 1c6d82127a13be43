import { STATUSES, isStatus, type Status } from '@/utils/shared/model';
import { STATUS_LABELS } from '@/utils/shared/states';
import { t } from '@/utils/shared/i18n';

/** A status `<select>`: each status by its label, with "Not set" first when `allowUnset`. */
export function StatusSelect({
  id,
  value,
  allowUnset,
  onChange,
}: {
  id: string;
  value: Status | '';
  allowUnset: boolean;
  onChange: (value: Status | '') => void;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(isStatus(e.target.value) ? e.target.value : '')}>
      {allowUnset && <option value="">{t('common_status_not_set')}</option>}
      {STATUSES.map((s) => (
        <option key={s} value={s}>
          {STATUS_LABELS[s]}
        </option>
      ))}
    </select>
  );
}
