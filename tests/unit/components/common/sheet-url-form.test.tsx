// @vitest-environment happy-dom
/**
 * The one form for a published sheet's address (Join, Shared sheets' Subscribe, the coordinator's check): it says
 * what is wrong with the address under the field, calls the action inside the submit event itself (where the
 * browser may still ask for a site's access), shows the pending label until the action settles, and shows what the
 * action says went wrong.
 */
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { button, host, labelled, render, setUpReact, setValue, tick } from '../../support/react';
import { SheetUrlForm, type SheetUrlOutcome } from '@/components/common/SheetUrlForm';

setUpReact();
const URL_CSV = 'https://docs.google.com/spreadsheets/d/e/2PACX-1/pub?output=csv';

async function submit() {
  await act(async () => {
    host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}
const problem = () => host.querySelector('.field-error')!.textContent;

function form(action: (p: { url: string; host: string }) => Promise<SheetUrlOutcome | void>, extra = {}) {
  return render(<SheetUrlForm label="Address" formLabel="Check" button="Go" pendingButton="Going…" action={action} {...extra} />);
}

describe('SheetUrlForm', () => {
  it.each([
    ['', 'Paste the address of a published sheet or a Docket file first.'],
    ['javascript:alert(1)', 'That is not a web address (it should begin with https://).'],
  ])('%j: says why under the field, focuses it, and never calls the action', async (value, message) => {
    const action = vi.fn();
    await form(action);
    await setValue(labelled('Address'), value);
    await submit();
    expect(problem()).toBe(message);
    expect(labelled('Address').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(labelled('Address'));
    expect(action).not.toHaveBeenCalled();
    // Typing again clears the message.
    await setValue(labelled('Address'), URL_CSV);
    expect(problem()).toBe('');
  });

  it('calls the action inside the submit event, shows the pending label until it settles, then clears on request', async () => {
    let finish!: (o: SheetUrlOutcome) => void;
    let inEvent = false;
    let calledInEvent = false;
    const action = vi.fn(() => {
      calledInEvent = inEvent;
      return new Promise<SheetUrlOutcome>((r) => (finish = r));
    });
    const pending = vi.fn();
    await form(action, { onPendingChange: pending });
    await setValue(labelled('Address'), ` ${URL_CSV}#docket-join `);
    await act(async () => {
      inEvent = true;
      host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      inEvent = false;
    });
    expect(calledInEvent).toBe(true);
    expect(action).toHaveBeenCalledWith({ url: URL_CSV, origin: 'https://docs.google.com', host: 'docs.google.com' });
    expect(button(/Going…/).disabled).toBe(true);
    expect(pending).toHaveBeenLastCalledWith(true);
    // A second submit while it runs does nothing.
    await submit();
    expect(action).toHaveBeenCalledTimes(1);
    await act(async () => finish({ clear: true }));
    await tick();
    expect(button(/^Go$/).disabled).toBe(false);
    expect(pending).toHaveBeenLastCalledWith(false);
    expect(labelled('Address').value).toBe('');
  });

  it('shows what the action says went wrong, or what it threw, under the field; the address stays', async () => {
    const action = vi
      .fn()
      .mockResolvedValueOnce({ problem: 'No access to docs.google.com.' })
      .mockRejectedValueOnce(new Error('The background stopped.'))
      .mockImplementationOnce(() => {
        throw new Error('The browser refused to ask.');
      });
    await form(action);
    await setValue(labelled('Address'), URL_CSV);
    for (const message of ['No access to docs.google.com.', 'The background stopped.', 'The browser refused to ask.']) {
      await submit();
      await tick();
      expect(problem()).toContain(message);
      expect(labelled('Address').value).toBe(URL_CSV);
    }
  });

  it('waits while something else runs (disabled), and lays out extra fields in a stacked form', async () => {
    const action = vi.fn();
    await render(
      <SheetUrlForm label="Address" formLabel="Subscribe" button="Subscribe" pendingButton="…" action={action} disabled stacked>
        <label>
          Name <input />
        </label>
      </SheetUrlForm>,
    );
    expect(host.querySelector('form')!.getAttribute('aria-label')).toBe('Subscribe');
    expect([...host.querySelectorAll('input')].map((i) => i.type)).toEqual(['url', 'text']);
    await setValue(labelled('Address'), URL_CSV);
    await submit();
    expect(action).not.toHaveBeenCalled();
    expect(button(/^Subscribe$/).disabled).toBe(true);
  });
});
