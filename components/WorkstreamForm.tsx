import { useId, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';

export interface WorkstreamValues {
  name: string;
  group: string;
  color: string;
}

/** Name, group and colour of a workstream: used to create one and to edit one inline. */
export function WorkstreamForm({
  initial,
  heading,
  submitLabel,
  groups,
  onSubmit,
  onCancel,
}: {
  initial: WorkstreamValues;
  heading: string;
  submitLabel: string;
  groups: string[];
  onSubmit: (values: WorkstreamValues) => Promise<boolean>;
  onCancel: () => void;
}) {
  const id = useId();
  const [values, setValues] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const name = values.name.trim();
    if (!name) {
      setProblem('A workstream needs a name.');
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await onSubmit({ name, group: values.group.trim(), color: values.color });
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  }

  return (
    <form className="ws-form" aria-label={heading} onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={values.name}
          autoFocus
          required
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
        />
      </div>
      <div className="field-row">
        <div className="field grow">
          <label htmlFor={`${id}-group`}>Group</label>
          <input
            id={`${id}-group`}
            type="text"
            list={`${id}-groups`}
            value={values.group}
            onChange={(e) => setValues({ ...values, group: e.target.value })}
          />
          <datalist id={`${id}-groups`}>
            {groups.map((g) => (
              <option key={g} value={g} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor={`${id}-color`}>Colour</label>
          <input
            id={`${id}-color`}
            type="color"
            value={values.color}
            onChange={(e) => setValues({ ...values, color: e.target.value })}
          />
        </div>
      </div>
      <p className="field-error" aria-live="polite">
        {problem}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
