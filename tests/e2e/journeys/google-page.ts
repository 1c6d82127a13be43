/**
 * On a Google document's own page (the HTTPS stand-in for docs.google.com): "This page" in the popup
 * (CONTRACT §4: popup.html?tab=<id> acts on that tab) tracks it in one click, and the page chip
 * shows a tracked document's workstream, deadline and status, follows edits, and offers to track an
 * untracked one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { role, type Session, type StartSession } from '../support/session';
import { OUTCOMES, SHOWN } from './common';

const PROPOSALS = '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms';
const THIS_PAGE = role.region('This page');
const CHIP = { css: 'docket-chip' };

export function googlePageJourney(start: StartSession) {
  let docket: Session;
  beforeAll(async () => {
    docket = await start({}, { [OUTCOMES]: 'Strengthening IGF outcomes' });
  });
  afterAll(async () => docket?.close());

  describe('This page', () => {
    it('tracks the Google document open in the given tab in one click, then offers to edit it', async () => {
      const doc = await docket.open(`https://docs.google.com/document/d/${OUTCOMES}/edit#heading=h.juck72nlha3c`);
      expect(await doc.title()).toBe('Strengthening IGF outcomes - Google Docs');

      const popup = await docket.popup(doc);
      await popup.click(role.button('Track this document', THIS_PAGE));
      // The editor opens prefilled with the tab's title, less " - Google Docs".
      await expect.poll(() => popup.value(role.field('Title')), SHOWN).toBe('Strengthening IGF outcomes');
      await popup.fill(role.field('Deadline'), '2020-09-07');
      await popup.click(role.button('Save'));
      await popup.waitFor(role.button('Edit', THIS_PAGE));

      // The same popup, opened for another tab, acts on that one instead: a minutes page is no document.
      const other = await docket.open(docket.server.url('/wg-strategy/minutes-1.html'));
      const otherPopup = await docket.popup(other);
      await otherPopup.waitFor(role.tab('Documents'));
      await otherPopup.waitFor({ css: 'li[data-doc-id]' });
      expect(await otherPopup.count(role.button('Track this document'))).toBe(0);
      expect(await otherPopup.count(role.button('Edit', THIS_PAGE))).toBe(0);
      await Promise.all([popup.close(), otherPopup.close(), other.close(), doc.close()]);
    });
  });

  describe('the chip on a Google document’s own page', () => {
    it('shows a tracked document’s workstream, deadline and status, and follows edits', async () => {
      const doc = await docket.open(`https://docs.google.com/document/d/${OUTCOMES}/edit`);
      await expect.poll(() => doc.attribute(CHIP, 'data-docket-state'), SHOWN).toBe('tracked');
      expect(await doc.attribute(CHIP, 'data-docket-deadline')).toBe('2020-09-07');
      await expect
        .poll(() => doc.evaluate(() => getComputedStyle(document.querySelector('docket-chip')!).position), SHOWN)
        .toBe('fixed');

      const popup = await docket.popup(doc);
      await popup.click(role.button('Edit', THIS_PAGE));
      await popup.select(role.field('Status', -1), { value: 'final' });
      await popup.click(role.button('Save'));
      await expect.poll(() => doc.attribute(CHIP, 'data-docket-status'), SHOWN).toBe('final');
      await Promise.all([popup.close(), doc.close()]);
    });

    it('offers to track an untracked document: the editor opens on it, titled from the page', async () => {
      const other = await docket.open(`https://docs.google.com/spreadsheets/d/${PROPOSALS}/edit#gid=0`);
      await expect.poll(() => other.attribute(CHIP, 'data-docket-state'), SHOWN).toBe('untracked');
      const editor = await docket.nextTab(() => other.click(CHIP));
      expect(editor.url()).toContain('popup.html?');
      await expect.poll(() => editor.value(role.field('Title')), SHOWN).toBe('Untitled document');
      await editor.close().catch(() => undefined);
      await other.close();
    });
  });
}
