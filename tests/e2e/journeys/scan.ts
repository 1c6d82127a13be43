/**
 * Issue 3, done means: on each seed minutes page served locally, "Scan this page" proposes every
 * output document with the right workstream and deadline, one step tracks them all, and the
 * badges appear. Then the same workstream recurs in later minutes and is matched, not duplicated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { role, type Session, type StartSession, type Tab } from '../support/session';
import { HLB_NAME as HLB, MHLB, OUTCOMES, SELECTION, SHOWN, badgeAfter, badgeAttributes, cardText, linkTo } from './common';

const IMPROVE = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const PROPOSALS = '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms';
const RESPONSE_DRAFT = '1eVwoVFoch6id-SzT9EXd7etofFsjAeU1';
const RESPONSE = '1Bmfp_U-PnPnB8ZK6jNfhA8okvkR-s6Nd';
const IMPROVEMENTS = 'B. Improvements to the IGF';
const FORMING = 'Forming a response to the Options Paper document';

export function scanJourney(start: StartSession) {
  let docket: Session;
  beforeAll(async () => {
    docket = await start();
  });
  afterAll(async () => docket?.close());

  async function scan(path: string): Promise<{ page: Tab; popup: Tab; rows: Array<Record<string, string | null>> }> {
    const page = await docket.open(docket.server.url(path));
    await page.evaluate(() =>
      document.readyState === 'complete'
        ? null
        : new Promise((done) => addEventListener('load', () => done(null), { once: true })),
    );
    const popup = await docket.popup(page, 'scan=1');
    await popup.waitFor(role.status(/found|No Google documents/));
    const rows = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-docket-id]')].map((el) => ({
        id: el.getAttribute('data-docket-id'),
        workstream: el.getAttribute('data-docket-workstream'),
        deadline: el.getAttribute('data-docket-deadline'),
      })),
    );
    return { page, popup, rows };
  }

  describe('Scan this page, on the seed minutes', () => {
    it('27 August 2020: proposes every output document with its workstream and deadline; one step tracks them, badges appear', async () => {
      const { page, popup, rows } = await scan('/wg-strategy/minutes-4.html');
      expect(rows).toEqual([
        { id: MHLB, workstream: HLB, deadline: '2020-09-10' },
        { id: IMPROVE, workstream: IMPROVEMENTS, deadline: '2020-09-06' },
        { id: PROPOSALS, workstream: IMPROVEMENTS, deadline: '2020-09-06' },
        { id: OUTCOMES, workstream: 'C. Strengthening the IGF outcomes', deadline: '2020-09-07' },
        { id: RESPONSE_DRAFT, workstream: FORMING, deadline: '2020-09-04' },
      ]);
      await popup.click(role.button(/^Track 5 selected/));
      await popup.waitFor(role.status(/Tracked 5 documents/));
      await expect.poll(async () => (await badgeAttributes(page)).every((a) => a.state === 'tracked'), SHOWN).toBe(true);
      const mhlb = (await badgeAttributes(page)).find((a) => a.id === MHLB);
      expect(mhlb).toMatchObject({ workstream: HLB, deadline: '2020-09-10', status: 'open-for-comments' });
      // Where it was found is kept: the card names the minutes, and the host their link really goes to.
      await page.hover(badgeAfter(linkTo(MHLB)));
      await expect
        .poll(() => cardText(docket, page, `${linkTo(MHLB)} + docket-badge`), SHOWN)
        .toMatch(/Tracked from: Working Group minutes.* — 27 August 2020 \(www\.intgovforum\.org\)/);
      await page.close();
      await popup.close();
    });

    it('24 September 2020: the recurring workstream is matched to the one tracked before, new ones are proposed', async () => {
      const { page, popup, rows } = await scan('/wg-strategy/minutes-0.html');
      expect(rows).toEqual([
        // Matched to "Forming a response to the Options Paper document" from August.
        { id: RESPONSE, workstream: FORMING, deadline: '2020-09-28' },
        { id: SELECTION, workstream: IMPROVEMENTS, deadline: '2020-10-01' },
      ]);
      await popup.click(role.button(/^Track 2 selected/));
      await popup.waitFor(role.status(/Tracked 2 documents/));
      await expect.poll(async () => (await badgeAttributes(page)).filter((a) => a.state === 'tracked').length, SHOWN).toBe(2);
      // No duplicate workstream was created.
      const names = await popup.evaluate(async () => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        const reply = await api.runtime.sendMessage({ type: 'index/get', data: {} });
        return reply.result.workstreams.map((w: { name: string }) => w.name).sort();
      });
      expect(names).toEqual([FORMING, HLB, IMPROVEMENTS, 'C. Strengthening the IGF outcomes'].sort());
      await page.close();
      await popup.close();
    });

    it.each(['/wg-strategy/minutes-1.html', '/wg-strategy/minutes-2.html', '/wg-strategy/minutes-3.html'])(
      '%s links no document: nothing is proposed',
      async (path) => {
        const { page, popup, rows } = await scan(path);
        expect(rows).toEqual([]);
        expect(await popup.count(role.status('No Google documents found on this page.'))).toBe(1);
        await page.close();
        await popup.close();
      },
    );
  });
}
