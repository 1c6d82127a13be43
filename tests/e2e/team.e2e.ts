/**
 * Issue 4, done means: a CSV served as a "published sheet" is subscribed to, its documents get
 * badges, the CSV changes, a sync changes the badges; a service worker killed in the middle of an
 * import leaves the index whole, and says so. (Importing 50,000 documents is a speed: `npm run bench`, S6.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeAfter, startDocket, type Docket } from './support/harness';

declare const chrome: any;

const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const IMPROVE = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const SHEET_PATH = '/wg-strategy/shared-index.csv';
const sheet = (mhlbDeadline: string, improveStatus: string) =>
  [
    'url,title,workstream,deadline,status,notes',
    `https://docs.google.com/document/d/${MHLB}/edit,Possible implementation models for the MHLB,A. High-level body,${mhlbDeadline},open-for-comments,`,
    `https://docs.google.com/document/d/${IMPROVE}/edit,Improvements to the IGF: proposals,B. Improvements to the IGF,2020-09-06,${improveStatus},`,
  ].join('\n');

let docket: Docket;
let popup: Page;
const send = (page: Page, type: string, data: unknown) =>
  page.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const);

/** A big interchange file: `n` documents in 20 workstreams. */
function bigFile(n: number, prefix: string): string {
  const workstreams = Array.from({ length: 20 }, (_, i) => ({ id: `ws-${prefix}-${i}`, name: `${prefix} workstream ${i}` }));
  const documents = Array.from({ length: n }, (_, i) => ({
    id: `1${prefix}${String(i).padStart(30, '0')}`,
    kind: 'document',
    title: `Output document ${i}`,
    workstreamId: `ws-${prefix}-${i % 20}`,
    deadline: `2021-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    status: 'open-for-comments',
    updatedAt: '2021-01-01T00:00:00.000Z',
  }));
  return JSON.stringify({ format: 'docket-index', version: 1, exportedAt: '2021-01-01T00:00:00.000Z', workstreams, documents });
}

beforeAll(async () => {
  docket = await startDocket({
    [SHEET_PATH]: { type: 'text/csv; charset=utf-8', body: sheet('2020-09-10', 'open-for-comments') },
  });
  popup = await docket.popup();
});
afterAll(async () => docket?.close());

describe('a team’s index', () => {
  it('subscribes to a published sheet: its documents are badged, and a sync after the sheet changes updates them', async () => {
    const minutes = await docket.context.newPage();
    await minutes.goto(docket.server.url('/wg-strategy/minutes-4.html'));
    await expect
      .poll(() => badgeAfter(minutes, `a[href*="${MHLB}"]`).first().getAttribute('data-docket-state'))
      .toBe('untracked');

    const added = await send(popup, 'subscriptions/add', {
      url: docket.server.url(SHEET_PATH),
      name: 'WG-Strategy shared sheet',
    });
    expect(added.ok).toBe(true);
    expect(added.result.subscription).toMatchObject({
      name: 'WG-Strategy shared sheet',
      lastReport: { documents: { added: 2 } },
    });
    expect(added.result.subscription.lastError).toBeUndefined();
    const mhlb = badgeAfter(minutes, `a[href*="${MHLB}"]`).first();
    await expect.poll(() => mhlb.getAttribute('data-docket-state')).toBe('tracked');
    expect(await mhlb.getAttribute('data-docket-deadline')).toBe('2020-09-10');
    expect(await mhlb.getAttribute('data-docket-workstream')).toBe('A. High-level body');

    // The secretary changes the sheet; a sync brings it to every open page.
    docket.server.set(SHEET_PATH, { type: 'text/csv; charset=utf-8', body: sheet('2020-09-17', 'final') });
    const synced = await send(popup, 'subscriptions/sync', { id: added.result.subscription.id });
    expect(synced.result.subscriptions[0].lastReport.documents).toMatchObject({ updated: 2 });
    await expect.poll(() => mhlb.getAttribute('data-docket-deadline')).toBe('2020-09-17');
    await expect
      .poll(() => badgeAfter(minutes, `a[href*="${IMPROVE}"]`).first().getAttribute('data-docket-status'))
      .toBe('final');

    // The sheet goes away: the failure is recorded, the documents stay.
    docket.server.remove(SHEET_PATH);
    const failed = await send(popup, 'subscriptions/sync', { id: added.result.subscription.id });
    expect(failed.result.subscriptions[0].lastError).toMatch(/404/);
    expect(failed.result.subscriptions[0].lastSuccessAt).toBe(synced.result.subscriptions[0].lastSuccessAt);
    expect(await mhlb.getAttribute('data-docket-state')).toBe('tracked');
    await minutes.close();
  });

  it('a service worker stopped in the middle of an import leaves the index whole, and the popup is told', async () => {
    const countDocs = () => send(popup, 'index/get', {}).then((r) => r.result.documents.length as number);
    const before = await countDocs();
    // Enough documents for a progress record before the last one is written (PROGRESS_EVERY is 5,000).
    const text = bigFile(6_000, 'cut');
    // The stop must land mid-write whatever the machine's speed: the worker freezes when it writes its
    // first progress record (written < total), so its transaction cannot commit, and stays frozen
    // until it is stopped. (The record is stored first: the test waits for it, not for a time.)
    await docket.worker.evaluate(() => {
      const local = chrome.storage.local;
      const set = local.set.bind(local);
      local.set = (items: Record<string, { written?: number; total?: number } | undefined>, ...rest: unknown[]) => {
        const result = set(items, ...rest);
        const progress = items['docket:import-progress'];
        if (progress && progress.written! < progress.total!) {
          const until = Date.now() + 300_000;
          while (Date.now() < until) {
            // frozen mid-write
          }
        }
        return result;
      };
    });
    // Start the import without waiting for it…
    void popup.evaluate(
      (t) =>
        chrome.runtime.sendMessage({ type: 'import/apply', data: { text: t, filename: 'cut-short.json' } }).catch(() => null),
      text,
    );
    // …and stop the worker once its progress record says it is writing.
    await expect
      .poll(
        () => popup.evaluate(async () => (await chrome.storage.local.get('docket:import-progress'))['docket:import-progress']),
        { timeout: 120_000, interval: 100 },
      )
      .toMatchObject({ filename: 'cut-short.json', written: 5_000, total: 6_000 });
    const cdp = await docket.context.newCDPSession(popup);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(
      (t: { type: string; url: string }) => t.type === 'service_worker' && t.url.includes(docket.extensionId),
    );
    await cdp.send('Target.closeTarget', { targetId: worker!.targetId });

    // A new worker starts on the next message: the index is the old one, whole.
    await expect.poll(async () => countDocs().catch(() => -1), { timeout: 120_000 }).not.toBe(-1);
    expect(await countDocs()).toBe(before);
    const status = (await send(popup, 'status/get', {})).result;
    expect(status.interrupted).toMatchObject({ label: 'import of cut-short.json' });
    // Told once: dismissed, it is gone.
    expect((await send(popup, 'status/dismiss', {})).result.interrupted).toBeUndefined();
  });
});
