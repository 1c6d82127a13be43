/** Helpers of the journeys shared by both browsers. */
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { role, type Session, type Tab, type Target } from '../support/session';

export const SAMPLE_INDEX = resolve(import.meta.dirname, '../../fixtures/sample-index.json');
export const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
export const OUTCOMES = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';
/** In the 24 September minutes, not in the sample index. */
export const SELECTION = '1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW';
export const HLB_NAME = 'A. Possible implementation models for the Roadmap’s High-level body';
/** How long a journey waits for the extension to show a change (generous: a busy machine is slow). */
export const SHOWN = { timeout: 30_000, interval: 100 };

/** The badge right after the first link matching `link` (a CSS selector). */
export const badgeAfter = (link: string, nth = 0): Target => ({ css: `${link} + docket-badge`, nth });
export const linkTo = (id: string) => `a[href*="${id}"]`;
/**
 * The text of the open card of the first badge matching `css`, or null while it is closed. The badge's
 * shadow root is closed to the page: this reads it in Docket's own world (Session.inDocket).
 */
export const cardText = (docket: Session, tab: Tab, css: string) =>
  docket.inDocket<string | null>(tab, `card(document.querySelector(${JSON.stringify(css)}))`);

/** The member tabs from the (first) link matching `link` to its badge: keyboard focus opens its card. */
export async function tabToBadge(tab: Tab, link: string) {
  await tab.focus({ css: link });
  await tab.press('Tab');
}

/** Import a file through the popup's import control (CONTRACT §4) and return the report text. */
export async function importThroughPopup(popup: Tab, file: string): Promise<string> {
  await popup.click(role.tab(/import/i));
  await popup.setFile({ css: 'input[type="file"]' }, file);
  await popup.click(role.button(/^(Import|Apply)/));
  return popup.text(role.status(/added/));
}

/** Every badge's CONTRACT §3 attributes on the page, in page order. */
export function badgeAttributes(tab: Tab) {
  return tab.evaluate(() =>
    [...document.querySelectorAll('docket-badge')].map((el) =>
      Object.fromEntries(
        [...el.attributes].filter((a) => a.name.startsWith('data-docket-')).map((a) => [a.name.slice(12), a.value]),
      ),
    ),
  );
}

export const countOf = (tab: Tab, css: string) => tab.evaluate((c) => document.querySelectorAll(c).length, css);

/** Wait until the badge after the first link to `id` has attribute `name` = `value` (null: absent). */
export async function expectBadge(tab: Tab, id: string, name: string, value: string | null) {
  await expect
    .poll(
      () =>
        tab.evaluate(
          ([css, n]) => document.querySelector(css!)?.getAttribute(n!) ?? null,
          [`${linkTo(id)} + docket-badge`, name],
        ),
      SHOWN,
    )
    .toBe(value);
}
