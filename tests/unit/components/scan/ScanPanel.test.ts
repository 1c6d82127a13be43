// @vitest-environment happy-dom
/**
 * The popup's Scan view: asks the tab for its HTML, lists the candidates as rows carrying
 * the CONTRACT §4 attributes, and tracks the chosen ones in one `docs/track`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement, act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { button, host, root, setUpReact } from '../../support/react';
import type { DocRecord, Workstream } from '@/utils/shared/model';

import { ScanPanel } from '@/components/scan/ScanPanel';
import { answerRead } from '../../support/fake-backend';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadCorrections, saveCorrections } from '@/utils/shared/scan-memory';

const protocol = vi.hoisted(() => ({
  send: vi.fn(),
  sendToTab: vi.fn(),
}));
// The messages are the test's; the rest of the module (its constants) stays as it is.
vi.mock('@/utils/shared/protocol', async (importOriginal) => ({ ...(await importOriginal<object>()), ...protocol }));

const SEED_004 = readFileSync(join(__dirname, '../../../fixtures/minutes/seed-004.html'), 'utf8');
const PAGE_URL = 'https://www.intgovforum.org/en/content/wg-strategy-2020-meeting-5';
const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const OUTCOMES = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';

async function render(props: { documents?: DocRecord[]; workstreams?: Workstream[]; tabId?: number } = {}) {
  const onTracked = vi.fn();
  // "Already tracked": the panel asks the background with `docs/find`.
  const index = { documents: props.documents ?? [], workstreams: props.workstreams ?? [] };
  const other = protocol.send.getMockImplementation();
  protocol.send.mockImplementation(async (type: string, data: never) =>
    type === 'docs/find' ? answerRead(index, type, data) : other?.(type, data),
  );
  await act(async () => {
    root!.render(
      createElement(ScanPanel, {
        page: { ready: true, tabId: props.tabId ?? 7, url: PAGE_URL, title: 'WG minutes' },
        workstreams: props.workstreams ?? [],
        loaded: true,
        onTracked,
      }),
    );
  });
  // The scan reads the tab and scans in slices: wait until it says what it found (or could not read).
  for (let i = 0; i < 500 && !host.querySelector('.scan-count, [role=alert] p, .scan-message[role=status]'); i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
  return { onTracked };
}

function rows(): HTMLElement[] {
  return [...host.querySelectorAll<HTMLElement>('[data-docket-id]')];
}

beforeEach(() => {
  protocol.send.mockReset();
  protocol.sendToTab.mockReset();
});
setUpReact();

describe('ScanPanel', () => {
  it('lists the candidates as rows with id, proposed workstream and deadline', async () => {
    protocol.sendToTab.mockResolvedValue({ url: PAGE_URL, title: 'WG minutes — 27 August 2020', html: SEED_004 });
    await render();
    expect(protocol.sendToTab).toHaveBeenCalledWith(7, 'page/html', {});
    expect(rows().map((r) => [r.dataset.docketId, r.dataset.docketWorkstream, r.dataset.docketDeadline])).toEqual([
      [MHLB, 'A. Possible implementation models for the Roadmap’s High-level body', '2020-09-10'],
      ['1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y', 'B. Improvements to the IGF', '2020-09-06'],
      ['1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms', 'B. Improvements to the IGF', '2020-09-06'],
      [OUTCOMES, 'C. Strengthening the IGF outcomes', '2020-09-07'],
      ['1eVwoVFoch6id-SzT9EXd7etofFsjAeU1', 'Forming a response to the Options Paper document', '2020-09-04'],
    ]);
    // Checked by default, labelled controls, the sentence under the deadline.
    const first = rows()[0]!;
    const box = first.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(box.checked).toBe(true);
    expect(host.querySelector(`label[for="${box.id}"]`)?.textContent).toMatch(/^Track Possible implementation models/);
    expect(first.querySelector<HTMLInputElement>('input[type=date]')!.value).toBe('2020-09-10');
    expect(first.textContent).toContain('By the next WG’s meeting (10 September)');
    expect(button(/^Track 5 selected$/).disabled).toBe(false);
    // The page's title says the meeting's date: the line does not say it again.
    expect(host.querySelector('.scan-source')!.textContent).toBe('WG minutes — 27 August 2020');
  });

  it('names the meeting’s date when the page’s title does not', async () => {
    protocol.sendToTab.mockResolvedValue({ url: PAGE_URL, title: 'WG minutes', html: SEED_004 });
    await render();
    expect(host.querySelector('.scan-source')!.textContent).toBe('WG minutes · meeting of Thu, Aug 27, 2020');
  });

  it('tracks the selected ones in one step, creating the new workstreams once', async () => {
    protocol.sendToTab.mockResolvedValue({ url: PAGE_URL, title: 'WG minutes — 27 August 2020', html: SEED_004 });
    protocol.send.mockImplementation(async (_type: string, data: { documents: unknown[]; workstreams: unknown[] }) => ({
      documents: data.documents.length,
      workstreams: data.workstreams.length,
    }));
    const existing: Workstream[] = [{ id: 'ws-outcomes', name: 'B. Strengthening IGF outcomes', color: '#1f6feb' }];
    const { onTracked } = await render({ workstreams: existing });
    // The outcomes document matched the existing workstream (its name is the one proposed).
    expect(rows()[3]!.dataset.docketWorkstream).toBe('B. Strengthening IGF outcomes');
    // Leave the last one out.
    const last = rows()[4]!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    await act(async () => last.click());
    expect(last.checked).toBe(false);
    await act(async () => button(/^Track 4 selected$/).click());

    const writes = protocol.send.mock.calls.filter(([t]) => t !== 'docs/find');
    expect(writes).toHaveLength(1);
    const [type, payload] = writes[0]!;
    expect(type).toBe('docs/track');
    const { documents, workstreams } = payload as { documents: DocRecord[]; workstreams: Workstream[] };
    expect(workstreams.map((w) => w.name)).toEqual([
      'A. Possible implementation models for the Roadmap’s High-level body',
      'B. Improvements to the IGF',
    ]);
    expect(new Set(workstreams.map((w) => w.color)).size).toBe(2);
    expect(workstreams.every((w) => w.color !== '#1f6feb')).toBe(true);
    expect(documents.map((d) => d.id)).toEqual([
      MHLB,
      '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y',
      '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms',
      OUTCOMES,
    ]);
    const mhlb = documents[0]!;
    expect(mhlb).toMatchObject({
      kind: 'document',
      url: `https://docs.google.com/document/d/${MHLB}/edit`,
      title: 'Possible implementation models for the Roadmap’s High-level body',
      workstreamId: workstreams[0]!.id,
      deadline: '2020-09-10',
      status: 'open-for-comments',
      source: PAGE_URL,
      sourceTitle: 'WG minutes — 27 August 2020',
      sourceDate: '2020-08-27',
      aliases: [],
    });
    expect(mhlb.deadlineSource).toMatch(/^Next Steps: By the next WG’s meeting \(10 September\)/);
    expect(mhlb.deadlineNote!.length).toBeLessThanOrEqual(160);
    expect(documents[1]!.workstreamId).toBe(documents[2]!.workstreamId);
    expect(documents[3]!.workstreamId).toBe('ws-outcomes');
    expect(host.querySelector('[role=status].scan-report')?.textContent).toBe('Tracked 4 documents and created 2 workstreams.');
    expect(onTracked).toHaveBeenCalled();
  });

  it('shows tracked documents as such, unchecked', async () => {
    protocol.sendToTab.mockResolvedValue({ url: PAGE_URL, title: 'x', html: SEED_004 });
    const tracked: DocRecord = {
      id: OUTCOMES,
      kind: 'document',
      aliases: [],
      title: 'Outcomes',
      updatedAt: '2020-08-28T00:00:00.000Z',
    };
    await render({ documents: [tracked] });
    const row = rows().find((r) => r.dataset.docketId === OUTCOMES)!;
    expect(row.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).toBe(false);
    expect(row.textContent).toContain('Already tracked');
    expect(button(/^Track 4 selected$/)).toBeTruthy();
    await act(async () => button(/^Select none$/).click());
    expect(button(/^Track 0 selected$/).disabled).toBe(true);
    await act(async () => button(/^Select all$/).click());
    expect(button(/^Track 5 selected$/)).toBeTruthy();
  });

  it('says so when the page cannot be reached', async () => {
    protocol.sendToTab.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await render();
    expect(rows()).toHaveLength(0);
    expect(host.querySelector('[role=alert]')?.textContent).toMatch(/cannot read this page/);
  });

  it('says so when nothing is found', async () => {
    protocol.sendToTab.mockResolvedValue({
      url: PAGE_URL,
      title: 'x',
      html: '<p>No links, only [x](#) <a href="#">placeholders</a>.</p>',
    });
    await render();
    expect(rows()).toHaveLength(0);
    expect(host.textContent).toContain('No Google documents found on this page.');
  });

  it('asks for a name when a new workstream has none', async () => {
    protocol.sendToTab.mockResolvedValue({ url: PAGE_URL, title: 'x', html: SEED_004 });
    await render();
    const row = rows()[0]!;
    const input = row.querySelector<HTMLTextAreaElement>('textarea[id$="newws-0"]')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    await act(async () => {
      setter.call(input, '');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => button(/^Track 5 selected$/).click());
    expect(protocol.send).not.toHaveBeenCalledWith('docs/track', expect.anything());
    expect(host.querySelector('.field-error')?.textContent).toMatch(/Give the new workstream/);
    expect(rows()[0]!.hasAttribute('data-docket-workstream')).toBe(false);
  });

  it('titles and new workstream names are one-line fields that wrap (read whole in a narrow popup); Enter tracks', async () => {
    protocol.sendToTab.mockResolvedValue({ url: PAGE_URL, title: 'x', html: SEED_004 });
    protocol.send.mockImplementation(async (_type: string, data: { documents: unknown[]; workstreams: unknown[] }) => ({
      documents: data.documents.length,
      workstreams: data.workstreams.length,
    }));
    await render();
    const title = rows()[0]!.querySelector<HTMLTextAreaElement>('textarea[id$="title-0"]')!;
    expect(title.getAttribute('rows')).toBe('1');
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    await act(async () => {
      setter.call(title, 'Two\nlines');
      title.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(title.value).toBe('Two lines');
    await act(async () => {
      title.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    });
    const call = protocol.send.mock.calls.find(([t]) => t === 'docs/track');
    expect((call![1] as { documents: Array<{ title: string }> }).documents[0]!.title).toBe('Two lines');
  });
});

describe('ScanPanel: the member can stop a scan (issue 28, item 12)', () => {
  it('Cancel while the page is read: says it was cancelled, nothing listed, Try again scans again', async () => {
    let answer: (snap: unknown) => void = () => undefined;
    protocol.sendToTab.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    protocol.send.mockResolvedValue({ records: {} });
    await act(async () => {
      root!.render(
        createElement(ScanPanel, {
          page: { ready: true, tabId: 7, url: PAGE_URL, title: 'WG minutes' },
          workstreams: [],
          loaded: true,
          onTracked: vi.fn(),
        }),
      );
    });
    expect(host.querySelector('.scan-progress')?.textContent).toMatch(/Scanning this page/);
    await act(async () => button(/^Cancel$/).click());
    await act(async () => answer({ url: PAGE_URL, title: 'WG minutes', html: SEED_004 }));
    for (let i = 0; i < 100 && !host.querySelector('[role=alert] p'); i++) {
      await act(async () => {
        await new Promise((r) => setTimeout(r, 10));
      });
    }
    expect(host.querySelector('[role=alert] p')?.textContent).toBe('Scan cancelled: nothing was read.');
    expect(rows()).toEqual([]);
    // Try again: the page read again, its documents listed.
    protocol.sendToTab.mockResolvedValue({ url: PAGE_URL, title: 'WG minutes', html: SEED_004 });
    await act(async () => button(/^Try again$/).click());
    for (let i = 0; i < 500 && !host.querySelector('.scan-count'); i++) {
      await act(async () => {
        await new Promise((r) => setTimeout(r, 10));
      });
    }
    expect(rows()).toHaveLength(5);
  });
});

describe('ScanPanel: rows by item, and the corrections Scan remembers', () => {
  const B1 = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
  const B2 = '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms';
  const SURVEY: Workstream = { id: 'ws-d', name: 'D. Member survey', color: '#1f6feb' };
  beforeEach(() => fakeBrowser.reset());

  function choose(select: HTMLSelectElement, value: string) {
    const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!;
    setter.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const groupSelect = () =>
    [...host.querySelectorAll<HTMLSelectElement>('.scan-group-head select')].find((s) =>
      s.labels?.[0]?.textContent?.startsWith('Workstream of the 2 documents under “B. Improvements to the IGF”'),
    )!;

  it('one choice gives the item’s documents another workstream; tracking remembers it for the site', async () => {
    protocol.sendToTab.mockResolvedValue({ url: PAGE_URL, title: 'WG minutes — 27 August 2020', html: SEED_004 });
    protocol.send.mockImplementation(async (_type: string, data: { documents: unknown[]; workstreams: unknown[] }) => ({
      documents: data.documents.length,
      workstreams: data.workstreams.length,
    }));
    await render({ workstreams: [SURVEY] });
    // The items with one document have no choice of their own: only B (two documents).
    expect(host.querySelectorAll('.scan-group-head select')).toHaveLength(1);
    await act(async () => choose(groupSelect(), 'ws-d'));
    const ws = () => Object.fromEntries(rows().map((r) => [r.dataset.docketId, r.dataset.docketWorkstream]));
    expect([ws()[B1], ws()[B2]]).toEqual(['D. Member survey', 'D. Member survey']);
    // The rows' own choices follow.
    expect(
      rows()
        .find((r) => r.dataset.docketId === B2)!
        .querySelector<HTMLSelectElement>('select')!.value,
    ).toBe('ws-d');
    await act(async () => button(/^Track 5 selected$/).click());
    await expect
      .poll(loadCorrections)
      .toEqual([
        expect.objectContaining({ site: 'www.intgovforum.org', item: 'B. Improvements to the IGF', workstreamId: 'ws-d' }),
      ]);
    // Listed under the review, with the item and its workstream.
    expect(host.querySelector('.scan-memory summary')?.textContent).toBe('1 choice Scan remembers');
    expect(host.querySelector('.scan-memory-entry')?.textContent).toContain('“B. Improvements to the IGF” → D. Member survey');
  });

  it('proposes a remembered choice on the next scan, says so, and forgets it on request', async () => {
    await saveCorrections([
      {
        site: 'www.intgovforum.org',
        item: 'C. Improvements to the IGF',
        workstreamId: 'ws-d',
        workstreamName: 'D. Member survey',
        at: '2026-12-01T10:00:00.000Z',
      },
    ]);
    protocol.sendToTab.mockResolvedValue({ url: PAGE_URL, title: 'WG minutes', html: SEED_004 });
    await render({ workstreams: [SURVEY] });
    const b1 = rows().find((r) => r.dataset.docketId === B1)!;
    expect(b1.dataset.docketWorkstream).toBe('D. Member survey');
    expect(b1.textContent).toContain('As you chose before.');
    // The other items are not touched.
    expect(rows()[0]!.dataset.docketWorkstream).toBe('A. Possible implementation models for the Roadmap’s High-level body');
    const forgetOne = [...host.querySelectorAll<HTMLButtonElement>('.scan-memory button')].find(
      (b) => b.getAttribute('aria-label') === 'Forget “C. Improvements to the IGF” on www.intgovforum.org',
    )!;
    await act(async () => forgetOne.click());
    await expect.poll(loadCorrections).toEqual([]);
    expect(host.querySelector('.scan-memory summary')?.textContent).toBe('0 choices Scan remembers');
  });

  it('Forget all asks once more, then empties the list', async () => {
    const entry = (item: string) => ({
      site: 's.org',
      item,
      workstreamId: 'w',
      workstreamName: 'W',
      at: '2026-12-01T10:00:00.000Z',
    });
    await saveCorrections([entry('One'), entry('Two')]);
    protocol.sendToTab.mockResolvedValue({ url: PAGE_URL, title: 'WG minutes', html: SEED_004 });
    await render();
    await act(async () => button(/^Forget all$/).click());
    expect(host.querySelector('.scan-memory-confirm')?.textContent).toContain('Forget all 2 remembered choices?');
    await act(async () => button(/^Keep them$/).click());
    expect(await loadCorrections()).toHaveLength(2);
    await act(async () => button(/^Forget all$/).click());
    const confirm = [...host.querySelectorAll<HTMLButtonElement>('.scan-memory-confirm button')].find(
      (b) => b.textContent === 'Forget all',
    )!;
    await act(async () => confirm.click());
    await expect.poll(loadCorrections).toEqual([]);
    expect(host.textContent).toContain('No choice remembered yet.');
  });
});
