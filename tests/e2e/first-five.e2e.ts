/**
 * Issue 25, the first five minutes (tests/e2e/journeys/first-five.ts) in Chromium, and what only Playwright does
 * here: the CSV download, and the README's screenshots ("For coordinators"): `DOCKET_SHOTS=1` saves them to docs/,
 * the popup at its real size.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstFiveJourney } from './journeys/first-five';
import { pageOf, startChromium } from './support/chromium';
import { role, type Session, type Tab } from './support/session';

/** The journey's first session (the member's and the coordinator's; the sample's, started later, is closed by then). */
let session: Session | undefined;
firstFiveJourney(
  async (...args) => {
    const started = await startChromium(...args);
    session ??= started;
    return started;
  },
  {
    async shot(tab: Tab, name: string) {
      if (!process.env.DOCKET_SHOTS) return;
      const page = pageOf(tab);
      await page.setViewportSize({ width: 420, height: 600 });
      await page.screenshot({ path: resolve(import.meta.dirname, `../../docs/screenshot-${name}.png`) });
    },
  },
);

describe('the coordinator’s CSV', () => {
  it('Download the CSV gives the index as a .csv file', async () => {
    const popup = await session!.popup();
    await popup.waitFor({ css: '[data-doc-id]' });
    await pageOf(popup)
      .getByRole('tab', { name: /import/i })
      .click();
    const page = pageOf(popup);
    const download = page.waitForEvent('download');
    await popup.click(role.button('Download the CSV'));
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    // What the member joined above: the header CONTRACT §2 names, and its documents.
    const text = readFileSync(await file.path(), 'utf8');
    expect(
      text
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/, 1)[0]!
        .split(','),
    ).toContain('url');
    expect(text).toContain('1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI');
    await popup.close();
  });
});
