/**
 * "This page" (CONTRACT §4: popup.html?tab=<id> acts on that tab) on a Google document's own
 * page, served by the HTTPS stand-in for docs.google.com.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocket, type Docket } from './harness';

const OUTCOMES = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';
let docket: Docket;

beforeAll(async () => {
  docket = await startDocket({}, { [OUTCOMES]: 'Strengthening IGF outcomes' });
});
afterAll(async () => docket?.close());

describe('This page', () => {
  it('tracks the Google document open in the given tab in one click, then offers to edit it', async () => {
    const doc = await docket.context.newPage();
    await doc.goto(`https://docs.google.com/document/d/${OUTCOMES}/edit#heading=h.juck72nlha3c`);
    expect(await doc.title()).toBe('Strengthening IGF outcomes - Google Docs');

    const popup = await docket.popup(doc);
    const region = popup.getByRole('region', { name: 'This page' });
    await region.getByRole('button', { name: 'Track this document' }).click();
    // The editor opens prefilled with the tab's title, less " - Google Docs".
    await expect.poll(() => popup.getByLabel('Title').inputValue()).toBe('Strengthening IGF outcomes');
    await popup.getByLabel('Deadline', { exact: true }).fill('2020-09-07');
    await popup.getByRole('button', { name: 'Save' }).click();

    await expect.poll(() => region.getByRole('button', { name: 'Edit' }).count()).toBe(1);
    // The same popup, opened for another tab, acts on that one instead.
    const other = await docket.context.newPage();
    await other.goto(docket.server.url('/wg-strategy/minutes-1.html'));
    const otherPopup = await docket.popup(other);
    await otherPopup.waitForTimeout(500);
    expect(await otherPopup.getByRole('button', { name: 'Track this document' }).count()).toBe(0);
    expect(await otherPopup.getByRole('region', { name: 'This page' }).getByRole('button', { name: 'Edit' }).count()).toBe(0);
  });
});

// The browser's extension API, inside service worker evaluations.
declare const chrome: any;

describe('toolbar icon and context menu', () => {
  it('shows the days to the deadline on a tracked document’s tab, the overdue count elsewhere', async () => {
    const doc = await docket.context.newPage();
    await doc.goto(`https://docs.google.com/document/d/${OUTCOMES}/edit`);
    const tabId = await docket.worker.evaluate(
      async (url: string) => (await chrome.tabs.query({})).find((t: { url?: string }) => t.url === url)?.id,
      doc.url(),
    );
    // Tracked in the test above with the deadline 2020-09-07: long overdue.
    await expect
      .poll(() => docket.worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId))
      .toMatch(/^-\d+d$/);
    expect(await docket.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
  });

  it('"Track in Docket…" learns the right-clicked link’s text and the heading it stands under', async () => {
    const minutes = await docket.context.newPage();
    await minutes.goto(docket.server.url('/wg-strategy/minutes-0.html'));
    const link = minutes.locator('a[href*="1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW"]').first();
    await link.dispatchEvent('contextmenu', { bubbles: true });
    const tabId = await docket.worker.evaluate(
      async (url: string) => (await chrome.tabs.query({})).find((t: { url?: string }) => t.url === url)?.id,
      minutes.url(),
    );
    const reply = await docket.worker.evaluate(
      (id: number) => chrome.tabs.sendMessage(id, { type: 'page/link-context', data: { url: '' } }),
      tabId,
    );
    // The link is written as its address: the background takes no title from it (an address names nothing).
    expect(reply).toEqual({
      ok: true,
      result: { text: expect.stringContaining('1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW'), heading: 'B. Improvements to the IGF' },
    });
  });

  it('"+" on an untracked badge opens the editor with the same guesses; Enter tracks it right', async () => {
    const minutes = await docket.context.newPage();
    await minutes.goto(docket.server.url('/wg-strategy/minutes-0.html'));
    const id = '1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW';
    const badge = minutes.locator(`docket-badge[data-docket-id="${id}"]`).first();
    await expect.poll(() => badge.getAttribute('data-docket-state')).toBe('untracked');
    await badge.scrollIntoViewIfNeeded();
    // The member clicks the "+" (a closed shadow root: the pointer at the badge, a trusted click).
    await expect.poll(async () => (await badge.boundingBox())?.width ?? 0).toBeGreaterThan(8);
    const box = (await badge.boundingBox())!;
    const [editor] = await Promise.all([
      docket.context.waitForEvent('page'),
      minutes.mouse.click(box.x + box.width / 2, box.y + box.height / 2),
    ]);
    await editor.waitForLoadState();
    // The heading it stands under: no workstream of that name yet, so a new one, named after it.
    await expect.poll(() => editor.getByLabel('New workstream name').inputValue()).toBe('B. Improvements to the IGF');
    expect(await editor.getByLabel('Workstream', { exact: true }).inputValue()).toBe('__new__');
    expect(await editor.getByLabel('Title').inputValue()).toBe('');
    await editor.getByLabel('Title').fill('Selection of IGF improvement priorities');
    await editor.getByLabel('Title').press('Enter');
    await expect.poll(() => badge.getAttribute('data-docket-state')).toBe('tracked');
    expect(await badge.getAttribute('data-docket-workstream')).toBe('B. Improvements to the IGF');
  });
});

describe('the chip on a Google document’s own page', () => {
  it('shows a tracked document’s workstream, deadline and status, and follows edits', async () => {
    const doc = await docket.context.newPage();
    await doc.goto(`https://docs.google.com/document/d/${OUTCOMES}/edit`);
    const chip = doc.locator('docket-chip');
    await expect.poll(() => chip.getAttribute('data-docket-state')).toBe('tracked');
    expect(await chip.getAttribute('data-docket-deadline')).toBe('2020-09-07');
    await expect.poll(() => chip.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');

    const popup = await docket.popup(doc);
    await popup.getByRole('region', { name: 'This page' }).getByRole('button', { name: 'Edit' }).click();
    await popup.getByLabel('Status', { exact: true }).last().selectOption('final');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => chip.getAttribute('data-docket-status')).toBe('final');
  });

  it('offers to track an untracked document: the editor opens on it, titled from the page', async () => {
    const other = await docket.context.newPage();
    await other.goto('https://docs.google.com/spreadsheets/d/1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms/edit#gid=0');
    const chip = other.locator('docket-chip');
    await expect.poll(() => chip.getAttribute('data-docket-state')).toBe('untracked');
    const [editor] = await Promise.all([docket.context.waitForEvent('page'), chip.click()]);
    await editor.waitForLoadState();
    await expect.poll(() => editor.getByLabel('Title').inputValue()).toBe('Untitled document');
  });
});
