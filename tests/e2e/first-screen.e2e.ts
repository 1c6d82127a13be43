/**
 * The popup's first screen painted before React loads (utils/first-screen.ts): at the second
 * opening the kept rows are on screen before React renders, the same documents React then shows;
 * after a change to the index the stale screen is never painted.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_INDEX, importThroughPopup, startDocket, type Docket } from './harness';

declare const chrome: any;
const SCREEN_KEY = 'docket:first-screen:v1';

let docket: Docket;

/** In the page before its scripts: every state of the list the page shows, early (painted before React) or React's. */
function screenProbe() {
  const w = window as any;
  w.__screens = [] as Array<{ early: boolean; ids: string[]; at: number; react: boolean }>;
  const note = () => {
    const app = document.querySelector('#root > .app');
    if (!app) return;
    const ids = [...app.querySelectorAll('li[data-doc-id]')].map((li) => li.getAttribute('data-doc-id'));
    const last = w.__screens[w.__screens.length - 1];
    const early = app.hasAttribute('data-early');
    if (last && last.early === early && last.ids.join() === ids.join()) return;
    w.__screens.push({ early, ids, at: performance.now(), react: performance.getEntriesByName('docket:render').length > 0 });
  };
  new MutationObserver(note).observe(document, { childList: true, subtree: true });
}

async function openPopup(query = ''): Promise<Page> {
  const page = await docket.context.newPage();
  await page.addInitScript(screenProbe);
  await page.goto(`chrome-extension://${docket.extensionId}/popup.html${query}`);
  return page;
}

const screens = (page: Page) =>
  page.evaluate(() => (window as any).__screens as Array<{ early: boolean; ids: string[]; at: number; react: boolean }>);
const keptRevision = (page: Page) =>
  page.evaluate((key) => {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as { revision: string }).revision : null;
  }, SCREEN_KEY);
const indexRevision = (page: Page) =>
  page.evaluate(async () => (await chrome.storage.local.get('docket:revision'))['docket:revision'] as string);
/** React's rows, once it has replaced the early screen and the live answer is in. */
const reactRows = (page: Page) => page.locator('#root > .app:not([data-early]) li[data-doc-id]');

beforeAll(async () => {
  docket = await startDocket();
  const popup = await docket.popup();
  await importThroughPopup(popup, SAMPLE_INDEX);
  await popup.close();
});
afterAll(async () => docket?.close());

describe('the first screen painted before React', () => {
  it('is painted at the next opening before React renders, with the documents React then shows', async () => {
    // Opened once, the list keeps its screen (and its answer, utils/first-page.ts) at the index's revision.
    const warm = await openPopup();
    await reactRows(warm).first().waitFor();
    await expect.poll(async () => (await keptRevision(warm)) === (await indexRevision(warm)), { timeout: 30_000 }).toBe(true);
    await warm.close();

    const popup = await openPopup();
    await reactRows(popup).first().waitFor();
    const seen = await screens(popup);
    const early = seen.find((s) => s.early);
    expect(early, JSON.stringify(seen)).toBeTruthy();
    expect(early!.ids.length).toBeGreaterThan(0);
    // Painted before React was even evaluated.
    expect(early!.react).toBe(false);
    const painted = await popup.evaluate(() => performance.getEntriesByName('docket:early-paint')[0]?.startTime ?? null);
    const rendered = await popup.evaluate(() => performance.getEntriesByName('docket:render')[0]?.startTime ?? null);
    expect(painted).not.toBeNull();
    expect(painted!).toBeLessThan(rendered!);
    // React's first screen lists the same documents, in the same order; nothing in between was empty.
    const first = seen[seen.indexOf(early!) + 1]!;
    expect(first.early).toBe(false);
    expect(first.ids.slice(0, early!.ids.length)).toEqual(early!.ids);
    expect(seen.every((s) => s.ids.length > 0)).toBe(true);
    expect(await reactRows(popup).evaluateAll((lis) => lis.map((li) => li.getAttribute('data-doc-id')))).toEqual(
      expect.arrayContaining(early!.ids),
    );
    // The search box is React's, focused, and works.
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.matches('.app:not([data-early]) input[type="search"]')))
      .toBe(true);
    await popup.close();
  });

  it('is not painted when the index changed since it was kept', async () => {
    // A change while no list is open (a popup opened for a search keeps no first screen).
    const other = await openPopup('?q=zzz');
    const before = await indexRevision(other);
    const doc = (await other.evaluate(() => chrome.runtime.sendMessage({ type: 'index/get', data: {} }))).result.documents.find(
      (d: { status?: string }) => d.status === 'draft' || d.status === 'open-for-comments',
    );
    await other.evaluate((d) => chrome.runtime.sendMessage({ type: 'doc/delete', data: { id: d.id } }), doc);
    await expect.poll(() => indexRevision(other)).not.toBe(before);
    expect(await keptRevision(other)).toBe(before);
    await other.close();

    const popup = await openPopup();
    await reactRows(popup).first().waitFor();
    const seen = await screens(popup);
    expect(
      seen.some((s) => s.early),
      JSON.stringify(seen),
    ).toBe(false);
    expect(seen.some((s) => s.ids.includes(doc.id))).toBe(false);
    // The new screen is kept for the next opening.
    await expect.poll(async () => (await keptRevision(popup)) === (await indexRevision(popup)), { timeout: 30_000 }).toBe(true);
    await popup.close();
  });

  it('is not painted for a popup opened for something else', async () => {
    const popup = await openPopup('?q=roadmap');
    await popup.getByRole('searchbox', { name: 'Filter documents' }).waitFor();
    await popup.waitForTimeout(300);
    expect((await screens(popup)).some((s) => s.early)).toBe(false);
    await popup.close();
  });
});
