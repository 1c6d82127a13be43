// Issue 22 in Firefox: a deadline is the same day for a member in Kiritimati (UTC+14) and one in Honolulu
// (UTC−10). Firefox runs in that zone (TZ); every surface shows the day the index holds (the popup's row and its
// calendar link, Docket in a tab and its timeline), and "today" is the member's own local date.
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_INDEX, importThroughPopup } from '../journeys/common';
import { startFirefox, type FirefoxSession } from '../support/firefox';
import { role } from '../support/session';

const OVERDUE = '1eVwoVFoch6id-SzT9EXd7etofFsjAeU1'; // 4 September 2020
const DUE_SOON = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI'; // 10 September 2020

let docket: FirefoxSession | undefined;
afterEach(async () => {
  await docket?.close();
  docket = undefined;
});

/** Today's date in a zone, YYYY-MM-DD. */
const todayIn = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());

describe.each(['Pacific/Kiritimati', 'Pacific/Honolulu'])('a member in %s', (zone) => {
  it('sees the same deadline day in the popup, its calendar link, Docket in a tab and its timeline', async () => {
    docket = await startFirefox({}, {}, { timezoneId: zone });
    const popup = await docket.popup();
    expect(await popup.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(zone);
    // The page's "today" is the zone's date (read between two readings here: a midnight may pass meanwhile).
    const before = todayIn(zone);
    const local = await popup.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    expect([before, todayIn(zone)]).toContain(local);

    await importThroughPopup(popup, SAMPLE_INDEX);
    await popup.click(role.tab('Documents'));
    const row = { css: `[data-doc-id="${DUE_SOON}"]` };
    expect(await popup.text(row)).toContain('Sep 10, 2020');
    const href = await popup.attribute({ css: 'a.calendar-link', within: row }, 'href');
    expect(new URL(href!).searchParams.get('dates')).toBe('20200910/20200911');

    const tab = await docket.open(`moz-extension://${docket.extensionUuid}/docket.html`);
    await tab.select(role.field('Status', 0), { label: 'All' });
    const line = (id: string) => ({ css: `tr.doc-line[data-doc-id="${id}"] .col-deadline` });
    expect(await tab.text(line(DUE_SOON))).toContain('Sep 10, 2020');
    expect(await tab.text(line(OVERDUE))).toMatch(/^⚠ .*Sep 4, 2020/);
    await tab.click(role.tab('Timeline'));
    expect(await tab.attribute({ css: `.tl-list li[data-doc-id="${DUE_SOON}"] time` }, 'datetime')).toBe('2020-09-10');
    await tab.close();
    await popup.close();
  });
});
