import type { StatusFilter } from '@/utils/shared/doc-order';
import { STATUS_FILTER_OPTIONS, parseStatusFilter } from '@/utils/popup/params';

/** The status filter's `<select>` (Active, All, one status…), in the popup's list and the full page's table. */
export function StatusFilterSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: StatusFilter;
  onChange: (value: StatusFilter) => void;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(parseStatusFilter(e.target.value))}>
      {STATUS_FILTER_OPTIONS.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
