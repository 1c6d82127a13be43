import type { Workstream } from '@/utils/shared/model';

/**
 * "The whole index or one workstream", for what an export or a share writes: a labelled `<select>` whose
 * value is '' for the whole index, else a workstream's id (the workstreams by name).
 */
export function ScopeSelect({
  id,
  label,
  wholeLabel,
  value,
  workstreams,
  onChange,
}: {
  id: string;
  label: string;
  /** The first choice's words (the whole index). */
  wholeLabel: string;
  value: string;
  workstreams: readonly Workstream[];
  onChange: (value: string) => void;
}) {
  const sorted = [...workstreams].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{wholeLabel}</option>
        {sorted.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
    </div>
  );
}
