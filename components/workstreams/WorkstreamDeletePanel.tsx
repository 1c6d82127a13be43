import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { Workstream } from '@/utils/shared/model';
import { t, tn } from '@/utils/shared/i18n';

/** Asks what happens to a workstream's documents, then deletes it. */
export function WorkstreamDeletePanel({
  workstream,
  count,
  others,
  onConfirm,
  onCancel,
}: {
  workstream: Workstream;
  count: number;
  others: Workstream[];
  onConfirm: (reassignTo: string | null) => Promise<boolean>;
  onCancel: () => void;
}) {
  const id = useId();
  const [mode, setMode] = useState<'move' | 'leave'>(count > 0 && others.length > 0 ? 'move' : 'leave');
  const [target, setTarget] = useState(others[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const panelRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    panelRef.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await onConfirm(count > 0 && mode === 'move' && target ? target : null);
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
    <form
      ref={panelRef}
      className="confirm-panel"
      aria-label={t('ws_delete_label', { name: workstream.name })}
      onSubmit={submit}
      onKeyDown={onKeyDown}
    >
      <p className="confirm-question">
        {t('ws_delete_question', { name: workstream.name })}
        {count === 0 && t('ws_delete_no_docs')}
      </p>
      {count > 0 && (
        <fieldset>
          <legend>{tn('ws_delete_what', count)}</legend>
          {others.length > 0 && (
            <div className="radio-line">
              <input
                id={`${id}-move`}
                type="radio"
                name={`${id}-mode`}
                value="move"
                checked={mode === 'move'}
                onChange={() => setMode('move')}
              />
              <label id={`${id}-move-label`} htmlFor={`${id}-move`}>
                {t('ws_delete_move')}
              </label>
              <select
                aria-labelledby={`${id}-move-label`}
                value={target}
                onChange={(e) => {
                  setTarget(e.target.value);
                  setMode('move');
                }}
              >
                {others.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="radio-line">
            <input
              id={`${id}-leave`}
              type="radio"
              name={`${id}-mode`}
              value="leave"
              checked={mode === 'leave'}
              onChange={() => setMode('leave')}
            />
            <label htmlFor={`${id}-leave`}>{t('ws_delete_leave')}</label>
          </div>
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" className="danger" disabled={busy}>
          {t('ws_delete_button')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
