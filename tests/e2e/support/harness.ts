/**
 * Shared set-up for end-to-end tests: the sample site on a local server (reached as
 * www.intgovforum.org), Chromium with the built extension, and popup helpers.
 */
import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchWithDocket, tabIdOf } from '../../../scripts/lib/browser.mjs';
import { startGoogleStandIn, startServer } from '../../../scripts/lib/server.mjs';
import type { GoogleExportAnswer } from '../../../scripts/lib/server.mjs';

export const SAMPLE_INDEX = resolve(import.meta.dirname, '../../fixtures/sample-index.json');

export interface Docket {
  context: BrowserContext;
  /** The service worker (replace it after an extension reload). */
  worker: Worker;
  extensionId: string;
  server: Awaited<ReturnType<typeof startServer>>;
  /** The HTTPS stand-in for Google (`sent`: bytes of each export sent so far). */
  google: Awaited<ReturnType<typeof startGoogleStandIn>>;
  /** Open the popup in a tab, optionally acting on `forPage`'s tab (popup.html?tab=…). */
  popup(forPage?: Page, query?: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * `routes`: extra pages on www.intgovforum.org. `googleTitles`: titles of the documents that the
 * HTTPS stand-in for docs.google.com / drive.google.com serves (any id answers); `googleExports`:
 * the HTML exports it serves (`/document/d/ID/export`), or a status to refuse with.
 */
export async function startDocket(
  routes: Record<string, { type: string; body: string | Buffer }> = {},
  googleTitles: Record<string, string> = {},
  /** What the stand-in's HTML export of a document answers: its HTML, or a refusal's status. */
  googleExports: Record<string, string | number | GoogleExportAnswer> = {},
  /** More host names the browser reaches on this machine: name → local port. */
  hosts: Record<string, number> = {},
  /** The member's time zone (an IANA name), for the browser and its pages. */
  timezoneId?: string,
  /** A browser profile to start on (its settings written beforehand: tests/e2e/a11y-keys.e2e.ts); kept. */
  userDataDir?: string,
): Promise<Docket> {
  const server = await startServer(routes as Record<string, { type: string; body: string }>);
  const google = await startGoogleStandIn(googleTitles, googleExports);
  const browser = await launchWithDocket({ port: server.port, googlePort: google.port, hosts, timezoneId, userDataDir });
  const docket: Docket = {
    context: browser.context,
    worker: browser.worker,
    extensionId: browser.extensionId,
    server,
    google,
    async popup(forPage, query = '') {
      let q = query;
      if (forPage) {
        const tabId = await tabIdOf(docket.worker, forPage);
        if (tabId == null) throw new Error(`No tab found for ${forPage.url()}`);
        q = `?tab=${tabId}${query ? `&${query.replace(/^\?/, '')}` : ''}`;
      }
      const page = await browser.context.newPage();
      await page.goto(browser.popupUrl(q));
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await google.close();
    },
  };
  return docket;
}

/** Import a file through the popup's import control (CONTRACT §4) and return the report text. */
export async function importThroughPopup(popup: Page, file: string): Promise<string> {
  await popup.getByRole('tab', { name: /import/i }).click();
  await popup.locator('input[type="file"]').setInputFiles(file);
  await popup.getByRole('button', { name: /^(Import|Apply)/ }).click();
  const status = popup.getByRole('status').filter({ hasText: /added/ });
  await status.waitFor();
  return (await status.textContent()) ?? '';
}

export function badgeAfter(page: Page, linkSelector: string) {
  return page.locator(`${linkSelector} + docket-badge`);
}

/** Every badge's CONTRACT §3 attributes on the page. */
export function badgeAttributes(page: Page) {
  return page.$$eval('docket-badge', (els) =>
    els.map((el) =>
      Object.fromEntries(
        [...el.attributes].filter((a) => a.name.startsWith('data-docket-')).map((a) => [a.name.slice(12), a.value]),
      ),
    ),
  );
}
