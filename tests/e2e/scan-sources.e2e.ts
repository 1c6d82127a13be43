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
    { [MINUTES_DOC]: EXPORT, [REFUSED_DOC]: 403 },
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
