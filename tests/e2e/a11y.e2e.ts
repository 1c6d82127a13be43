/**
 * Issue 22, accessibility: axe-core (tests/e2e/support/axe.ts) finds no WCAG 2.2 A/AA violation in any
 * view Docket draws, in light and dark: every tab of the popup (empty, then with the sample index), the
 * editor, an import's preview and an import's error, the scan review with rows, Docket in a tab (the
 * table with a selection and its bulk bar, the timeline, the scan), tracked and untracked badges with their
 * cards open on a white page and in a dark section of it, every badge on a page of minutes, and the page chip
 * with its card on a Google document's page, white and painted dark (read in Docket's own world: their shadow
 * roots are closed; support/axe.ts, axeInDocket). Firefox's runs: tests/e2e/firefox/a11y*.e2e.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeInDocket, axeViolations } from './support/axe';
import {
  A11Y_GOOGLE_TITLES,
  A11Y_ROUTES,
  MHLB,
  OUTCOMES_PAGE,
  TONES_PAGE,
  TONE_LINKS,
  paintPageDark,
} from './support/a11y-pages';
import { docketWorld, type DocketWorld } from './support/docket-world';
import { SAMPLE_INDEX, importThroughPopup, startDocket, type Docket } from './support/harness';

const host = (link: string) => JSON.stringify(`#${link} + docket-badge`);

/** The badge after `#link` is drawn (its chip in its shadow root); whether it is drawn dark. */
async function drawn(w: DocketWorld, link: string): Promise<boolean> {
  await expect
    .poll(() => w.evaluate<boolean>(`!!root(document.querySelector(${host(link)}))?.querySelector('button')`))
    .toBe(true);
  return w.evaluate<boolean>(`root(document.querySelector(${host(link)})).querySelector('button').classList.contains('dark')`);
}
const SCHEMES = ['light', 'dark'] as const;
const POPUP_TABS = ['Documents', 'Upcoming', 'Scan', 'Workstreams', 'Import / export', 'Sites'];

let docket: Docket;
let minutes: Page;
beforeAll(async () => {
  docket = await startDocket(A11Y_ROUTES, A11Y_GOOGLE_TITLES);
  minutes = await docket.context.newPage();
  await minutes.goto(docket.server.url('/wg-strategy/minutes-4.html'));
});
afterAll(async () => docket?.close());

/** A popup over the minutes, in a colour scheme. */
async function popupIn(scheme: (typeof SCHEMES)[number], query = ''): Promise<Page> {
  const popup = await docket.popup(minutes, query);
  await popup.emulateMedia({ colorScheme: scheme });
  return popup;
}

async function eachTab(popup: Page, label: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of POPUP_TABS) {
    await popup.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
    await popup.locator(`[role="tabpanel"]:not([hidden])`).first().waitFor();
    found.push(...(await axeViolations(popup)).map((v) => `${label}, ${name}: ${v}`));
  }
  return found;
}

describe('axe: no WCAG 2.2 AA violations', () => {
  it.each(SCHEMES)('the popup with an empty index, %s: every tab', async (scheme) => {
    const popup = await popupIn(scheme);
    expect(await eachTab(popup, `empty ${scheme}`)).toEqual([]);
    await popup.close();
  });

  it('(the sample index is imported)', async () => {
    const popup = await docket.popup();
    await importThroughPopup(popup, SAMPLE_INDEX);
    await popup.close();
  });

  it.each(SCHEMES)('the popup, %s: every tab, the editor, an import preview and an import error', async (scheme) => {
    const popup = await popupIn(scheme);
    const found = await eachTab(popup, scheme);
    // An import's preview (a file chosen, not yet applied).
    await popup.getByRole('tab', { name: /^Import/ }).click();
    await popup.locator('input[type="file"]').setInputFiles(SAMPLE_INDEX);
    await popup.locator('.preview').waitFor();
    found.push(...(await axeViolations(popup)).map((v) => `${scheme}, import preview: ${v}`));
    // An import's error: a file that is not an index.
    const bad = join(mkdtempSync(join(tmpdir(), 'docket-a11y-')), 'broken.json');
    writeFileSync(bad, '{ this is not json');
    await popup.getByRole('button', { name: /^Cancel/ }).click();
    await popup.locator('input[type="file"]').setInputFiles(bad);
    await popup.getByRole('alert').first().waitFor();
    found.push(...(await axeViolations(popup)).map((v) => `${scheme}, import error: ${v}`));
    await popup.close();
    // The editor of one document.
    const editor = await popupIn(scheme, `edit=${MHLB}`);
    await editor.getByRole('button', { name: /^Save/ }).waitFor();
    found.push(...(await axeViolations(editor)).map((v) => `${scheme}, editor: ${v}`));
    await editor.close();
    expect(found).toEqual([]);
  });

  it.each(SCHEMES)('the scan review with rows, %s', async (scheme) => {
    const popup = await popupIn(scheme, 'scan=1');
    await popup.getByRole('status').filter({ hasText: /found/ }).waitFor();
    expect(await popup.locator('[data-docket-id]').count()).toBeGreaterThan(0);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it.each(SCHEMES)('Docket in a tab, %s: the table with a selection and the bulk bar, the timeline, the scan', async (scheme) => {
    const tab = await docket.context.newPage();
    await tab.emulateMedia({ colorScheme: scheme });
    await tab.goto(`chrome-extension://${docket.extensionId}/docket.html`);
    const rows = tab.locator('tr[data-doc-id]');
    await rows.first().waitFor();
    await rows.nth(0).locator('input[type="checkbox"]').click();
    await rows.nth(1).locator('input[type="checkbox"]').click();
    await tab.locator('.bulk-count').waitFor();
    const found = (await axeViolations(tab)).map((v) => `table: ${v}`);
    await tab.getByRole('tab', { name: 'Timeline' }).click();
    await tab.locator('.tl-list').first().waitFor();
    found.push(...(await axeViolations(tab)).map((v) => `timeline: ${v}`));
    await tab.getByRole('tab', { name: /^Scan/ }).click();
    await tab.locator('.full-scan').waitFor();
    found.push(...(await axeViolations(tab)).map((v) => `scan: ${v}`));
    expect(found).toEqual([]);
    await tab.close();
  });

  it('axe really reaches into a badge’s closed root: it names a button the test puts there without a name', async () => {
    const page = await docket.context.newPage();
    await page.goto(docket.server.url(TONES_PAGE));
    const w = await docketWorld(docket.context, page, docket.extensionId);
    await drawn(w, 'light');
    await w.evaluate(
      `root(document.querySelector(${host('light')})).append(Object.assign(document.createElement('button'), { id: 'nameless' }))`,
    );
    expect((await axeInDocket(w, '#light + docket-badge')).join('\n')).toMatch(/^button-name: docket-badge\S* >>> #nameless/m);
    await w.detach();
    await page.close();
  });

  it.each(SCHEMES)('badges on a white page and in a dark section, each card open, %s', async (scheme) => {
    const page = await docket.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(docket.server.url(TONES_PAGE));
    const w = await docketWorld(docket.context, page, docket.extensionId);
    const found: string[] = [];
    for (const [link, dark] of TONE_LINKS) {
      // Light on the white page, dark in the dark section, whatever the scheme (utils/content/page-tone.ts).
      expect(await drawn(w, link)).toBe(dark);
      // Keyboard focus on the badge opens its card.
      await page.locator(`#${link}`).focus();
      await page.keyboard.press('Tab');
      await expect.poll(() => w.evaluate<string | null>(`card(document.querySelector(${host(link)}))`)).not.toBeNull();
      found.push(...(await axeInDocket(w, `#${link} + docket-badge`)).map((v) => `${link}, card open: ${v}`));
      await page.keyboard.press('Escape');
    }
    expect(found).toEqual([]);
    await w.detach();
    await page.close();
  });

  it.each(SCHEMES)('every badge on a page of minutes, %s', async (scheme) => {
    const page = await docket.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(docket.server.url('/wg-strategy/minutes-4.html'));
    const link = `a[href*="${MHLB}"]`;
    await page.locator(`${link} + docket-badge[data-docket-state="tracked"]`).first().waitFor();
    const w = await docketWorld(docket.context, page, docket.extensionId);
    const sel = JSON.stringify(`${link} + docket-badge`);
    await expect.poll(() => w.evaluate<boolean>(`!!root(document.querySelector(${sel}))?.querySelector('button')`)).toBe(true);
    expect(await axeInDocket(w)).toEqual([]);
    await w.detach();
    await page.close();
  });

  it.each([
    ['white', false],
    ['painted dark', true],
  ] as const)('the page chip on a Google document’s page, %s, with its card open', async (_name, dark) => {
    const page = await docket.context.newPage();
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    if (dark) await page.addInitScript(paintPageDark);
    await page.goto(OUTCOMES_PAGE);
    await page.locator('docket-chip').waitFor();
    const w = await docketWorld(docket.context, page, docket.extensionId);
    const chip = JSON.stringify('docket-chip');
    await expect.poll(() => w.evaluate<boolean>(`!!root(document.querySelector(${chip}))?.querySelector('button')`)).toBe(true);
    expect(
      await w.evaluate<boolean>(`root(document.querySelector(${chip})).querySelector('button').classList.contains('dark')`),
    ).toBe(dark);
    const found = (await axeInDocket(w, 'docket-chip')).map((v) => `closed: ${v}`);
    // The stand-in page has nothing else to focus: the member's first Tab reaches the chip, which opens its card.
    await page.keyboard.press('Tab');
    await expect.poll(() => w.evaluate<string | null>(`card(document.querySelector(${chip}))`)).not.toBeNull();
    found.push(...(await axeInDocket(w, 'docket-chip')).map((v) => `card open: ${v}`));
    expect(found).toEqual([]);
    await w.detach();
    await page.close();
  });
});
