/**
 * Data that survives (issue 6): a storage that fills up, and two pages editing one document.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_INDEX, importThroughPopup, startDocket, type Docket } from './support/harness';

declare const chrome: any;
const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';

let docket: Docket;
let popup: Page;
const send = (page: Page, type: string, data: unknown) =>
  page.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const);

beforeAll(async () => {
  docket = await startDocket();
  popup = await docket.popup();
  await importThroughPopup(popup, SAMPLE_INDEX);
});
afterAll(async () => docket?.close());

// A full disk cannot be produced here: with unlimitedStorage, Chromium ignores quota overrides
// (Storage.overrideQuotaForOrigin), so only a real full disk refuses a write. tests/unit/background/service.test.ts
// simulates the browser's QuotaExceededError and checks the member's message and that nothing is lost.

describe('two pages editing the same document', () => {
  it('the later write wins, and the other page shows the new value without a reload', async () => {
    const other = await docket.popup();
    for (const page of [popup, other]) {
      await page.getByRole('tab', { name: 'Documents' }).click();
      await page.getByLabel('Status').selectOption({ label: 'All' });
    }
    const rowIn = (page: Page) => page.locator(`li[data-doc-id="${MHLB}"]`);
    await expect.poll(() => rowIn(other).innerText()).toContain('Possible implementation models for the MHLB');

    // Page one saves a new title; page two shows it.
    const doc = (await send(popup, 'index/get', {})).result.documents.find((d: { id: string }) => d.id === MHLB);
    await send(popup, 'doc/put', { doc: { ...doc, title: 'MHLB models (first page)', updatedAt: new Date().toISOString() } });
    await expect.poll(() => rowIn(other).innerText()).toContain('MHLB models (first page)');

    // Page two saves later, from its editor: its write wins, and page one shows it.
    await rowIn(other).getByRole('button', { name: /^Edit/ }).click();
    await other.getByLabel('Title').fill('MHLB models (second page)');
    await other.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => rowIn(popup).innerText()).toContain('MHLB models (second page)');
    const saved = (await send(popup, 'index/get', {})).result.documents.find((d: { id: string }) => d.id === MHLB);
    expect(saved.title).toBe('MHLB models (second page)');
  });
});
