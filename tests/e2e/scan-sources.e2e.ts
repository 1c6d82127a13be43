/**
 * Issue 14: "Scan this page" on minutes that are not HTML pages, through the popup.
 * - A PDF shown in the tab (served by the sample site, where Docket may read): read with pdf.js,
 *   the same rows (CONTRACT §4) as for a page.
 * - A Google document open in the tab: read through its HTML export, from the HTTPS stand-in for
 *   docs.google.com (not real Google), and a refused export said plainly.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocket, type Docket } from './support/harness';

const PDF = readFileSync(resolve(import.meta.dirname, '../fixtures/minutes-pdf/lfenergy_tac_2023-05-23.pdf'));
const SHEET = '1GCzBaybeqzb-ThPGDj-sI_OX5V1V5lWzlu4aOmpuPCw';

const MINUTES_DOC = '1MinutesDocInTheTabAbCdEfGhIjKlMnOpQrStUvW';
const REFUSED_DOC = '1RefusedDocAbCdEfGhIjKlMnOpQrStUvWxYz012345';
const RESPONSE = '1Bmfp_U-PnPnB8ZK6jNfhA8okvkR-s6Nd';
const PRIORITIES = '1Qx9bT2rWm5YpE8hVn3cKd7LfJ0sAz6GuH4oRi1NeXyI';
/** Issue 28, items 12 and 13: exports Scan must not trust. */
const ENDLESS_DOC = '1EndlessExportAbCdEfGhIjKlMnOpQrStUvWxYz0123';
const STALLED_DOC = '1StalledExportAbCdEfGhIjKlMnOpQrStUvWxYz0123';
const MOVED_DOC = '1MovedOffGoogleAbCdEfGhIjKlMnOpQrStUvWxYz012';
const SIGN_IN_DOC = '1SignInFirstAbCdEfGhIjKlMnOpQrStUvWxYz012345';
/** A Google Docs HTML export as Google writes it: class styles, Google-wrapped links. */
const EXPORT = `<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">.c1{font-weight:700}.c2{color:#1155cc;text-decoration:underline}</style><title>WG minutes, 24 September 2020</title></head>
<body class="doc-content"><p><span>The meeting was held on 24 September 2020.</span></p>
<p><span class="c1">A. Response document to the Options Paper</span></p>
<p><span>Output document: </span><span class="c2"><a href="https://www.google.com/url?q=https://drive.google.com/file/d/${RESPONSE}/view&amp;sa=D&amp;source=editors">response</a></span></p>
<p><span>Next Steps: the WG members will deliver the response document by September 28.</span></p>
<p><span class="c1">B. Improvements to the IGF</span></p>
<p><span>Members to send their priorities in the </span><span class="c2"><a href="https://www.google.com/url?q=https://docs.google.com/spreadsheets/d/${PRIORITIES}/edit&amp;sa=D">sheet</a></span><span> by 1 October.</span></p>
</body></html>`;

let docket: Docket;
beforeAll(async () => {
  docket = await startDocket(
    { '/minutes/lfenergy-tac-2023-05-23.pdf': { type: 'application/pdf', body: PDF } },
    { [MINUTES_DOC]: 'WG minutes, 24 September 2020', [REFUSED_DOC]: 'Private minutes' },
    {
      [MINUTES_DOC]: EXPORT,
      [REFUSED_DOC]: 403,
      [ENDLESS_DOC]: { endless: true },
      [STALLED_DOC]: { stall: true },
      // Another site Docket may read (the sample site): followed by the browser, but not Google's answer.
      [MOVED_DOC]: { redirect: 'http://www.intgovforum.org/' },
      [SIGN_IN_DOC]: { redirect: 'https://accounts.google.com/ServiceLogin?continue=https://docs.google.com/' },
    },
  );
});
afterAll(async () => docket?.close());

async function scanRows(page: Page): Promise<{ popup: Page; rows: Array<Record<string, string | null>> }> {
  const popup = await docket.popup(page, 'scan=1');
  await popup
    .locator('[role="status"], [role="alert"]')
    .filter({ hasText: /found|No Google documents|refused|cannot|may not/ })
    .first()
    .waitFor({ timeout: 30_000 });
  const rows = await popup.$$eval('[data-docket-id]', (els) =>
    els.map((el) => ({
      id: el.getAttribute('data-docket-id'),
      workstream: el.getAttribute('data-docket-workstream'),
      deadline: el.getAttribute('data-docket-deadline'),
    })),
  );
  return { popup, rows };
}

describe('Scan this page: PDFs and Google documents', () => {
  it('a PDF in the tab: read with pdf.js, its link found (also broken across lines), under its item', async () => {
    const page = await docket.context.newPage();
    await page.goto(docket.server.url('/minutes/lfenergy-tac-2023-05-23.pdf')).catch(() => undefined);
    const { popup, rows } = await scanRows(page);
    expect(rows).toEqual([{ id: SHEET, workstream: 'Smart Grid Plane', deadline: null }]);
    expect(await popup.locator('.scan-source').innerText()).toMatch(/^PDF, 3 pages · /);
    await popup.close();
    await page.close();
  });

  it('a Google document in the tab: read through its HTML export, the same rows', async () => {
    const page = await docket.context.newPage();
    await page.goto(`https://docs.google.com/document/d/${MINUTES_DOC}/edit`);
    const { popup, rows } = await scanRows(page);
    expect(rows).toEqual([
      { id: RESPONSE, workstream: 'A. Response document to the Options Paper', deadline: '2020-09-28' },
      { id: PRIORITIES, workstream: 'B. Improvements to the IGF', deadline: '2020-10-01' },
    ]);
    expect(await popup.locator('.scan-source').innerText()).toMatch(/^Google document, read through its export/);
    await popup.close();
    await page.close();
  });

  it('a Google document whose export Google refuses: says so plainly, proposes nothing', async () => {
    const page = await docket.context.newPage();
    await page.goto(`https://docs.google.com/document/d/${REFUSED_DOC}/edit`);
    const { popup, rows } = await scanRows(page);
    expect(rows).toEqual([]);
    expect(await popup.getByRole('alert').innerText()).toMatch(/Google refused to export this document/);
    await popup.close();
    await page.close();
  });
});

describe('Scan this page: a Google export Scan must not trust (issue 28, items 12 and 13)', () => {
  /** The popup's Scan view on a Google document open in a tab. */
  async function scanDoc(id: string): Promise<{ page: Page; popup: Page }> {
    const page = await docket.context.newPage();
    await page.goto(`https://docs.google.com/document/d/${id}/edit`);
    return { page, popup: await docket.popup(page, 'scan=1') };
  }
  async function alertText(popup: Page): Promise<string> {
    const alert = popup.locator('.scan-message[role="alert"]');
    await alert.waitFor({ timeout: 60_000 });
    return alert.innerText();
  }

  it('an export that never ends: read up to 50 MB, then said too large; the download stopped', async () => {
    const { page, popup } = await scanDoc(ENDLESS_DOC);
    expect(await alertText(popup)).toMatch(/export is larger than 50 MB, the most Docket reads for a scan; nothing was scanned/);
    expect(await popup.locator('[data-docket-id]').count()).toBe(0);
    const sent = docket.google.sent[ENDLESS_DOC]!;
    expect(sent).toBeGreaterThan(50 * 1024 * 1024);
    await popup.close();
    await page.close();
  });

  it('an export that stalls: Cancel stops it at once; later, the stall is said, with Try again', async () => {
    const first = await scanDoc(STALLED_DOC);
    await first.popup
      .getByRole('status')
      .filter({ hasText: /Fetching the file/ })
      .waitFor();
    await first.popup.getByRole('button', { name: 'Cancel' }).click();
    expect(await alertText(first.popup)).toMatch(/^Scan cancelled: nothing was read\./);
    await first.popup.close();
    await first.page.close();
    // Left alone, the stalled download ends after 20 seconds without a byte, and can be tried again.
    const second = await scanDoc(STALLED_DOC);
    expect(await alertText(second.popup)).toMatch(
      /Google stopped sending this document’s export \(nothing came for 20 seconds\).*Try again/,
    );
    await expect(second.popup.getByRole('button', { name: 'Try again' }).isVisible()).resolves.toBe(true);
    await second.popup.close();
    await second.page.close();
  });

  it('an export Google sends on to another site Docket may read: refused, that site named, nothing listed', async () => {
    const { page, popup } = await scanDoc(MOVED_DOC);
    expect(await alertText(popup)).toMatch(/another site \(www\.intgovforum\.org\), so Docket did not read it/);
    expect(await popup.locator('[data-docket-id]').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('an export Google answers with its sign-in page: says to sign in, not "offline"', async () => {
    const { page, popup } = await scanDoc(SIGN_IN_DOC);
    const text = await alertText(popup);
    expect(text).toMatch(/Sign in to the Google account that can read it/);
    expect(text).not.toMatch(/offline/);
    await popup.close();
    await page.close();
  });
});
