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
