/**
 * Issue 25, the first five minutes. A member: from a fresh profile to tracked badges on the group's minutes in at
 * most 3 actions (open the popup, paste the link, Join), counted. A `?join=` link only fills the address in.
 * The coordinator: Share this index writes the CSV, and the check of the published link says what is wrong with
 * a web-page (pubhtml) link, a missing url column, and accepts the right one.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeAfter, startDocket, type Docket } from './support/harness';

declare const chrome: any;

const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const IMPROVE = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const SHEET = '/wg-strategy/published/pub.csv';
const PUBHTML = '/wg-strategy/published/pubhtml';
const NO_URL = '/wg-strategy/published/no-url.csv';
const CSV = [
  'url,title,workstream,deadline,status',
  `https://docs.google.com/document/d/${MHLB}/edit,Possible implementation models for the MHLB,A. High-level body,2020-09-10,open-for-comments`,
  `https://docs.google.com/document/d/${IMPROVE}/edit,Improvements to the IGF: proposals,B. Improvements to the IGF,2020-09-06,draft`,
].join('\n');

let docket: Docket;
/** `DOCKET_SHOTS=1` also saves the README's screenshots ("For coordinators") to docs/, the popup at its real size. */
async function shot(page: Page, name: string) {
  if (!process.env.DOCKET_SHOTS) return;
  await page.setViewportSize({ width: 420, height: 600 });
  await page.screenshot({ path: resolve(import.meta.dirname, `../../docs/screenshot-${name}.png`) });
}
const send = (page: Page, type: string, data: unknown) =>
  page.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const);

beforeAll(async () => {
  docket = await startDocket({
    [SHEET]: { type: 'text/csv; charset=utf-8', body: CSV },
    [PUBHTML]: { type: 'text/html; charset=utf-8', body: '<!doctype html><html><body><table></table></body></html>' },
    [NO_URL]: { type: 'text/csv', body: 'name,owner\nA,B\n' },
  });
});
afterAll(async () => docket?.close());

describe('a member joins the group’s index', () => {
  it('from a fresh profile to tracked badges on the minutes in 3 actions', async () => {
    const minutes = await docket.context.newPage();
    await minutes.goto(docket.server.url('/wg-strategy/minutes-4.html'));
    const badge = badgeAfter(minutes, `a[href*="${MHLB}"]`).first();
    await expect.poll(() => badge.getAttribute('data-docket-state')).toBe('untracked');

    let actions = 0;
    // 1. Click the toolbar: the popup (for the minutes' tab).
    const popup = await docket.popup(minutes);
    actions++;
    const join = popup.getByRole('textbox', { name: 'Link from your coordinator' });
    await join.waitFor();
    await shot(popup, 'join-empty');
    // 2. Paste the link the coordinator sent.
    await join.fill(docket.server.url(SHEET));
    actions++;
    // 3. Join.
    await popup.getByRole('button', { name: 'Join', exact: true }).click();
    actions++;

    await expect
      .poll(() =>
        popup
          .getByRole('status')
          .filter({ hasText: /from the “/ })
          .first()
          .textContent(),
      )
      .toMatch(/^2 documents in 2 workstreams from the “.+” sheet, synced just now\./);
    // The badges on the open page turn without a reload.
    await expect.poll(() => badge.getAttribute('data-docket-state')).toBe('tracked');
    await shot(popup, 'join-done');
    expect(await badge.getAttribute('data-docket-workstream')).toBe('A. High-level body');
    expect(actions).toBeLessThanOrEqual(3);
    await popup.close();
    await minutes.close();
  });

  it('a ?join= link fills the address in; nothing is subscribed until the member presses Join', async () => {
    const before = await send(await docket.popup(), 'subscriptions/list', {});
    const url = docket.server.url('/wg-strategy/published/other.csv');
    const popup = await docket.popup(undefined, `?join=${encodeURIComponent(url)}`);
    const join = popup.getByRole('textbox', { name: 'Link from your coordinator' });
    await expect.poll(() => join.inputValue()).toBe(url);
    const after = await send(popup, 'subscriptions/list', {});
    expect(after.result.subscriptions).toHaveLength(before.result.subscriptions.length);
    await popup.close();
  });
});

describe('the coordinator shares the index', () => {
  it('writes the CSV, and checks the published link: a pubhtml link and a missing url column are named, the right one gives the text to send', async () => {
    const popup = await docket.popup();
    await popup.getByRole('tab', { name: /import/i }).click();
    await popup.getByRole('heading', { name: 'Share this index with your group' }).waitFor();
    const download = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'Download the CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);

    const link = popup.getByRole('textbox', { name: 'Published link' });
    const check = popup.getByRole('button', { name: 'Check the link' });
    await link.fill(docket.server.url(PUBHTML));
    await check.click();
    await expect
      .poll(() =>
        popup
          .getByRole('alert')
          .filter({ hasText: /pubhtml/ })
          .count(),
      )
      .toBe(1);
    await popup
      .getByRole('alert')
      .filter({ hasText: /pubhtml/ })
      .scrollIntoViewIfNeeded();
    await shot(popup, 'share-wrong-link');

    await link.fill(docket.server.url(NO_URL));
    await check.click();
    await expect
      .poll(() =>
        popup
          .getByRole('alert')
          .filter({ hasText: /no url or id column/ })
          .count(),
      )
      .toBe(1);

    await link.fill(docket.server.url(SHEET));
    await check.click();
    await expect
      .poll(() =>
        popup
          .getByRole('status')
          .filter({ hasText: /reads as Docket’s CSV: 2 rows/ })
          .count(),
      )
      .toBe(1);
    expect(await popup.getByRole('textbox', { name: 'Text to send your group' }).inputValue()).toBe(
      `Install Docket, then paste this link in “Join your group’s index”: ${docket.server.url(SHEET)}`,
    );
    await popup.getByRole('textbox', { name: 'Text to send your group' }).scrollIntoViewIfNeeded();
    await shot(popup, 'share-checked');
    await popup.close();
  });
});
