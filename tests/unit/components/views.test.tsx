// @vitest-environment happy-dom
/**
 * Smaller popup views: Upcoming (sections, rows that open the document), reminder settings
 * (the permission asked in the change handler; refused, they stay off), the workstream form's
 * Google account, sources and sync flags on a document's row.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { button, host, labelled, render, setUpReact, setValue } from '../support/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { reminderSettingsItem } from '@/utils/shared/storage-items';
import { UpcomingView } from '@/components/upcoming/UpcomingView';
import { ReminderSettings } from '@/components/upcoming/ReminderSettings';
import { WorkstreamForm } from '@/components/workstreams/WorkstreamForm';
import { DocumentRow } from '@/components/documents/DocumentRow';

const TODAY = '2020-09-08';
const WS: Workstream[] = [
  { id: 'ws-hlb', name: 'A. Possible implementation models', account: '1', color: '#1f6feb' },
  { id: 'ws-imp', name: 'B. Improvements to the IGF', color: '#8250df' },
];
const doc = (id: string, over: Partial<DocRecord> = {}): DocRecord => ({
  id,
  kind: 'document',
  aliases: [],
  updatedAt: '2020-08-27T14:00:00.000Z',
  ...over,
});

beforeEach(() => {
  fakeBrowser.reset();
});
setUpReact();

describe('Upcoming', () => {
  const DOCS = [
    doc('late', { title: 'Late one', deadline: '2020-09-06', workstreamId: 'ws-hlb', status: 'open-for-comments' }),
    doc('week', { title: 'This week one', deadline: '2020-09-15', workstreamId: 'ws-imp', status: 'draft' }),
    doc('next', { title: 'Next week one', deadline: '2020-09-16' }),
    doc('later', { title: 'Later one', deadline: '2020-12-01', status: 'final' }),
    doc('none', { title: 'Undated', status: 'draft' }),
    doc('done', { title: 'Done', deadline: '2020-09-01', status: 'delivered' }),
  ];

  it('lists documents not done under Overdue, This week, Next week, Later, No deadline', async () => {
    await render(<UpcomingView documents={DOCS} workstreams={WS} loaded today={TODAY} />);
    const sections = [...host.querySelectorAll('section')].map((s) => [
      s.querySelector('h2 .group-name')!.textContent,
      [...s.querySelectorAll<HTMLElement>('[data-doc-id]')].map((r) => r.dataset.docId),
    ]);
    expect(sections).toEqual([
      ['Overdue', ['late']],
      ['This week', ['week']],
      ['Next week', ['next']],
      ['Later', ['later']],
      ['No deadline', ['none']],
    ]);
    const late = host.querySelector<HTMLAnchorElement>('[data-doc-id="late"] a')!;
    // One link per row: Enter or a click opens the document, with its workstream's account.
    expect(late.href).toBe('https://docs.google.com/document/u/1/d/late/edit');
    expect(late.target).toBe('_blank');
    expect(late.textContent).toContain('2 d overdue');
    expect(late.textContent).toContain('A. Possible implementation models');
    expect(late.textContent).toContain('Open for comments');
    expect(host.querySelector('[data-doc-id="week"] a')!.textContent).toContain('due in 7 d');
    expect(host.querySelector('[data-doc-id="none"] a')!.textContent).toContain('no deadline');
  });

  it('moves between rows with the arrow keys', async () => {
    await render(<UpcomingView documents={DOCS} workstreams={WS} loaded today={TODAY} />);
    const links = [...host.querySelectorAll<HTMLAnchorElement>('a.upcoming-link')];
    links[0]!.focus();
    await act(async () => {
      links[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
    });
    expect(document.activeElement).toBe(links[1]);
    await act(async () => {
      links[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }));
    });
    expect(document.activeElement).toBe(links[4]);
  });

  it('says so when nothing is waiting', async () => {
    await render(<UpcomingView documents={[DOCS[5]!]} workstreams={WS} loaded today={TODAY} />);
    expect(host.textContent).toContain('Nothing waiting');
  });
});

describe('Reminders', () => {
  const checkbox = () => labelled('Remind me before deadlines');
  const stored = async () => (await fakeBrowser.storage.local.get(reminderSettingsItem.key))[reminderSettingsItem.key];

  it('is off by default; turning it on asks for notifications first, then stores it', async () => {
    const order: string[] = [];
    const request = vi.spyOn(browser.permissions, 'request').mockImplementation(async () => {
      order.push('request');
      return true;
    });
    await render(<ReminderSettings />);
    expect(checkbox().checked).toBe(false);
    expect(labelled('Days before').value).toBe('2');
    const set = vi.spyOn(browser.storage.local, 'set');
    await act(async () => checkbox().click());
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(order).toEqual(['request']);
    expect(set.mock.invocationCallOrder[0]!).toBeGreaterThan(request.mock.invocationCallOrder[0]!);
    expect(await stored()).toEqual({ enabled: true, daysBefore: 2 });
    expect(checkbox().checked).toBe(true);
    expect(host.textContent).toContain('Docket will remind you 2 days before each deadline.');
  });

  it('stays off, calmly, when the permission is refused', async () => {
    vi.spyOn(browser.permissions, 'request').mockResolvedValue(false as never);
    await render(<ReminderSettings />);
    await act(async () => checkbox().click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(checkbox().checked).toBe(false);
    expect(await stored()).toBeUndefined();
    expect(host.textContent).toContain('Reminders stay off');
    expect(host.querySelector('[role=alert]')).toBeNull();
  });

  it('stores days before (0–30) and refuses others', async () => {
    await fakeBrowser.storage.local.set({ [reminderSettingsItem.key]: { enabled: true, daysBefore: 3 } });
    await render(<ReminderSettings />);
    expect(checkbox().checked).toBe(true);
    const days = labelled('Days before');
    expect(days.value).toBe('3');
    await setValue(days, '0');
    expect(await stored()).toEqual({ enabled: true, daysBefore: 0 });
    await setValue(days, '31');
    expect(days.getAttribute('aria-invalid')).toBe('true');
    expect(host.textContent).toContain('whole number from 0 to 30');
    expect(await stored()).toEqual({ enabled: true, daysBefore: 0 });
    // Turning off needs no permission.
    const request = vi.spyOn(browser.permissions, 'request');
    await act(async () => checkbox().click());
    expect(request).not.toHaveBeenCalled();
    expect(await stored()).toEqual({ enabled: false, daysBefore: 0 });
  });
});

describe('workstream form: Google account', () => {
  async function renderForm(account = '') {
    const onSubmit = vi.fn(async () => true);
    await render(
      <WorkstreamForm
        heading="New workstream"
        submitLabel="Create workstream"
        groups={[]}
        initial={{ name: 'B. Improvements', group: '', color: '#1f6feb', account }}
        onSubmit={onSubmit}
        onCancel={() => undefined}
      />,
    );
    return onSubmit;
  }

  it.each([
    ['1', '1'],
    [' member@example.org ', 'member@example.org'],
    ['', ''],
  ])('accepts "%s"', async (typed, saved) => {
    const onSubmit = await renderForm();
    await setValue(labelled('Google account (number or address)'), typed);
    await act(async () => button(/^Create workstream$/).click());
    expect(onSubmit).toHaveBeenCalledWith({ name: 'B. Improvements', group: '', color: '#1f6feb', account: saved });
  });

  it.each(['123', 'member@example', 'not an account'])('refuses "%s" with a message by the field', async (typed) => {
    const onSubmit = await renderForm();
    const field = labelled('Google account (number or address)');
    await setValue(field, typed);
    await act(async () => button(/^Create workstream$/).click());
    expect(onSubmit).not.toHaveBeenCalled();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    const described = field
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((i) => host.querySelector('#' + CSS.escape(i))?.textContent)
      .join(' ');
    expect(described).toMatch(/account number.*e-mail address/);
  });
});

describe('a document row', () => {
  const flagged = doc('1flag', {
    title: 'Flagged',
    deadline: '2020-09-12',
    subscriptionId: 'sub-1',
    source: 'https://www.intgovforum.org/minutes-5',
    sourceTitle: 'WG-Strategy minutes',
    sourceDate: '2020-09-24',
    deadlineSource: 'Next Steps: By 12 September, comments to the document.',
    syncConflicts: [{ field: 'deadline', theirs: '2020-09-17', subscriptionId: 'sub-1', at: '2020-09-13T08:00:00.000Z' }],
  });

  it('a document tracked from a scan says each fact once: the deadline’s sentence, the meeting’s date', async () => {
    const sentence =
      'Next Steps: By 12 September, WG members to provide feedback directly to the document for further consideration.';
    const scanned = doc('1scan', {
      title: 'Scanned',
      deadline: '2020-09-12',
      source: 'https://www.intgovforum.org/minutes-4',
      sourceTitle: 'Working Group minutes — 27 August 2020',
      sourceDate: '2020-08-27',
      deadlineSource: sentence,
      deadlineNote: `${sentence.slice(0, 60)}…`,
    });
    await render(
      <ul>
        <DocumentRow doc={scanned} today={TODAY} onEdit={vi.fn()} onDelete={vi.fn()} />
      </ul>,
    );
    expect(host.querySelector('.source-from')!.textContent).toBe('From: Working Group minutes — 27 August 2020');
    expect(host.querySelector('.doc-note')!.textContent).toBe(`${sentence.slice(0, 60)}…`);
    expect(host.querySelector('blockquote')).toBeNull();
    expect(host.textContent!.split('By 12 September')).toHaveLength(2);
    expect(host.textContent!.split('27')).toHaveLength(2);
  });

  it('shows where it came from, its sheet, and the sheet’s change with both choices', async () => {
    const onSyncChoice = vi.fn();
    await render(
      <ul>
        <DocumentRow
          doc={flagged}
          today={TODAY}
          onEdit={vi.fn()}
          onDelete={vi.fn()}
          subscriptionName="WG sheet"
          onSyncChoice={onSyncChoice}
        />
      </ul>,
    );
    const from = host.querySelector<HTMLAnchorElement>('.source-from a')!;
    expect(from.closest('.source-from')!.textContent).toBe('From: WG-Strategy minutes (meeting Thu, Sep 24, 2020)');
    expect(from.href).toBe('https://www.intgovforum.org/minutes-5');
    expect(host.querySelector('blockquote')!.textContent).toBe('“Next Steps: By 12 September, comments to the document.”');
    expect(host.textContent).toContain('From sheet “WG sheet”');
    expect(host.querySelector('.sync-flag')!.textContent).toContain(
      'The sheet changed Deadline to Thu, Sep 17, 2020 (yours: Sat, Sep 12, 2020)',
    );
    await act(async () => button(/^Use the sheet’s/).click());
    expect(onSyncChoice).toHaveBeenLastCalledWith(flagged, 'deadline', 'theirs');
    await act(async () => button(/^Keep mine/).click());
    expect(onSyncChoice).toHaveBeenLastCalledWith(flagged, 'deadline', 'mine');
  });

  it('never links to a source that is not a web page', async () => {
    await render(
      <ul>
        <DocumentRow
          doc={doc('1x', { source: 'javascript:alert(1)', sourceTitle: 'Evil' })}
          today={TODAY}
          onEdit={vi.fn()}
          onDelete={vi.fn()}
        />
      </ul>,
    );
    expect(host.querySelector('.source-from')!.textContent).toBe('From: Evil');
    expect(host.querySelector('.source-from a')).toBeNull();
  });
});
