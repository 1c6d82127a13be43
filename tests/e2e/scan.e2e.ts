/**
 * Issue 3, done means: on each seed minutes page served locally, "Scan this page" proposes every
 * output document with the right workstream and deadline, one step tracks them all, and the
 * badges appear. Then the same workstream recurs in later minutes and is matched, not duplicated.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docketWorld } from './docket-world';
import { badgeAttributes, startDocket, type Docket } from './harness';

const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const IMPROVE = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const PROPOSALS = '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms';
const OUTCOMES = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';
const RESPONSE_DRAFT = '1eVwoVFoch6id-SzT9EXd7etofFsjAeU1';
const RESPONSE = '1Bmfp_U-PnPnB8ZK6jNfhA8okvkR-s6Nd';
const SELECTION = '1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW';
const HLB = 'A. Possible implementation models for the Roadmap’s High-level body';
const IMPROVEMENTS = 'B. Improvements to the IGF';
const FORMING = 'Forming a response to the Options Paper document';

let docket: Docket;
beforeAll(async () => {
  docket = await startDocket();
});
afterAll(async () => docket?.close());

async function scan(path: string): Promise<{ page: Page; popup: Page; rows: Array<Record<string, string | null>> }> {
  const page = await docket.context.newPage();
  await page.goto(docket.server.url(path));
  await page.waitForLoadState('load');
  const popup = await docket.popup(page, 'scan=1');
  await popup
    .locator('[role="status"]')
    .filter({ hasText: /found|No Google documents/ })
    .first()
    .waitFor({ timeout: 20_000 });
  const rows = await popup.$$eval('[data-docket-id]', (els) =>
    els.map((el) => ({
      id: el.getAttribute('data-docket-id'),
      workstream: el.getAttribute('data-docket-workstream'),
      deadline: el.getAttribute('data-docket-deadline'),
    })),
  );
  return { page, popup, rows };
}

describe('Scan this page, on the seed minutes', () => {
  it('27 August 2020: proposes every output document with its workstream and deadline; one step tracks them, badges appear', async () => {
    const { page, popup, rows } = await scan('/wg-strategy/minutes-4.html');
    expect(rows).toEqual([
      { id: MHLB, workstream: HLB, deadline: '2020-09-10' },
      { id: IMPROVE, workstream: IMPROVEMENTS, deadline: '2020-09-06' },
      { id: PROPOSALS, workstream: IMPROVEMENTS, deadline: '2020-09-06' },
      { id: OUTCOMES, workstream: 'C. Strengthening the IGF outcomes', deadline: '2020-09-07' },
      { id: RESPONSE_DRAFT, workstream: FORMING, deadline: '2020-09-04' },
    ]);
    await popup.getByRole('button', { name: /^Track 5 selected/ }).click();
    await popup
      .getByRole('status')
      .filter({ hasText: /Tracked 5 documents/ })
      .waitFor();
    await expect
      .poll(async () => (await badgeAttributes(page)).every((a) => a.state === 'tracked'), { timeout: 10_000 })
      .toBe(true);
    const mhlb = (await badgeAttributes(page)).find((a) => a.id === MHLB);
    expect(mhlb).toMatchObject({ workstream: HLB, deadline: '2020-09-10', status: 'open-for-comments' });
    // Where it was found is kept: the card names the minutes, and the host their link really goes to.
    await page.locator(`a[href*="${MHLB}"] + docket-badge`).first().hover();
    const world = await docketWorld(docket.context, page, docket.extensionId);
    await expect
      .poll(() => world.evaluate<string | null>(`card(document.querySelector('a[href*="${MHLB}"] + docket-badge'))`))
      .toMatch(/Tracked from: Working Group minutes.* — 27 August 2020 \(www\.intgovforum\.org\)/);
    await world.detach();
    await page.close();
  });

  it('24 September 2020: the recurring workstream is matched to the one tracked before, new ones are proposed', async () => {
    const { page, popup, rows } = await scan('/wg-strategy/minutes-0.html');
    expect(rows).toEqual([
      // Matched to "Forming a response to the Options Paper document" from August.
      { id: RESPONSE, workstream: FORMING, deadline: '2020-09-28' },
      { id: SELECTION, workstream: IMPROVEMENTS, deadline: '2020-10-01' },
    ]);
    await popup.getByRole('button', { name: /^Track 2 selected/ }).click();
    await popup
      .getByRole('status')
      .filter({ hasText: /Tracked 2 documents/ })
      .waitFor();
    await expect
      .poll(async () => (await badgeAttributes(page)).filter((a) => a.state === 'tracked').length, { timeout: 10_000 })
      .toBe(2);
    // No duplicate workstream was created.
    const names = await popup.evaluate(async () => {
      const reply = await (globalThis as any).chrome.runtime.sendMessage({ type: 'index/get', data: {} });
      return reply.result.workstreams.map((w: { name: string }) => w.name).sort();
    });
    expect(names).toEqual([FORMING, HLB, IMPROVEMENTS, 'C. Strengthening the IGF outcomes'].sort());
    await page.close();
  });

  it.each(['/wg-strategy/minutes-1.html', '/wg-strategy/minutes-2.html', '/wg-strategy/minutes-3.html'])(
    '%s links no document: nothing is proposed',
    async (path) => {
      const { popup, rows } = await scan(path);
      expect(rows).toEqual([]);
      expect(await popup.getByText('No Google documents found on this page.').count()).toBe(1);
    },
  );
});
