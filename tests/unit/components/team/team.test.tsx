// @vitest-environment happy-dom
/**
 * A team's index in the popup: import preview with conflicts (a choice per field, sent as
 * `resolutions`), progress while the background works, shared sheets (the origin's permission
 * asked first, in the submit handler), history with an inline confirmation before a restore.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { button, host, labelled, render, setUpReact, setValue, tick } from '../../support/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { formatInstant } from '@/utils/shared/format-date';
import type { Workstream } from '@/utils/shared/model';
import type { ImportReport, MergeConflict, SnapshotInfo, Subscription } from '@/utils/shared/reports';

import { ImportExport } from '@/components/team/ImportExport';
import { SharedSheets } from '@/components/team/SharedSheets';
import { SnapshotList } from '@/components/team/SnapshotList';

const protocol = vi.hoisted(() => ({ send: vi.fn(), sendToTab: vi.fn(), REVISION_KEY: 'docket:revision' }));
vi.mock('@/utils/shared/protocol', () => protocol);

const WS: Workstream[] = [{ id: 'ws-hlb', name: 'A. Possible implementation models' }];

beforeEach(() => {
  fakeBrowser.reset();
  protocol.send.mockReset();
});
setUpReact();

async function chooseFile(name: string, text: string) {
  const input = host.querySelector<HTMLInputElement>('input[type=file]')!;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await tick();
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const counts = (added: number, updated: number, unchanged = 0, refused = 0) => ({ added, updated, unchanged, refused });
const CONFLICTS: MergeConflict[] = [
  {
    docId: 'doc-a',
    title: 'MHLB models',
    field: 'deadline',
    base: '2020-09-10',
    local: '2020-09-12',
    incoming: '2020-09-17',
    winner: 'incoming',
  },
  { docId: 'doc-a', title: 'MHLB models', field: 'workstreamId', local: 'ws-hlb', incoming: 'ws-other', winner: 'local' },
];
const PREVIEW: ImportReport = {
  documents: counts(1, 1199, 3),
  workstreams: counts(1, 0),
  refused: [],
  applied: false,
  conflicts: CONFLICTS,
};

describe('a report with more refused rows than it lists (issue 28)', () => {
  it('counts them all and says how many are not listed', async () => {
    const listed = Array.from({ length: 3 }, (_, i) => ({ row: i + 1, what: 'document' as const, reason: 'id missing' }));
    protocol.send.mockImplementation((type: string) => {
      if (type === 'import/upload') return Promise.resolve({ received: 1 });
      if (type === 'import/preview')
        return Promise.resolve({ ...PREVIEW, conflicts: [], documents: counts(1, 0, 0, 700), refused: listed });
      if (type === 'subscriptions/list') return Promise.resolve({ subscriptions: [] });
      if (type === 'snapshots/list') return Promise.resolve({ snapshots: [] });
      return Promise.reject(new Error(`unexpected ${type}`));
    });
    await render(<ImportExport workstreams={WS} onError={vi.fn()} subscriptions={[]} />);
    await chooseFile('team.json', '{"format":"docket-index"}');
    const list = host.querySelector('details.refused')!;
    expect(list.querySelector('summary')!.textContent).toBe('700 refused rows');
    expect(list.querySelectorAll('li')).toHaveLength(3);
    expect(list.querySelector('p')!.textContent).toBe('…and 697 more rows, not listed.');
  });
});

describe('a report with more conflicts than it lists (issue 28)', () => {
  it('heads the table with them all and says the ones not listed keep the newer side', async () => {
    const listed = Array.from({ length: 500 }, (_, i) => ({ ...CONFLICTS[0]!, docId: `doc-${i}`, title: `Doc ${i}` }));
    protocol.send.mockImplementation((type: string) => {
      if (type === 'import/upload') return Promise.resolve({ received: 1 });
      if (type === 'import/preview') return Promise.resolve({ ...PREVIEW, conflicts: listed, conflictCount: 1_500 });
      if (type === 'subscriptions/list') return Promise.resolve({ subscriptions: [] });
      if (type === 'snapshots/list') return Promise.resolve({ snapshots: [] });
      return Promise.reject(new Error(`unexpected ${type}`));
    });
    await render(<ImportExport workstreams={WS} onError={vi.fn()} subscriptions={[]} />);
    await chooseFile('team.json', '{"format":"docket-index"}');
    const table = host.querySelector('.conflicts')!;
    expect(table.querySelector('h4')!.textContent).toBe('1500 fields were changed both here and in the file');
    expect(table.querySelectorAll('tr[data-conflict]')).toHaveLength(200);
    expect([...table.querySelectorAll('p')].at(-1)!.textContent).toBe('And 1300 more, not listed: they keep the newer side.');
  });
});

describe('import with conflicts', () => {
  it('lists the conflicts with the merge’s side chosen, and sends the member’s choices', async () => {
    const applied = deferred<ImportReport>();
    protocol.send.mockImplementation((type: string) => {
      if (type === 'import/upload') return Promise.resolve({ received: 1 });
      if (type === 'import/preview') return Promise.resolve(PREVIEW);
      if (type === 'import/apply') return applied.promise;
      if (type === 'subscriptions/list') return Promise.resolve({ subscriptions: [] });
      if (type === 'snapshots/list') return Promise.resolve({ snapshots: [] });
      return Promise.reject(new Error(`unexpected ${type}`));
    });
    await render(<ImportExport workstreams={WS} onError={vi.fn()} subscriptions={[]} />);
    await chooseFile('team.json', '{"format":"docket-index"}');
    // The file goes in pieces, then the preview names the upload.
    const uploadId = protocol.send.mock.calls.find(([type]) => type === 'import/upload')![1].uploadId;
    expect(protocol.send).toHaveBeenCalledWith('import/upload', { uploadId, chunk: '{"format":"docket-index"}', offset: 0 });
    expect(protocol.send).toHaveBeenCalledWith('import/preview', { uploadId, chars: 25, filename: 'team.json' });

    const rows = [...host.querySelectorAll<HTMLTableRowElement>('tr[data-conflict]')];
    expect(rows.map((r) => [...r.cells].map((c) => c.textContent))).toEqual([
      ['MHLB models, Deadline', 'Thu, Sep 10, 2020', 'MineSat, Sep 12, 2020', 'TheirsThu, Sep 17, 2020'],
      ['MHLB models, Workstream', 'empty', 'MineA. Possible implementation models', 'Theirsws-other'],
    ]);
    const radio = (row: number, side: 'local' | 'incoming') =>
      rows[row]!.querySelector<HTMLInputElement>(`input[value=${side}]`)!;
    expect(radio(0, 'incoming').checked).toBe(true);
    expect(radio(1, 'local').checked).toBe(true);
    expect(radio(0, 'local').closest('label')!.textContent).toBe('Mine');
    expect(radio(0, 'incoming').closest('label')!.textContent).toBe('Theirs');
    await act(async () => radio(0, 'local').click());
    expect(radio(0, 'local').checked).toBe(true);

    const apply = button(/^Import /);
    expect(apply.textContent).toBe('Import 1200 documents and 1 workstream');
    await act(async () => apply.click());
    expect(protocol.send).toHaveBeenCalledWith('import/apply', {
      uploadId: expect.not.stringMatching(uploadId),
      chars: 25,
      filename: 'team.json',
      resolutions: { 'doc-a:deadline': 'local', 'doc-a:workstreamId': 'local' },
    });
    // While the background writes: a progress bar, the count, the button disabled.
    const progress = host.querySelector('progress')!;
    expect(progress).not.toBeNull();
    const progressText = () =>
      host.querySelector('#' + CSS.escape(host.querySelector('progress')!.getAttribute('aria-labelledby')!))!.textContent;
    expect(progressText()).toBe('Importing 1,200 documents…');
    expect(apply.disabled).toBe(true);
    // The background says how far it is; another file's progress is not this one's.
    await act(
      async () =>
        void (await browser.storage.local.set({ 'docket:import-progress': { filename: 'other.json', written: 5, total: 10 } })),
    );
    expect(progressText()).toBe('Importing 1,200 documents…');
    await act(
      async () =>
        void (await browser.storage.local.set({
          'docket:import-progress': { filename: 'team.json', written: 5000, total: 1200 + 5000 },
        })),
    );
    expect(progressText()).toBe('Writing 5,000 of 6,200 documents…');
    expect(host.querySelector('progress')!.getAttribute('value')).toBe(String(5000 / 6200));

    await act(async () => applied.resolve({ ...PREVIEW, applied: true }));
    await tick();
    expect(host.querySelector('progress')).toBeNull();
    expect(host.querySelector('[role=status]')!.textContent).toBe(
      'Imported: 1 document added, 1199 updated, 0 refused; 1 workstream added, 0 updated, 0 refused.',
    );
    expect(host.querySelector('tr[data-conflict]')).toBeNull();
  });

  it('sends no resolutions when there was nothing to decide', async () => {
    protocol.send.mockImplementation(async (type: string) => {
      if (type === 'import/upload') return { received: 1 };
      if (type === 'import/preview') return { ...PREVIEW, conflicts: [] };
      if (type === 'import/apply') return { ...PREVIEW, conflicts: [], applied: true };
      return { subscriptions: [], snapshots: [] };
    });
    await render(<ImportExport workstreams={WS} onError={vi.fn()} subscriptions={[]} />);
    await chooseFile('team.json', 'x');
    expect(host.querySelector('table.conflict-table')).toBeNull();
    await act(async () => button(/^Import /).click());
    await tick();
    expect(protocol.send).toHaveBeenCalledWith('import/apply', { uploadId: expect.any(String), chars: 1, filename: 'team.json' });
    // Sent twice (preview, apply), in one piece each.
    expect(protocol.send.mock.calls.filter(([type]) => type === 'import/upload').map(([, d]) => d.chunk)).toEqual(['x', 'x']);
  });
});

const SUB: Subscription = {
  id: 'sub-1',
  url: 'https://docs.google.com/spreadsheets/d/e/2PACX-1/pub?output=csv',
  name: 'WG sheet',
  createdAt: '2020-09-01T00:00:00.000Z',
  lastAttemptAt: '2020-09-13T08:00:00.000Z',
  lastSuccessAt: '2020-09-12T08:00:00.000Z',
  lastError: 'docs.google.com answered 404 Not Found. The sheet may no longer be published, or its address changed.',
  lastReport: { documents: counts(2, 1, 5), workstreams: counts(0, 0) },
};

describe('shared sheets', () => {
  it('lists each subscription with its last sync, error and counts', async () => {
    await render(
      <SharedSheets
        subscriptions={[
          SUB,
          { ...SUB, id: 'sub-2', name: 'Other', lastSuccessAt: undefined, lastError: undefined, lastReport: undefined },
        ]}
        onChanged={vi.fn()}
      />,
    );
    const [first, second] = [...host.querySelectorAll<HTMLElement>('[data-subscription-id]')];
    expect(first!.textContent).toContain('WG sheet');
    expect(first!.querySelector('a')!.href).toBe(SUB.url);
    expect(first!.querySelector('[role=alert]')!.textContent).toContain('404 Not Found');
    expect(first!.textContent).toContain('Documents: 2 new, 1 updated, 5 unchanged.');
    expect(second!.textContent).toContain('Last synced: never');
    expect(second!.querySelector('[role=alert]')).toBeNull();
    expect(host.textContent).toMatch(/File → Share → Publish to web.*Comma-separated values \(\.csv\)/);
  });

  it('asks for the origin before anything else, then subscribes', async () => {
    const onChanged = vi.fn();
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    protocol.send.mockResolvedValue({
      subscription: { ...SUB, id: 'sub-9', name: 'Team', lastError: undefined, url: 'https://example.org/team.json' },
    });
    await render(<SharedSheets subscriptions={[]} onChanged={onChanged} />);
    await setValue(labelled('Published sheet (CSV) or Docket file (JSON) address'), ' https://example.org/team.json ');
    await setValue(labelled('Sheet name'), 'Team');
    const form = host.querySelector('form')!;
    await act(async () => {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      // Asked synchronously, inside the submit handler (the member's gesture).
      expect(request).toHaveBeenCalledWith({ origins: ['https://example.org/*'] });
      expect(protocol.send).not.toHaveBeenCalled();
    });
    await tick();
    expect(protocol.send).toHaveBeenCalledWith('subscriptions/add', { url: 'https://example.org/team.json', name: 'Team' });
    expect(request.mock.invocationCallOrder[0]!).toBeLessThan(protocol.send.mock.invocationCallOrder[0]!);
    expect(onChanged).toHaveBeenCalledWith([expect.objectContaining({ id: 'sub-9' })]);
    expect(host.querySelector('[role=status]')!.textContent).toBe(
      'Subscribed to “Team”. Documents: 2 new, 1 updated, 5 unchanged.',
    );
  });

  it('refused: nothing is sent, and it says why', async () => {
    vi.spyOn(browser.permissions, 'request').mockResolvedValue(false as never);
    await render(<SharedSheets subscriptions={[]} onChanged={vi.fn()} />);
    await setValue(labelled('Published sheet (CSV) or Docket file (JSON) address'), 'https://example.org/team.json');
    await act(async () => button(/^Subscribe$/).click());
    await tick();
    expect(protocol.send).not.toHaveBeenCalled();
    expect(host.querySelector('[role=alert]')!.textContent).toContain('not given access to example.org');
  });

  it('refuses an address that is not a web page without asking', async () => {
    const request = vi.spyOn(browser.permissions, 'request');
    await render(<SharedSheets subscriptions={[]} onChanged={vi.fn()} />);
    const field = labelled('Published sheet (CSV) or Docket file (JSON) address');
    await setValue(field, 'javascript:alert(1)');
    await act(async () => button(/^Subscribe$/).click());
    expect(request).not.toHaveBeenCalled();
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });

  it('syncs one now, and unsubscribes keeping the documents', async () => {
    const onChanged = vi.fn();
    protocol.send.mockImplementation(async (type: string) => {
      if (type === 'subscriptions/sync')
        return { subscriptions: [{ ...SUB, lastError: undefined, lastSuccessAt: '2020-09-14T08:00:00.000Z' }] };
      if (type === 'subscriptions/remove') return { removed: true };
      throw new Error(type);
    });
    await render(<SharedSheets subscriptions={[SUB]} onChanged={onChanged} />);
    await act(async () => button(/^Sync now/).click());
    await tick();
    expect(protocol.send).toHaveBeenCalledWith('subscriptions/sync', { id: 'sub-1' });
    expect(onChanged).toHaveBeenLastCalledWith([
      expect.objectContaining({ id: 'sub-1', lastSuccessAt: '2020-09-14T08:00:00.000Z' }),
    ]);
    await act(async () => button(/^Unsubscribe/).click());
    await tick();
    expect(protocol.send).toHaveBeenCalledWith('subscriptions/remove', { id: 'sub-1' });
    expect(onChanged).toHaveBeenLastCalledWith([]);
    expect(host.querySelector('[role=status]')!.textContent).toContain('Its documents stay in your index');
  });
});

describe('what a sheet asks that Docket does not do on its own (issue 13, items 7 and 10)', () => {
  it('lists the workstream changes it proposes; Apply writes one, through the ordinary save', async () => {
    const onChanged = vi.fn();
    const ws: Workstream = { id: 'ws-hlb', name: 'A. Possible implementation models', color: '#1f6feb' };
    protocol.send.mockImplementation(async (type: string) => {
      if (type === 'workstreams/list') return { workstreams: [ws] };
      if (type === 'ws/put') return { workstream: {} };
      throw new Error(type);
    });
    const sub: Subscription = {
      ...SUB,
      proposals: [
        { id: 'ws-hlb', name: ws.name, field: 'name', local: ws.name, theirs: 'Renamed by the sheet' },
        { id: 'ws-hlb', name: ws.name, field: 'account', theirs: 'someone@example.org' },
      ],
    };
    await render(<SharedSheets subscriptions={[sub]} onChanged={onChanged} />);
    const items = [...host.querySelectorAll('.proposal')].map((li) => li.textContent);
    expect(items[0]).toContain('The sheet would rename it to “Renamed by the sheet” (yours: A. Possible implementation models).');
    expect(items[1]).toContain('open its documents with the Google account “someone@example.org”');
    expect(protocol.send).not.toHaveBeenCalled();
    await act(async () => [...host.querySelectorAll<HTMLButtonElement>('.proposal button')][0]!.click());
    await tick();
    expect(protocol.send).toHaveBeenCalledWith('ws/put', { workstream: { ...ws, name: 'Renamed by the sheet' } });
    expect(onChanged).toHaveBeenLastCalledWith([expect.objectContaining({ proposals: [sub.proposals![1]] })]);
  });

  it('offers to allow the site a sheet redirects to, asking during the click, then syncs', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    protocol.send.mockResolvedValue({ subscriptions: [{ ...SUB, lastError: undefined }] });
    await render(<SharedSheets subscriptions={[{ ...SUB, needsOrigin: 'https://cdn.example.net/*' }]} onChanged={vi.fn()} />);
    await act(async () => button(/^Allow Docket to read cdn\.example\.net$/).click());
    expect(request).toHaveBeenCalledWith({ origins: ['https://cdn.example.net/*'] });
    await tick();
    expect(protocol.send).toHaveBeenCalledWith('subscriptions/sync', { id: 'sub-1' });
  });
});

describe('history', () => {
  const SNAPS: SnapshotInfo[] = [
    {
      id: 7,
      createdAt: '2020-09-14T08:00:00.000Z',
      reason: 'import',
      label: 'before importing team.json',
      documents: 12,
      workstreams: 4,
    },
    {
      id: 6,
      createdAt: '2020-09-13T08:00:00.000Z',
      reason: 'sync',
      label: 'before syncing “WG sheet”',
      documents: 10,
      workstreams: 4,
    },
  ] as SnapshotInfo[];

  it('restores after an inline confirmation', async () => {
    protocol.send.mockImplementation(async (type: string, data: { id?: number }) => {
      if (type === 'snapshots/list') return { snapshots: SNAPS };
      if (type === 'snapshots/restore') return { restored: SNAPS.find((s) => s.id === data.id) };
      throw new Error(type);
    });
    await render(<SnapshotList />);
    const rows = [...host.querySelectorAll<HTMLElement>('[data-snapshot-id]')];
    expect(rows.map((r) => r.dataset.snapshotId)).toEqual(['7', '6']);
    expect(rows[1]!.textContent).toContain('before syncing “WG sheet”');
    expect(rows[1]!.textContent).toContain('10 documents, 4 workstreams');

    const restore = rows[1]!.querySelector('button')!;
    expect(restore.textContent).toMatch(/^Restore/);
    await act(async () => restore.click());
    expect(protocol.send).not.toHaveBeenCalledWith('snapshots/restore', expect.anything());
    expect(restore.getAttribute('aria-expanded')).toBe('true');
    // The snapshot's instant in the member's own time zone (Sat, Sep 12, 10:00 PM in Honolulu).
    expect(rows[1]!.querySelector('.confirm-question')!.textContent).toBe(
      `Restore the index as it was on ${formatInstant('2020-09-13T08:00:00.000Z')}? The current index is kept as a snapshot first.`,
    );
    expect(document.activeElement?.textContent).toBe('Yes, restore');
    await act(async () => button(/^Yes, restore$/).click());
    await tick();
    expect(protocol.send).toHaveBeenCalledWith('snapshots/restore', { id: 6 });
    expect(host.querySelector('[role=status]')!.textContent).toContain(
      `Restored the index as it was on ${formatInstant('2020-09-13T08:00:00.000Z')}`,
    );
    expect(host.querySelector('.confirm-panel')).toBeNull();
  });

  it('Cancel restores nothing', async () => {
    protocol.send.mockResolvedValue({ snapshots: SNAPS });
    await render(<SnapshotList />);
    await act(async () => host.querySelector<HTMLButtonElement>('[data-snapshot-id="7"] button')!.click());
    await act(async () => button(/^Cancel$/).click());
    expect(host.querySelector('.confirm-panel')).toBeNull();
    expect(protocol.send).toHaveBeenCalledTimes(1);
  });
});
