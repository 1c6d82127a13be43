import { useCallback, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { t } from '@/utils/shared/i18n';

/** What to ask: the question (with its count), the confirming button's words, where focus goes after a Yes. */
export interface Question {
  text: string;
  confirm: string;
  /** Focus after the member confirms (the control that asked may be gone or disabled by then). */
  afterConfirm?: () => HTMLElement | null;
}

const usable = (el: HTMLElement | null | undefined): HTMLElement | null =>
  el && el.isConnected && !(el as HTMLButtonElement).disabled ? el : null;

/**
 * A question asked in the page, never with window.confirm (issue 28, item 4): a modal <dialog> named by
 * its question, focus on Cancel (the harmless answer) when it opens, Escape cancels. When it goes, focus
 * goes back to what had it before, or after a Yes to `afterConfirm()` (the control that asked may be gone).
 */
export function ConfirmDialog({ question, onAnswer }: { question: Question; onAnswer: (yes: boolean) => void }) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const answered = useRef<boolean | null>(null);
  const afterConfirm = useRef(question.afterConfirm);
  afterConfirm.current = question.afterConfirm;
  useLayoutEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      try {
        dialog.showModal();
      } catch {
        dialog.setAttribute('open', '');
      }
    }
    cancelRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      const after = answered.current ? usable(afterConfirm.current?.()) : null;
      (after ?? usable(opener) ?? usable(afterConfirm.current?.()))?.focus();
    };
  }, []);
  const answer = (yes: boolean) => {
    if (answered.current !== null) return;
    answered.current = yes;
    onAnswer(yes);
  };
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-q`}
      onCancel={(e) => {
        // Escape: the answer is No (the dialog closes when it is no longer drawn).
        e.preventDefault();
        answer(false);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        answer(false);
      }}
    >
      <p id={`${id}-q`}>{question.text}</p>
      <div className="actions">
        <button ref={cancelRef} type="button" onClick={() => answer(false)}>
          {t('common_cancel')}
        </button>
        <button type="button" className="danger" onClick={() => answer(true)}>
          {question.confirm}
        </button>
      </div>
    </dialog>
  );
}

/** `ask(question)` draws the dialog (`dialog`, to be drawn by the caller) and resolves to the member's answer. */
export function useConfirm(): { ask: (question: Question) => Promise<boolean>; dialog: ReactNode } {
  const [open, setOpen] = useState<{ question: Question; answer: (yes: boolean) => void } | null>(null);
  const pending = useRef<((yes: boolean) => void) | null>(null);
  const ask = useCallback(
    (question: Question) =>
      new Promise<boolean>((resolve) => {
        // A question still open when another is asked is answered No.
        pending.current?.(false);
        const answer = (yes: boolean) => {
          if (pending.current !== answer) return;
          pending.current = null;
          setOpen(null);
          resolve(yes);
        };
        pending.current = answer;
        setOpen({ question, answer });
      }),
    [],
  );
  const dialog = open ? <ConfirmDialog question={open.question} onAnswer={open.answer} /> : null;
  return { ask, dialog };
}
