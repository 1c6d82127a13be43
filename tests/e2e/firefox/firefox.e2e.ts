/**
 * What only Firefox shows: the add-on loads with nothing in the browser console, and a site is
 * enabled from the popup (an optional permission, granted here without the prompt a test cannot
 * answer, and a registered content script), then disabled again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../../scripts/lib/addon-id.mjs';
import { OTHER_SITE_HOST } from '../../../scripts/lib/server.mjs';
import { SHOWN, badgeAttributes, countOf } from '../journeys/common';
import { startFirefox, type FirefoxSession } from '../support/firefox';
import { role } from '../support/session';

const OUTCOMES = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';
let docket: FirefoxSession;

beforeAll(async () => {
  docket = await startFirefox({}, { [OUTCOMES]: 'Strengthening IGF outcomes' });
});
afterAll(async () => docket?.close());

/** Lines of Firefox's console output that are the add-on's: its errors, warnings and manifest problems. */
const addonLines = () =>
  docket.output.filter(
    (line) =>
      line.includes(`moz-extension://${docket.extensionUuid}`) ||
      line.includes(GECKO_ID) ||
      /Reading manifest|WebExtension|Extension error/i.test(line),
  );

describe('Docket in Firefox', () => {
  it('loads with no error or warning in the browser console: content script, background, popup, page chip', async () => {
    const minutes = await docket.open(docket.server.url('/wg-strategy/minutes-4.html'));
    await expect.poll(() => countOf(minutes, 'docket-badge'), SHOWN).toBe(14);
    const popup = await docket.popup(minutes);
    await popup.waitFor(role.tab('Documents'));
    // The background answers (the popup's list comes from it).
    const reply = await popup.evaluate(() => (globalThis as any).browser.runtime.sendMessage({ type: 'status/get', data: {} }));
    expect(reply).toMatchObject({ ok: true });
    const doc = await docket.open(`https://docs.google.com/document/d/${OUTCOMES}/edit`);
    await expect.poll(() => doc.attribute({ css: 'docket-chip' }, 'data-docket-state'), SHOWN).toBe('untracked');
    expect(addonLines()).toEqual([]);

    // The check sees the add-on's errors: one thrown in its popup is caught.
    await popup.evaluate(() => {
      setTimeout(() => {
        throw new Error('a control error in the popup');
      });
    });
    await expect.poll(() => addonLines().join('\n'), SHOWN).toContain('a control error in the popup');
    await popup.close();
    await doc.close();
    await minutes.close();
  });

  it('enables Docket on another site from the popup: permission granted, script registered, badges there; disabling removes them', async () => {
    const url = `http://${OTHER_SITE_HOST}/wg-strategy/minutes-4.html`;
    const origin = `http://${OTHER_SITE_HOST}/*`;
    const granted = () =>
      docket.extension((o: string) => (globalThis as any).browser.permissions.contains({ origins: [o] }), origin);
    const registered = () =>
      docket.extension(async () =>
        ((await (globalThis as any).browser.scripting.getRegisteredContentScripts()) as Array<{ matches?: string[] }>).flatMap(
          (s) => s.matches ?? [],
        ),
      );
    const page = await docket.open(url);
    expect(await granted()).toBe(false);
    expect(await registered()).toEqual([]);

    // The member opens Docket's popup on that tab: the browser lets Docket see the tab (activeTab).
    await docket.grantActiveTab(page);
    const popup = await docket.popup(page);
    await popup.click(role.tab('Sites'));
    await popup.click(role.button(`Enable Docket on ${OTHER_SITE_HOST}`));
    await popup.waitFor({ css: '.notice', text: `Docket now runs on ${OTHER_SITE_HOST}.` });
    expect(await granted()).toBe(true);
    expect(await registered()).toContain(origin);
    // The open tab gets its badges without a reload…
    await expect.poll(() => countOf(page, 'docket-badge'), SHOWN).toBe(14);
    // …and a new one from the registered script.
    const again = await docket.open(url);
    await expect.poll(() => countOf(again, 'docket-badge'), SHOWN).toBe(14);
    expect(new Set((await badgeAttributes(again)).map((a) => a.state))).toEqual(new Set(['untracked']));

    await popup.click(role.button(/^Disable/));
    await popup.waitFor({ css: '.notice', text: /^Docket no longer runs on/ });
    expect(await granted()).toBe(false);
    expect(await registered()).toEqual([]);
    await again.close();
    await page.close();
    await popup.close();
  });
});
