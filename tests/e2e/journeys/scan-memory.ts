/**
 * Issue 20, §4, done means: a correction made in the Scan review is remembered for the site and
 * proposed on the next scan; it is listed in the popup, and forgetting it stops the proposal.
 * The seed minutes of 27 August 2020, then of 24 September 2020 (the same site, the same item
 * "B. Improvements to the IGF").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { role, type Session, type StartSession, type Tab } from '../support/session';
import { SELECTION } from './common';

const IMPROVE = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const PROPOSALS = '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms';
const IMPROVEMENTS = 'B. Improvements to the IGF';
const CHOSEN = 'D. Member survey';

export function scanMemoryJourney(start: StartSession) {
  let docket: Session;
  beforeAll(async () => {
    docket = await start();
  });
  afterAll(async () => docket?.close());

  async function scan(path: string): Promise<{ page: Tab; popup: Tab; rows: Record<string, string | null> }> {
    const page = await docket.open(docket.server.url(path));
    const popup = await docket.popup(page, 'scan=1');
    await popup.waitFor(role.status(/found|No Google documents/));
    const rows = await popup.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('[data-docket-id]')].map((el) => [
          el.getAttribute('data-docket-id'),
          el.getAttribute('data-docket-workstream'),
        ]),
      ),
    );
    return { page, popup, rows };
  }

  describe('Scan remembers the member’s corrections', () => {
    it('a workstream changed in the review is proposed for the same item on the next minutes', async () => {
      const first = await scan('/wg-strategy/minutes-4.html');
      expect(first.rows[IMPROVE]).toBe(IMPROVEMENTS);
      expect(first.rows[PROPOSALS]).toBe(IMPROVEMENTS);
      // The item's two documents, one action: the group's new workstream, named once.
      await first.popup.fill(
        role.field(/^Name of the new workstream of the 2 documents under “B\. Improvements to the IGF”$/),
        CHOSEN,
      );
      const now = await first.popup.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll('[data-docket-id]')].map((el) => [
            el.getAttribute('data-docket-id'),
            el.getAttribute('data-docket-workstream'),
          ]),
        ),
      );
      expect([now[IMPROVE], now[PROPOSALS]]).toEqual([CHOSEN, CHOSEN]);
      await first.popup.click(role.button(/^Track 5 selected/));
      await first.popup.waitFor(role.status(/Tracked 5 documents/));
      await first.page.close();
      await first.popup.close();

      const next = await scan('/wg-strategy/minutes-0.html');
      expect(next.rows[SELECTION]).toBe(CHOSEN);
      expect(await next.popup.text({ css: `[data-docket-id="${SELECTION}"] .scan-remembered` })).toBe('As you chose before.');
      // Listed in the popup, and erasable.
      await next.popup.click({ css: '.scan-memory summary' });
      expect(await next.popup.text({ css: '.scan-memory-entry' })).toContain(`“${IMPROVEMENTS}” → ${CHOSEN}`);
      await next.popup.click(role.button(`Forget “${IMPROVEMENTS}” on ${new URL(docket.server.url('/')).hostname}`));
      await next.popup.waitFor(role.status(`Forgot “${IMPROVEMENTS}”.`));
      expect(await next.popup.count({ css: '.scan-memory-entry' })).toBe(0);
      await next.page.close();
      await next.popup.close();

      const after = await scan('/wg-strategy/minutes-0.html');
      expect(after.rows[SELECTION]).toBe(IMPROVEMENTS);
      await after.page.close();
      await after.popup.close();
    });
  });
}
