// A deadline is the same day for a member in Kiritimati (UTC+14) and one in Honolulu (UTC−10): the browser
// runs in that zone (Playwright's timezoneId for the pages, TZ for the browser), and every surface shows
// the day the index holds; "today" is the member's own local date.
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_INDEX, importThroughPopup, startDocket, type Docket } from './support/harness';

const OVERDUE = '1eVwoVFoch6id-SzT9EXd7etofFsjAeU1'; // 4 September 2020
const DUE_SOON = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI'; // 10 September 2020

let docket: Docket | undefined;
afterEach(async () => {
  await docket?.close();
  docket = undefined;
});

/** Noon of 5 September 2020 in each zone, as an instant. */
const NOON: Record<string, string> = {
  'Pacific/Kiritimati': '2020-09-04T22:00:00Z',
  'Pacific/Honolulu': '2020-09-05T22:00:00Z',
};

describe.each(Object.keys(NOON))('a member in %s', (zone) => {
  it('sees the same deadline day in the popup, its calendar link, Docket in a tab and its timeline', async () => {
    docket = await startDocket({}, {}, {}, {}, zone);
    const popup = await docket.popup();
    expect(await popup.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(zone);
    await importThroughPopup(popup, SAMPLE_INDEX);
    await popup.getByRole('tab', { name: 'Documents' }).click();
    const row = popup.locator(`[data-doc-id="${DUE_SOON}"]`).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Sep 10, 2020');
    const href = await row.locator('a.calendar-link').getAttribute('href');
    expect(new URL(href!).searchParams.get('dates')).toBe('20200910/20200911');

    // Noon of 5 September, the member's own time: 4 September is overdue, 10 September due in 5 days.
    const page = await docket.context.newPage();
    await page.clock.setFixedTime(new Date(NOON[zone]!));
    await page.goto(`chrome-extension://${docket.extensionId}/docket.html`);
    expect(await page.evaluate(() => new Date().getDate())).toBe(5);
    await page.getByLabel('Status', { exact: true }).first().selectOption({ label: 'All' });
    const line = (id: string) => page.locator(`tr.doc-line[data-doc-id="${id}"] .col-deadline`);
    await line(DUE_SOON).waitFor();
    expect(await line(DUE_SOON).textContent()).toContain('Sep 10, 2020');
    expect(await line(OVERDUE).textContent()).toMatch(/^⚠ .*Sep 4, 2020/);
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const next = page.locator(`.tl-list li[data-doc-id="${DUE_SOON}"] time`);
    await next.waitFor();
    expect(await next.getAttribute('datetime')).toBe('2020-09-10');
    await page.close();
    await popup.close();
  });
});
