/**
 * Issue 22 in Firefox: axe-core finds no WCAG 2.2 A/AA violation in what Docket draws on other sites' pages, light
 * and dark: a tracked and an untracked badge, each with its card open, on a white page and in a dark section of it,
 * and the page chip on a Google document's page, white and painted dark.
 *
 * How: their shadow roots are closed, and no page script can open them. axe runs in Docket's own content-script
 * world (its sandbox), reached with tabs.executeScript from one of Docket's pages; there Firefox gives extension
 * code `element.openOrClosedShadowRoot`, and axe is handed each host's root as its `shadowRoot` (support/axe.ts,
 * axeInDocket). So axe reads the shipped build's own DOM and style sheet as the member's browser draws them:
 * no test-only hook in the extension, no copy of its styles. The first test shows axe does reach inside a root.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_INDEX, importThroughPopup } from '../journeys/common';
import { A11Y_GOOGLE_TITLES, A11Y_ROUTES, OUTCOMES_PAGE, TONES_PAGE, TONE_LINKS, paintPageDark } from '../support/a11y-pages';
import { axeInDocket } from '../support/axe';
import { puppeteerTab, startFirefox, type FirefoxSession } from '../support/firefox';
import type { Tab } from '../support/session';

const SCHEMES = ['light', 'dark'] as const;

let docket: FirefoxSession;
beforeAll(async () => {
  docket = await startFirefox(A11Y_ROUTES, A11Y_GOOGLE_TITLES);
  const popup = await docket.popup();
  expect(await importThroughPopup(popup, SAMPLE_INDEX)).toMatch(/added/);
  await popup.close();
});
afterAll(async () => docket?.close());

/** Docket's world in a tab, as axeInDocket reads it. */
const world = (tab: Tab) => ({
  evaluate: <T>(expression: string) => docket.inDocket<T>(tab, expression),
  run: (script: string) => docket.runInDocket(tab, script),
});

const host = (link: string) => JSON.stringify(`#${link} + docket-badge`);

/** The badge after `#link` is drawn (its chip in its shadow root); whether it is drawn dark. */
async function drawn(tab: Tab, link: string): Promise<boolean> {
  await expect
    .poll(() => docket.inDocket<boolean>(tab, `!!root(document.querySelector(${host(link)}))?.querySelector('button')`))
    .toBe(true);
  return docket.inDocket<boolean>(
    tab,
    `root(document.querySelector(${host(link)})).querySelector('button').classList.contains('dark')`,
  );
}

/** Tab from the link to its badge (the member's key: a trusted event), which opens its card. */
async function openCard(tab: Tab, link: string) {
  await tab.focus({ css: `#${link}` });
  await tab.press('Tab');
  await expect.poll(() => docket.inDocket<string | null>(tab, `card(document.querySelector(${host(link)}))`)).not.toBeNull();
}

describe('axe in Firefox: no WCAG 2.2 AA violations in badges, their cards and the page chip', () => {
  it('axe really reaches into a badge’s closed root here: it names a button the test puts there without a name', async () => {
    const tab = await docket.open(docket.server.url(TONES_PAGE));
    await drawn(tab, 'light');
    await docket.inDocket(
      tab,
      `root(document.querySelector(${host('light')})).append(Object.assign(document.createElement('button'), { id: 'nameless' }))`,
    );
    expect((await axeInDocket(world(tab), `#light + docket-badge`)).join('\n')).toMatch(
      /^button-name: docket-badge\S* >>> #nameless/m,
    );
    await tab.close();
  });

  it.each(SCHEMES)('badges on a white page and in a dark section, each card open, %s', async (scheme) => {
    await docket.setColorScheme(scheme);
    const tab = await docket.open(docket.server.url(TONES_PAGE));
    expect(await tab.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    const found: string[] = [];
    for (const [link, dark] of TONE_LINKS) {
      // Light on the white page, dark in the dark section, whatever the scheme (utils/content/page-tone.ts).
      expect(await drawn(tab, link)).toBe(dark);
      await openCard(tab, link);
      found.push(...(await axeInDocket(world(tab), `#${link} + docket-badge`)).map((v) => `${link}, card open: ${v}`));
      await tab.press('Escape');
    }
    // Every badge on the page, cards closed.
    found.push(...(await axeInDocket(world(tab), 'docket-badge')).map((v) => `all: ${v}`));
    expect(found).toEqual([]);
    await tab.close();
  });

  it.each([
    ['white', false],
    ['painted dark', true],
  ] as const)('the page chip on a Google document’s page, %s, with its card open', async (_name, dark) => {
    await docket.setColorScheme(dark ? 'dark' : 'light');
    const page = await docket.puppeteer.newPage();
    if (dark) await page.evaluateOnNewDocument(paintPageDark);
    const tab = puppeteerTab(page);
    await tab.goto(OUTCOMES_PAGE);
    const chip = JSON.stringify('docket-chip');
    await expect
      .poll(() => docket.inDocket<boolean>(tab, `!!root(document.querySelector(${chip}))?.querySelector('button')`))
      .toBe(true);
    expect(
      await docket.inDocket<boolean>(
        tab,
        `root(document.querySelector(${chip})).querySelector('button').classList.contains('dark')`,
      ),
    ).toBe(dark);
    const found = (await axeInDocket(world(tab), 'docket-chip')).map((v) => `closed: ${v}`);
    // The stand-in page has nothing else to focus: the member's first Tab reaches the chip, which opens its card.
    await tab.press('Tab');
    await expect.poll(() => docket.inDocket<string | null>(tab, `card(document.querySelector(${chip}))`)).not.toBeNull();
    found.push(...(await axeInDocket(world(tab), 'docket-chip')).map((v) => `card open: ${v}`));
    expect(found).toEqual([]);
    await tab.close();
  });
});
