/**
 * A list archive as Mailman's pipermail writes it (issue 26), in either browser: a message page served as
 * www.intgovforum.org/pipermail/…, its links keeping the sentence's punctuation in the href (`…/d/ID.`,
 * `…/d/ID,`, `…/d/ID";`), in parentheses, in a quoted reply, through Slack's and LinkedIn's redirectors
 * (tests/fixtures/pipermail.ts builds it as Mailman 2.1's archiver does). Each document link gets one badge,
 * right after the whole link, with its id and state (the sample index imported: tracked or not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, StartSession, Tab } from '../support/session';
import { PIPERMAIL_MESSAGE, pipermailPage, RECORDING } from '../../fixtures/pipermail';
import { SAMPLE_INDEX, SHOWN, countOf, importThroughPopup } from './common';

const PAGE = '/pipermail/wg-strategy/2020-September/000512.html';
const DOC_LINKS = PIPERMAIL_MESSAGE.links.filter(([, id]) => id !== null).length;

/** Each link in the message body: what follows it, the badge's id and state, and whether a second badge follows. */
function linksInBody(tab: Tab) {
  return tab.evaluate(() =>
    [...document.querySelectorAll('pre a')].map((a) => {
      const next = a.nextElementSibling;
      const badge = next?.localName === 'docket-badge' ? next : null;
      return {
        href: a.getAttribute('href'),
        // the badge comes right after the link's end: no text between them, nothing of the link after it
        rightAfter: badge !== null && a.nextSibling === badge,
        id: badge?.getAttribute('data-docket-id') ?? null,
        state: badge?.getAttribute('data-docket-state') ?? null,
        twice: badge?.nextElementSibling?.localName === 'docket-badge',
      };
    }),
  );
}

export function archiveJourney(start: StartSession) {
  describe('a pipermail list archive', () => {
    let docket: Session;
    let message: Tab;

    beforeAll(async () => {
      docket = await start({
        [PAGE]: { type: 'text/html; charset=us-ascii', body: pipermailPage(PIPERMAIL_MESSAGE.subject, PIPERMAIL_MESSAGE.text) },
      });
      const popup = await docket.popup();
      expect(await importThroughPopup(popup, SAMPLE_INDEX)).toMatch(/6 documents? added/);
      await popup.close();
      message = await docket.open(docket.server.url(PAGE));
    });
    afterAll(async () => docket?.close());

    it('badges every document link once, right after the whole link, with its id and state', async () => {
      await expect.poll(() => countOf(message, 'docket-badge'), SHOWN).toBe(DOC_LINKS);
      // every tracked one has its state (the index may answer after the first badges are in)
      await expect
        .poll(async () => (await linksInBody(message)).filter((l) => l.state === 'tracked').length, SHOWN)
        .toBe(DOC_LINKS - 1);
      const links = await linksInBody(message);
      expect(links.map((l) => l.href)).toEqual(PIPERMAIL_MESSAGE.links.map(([href]) => href));
      expect(links).toEqual(
        PIPERMAIL_MESSAGE.links.map(([, id]) => ({
          href: expect.any(String),
          rightAfter: id !== null,
          id,
          state: id === null ? null : id === RECORDING ? 'untracked' : 'tracked',
          twice: false,
        })),
      );
      expect(await countOf(message, 'docket-badge')).toBe(DOC_LINKS);
    });
  });
}
