import { useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode, RefObject } from 'react';
import { errorMessage } from '@/utils/popup/errors';
import { parseSheetUrl } from '@/utils/popup/join';

/** An address the form accepted (parseSheetUrl). */
export type SheetUrl = { url: string; origin: string; host: string };

/** What the action asks of the form once it is done. */
export interface SheetUrlOutcome {
  /** Shown under the field, which gets the focus. */
  problem?: string;
  /** Empty the field (the address was used). */
  clear?: boolean;
}

/** A published sheet's address as Google gives it: the placeholder of every such field. */
const PLACEHOLDER = 'https://docs.google.com/spreadsheets/d/e/…/pub?output=csv';

/**
 * The one form for a published sheet's (or a Docket file's) address: Join your group's index, Shared sheets'
 * Subscribe, and the coordinator's check of a published link. It checks the address (a message under the field
 * says what is wrong), then calls `action` inside the submit event itself (the browser asks for a site's access
 * only during the member's gesture: `action` must ask before its first await), shows the pending label on the
 * button until the action settles, and shows what went wrong under the field if the action says so or throws.
 */
export function SheetUrlForm({
  label,
  formLabel,
  button,
  pendingButton,
  action,
  initialUrl,
  disabled,
  stacked,
  primary,
  children,
  onEdit,
  onPendingChange,
  inputRef,
}: {
  /** The field's label. */
  label: string;
  /** The form's accessible name. */
  formLabel: string;
  button: string;
  /** The button while the action runs. */
  pendingButton: string;
  action: (parsed: SheetUrl) => Promise<SheetUrlOutcome | void>;
  initialUrl?: string;
  /** Something else is running: the button waits. */
  disabled?: boolean;
  /** Label, field and button one under the other (more fields between: `children`). */
  stacked?: boolean;
  primary?: boolean;
  /** More fields, after the address (stacked forms). */
  children?: ReactNode;
  /** The address changed (results about the old one are stale). */
  onEdit?: () => void;
  onPendingChange?: (pending: boolean) => void;
  /** The field, for a caller that moves the focus to it. */
  inputRef?: RefObject<HTMLInputElement | null>;
}) {
  const id = useId();
  const urlRef = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState(initialUrl ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const pend = (value: boolean) => {
    setPending(value);
    onPendingChange?.(value);
  };
  const fail = (message: string) => {
    setProblem(message);
    urlRef.current?.focus();
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (pending || disabled) return;
    const parsed = parseSheetUrl(url);
    if ('problem' in parsed) return fail(parsed.problem);
    // First, before any await: the browser only asks for access during the member's gesture.
    let running: Promise<SheetUrlOutcome | void>;
    try {
      running = action(parsed);
    } catch (err) {
      return fail(errorMessage(err));
    }
    setProblem(null);
    pend(true);
    void (async () => {
      try {
        const outcome = await running;
        if (outcome?.problem) fail(outcome.problem);
        if (outcome?.clear) setUrl('');
      } catch (err) {
        fail(errorMessage(err));
      } finally {
        pend(false);
      }
    })();
  }

  const input = (
    <input
      id={`${id}-url`}
      ref={(el) => {
        urlRef.current = el;
        if (inputRef) inputRef.current = el;
      }}
      type="url"
      inputMode="url"
      placeholder={PLACEHOLDER}
      value={url}
      aria-invalid={problem ? true : undefined}
      aria-describedby={`${id}-problem`}
      onChange={(e) => {
        setUrl(e.target.value);
        if (problem) setProblem(null);
        onEdit?.();
      }}
    />
  );
  const submit = (
    <button type="submit" className={primary ? 'primary' : undefined} disabled={pending || disabled}>
      {pending ? pendingButton : button}
    </button>
  );
  const message = (
    <p id={`${id}-problem`} className="field-error" aria-live="polite">
      {problem}
    </p>
  );

  return (
    <form
      className={stacked ? 'sheet-form' : 'inline-form'}
      onSubmit={onSubmit}
      noValidate
      aria-label={formLabel}
      data-docket-url-form=""
    >
      {stacked ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-url`}>{label}</label>
            {input}
          </div>
          {message}
          {children}
          <div className="actions">{submit}</div>
        </>
      ) : (
        <>
          <label htmlFor={`${id}-url`}>{label}</label>
          <div className="inline-fields">
            {input}
            {submit}
          </div>
          {message}
        </>
      )}
    </form>
  );
}
