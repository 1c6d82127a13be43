// @vitest-environment happy-dom
/**
 * The popup as a whole: banners from status/get, "Track in Docket…" parameters (wsGuess,
 * sourceTitle), the editor noticing another window's save, and answering a sheet's change.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { button, host, labelled, root, setUpReact, tick } from '../../support/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import type { IndexStatus } from '@/utils/shared/protocol';
import { answerRead } from '../../support/fake-backend';

import { App } from '@/components/popup/App';
import { formatInstant } from '@/utils/shared/format-date';

const protocol = vi.hoisted(() => ({ send: vi.fn(), sendToTab: vi.fn(), REVISION_KEY: 'docket:revision' }));
vi.mock('@/utils/shared/protocol', () => protocol);

const WS: Workstream[] = [
  { id: 'ws-imp', name: 'B. Improvements to the IGF', color: '#8250df' },
  { id: 'ws-out', name: 'C. Strengthening the IGF outcomes', color: '#1a7f37' },
];
const NEW_ID = '1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW';
const TRACKED: DocRecord = {
  id: '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y',
  kind: 'document',
  aliases: [],
  title: 'Improvements to the IGF: proposals',
  workstreamId: 'ws-imp',
  deadline: '2020-09-12',
  status: 'open-for-comments',
  subscriptionId: 'sub-1',
  syncConflicts: [{ field: 'deadline', theirs: '2020-09-17', subscriptionId: 'sub-1', at: '2020-09-13T08:00:00.000Z' }],
  updatedAt: '2020-09-01T00:00:00.000Z',
};

let index: { documents: DocRecord[]; workstreams: Workstream[] };
let status: IndexStatus;

beforeEach(() => {
  fakeBrowser.reset();
  protocol.send.mockReset();
  protocol.sendToTab.mockReset().mockRejectedValue(new Error('no content script'));
  index = { documents: [TRACKED], workstreams: WS };
  status = {};
  protocol.send.mockImplementation(async (type: string, data: unknown) => {
    const read = answerRead(index, type, data);
    if (read !== undefined) return read;
    switch (type) {
      case 'status/get':
        return status;
      case 'status/dismiss':
        return { ...status, interrupted: undefined };
      case 'subscriptions/list':
        return { subscriptions: [{ id: 'sub-1', name: 'WG sheet', url: 'https://example.org/s.csv', createdAt: 'x' }] };
      case 'doc/put':
      case 'ws/put':
        return data;
      default:
        throw new Error(`unexpected ${type}`);
    }
  });
  vi.spyOn(browser.tabs, 'query').mockResolvedValue([] as never);
  vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue({ id: 3 } as never);
});
afterEach(() => {
  window.history.replaceState(null, '', '/');
});
setUpReact();

async function renderApp(search = '') {
  window.history.replaceState(null, '', `/popup.html${search}`);
  await act(async () => root!.render(<App />));
  await tick();
  await tick();
}

/** Another window saved: the index changed and the background bumped the revision. */
async function changedElsewhere(docs: DocRecord[]) {
  index = { ...index, documents: docs };
  await act(async () => {
    await fakeBrowser.storage.local.set({ 'docket:revision': String(Math.random()) });
  });
  await tick();
}

const track = (extra: string) =>
  `?close=1&track=${encodeURIComponent(`https://docs.google.com/document/d/${NEW_ID}/edit`)}&title=Selection${extra}`;

describe('the popup', () => {
  it('shows a persistent read-only banner and a dismissable interrupted-import banner', async () => {
    status = {
      readOnlyReason: 'Docket could not upgrade its index (boom). Your documents are safe.',
      interrupted: { label: 'import of big.json', startedAt: '2020-09-14T08:00:00.000Z' },
    };
    await renderApp();
    const alerts = () => [...host.querySelectorAll('[role=alert]')].map((a) => a.textContent);
    expect(alerts()[0]).toContain('Docket could not upgrade its index (boom).');
    // An instant, shown in the member's own time zone (Sun, Sep 13, 10:00 PM in Honolulu).
    expect(alerts()[1]).toContain(
      `⚠The import of big.json started at ${formatInstant('2020-09-14T08:00:00.000Z')} was interrupted; nothing of it was written. Import it again.Dismiss`,
    );
    await act(async () => button(/^Dismiss the notice about the interrupted import/).click());
    await tick();
    expect(protocol.send).toHaveBeenCalledWith('status/dismiss', {});
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toContain('could not upgrade');
  });

  it('wsGuess preselects the best-matching workstream; sourceTitle is kept with its meeting date (said once)', async () => {
    await renderApp(
      track(
        `&wsGuess=${encodeURIComponent('Strengthening IGF outcomes:')}&source=${encodeURIComponent('https://www.intgovforum.org/m5')}&sourceTitle=${encodeURIComponent('WG-Strategy meeting — 24 September 2020')}`,
      ),
    );
    expect(labelled('Workstream').value).toBe('ws-out');
    expect(host.querySelector('.source-from')!.textContent).toBe('From: WG-Strategy meeting — 24 September 2020');
    await act(async () => button(/^Save$/).click());
    await tick();
    const put = protocol.send.mock.calls.find(([t]) => t === 'doc/put')![1] as { doc: DocRecord };
    expect(put.doc).toMatchObject({
      id: NEW_ID,
      workstreamId: 'ws-out',
      source: 'https://www.intgovforum.org/m5',
      sourceTitle: 'WG-Strategy meeting — 24 September 2020',
      sourceDate: '2020-09-24',
    });
    expect(protocol.send).not.toHaveBeenCalledWith('ws/put', expect.anything());
  });

  it('wsGuess that fits no workstream prefills "New workstream…" with its name', async () => {
    await renderApp(track(`&wsGuess=${encodeURIComponent('D. Options Paper response')}`));
    expect(labelled('Workstream').value).toBe('__new__');
    expect(labelled('New workstream name').value).toBe('D. Options Paper response');
    await act(async () => button(/^Save$/).click());
    await tick();
    const ws = protocol.send.mock.calls.find(([t]) => t === 'ws/put')![1] as { workstream: Workstream };
    expect(ws.workstream.name).toBe('D. Options Paper response');
  });

  it('tells the editor when another window changed the document, and loads the new version on request', async () => {
    await renderApp(`?edit=${TRACKED.id}`);
    expect(labelled('Title').value).toBe(TRACKED.title);
    expect(host.querySelector('.notice-warn')).toBeNull();
    // An unrelated reload with the same record: no notice.
    await changedElsewhere([{ ...TRACKED }]);
    expect(host.querySelector('.notice-warn')).toBeNull();
    await changedElsewhere([{ ...TRACKED, title: 'Renamed elsewhere', updatedAt: '2020-09-14T09:00:00.000Z' }]);
    expect(host.querySelector('.notice-warn')!.textContent).toContain('This document was changed in another window');
    await act(async () => button(/^Load the new version$/).click());
    await tick();
    expect(labelled('Title').value).toBe('Renamed elsewhere');
    expect(host.querySelector('.notice-warn')).toBeNull();
  });

  it('the member’s Save still wins over the other window’s change', async () => {
    await renderApp(`?edit=${TRACKED.id}`);
    await changedElsewhere([{ ...TRACKED, title: 'Renamed elsewhere', updatedAt: '2020-09-14T09:00:00.000Z' }]);
    const title = labelled('Title');
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(title, 'Mine');
      title.dispatchEvent(new Event('input', { bubbles: true }));
    });
    vi.spyOn(window, 'close').mockImplementation(() => undefined);
    await act(async () => button(/^Save$/).click());
    await tick();
    const put = protocol.send.mock.calls.find(([t]) => t === 'doc/put')![1] as { doc: DocRecord };
    expect(put.doc.title).toBe('Mine');
  });

  it('a sheet’s change: "Use the sheet’s" saves its value and drops the flag; the sheet’s name is shown', async () => {
    await renderApp();
    const row = host.querySelector<HTMLElement>(`[data-doc-id="${TRACKED.id}"]`)!;
    expect(row.textContent).toContain('From sheet “WG sheet”');
    expect(row.textContent).toContain('The sheet changed Deadline to Thu, Sep 17, 2020 (yours: Sat, Sep 12, 2020)');
    await act(async () => button(/^Use the sheet’s/).click());
    await tick();
    const put = protocol.send.mock.calls.find(([t]) => t === 'doc/put')![1] as { doc: DocRecord };
    expect(put.doc.deadline).toBe('2020-09-17');
    expect(put.doc.syncConflicts).toBeUndefined();
    expect(put.doc.subscriptionId).toBe('sub-1');
  });

  it('draws the first page from one docs/query and never asks for the whole index', async () => {
    const many = Array.from({ length: 450 }, (_, i): DocRecord => ({
      id: `1many${String(i).padStart(28, '0')}`,
      kind: 'document',
      aliases: [],
      title: `Document ${i}`,
      workstreamId: i % 2 ? 'ws-imp' : 'ws-out',
      updatedAt: '2020-09-01T00:00:00.000Z',
    }));
    index = { documents: many, workstreams: WS };
    await renderApp();
    const queries = protocol.send.mock.calls.filter(([t]) => t === 'docs/query');
    expect(queries).toEqual([
      ['docs/query', expect.objectContaining({ view: 'grouped', status: 'active', offset: 0, limit: 200 })],
    ]);
    expect(host.querySelectorAll('li[data-doc-id]')).toHaveLength(200);
    expect([...host.querySelectorAll('.group-count')].map((c) => c.textContent?.replace(/\D+/g, ''))).toEqual(['225', '225']);
    expect(button(/^Show 200 more of 250 not shown$/)).toBeTruthy();
    await act(async () => button(/^Show 200 more/).click());
    await tick();
    expect(protocol.send).toHaveBeenLastCalledWith('docs/query', expect.objectContaining({ offset: 200, limit: 200 }));
    expect(host.querySelectorAll('li[data-doc-id]')).toHaveLength(400);
    // A change elsewhere: only the current view's query runs again.
    const before = protocol.send.mock.calls.length;
    await changedElsewhere(many.slice(0, 10));
    const after = protocol.send.mock.calls.slice(before).map(([t]) => t);
    expect(after).toContain('docs/query');
    expect(host.querySelectorAll('li[data-doc-id]')).toHaveLength(10);
    expect(protocol.send).not.toHaveBeenCalledWith('index/get', expect.anything());
  });

  it('search asks per keystroke and drops answers that arrive late', async () => {
    await renderApp();
    const pending: Array<{ text: string; resolve: () => void }> = [];
    const inner = protocol.send.getMockImplementation()!;
    protocol.send.mockImplementation((type: string, data: { text?: string }) => {
      if (type !== 'docs/query' || !data.text) return inner(type, data);
      return new Promise((resolve) => pending.push({ text: data.text!, resolve: () => resolve(inner(type, data)) }));
    });
    const box = host.querySelector<HTMLInputElement>('input[type=search]')!;
    const typeIn = (v: string) =>
      act(async () => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(box, v);
        box.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await typeIn('impr');
    await typeIn('imprzzzz');
    expect(pending.map((p) => p.text)).toEqual(['impr', 'imprzzzz']);
    await act(async () => pending[1]!.resolve());
    await tick();
    expect(host.textContent).toContain('No documents match.');
    // The first keystroke's answer comes last: dropped.
    await act(async () => pending[0]!.resolve());
    await tick();
    expect(host.textContent).toContain('No documents match.');
    expect(host.querySelectorAll('li[data-doc-id]')).toHaveLength(0);
  });

  it('keeps reminder settings at the top of Upcoming, where deadlines are, not under Sites', async () => {
    await renderApp();
    const tab = (name: string) =>
      [...host.querySelectorAll<HTMLButtonElement>('[role=tab]')].find((t) => t.textContent === name)!;
    await act(async () => tab('Upcoming').click());
    await tick();
    const panel = host.querySelector('[role=tabpanel]:not([hidden])')!;
    const summary = panel.querySelector('details.reminders > summary')!;
    expect(panel.firstElementChild).toBe(summary.parentElement);
    expect(summary.textContent).toBe('Reminders: off');
    expect(panel.textContent).toContain('Remind me before deadlines');
    await act(async () => tab('Sites').click());
    await tick();
    expect(host.querySelector('[role=tabpanel]:not([hidden])')!.textContent).not.toContain('Remind');
  });

  it('has an Upcoming view among the tabs', async () => {
    await renderApp();
    const tab = [...host.querySelectorAll<HTMLButtonElement>('[role=tab]')].find((t) => t.textContent === 'Upcoming')!;
    await act(async () => tab.click());
    expect(
      host.querySelector(
        '[role=tabpanel]:not([hidden]) [data-upcoming="this-week"], [role=tabpanel]:not([hidden]) [data-upcoming="overdue"]',
      ),
    ).not.toBeNull();
  });
});
