import { useId, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { accountProblem } from '@/utils/popup/inputs';
import { t } from '@/utils/shared/i18n';

export interface WorkstreamValues {
  name: string;
  group: string;
  color: string;
  /** The Google account its documents open with: `1` (for /u/1/) or an address; '' for none. */
  account: string;
}

/** Name, group, colour and Google account of a workstream: used to create one and to edit one inline. */
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
  const [accountError, setAccountError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const name = values.name.trim();
    if (!name) {
      setProblem(t('ws_form_name_needed'));
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setProblem(null);
    const account = values.account.trim();
    const bad = accountProblem(account);
    setAccountError(bad);
    if (bad) {
      document.getElementById(`${id}-account`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit({ name, group: values.group.trim(), color: values.color, account });
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
        <label htmlFor={`${id}-name`}>{t('ws_form_name')}</label>
        <input
          id={`${id}-name`}
          type="text"
          dir="auto"
          value={values.name}
          autoFocus
          required
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
        />
      </div>
      <div className="field-row">
        <div className="field grow">
          <label htmlFor={`${id}-group`}>{t('ws_form_group')}</label>
          <input
            id={`${id}-group`}
            type="text"
            dir="auto"
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
          <label htmlFor={`${id}-color`}>{t('ws_form_colour')}</label>
          <input
            id={`${id}-color`}
            type="color"
            value={values.color}
            onChange={(e) => setValues({ ...values, color: e.target.value })}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-account`}>{t('ws_form_account')}</label>
        <input
          id={`${id}-account`}
          type="text"
          dir="auto"
          inputMode="email"
          autoComplete="off"
          spellCheck={false}
          value={values.account}
          placeholder={t('ws_form_account_placeholder')}
          aria-invalid={accountError ? true : undefined}
          aria-describedby={`${id}-account-hint ${id}-account-error`}
          onChange={(e) => {
            setValues({ ...values, account: e.target.value });
            if (accountError) setAccountError(null);
          }}
        />
        <span id={`${id}-account-hint`} className="muted small">
          {t('ws_form_account_hint')}
        </span>
        <p id={`${id}-account-error`} className="field-error" aria-live="polite">
          {accountError}
        </p>
      </div>
      <p className="field-error" aria-live="polite">
        {problem}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
