/**
 * Docket end to end, beyond the first run: tracking from a badge, workstream changes,
 * export, client-side navigation, and an extension reload with pages open.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docketWorld } from './support/docket-world';
import { SAMPLE_INDEX, badgeAfter, badgeAttributes, importThroughPopup, startDocket, type Docket } from './support/harness';

const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const SELECTION = '1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW';
const linkTo = (id: string) => `a[href*="${id}"]`;
// The browser's extension API, inside service worker and page evaluations.
declare const chrome: any;

let docket: Docket;
let popup: Page;

async function expectBadge(page: Page, id: string, name: string, value: string | null) {
  const badge = badgeAfter(page, linkTo(id)).first();
  await expect.poll(() => badge.getAttribute(name), { timeout: 30_000 }).toBe(value);
}

beforeAll(async () => {
  docket = await startDocket({
    '/app.html': {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><title>Archive</title><main id="view"><a href="/app/thread/1">Thread 1</a></main>
      <script>
        document.querySelector('a').addEventListener('click', (e) => {
          e.preventDefault();
          history.pushState({}, '', '/app/thread/1');
          document.getElementById('view').innerHTML = '<p>Thread 1: <a id="nav-doc" href="https://docs.google.com/document/d/${MHLB}/edit">output document</a></p>';
        });
      </script>`,
    },
  });
  popup = await docket.popup();
  await importThroughPopup(popup, SAMPLE_INDEX);
});
afterAll(async () => docket?.close());

describe('Docket over time', () => {
  it('tracks an untracked link from its badge: one click opens the editor, choose a workstream, Enter', async () => {
    const sept = await docket.context.newPage();
    await sept.goto(docket.server.url('/wg-strategy/minutes-0.html'));
    const mark = badgeAfter(sept, linkTo(SELECTION)).first();
    await expect.poll(() => mark.getAttribute('data-docket-state')).toBe('untracked');
    const [editor] = await Promise.all([docket.context.waitForEvent('page'), mark.click()]);
    await editor.waitForLoadState();
    expect(editor.url()).toContain('popup.html?');
    expect(new URL(editor.url()).searchParams.get('track')).toContain(SELECTION);
    await editor.getByLabel('Workstream', { exact: true }).selectOption({ label: 'B. Improvements to the IGF' });
    const closed = editor.waitForEvent('close');
    // Enter saves, and the editor window closes itself (close=1): its key-up finds no page, which is fine.
    await editor
      .getByLabel('Title')
      .press('Enter', { noWaitAfter: true })
      .catch(() => undefined);
    await closed;
    await expectBadge(sept, SELECTION, 'data-docket-state', 'tracked');
    await expectBadge(sept, SELECTION, 'data-docket-workstream', 'B. Improvements to the IGF');
    await sept.close();
  });

  it('deleting a workstream and moving its documents updates the badges', async () => {
    const minutes = await docket.context.newPage();
    await minutes.goto(docket.server.url('/wg-strategy/minutes-4.html'));
    await expectBadge(
      minutes,
      MHLB,
      'data-docket-workstream',
      'A. Possible implementation models for the Roadmap’s High-level body',
    );
    await popup.bringToFront();
    await popup.getByRole('tab', { name: 'Workstreams' }).click();
    await popup
      .locator('li[data-ws-id="ws-hlb"]')
      .getByRole('button', { name: /^Delete/ })
      .click();
    await popup.getByRole('radio', { name: 'Move them to' }).check();
    await popup.getByRole('combobox', { name: 'Move them to' }).selectOption({ label: 'C. Strengthening the IGF outcomes' });
    await popup.getByRole('button', { name: 'Delete workstream' }).click();
    await expectBadge(minutes, MHLB, 'data-docket-workstream', 'C. Strengthening the IGF outcomes');
    await minutes.close();
  });

  it('exports the index as JSON in the interchange format', async () => {
    await popup.getByRole('tab', { name: /import/i }).click();
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(file).toMatchObject({ format: 'docket-index', version: 1 });
    expect(file.documents.map((d: { id: string }) => d.id)).toContain(SELECTION);
    expect(file.documents.find((d: { id: string }) => d.id === SELECTION)).toMatchObject({
      workstreamId: 'ws-improve',
      source: docket.server.url('/wg-strategy/minutes-0.html'),
    });
    expect(file.workstreams.map((w: { id: string }) => w.id)).not.toContain('ws-hlb');
  });

  it('follows client-side navigation', async () => {
    const app = await docket.context.newPage();
    await app.goto(docket.server.url('/app.html'));
    await app.click('text=Thread 1');
    await expect.poll(() => app.locator('#nav-doc + docket-badge').getAttribute('data-docket-state')).toBe('tracked');
    expect(app.url()).toContain('/app/thread/1');
    await app.close();
  });

  it('an update takes over the open pages: the new copy badges them, once per link, and the badges stay live', async () => {
    const minutes = await docket.context.newPage();
    await minutes.goto(docket.server.url('/wg-strategy/minutes-4.html'));
    await expect.poll(() => minutes.locator('docket-badge').count()).toBe(14);
    const before = await badgeAttributes(minutes);
    const oldHosts = await minutes.evaluateHandle(() => [...document.querySelectorAll('docket-badge')]);

    // What Docket's onInstalled does after an update in Chrome: run the new content script in open tabs.
    const tabId = await docket.worker.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t: { url?: string }) => t.url === url)?.id,
      minutes.url(),
    );
    await docket.worker.evaluate(
      (id) => chrome.scripting.executeScript({ target: { tabId: id! }, files: ['/content-scripts/content.js'] }),
      tabId,
    );

    await expect.poll(() => oldHosts.evaluate((hosts) => hosts.every((h) => !h.isConnected)), { timeout: 30_000 }).toBe(true);
    const world = await docketWorld(docket.context, minutes, docket.extensionId);
    await expect
      .poll(
        () =>
          world
            .evaluate<boolean>(
              `(() => { const els = [...document.querySelectorAll('docket-badge')]; return els.length === 14 && els.every((el) => root(el)?.querySelector('button')); })()`,
            )
            .catch(() => false),
        { timeout: 30_000 },
      )
      .toBe(true);
    await world.detach();
    expect(await badgeAttributes(minutes)).toEqual(before);
    const pairs = await minutes.$$eval('a[href*="google.com"]', (as) =>
      as.map((a) => `${a.nextElementSibling?.localName}|${a.nextElementSibling?.nextElementSibling?.localName}`),
    );
    expect(pairs.every((p) => p.startsWith('docket-badge|') && !p.endsWith('|docket-badge'))).toBe(true);

    // The new copy follows the index.
    await popup.bringToFront();
    await popup.getByRole('tab', { name: 'Documents' }).click();
    await popup.getByLabel('Status').selectOption({ label: 'All' });
    await popup.locator(`[data-doc-id="${MHLB}"]`).getByRole('button', { name: /^Edit/ }).click();
    await popup.getByLabel('Deadline', { exact: true }).fill('2030-01-15');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expectBadge(minutes, MHLB, 'data-docket-deadline', '2030-01-15');
    await expectBadge(minutes, MHLB, 'data-docket-urgency', 'upcoming');
    await minutes.close();
  });

  // Last: the extension is gone afterwards (Chromium does not bring back an extension loaded from the command line).
  it('when the extension is reloaded or disabled, its badges leave the open pages instead of staying broken', async () => {
    const minutes = await docket.context.newPage();
    await minutes.goto(docket.server.url('/wg-strategy/minutes-4.html'));
    await expect.poll(() => minutes.locator('docket-badge').count()).toBe(14);
    await docket.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(() => minutes.locator('docket-badge').count(), { timeout: 30_000 }).toBe(0);
  });
});
