/**
 * On a Google document's own page, in Chromium: "This page" and the page chip (the journey both
 * browsers share, tests/e2e/journeys/google-page.ts), then the toolbar icon and the context menu,
 * which this file reads through Chromium's service worker.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importThroughPopup, startDocket, type Docket } from './support/harness';
import { googlePageJourney } from './journeys/google-page';
import { startChromium } from './support/chromium';

googlePageJourney(startChromium);

// The browser's extension API, inside service worker evaluations.
declare const chrome: any;
const OUTCOMES = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';

describe('toolbar icon and context menu', () => {
  let docket: Docket;
  beforeAll(async () => {
    docket = await startDocket({}, { [OUTCOMES]: 'Strengthening IGF outcomes' });
    // One tracked document, long overdue.
    const file = join(mkdtempSync(join(tmpdir(), 'docket-toolbar-')), 'one.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'docket-index',
        version: 1,
        exportedAt: '2020-09-01T00:00:00.000Z',
        workstreams: [],
        documents: [
          {
            id: OUTCOMES,
            kind: 'document',
            title: 'Strengthening IGF outcomes',
            deadline: '2020-09-07',
            status: 'open-for-comments',
            updatedAt: '2020-09-01T00:00:00.000Z',
          },
        ],
      }),
    );
    const popup = await docket.popup();
    await importThroughPopup(popup, file);
    await popup.close();
  });
  afterAll(async () => docket?.close());

  it('shows the days to the deadline on a tracked document’s tab, the overdue count elsewhere', async () => {
    const doc = await docket.context.newPage();
    await doc.goto(`https://docs.google.com/document/d/${OUTCOMES}/edit`);
    const tabId = await docket.worker.evaluate(
      async (url: string) => (await chrome.tabs.query({})).find((t: { url?: string }) => t.url === url)?.id,
      doc.url(),
    );
    await expect
      .poll(() => docket.worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId), { timeout: 30_000 })
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
    // Enter saves, and this editor window (opened to close after) closes itself: the key press may end with its page.
    await Promise.all([
      editor.waitForEvent('close'),
      editor
        .getByLabel('Title')
        .press('Enter')
        .catch((error: Error) => {
          if (!editor.isClosed()) throw error;
        }),
    ]);
    await expect.poll(() => badge.getAttribute('data-docket-state')).toBe('tracked');
    expect(await badge.getAttribute('data-docket-workstream')).toBe('B. Improvements to the IGF');
  });
});
