/**
 * Issue 16, item 5: one table of states (utils/shared/states.ts) gives badges, the popup and the toolbar
 * the same colour for each: done (delivered) green with ✓, overdue red with ⚠, in light and dark; Docket in a
 * tab too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { URGENCY_LOOK } from '../../utils/shared/states';
import { SAMPLE_INDEX, importThroughPopup, startDocket, type Docket } from './support/harness';
import { docketWorld } from './support/docket-world';

const DELIVERED = '1Bmfp_U-PnPnB8ZK6jNfhA8okvkR-s6Nd';
const OVERDUE = '1eVwoVFoch6id-SzT9EXd7etofFsjAeU1';
const DUE_SOON = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI'; // 10 September 2020

/** `#1a7f37` as the browser reports a computed colour. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

let docket: Docket;
let popup: Page;
beforeAll(async () => {
  docket = await startDocket();
  popup = await docket.popup();
  await importThroughPopup(popup, SAMPLE_INDEX);
});
afterAll(async () => docket?.close());

describe('a state looks the same everywhere', () => {
  it('badges: a delivered document’s status is green with ✓, an overdue deadline red with ⚠', async () => {
    const page = await docket.context.newPage();
    const look = async (path: string, id: string) => {
      await page.goto(docket.server.url(path));
      const host = page.locator(`docket-badge[data-docket-id="${id}"][data-docket-state="tracked"]`).first();
      await host.waitFor();
      await host.scrollIntoViewIfNeeded();
      // The badge's shadow root is closed: read in Docket's own world, once its chip is drawn.
      const w = await docketWorld(docket.context, page, docket.extensionId);
      const sel = JSON.stringify(`docket-badge[data-docket-id="${id}"][data-docket-state="tracked"]`);
      await expect.poll(() => w.evaluate<boolean>(`!!root(document.querySelector(${sel}))?.querySelector('button')`)).toBe(true);
      const found = await w.evaluate<{ text: string; color: string } | null>(`(() => {
        const dl = root(document.querySelector(${sel})).querySelector('.dl');
        return dl ? { text: dl.textContent, color: getComputedStyle(dl).color } : null;
      })()`);
      await w.detach();
      return found;
    };
    expect(await look('/wg-strategy/minutes-0.html', DELIVERED)).toEqual({
      text: '✓ delivered',
      color: rgb(URGENCY_LOOK.done.color),
    });
    const overdue = await look('/wg-strategy/minutes-4.html', OVERDUE);
    expect(overdue?.text).toMatch(/^⚠ /);
    expect(overdue?.color).toBe(rgb(URGENCY_LOOK.overdue.color));
    await page.close();
  });

  it.each([
    ['light', 'color'],
    ['dark', 'darkColor'],
  ] as const)('the popup, %s: the colours come from the same table', async (scheme, key) => {
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.reload();
    await popup.getByLabel('Status').selectOption({ label: 'All' });
    const row = (id: string) => popup.locator(`.doc-row[data-doc-id="${id}"]`);
    await row(DELIVERED).waitFor();
    const color = (l: ReturnType<Page['locator']>) => l.evaluate((e) => getComputedStyle(e).color);
    expect(await color(row(DELIVERED).locator('.status-pill'))).toBe(rgb(URGENCY_LOOK.done[key]));
    expect(await color(row(DELIVERED).locator('.doc-deadline'))).toBe(rgb(URGENCY_LOOK.done[key]));
    expect(await row(DELIVERED).locator('.doc-deadline').textContent()).toMatch(/^✓ /);
    expect(await color(row(OVERDUE).locator('.doc-deadline'))).toBe(rgb(URGENCY_LOOK.overdue[key]));
    await popup.getByRole('tab', { name: 'Upcoming' }).click();
    const overdue = popup.locator(`.upcoming-row[data-doc-id="${OVERDUE}"] .doc-deadline`);
    expect(await color(overdue)).toBe(rgb(URGENCY_LOOK.overdue[key]));
    expect(await overdue.textContent()).toMatch(/^⚠ /);
    await popup.getByRole('tab', { name: 'Documents' }).click();
  });

  it.each([
    ['light', 'color'],
    ['dark', 'darkColor'],
  ] as const)('Docket in a tab, %s: the same colours', async (scheme, key) => {
    const page = await docket.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    // The page's day is 5 September 2020: the sample's 4 September deadline is overdue, its 10 September one due soon.
    await page.clock.setFixedTime(new Date('2020-09-05T12:00:00'));
    await page.goto(`chrome-extension://${docket.extensionId}/docket.html`);
    await page.getByLabel('Status', { exact: true }).first().selectOption({ label: 'All' });
    const row = (id: string) => page.locator(`tr.doc-line[data-doc-id="${id}"]`);
    await row(OVERDUE).waitFor();
    const color = (l: ReturnType<Page['locator']>) => l.evaluate((e) => getComputedStyle(e).color);
    expect(await color(row(OVERDUE).locator('.col-deadline'))).toBe(rgb(URGENCY_LOOK.overdue[key]));
    expect(await row(OVERDUE).locator('.col-deadline').textContent()).toMatch(/^⚠ /);
    expect(await color(row(DELIVERED).locator('.status-pill'))).toBe(rgb(URGENCY_LOOK.done[key]));
    expect(await color(row(DUE_SOON).locator('.col-deadline'))).toBe(rgb(URGENCY_LOOK['due-soon'][key]));
    // The timeline's next deadlines: the same colours as the table's.
    await page.getByRole('tab', { name: 'Timeline' }).click();
    expect(await color(page.locator(`.tl-list li[data-doc-id="${OVERDUE}"] time`))).toBe(rgb(URGENCY_LOOK.overdue[key]));
    expect(await color(page.locator(`.tl-list li[data-doc-id="${DUE_SOON}"] time`))).toBe(rgb(URGENCY_LOOK['due-soon'][key]));
    await page.close();
  });
});
