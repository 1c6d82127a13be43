/**
 * The popup's first screen drawn from the kept answer before React loads (utils/popup/first-screen.ts):
 * at the second opening the kept rows are on screen before React renders, and React's first screen
 * replaces them with the same rows at the same places (no jump); after a change to the index the
 * stale answer is never shown.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_INDEX, importThroughPopup, startDocket, type Docket } from './support/harness';

declare const chrome: any;
const KEPT_KEY = 'docket:first-page';

interface Screen {
  early: boolean;
  ids: string[];
  /** Where each row is (its box's top and left, px) and its text, as laid out with the popup's style sheet. */
  rows: Array<{ top: number; left: number; text: string }>;
  react: boolean;
}

let docket: Docket;

/** In the page before its scripts: every state of the list the page shows, early (drawn before React) or React's. */
function screenProbe() {
  const w = window as any;
  w.__screens = [] as Screen[];
  const note = () => {
    const app = document.querySelector('#root > .app');
    if (!app) return;
    const lis = [...app.querySelectorAll('li[data-doc-id]')];
    const ids = lis.map((li) => li.getAttribute('data-doc-id'));
    const last = w.__screens[w.__screens.length - 1];
    const early = app.hasAttribute('data-early');
    if (last && last.early === early && last.ids.join() === ids.join()) return;
    const rows = lis.map((li) => {
      const box = li.getBoundingClientRect();
      return { top: box.top, left: box.left, text: li.textContent };
    });
    w.__screens.push({ early, ids, rows, react: performance.getEntriesByName('docket:render').length > 0 });
  };
  new MutationObserver(note).observe(document, { childList: true, subtree: true });
}

async function openPopup(query = ''): Promise<Page> {
  const page = await docket.context.newPage();
  await page.addInitScript(screenProbe);
  await page.goto(`chrome-extension://${docket.extensionId}/popup.html${query}`);
  return page;
}

const screens = (page: Page) => page.evaluate(() => (window as any).__screens as Screen[]);
const keptRevision = (page: Page) =>
  page.evaluate((key) => {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as { revision: string }).revision : null;
  }, KEPT_KEY);
const indexRevision = (page: Page) =>
  page.evaluate(async () => (await chrome.storage.local.get('docket:revision'))['docket:revision'] as string);
/** React's rows, once it has replaced the early screen. */
const reactRows = (page: Page) => page.locator('#root > .app:not([data-early]) li[data-doc-id]');

beforeAll(async () => {
  docket = await startDocket();
  const popup = await docket.popup();
  await importThroughPopup(popup, SAMPLE_INDEX);
  await popup.close();
});
afterAll(async () => docket?.close());

describe('the first screen drawn before React', () => {
  it('is drawn at the next opening before React renders, and React puts the same rows at the same places', async () => {
    // Opened once, the list keeps its answer (utils/popup/first-page.ts) at the index's revision.
    const warm = await openPopup();
    await reactRows(warm).first().waitFor();
    await expect.poll(async () => (await keptRevision(warm)) === (await indexRevision(warm)), { timeout: 10_000 }).toBe(true);
    await warm.close();

    const popup = await openPopup();
    await reactRows(popup).first().waitFor();
    const seen = await screens(popup);
    const early = seen.find((s) => s.early);
    expect(early, JSON.stringify(seen)).toBeTruthy();
    expect(early!.ids.length).toBeGreaterThan(0);
    // Drawn before React was even evaluated.
    expect(early!.react).toBe(false);
    const painted = await popup.evaluate(() => performance.getEntriesByName('docket:early-paint')[0]?.startTime ?? null);
    const rendered = await popup.evaluate(() => performance.getEntriesByName('docket:render')[0]?.startTime ?? null);
    expect(painted).not.toBeNull();
    expect(painted!).toBeLessThan(rendered!);
    // React's first screen: the same documents, in the same order, with the same text, at the same places;
    // nothing in between was empty.
    const first = seen[seen.indexOf(early!) + 1]!;
    expect(first.early).toBe(false);
    expect(first.rows.slice(0, early!.rows.length)).toEqual(early!.rows);
    expect(seen.every((s) => s.ids.length > 0)).toBe(true);
    // The search box is React's, focused, and works.
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.matches('.app:not([data-early]) input[type="search"]')))
      .toBe(true);
    await popup.getByRole('searchbox', { name: 'Filter documents' }).pressSequentially('zzzz-no-such-document');
    await expect.poll(() => reactRows(popup).count()).toBe(0);
    await popup.close();
  });

  it('is not drawn when the index changed since the answer was kept', async () => {
    // A change while no list is open (a popup opened for a search keeps no answer).
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
    // The new answer is kept for the next opening.
    await expect.poll(async () => (await keptRevision(popup)) === (await indexRevision(popup)), { timeout: 10_000 }).toBe(true);
    await popup.close();
  });

  it('is not drawn for a popup opened for something else', async () => {
    const popup = await openPopup('?q=roadmap');
    await popup.getByRole('searchbox', { name: 'Filter documents' }).waitFor();
    await popup.waitForTimeout(300);
    expect((await screens(popup)).some((s) => s.early)).toBe(false);
    await popup.close();
  });
});
