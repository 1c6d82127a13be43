/**
 * Issue 22 in Firefox: axe-core (tests/e2e/support/axe.ts, evaluated over WebDriver BiDi, where the extension
 * pages' Content-Security-Policy does not apply) finds no WCAG 2.2 A/AA violation in Docket's own pages, light and
 * dark: every tab of the popup (empty, then with the sample index), the editor, an import's preview and error, the
 * scan review with rows, and Docket in a tab (the table with a selection and its bulk bar, the timeline, the scan).
 * The colour scheme is Firefox's own setting for pages. Badges, cards and the page chip: a11y-badges.e2e.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_INDEX, MHLB, importThroughPopup } from '../journeys/common';
import { axeWith } from '../support/axe';
import { pageOf, startFirefox, type FirefoxSession } from '../support/firefox';
import { role, type Tab } from '../support/session';

const SCHEMES = ['light', 'dark'] as const;
const POPUP_TABS = ['Documents', 'Upcoming', 'Scan', 'Workstreams', 'Import / export', 'Sites'];

let docket: FirefoxSession;
let minutes: Tab;
beforeAll(async () => {
  docket = await startFirefox();
  minutes = await docket.open(docket.server.url('/wg-strategy/minutes-4.html'));
});
afterAll(async () => docket?.close());

const axe = (tab: Tab) => axeWith((expression) => pageOf(tab).evaluate(expression));
const dark = (tab: Tab) => tab.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);

/** A popup over the minutes, in a colour scheme (checked: the page is told that scheme). */
async function popupIn(scheme: (typeof SCHEMES)[number], query = ''): Promise<Tab> {
  await docket.setColorScheme(scheme);
  const popup = await docket.popup(minutes, query);
  expect(await dark(popup)).toBe(scheme === 'dark');
  return popup;
}

async function eachTab(popup: Tab, label: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of POPUP_TABS) {
    await popup.click(role.tab(new RegExp(`^${name}`)));
    await popup.waitFor({ css: '[role="tab"][aria-selected="true"]', text: new RegExp(`^${name}`) });
    await popup.waitFor({ css: '[role="tabpanel"]:not([hidden])' });
    found.push(...(await axe(popup)).map((v) => `${label}, ${name}: ${v}`));
  }
  return found;
}

describe('axe in Firefox: no WCAG 2.2 AA violations in Docket’s pages', () => {
  it('axe really runs in an extension page here: it names a button the test leaves without a name', async () => {
    const popup = await docket.popup();
    await popup.waitFor(role.field('Link from your coordinator'));
    await popup.evaluate(() => document.body.append(Object.assign(document.createElement('button'), { id: 'nameless' })));
    expect((await axe(popup)).join('\n')).toMatch(/^button-name: #nameless/m);
    await popup.close();
  });

  it.each(SCHEMES)('the popup with an empty index, %s: every tab', async (scheme) => {
    const popup = await popupIn(scheme);
    await popup.waitFor(role.field('Link from your coordinator'));
    expect(await eachTab(popup, `empty ${scheme}`)).toEqual([]);
    await popup.close();
  });

  it('(the sample index is imported)', async () => {
    const popup = await docket.popup();
    expect(await importThroughPopup(popup, SAMPLE_INDEX)).toMatch(/added/);
    await popup.close();
  });

  it.each(SCHEMES)('the popup, %s: every tab and the editor', async (scheme) => {
    const popup = await popupIn(scheme);
    await popup.waitFor({ css: `[data-doc-id="${MHLB}"]` });
    const found = await eachTab(popup, scheme);
    await popup.close();
    const editor = await popupIn(scheme, `edit=${MHLB}`);
    await editor.waitFor(role.button(/^Save/));
    found.push(...(await axe(editor)).map((v) => `${scheme}, editor: ${v}`));
    await editor.close();
    expect(found).toEqual([]);
  });

  it.each(SCHEMES)('an import preview and an import error, %s', async (scheme) => {
    const popup = await popupIn(scheme);
    await popup.click(role.tab(/^Import/));
    await popup.setFile({ css: 'input[type="file"]' }, SAMPLE_INDEX);
    await popup.waitFor({ css: '.preview' });
    const found = (await axe(popup)).map((v) => `import preview: ${v}`);
    const bad = join(mkdtempSync(join(tmpdir(), 'docket-a11y-')), 'broken.json');
    writeFileSync(bad, '{ this is not json');
    await popup.click(role.button(/^Cancel/));
    await popup.setFile({ css: 'input[type="file"]' }, bad);
    await popup.waitFor({ css: '[role="alert"]' });
    found.push(...(await axe(popup)).map((v) => `import error: ${v}`));
    expect(found).toEqual([]);
    await popup.close();
  });

  it.each(SCHEMES)('the scan review with rows, %s', async (scheme) => {
    const popup = await popupIn(scheme, 'scan=1');
    await popup.waitFor(role.status(/found/));
    expect(await popup.count({ css: '[data-docket-id]' })).toBeGreaterThan(0);
    expect(await axe(popup)).toEqual([]);
    await popup.close();
  });

  it.each(SCHEMES)('Docket in a tab, %s: the table with a selection and the bulk bar, the timeline, the scan', async (scheme) => {
    await docket.setColorScheme(scheme);
    const tab = await docket.open(`moz-extension://${docket.extensionUuid}/docket.html`);
    expect(await dark(tab)).toBe(scheme === 'dark');
    const box = (nth: number) => ({ css: 'tr[data-doc-id] input[type="checkbox"]', nth });
    await tab.click(box(0));
    await tab.click(box(1));
    await tab.waitFor({ css: '.bulk-count' });
    const found = (await axe(tab)).map((v) => `table: ${v}`);
    await tab.click(role.tab('Timeline'));
    await tab.waitFor({ css: '.tl-list' });
    found.push(...(await axe(tab)).map((v) => `timeline: ${v}`));
    await tab.click(role.tab(/^Scan/));
    await tab.waitFor({ css: '.full-scan' });
    found.push(...(await axe(tab)).map((v) => `scan: ${v}`));
    expect(found).toEqual([]);
    await tab.close();
  });
});
