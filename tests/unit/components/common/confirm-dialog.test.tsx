// @vitest-environment happy-dom
/**
 * The question asked in the page before a delete of more than a screenful (issue 28, item 4), instead of
 * window.confirm: a dialog named by its question (with the count), focus on Cancel when it opens, Escape and
 * Cancel answer No, the confirming button Yes, and focus goes back to what asked (after a Yes, to the table
 * when the control that asked is gone).
 */
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { button, host, render, setUpReact } from '../../support/react';
import { useConfirm, type Question } from '@/components/common/ConfirmDialog';
import { confirmDeleteText } from '@/utils/popup/operation-text';

setUpReact();
afterEach(() => vi.unstubAllGlobals());

const answers: boolean[] = [];
let ask: (q: Question) => Promise<boolean>;

/** A "Delete" button that asks, and a table to focus after a Yes; the button goes when the answer is Yes. */
function Asker({ afterConfirm = true }: { afterConfirm?: boolean }) {
  const confirm = useConfirm();
  const [gone, setGone] = useState(false);
  ask = confirm.ask;
  return (
    <div>
      <div className="table-scroll" tabIndex={0} />
      {!gone && (
        <button
          type="button"
          onClick={async () => {
            const yes = await confirm.ask({
              text: confirmDeleteText(2_000),
              confirm: 'Delete 2,000',
              afterConfirm: afterConfirm ? () => host.querySelector<HTMLElement>('.table-scroll') : undefined,
            });
            answers.push(yes);
            if (yes) setGone(true);
          }}
        >
          Ask
        </button>
      )}
      {confirm.dialog}
    </div>
  );
}

const dialog = () => host.querySelector('dialog');
async function open() {
  answers.length = 0;
  await render(<Asker />);
  const opener = button(/^Ask$/);
  opener.focus();
  await act(async () => opener.click());
  return opener;
}

describe('ConfirmDialog', () => {
  it('asks in the page with the count, named by its question, focus on Cancel', async () => {
    const native = vi.fn(() => true);
    vi.stubGlobal('confirm', native);
    await open();
    const d = dialog()!;
    expect(d.open).toBe(true);
    const name = document.getElementById(d.getAttribute('aria-labelledby')!)!.textContent;
    expect(name).toBe('Delete 2,000 documents? They go to Recently deleted, where you can restore them.');
    expect(document.activeElement).toBe(button(/^Cancel$/));
    expect(button(/^Delete 2,000$/).className).toContain('danger');
    expect(native).not.toHaveBeenCalled();
  });

  it('Cancel answers No, closes, and gives focus back to what asked', async () => {
    const opener = await open();
    await act(async () => button(/^Cancel$/).click());
    expect(answers).toEqual([false]);
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('Escape answers No, closes, and gives focus back to what asked', async () => {
    const opener = await open();
    await act(async () => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    expect(answers).toEqual([false]);
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('the browser’s own cancel (Escape on a modal dialog) answers No once', async () => {
    await open();
    await act(async () => {
      dialog()!.dispatchEvent(new Event('cancel', { cancelable: true }));
      dialog()?.dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    expect(answers).toEqual([false]);
    expect(dialog()).toBeNull();
  });

  it('the confirming button answers Yes, and focus goes to the table when what asked is gone', async () => {
    await open();
    await act(async () => button(/^Delete 2,000$/).click());
    expect(answers).toEqual([true]);
    expect(dialog()).toBeNull();
    await act(async () => undefined);
    expect(document.activeElement).toBe(host.querySelector('.table-scroll'));
  });

  it('a second question while one is open answers the first No', async () => {
    await open();
    let second: Promise<boolean>;
    await act(async () => {
      second = ask({ text: 'Again?', confirm: 'Yes' });
    });
    expect(answers).toEqual([false]);
    expect(dialog()!.textContent).toContain('Again?');
    await act(async () => button(/^Yes$/).click());
    expect(await second!).toBe(true);
  });
});
