/**
 * Docket end to end, the member's first journey, in either browser: the sample minutes served as
 * www.intgovforum.org, the sample index imported through the popup's file input, badges with every
 * CONTRACT §3 attribute, live updates, links added later, and where badges never go.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { role, type Session, type StartSession, type Tab } from '../support/session';
import {
  HLB_NAME,
  MHLB,
  OUTCOMES,
  SAMPLE_INDEX,
  SELECTION,
  SHOWN,
  badgeAfter,
  badgeAttributes,
  cardText,
  countOf,
  expectBadge,
  importThroughPopup,
  linkTo,
  tabToBadge,
} from './common';

/** A document link on the plain page: once it has its badge, the page has been looked at. */
const SENTINEL = '1SentinelDocumentOnThePlainPage000000000';

export function docketJourney(start: StartSession) {
  let docket: Session;
  let minutes: Tab; // 27 August 2020
  let popup: Tab;

  beforeAll(async () => {
    docket = await start({
      '/plain.html': {
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><title>Plain</title><p><a id="home" href="https://www.intgovforum.org/">IGF</a>
        <a id="help" href="https://support.google.com/docs/answer/123456">Docs help</a>
        <a id="lookalike" href="https://docs.google.com.example.net/document/d/${MHLB}/edit">look-alike</a>
        <a id="list" href="https://docs.google.com/document/u/0/">my documents</a>
        <a id="mail" href="mailto:wg@example.org">mail</a></p>
        <div contenteditable="true"><a id="draft" href="https://docs.google.com/document/d/${MHLB}/edit">in a draft</a></div>
        <p><a id="sentinel" href="https://docs.google.com/document/d/${SENTINEL}/edit">the one document link</a></p>`,
      },
      // CONTRACT §1a: the shapes real mail and archives hold (tests/fixtures/real-links.ts has real ones).
      '/wrapped.html': {
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><title>Wrapped</title><p>
        <a id="bare" href="https://docs.google.com/document/d/${MHLB}/edit?usp=sharing">bare</a>
        <a id="pp2" href="https://urldefense.proofpoint.com/v2/url?u=https-3A__docs.google.com_document_d_${MHLB}_edit-3Fusp-3Dsharing&amp;d=DwMFaQ&amp;c=x&amp;e=">v2</a>
        <a id="pp3" href="https://urldefense.com/v3/__https://docs.google.com/document/d/${OUTCOMES}/edit*heading=h.juck72nlha3c__;Iw!!Bt8RZUm9aw!4HP8i1$">v3</a>
        <a id="fb" href="https://l.facebook.com/l.php?u=https%3A%2F%2Fdocs.google.com%2Fdocument%2Fd%2F${MHLB}%2Fedit%3Fusp%3Dsharing&amp;h=AT0">shim</a>
        <a id="ccc" href="http://spreadsheets.google.com/ccc?key=pIfz0wOzPtW1-oZkXXbvcLA&amp;hl=en">old sheet</a>
        <a id="other" href="https://urldefense.proofpoint.com/v2/url?u=https-3A__www.intgovforum.org_&amp;d=x">not Google</a>
        <a id="fake" href="https://l.facebook.com/l.php?u=https%3A%2F%2Fdocs.google.com.example.net%2Fdocument%2Fd%2F${MHLB}%2Fedit">look-alike</a></p>`,
      },
    });
    minutes = await docket.open(docket.server.url('/wg-strategy/minutes-4.html'));
    popup = await docket.popup(minutes);
  });
  afterAll(async () => docket?.close());

  describe('the first journey', () => {
    it('marks every document link on the minutes as untracked before anything is imported', async () => {
      await expect.poll(() => countOf(minutes, 'docket-badge'), SHOWN).toBe(14);
      const attrs = await badgeAttributes(minutes);
      expect(new Set(attrs.map((a) => a.state))).toEqual(new Set(['untracked']));
      expect(attrs.find((a) => a.id === MHLB)).toEqual({ id: MHLB, state: 'untracked' });
    });

    it('imports the sample index through the popup’s file input and reports what it added', async () => {
      const report = await importThroughPopup(popup, SAMPLE_INDEX);
      expect(report).toMatch(/6 documents? added/);
      expect(report).toMatch(/4 workstreams? added/);
      expect(report).toMatch(/0 refused/);
    });

    it('badges the open minutes without a reload, one badge per link, with every contract attribute', async () => {
      await expectBadge(minutes, MHLB, 'data-docket-state', 'tracked');
      await expect
        .poll(async () => (await badgeAttributes(minutes)).filter((a) => a.id === MHLB), SHOWN)
        .toEqual(
          Array(3).fill({
            id: MHLB,
            state: 'tracked',
            workstream: HLB_NAME,
            deadline: '2020-09-10',
            status: 'open-for-comments',
            urgency: 'overdue',
          }),
        );
      expect(await badgeAttributes(minutes)).toHaveLength(14);
      // Each badge is its link's next element sibling.
      const pairs = await minutes.evaluate(() =>
        [...document.querySelectorAll('a[href*="google.com"]')].map((a) => a.nextElementSibling?.localName),
      );
      expect(pairs).toEqual(Array(14).fill('docket-badge'));
    });

    it('shows the details card on keyboard focus, as text', async () => {
      // The member tabs from the link to its badge (the card is in a closed shadow root: read in Docket's world).
      const css = `${linkTo(MHLB)} + docket-badge`;
      await minutes.bringToFront();
      await tabToBadge(minutes, linkTo(MHLB));
      await expect.poll(() => cardText(docket, minutes, css), SHOWN).not.toBeNull();
      const text = (await cardText(docket, minutes, css))!;
      expect(text).toContain('Possible implementation models for the MHLB');
      expect(text).toContain(HLB_NAME);
      expect(text).toContain('Open for comments');
      expect(text).toContain('minutes-4.html');
    });

    it('updates badges on an open page after an edit in the popup', async () => {
      await popup.click(role.tab('Documents'));
      await popup.select(role.field('Status'), { label: 'All' });
      await popup.click(role.button(/^Edit/, { css: `[data-doc-id="${OUTCOMES}"]` }));
      await popup.select(role.field('Status', -1), { value: 'delivered' });
      await popup.click(role.button('Save'));
      await expectBadge(minutes, OUTCOMES, 'data-docket-status', 'delivered');
      await expectBadge(minutes, OUTCOMES, 'data-docket-urgency', 'done');
    });

    it('badges links the page adds after load, and only document links', async () => {
      await minutes.evaluate(
        ([a, b]) => {
          const thread = document.createElement('div');
          thread.id = 'later';
          const p = document.createElement('p');
          const link = (id: string, href: string, text: string) => {
            const el = document.createElement('a');
            el.id = id;
            el.href = href;
            el.textContent = text;
            p.append(el, ' ');
          };
          link('late-tracked', `https://www.google.com/url?q=https://docs.google.com/document/d/${a}/edit&sa=D`, 'the MHLB doc');
          link('late-new', `https://docs.google.com/spreadsheets/d/${b}/edit#gid=0`, 'a sheet');
          link('late-plain', 'https://www.un.org/', 'the UN');
          thread.append(p);
          document.body.append(thread);
        },
        [MHLB, '1newSpreadsheetForTheWG0000000000000000'],
      );
      await expect.poll(() => countOf(minutes, '#later docket-badge'), SHOWN).toBe(2);
      expect(await minutes.attribute(badgeAfter('#late-tracked'), 'data-docket-id')).toBe(MHLB);
      await expect.poll(() => minutes.attribute(badgeAfter('#late-tracked'), 'data-docket-state'), SHOWN).toBe('tracked');
      await expect.poll(() => minutes.attribute(badgeAfter('#late-new'), 'data-docket-state'), SHOWN).toBe('untracked');
      expect(await countOf(minutes, '#late-plain + docket-badge')).toBe(0);
    });

    it('keeps one badge per link when the page moves links around', async () => {
      await minutes.evaluate(() => {
        const later = document.getElementById('later')!;
        for (let i = 0; i < 5; i++) document.body.append(later.querySelector('p')!);
        // A link added after the moves: once it has its badge, the moves have been seen.
        const after = document.createElement('a');
        after.id = 'after-moves';
        after.href = 'https://docs.google.com/document/d/1AfterTheMovesDocument00000000000/edit';
        after.textContent = 'after';
        document.body.append(after);
      });
      await expect.poll(() => countOf(minutes, '#after-moves + docket-badge'), SHOWN).toBe(1);
      expect(await countOf(minutes, '#late-tracked + docket-badge')).toBe(1);
      expect(await countOf(minutes, 'docket-badge')).toBe(17);
    });

    it('tracks a new document from the popup and its badge appears on the open page', async () => {
      const sept = await docket.open(docket.server.url('/wg-strategy/minutes-0.html'));
      await expectBadge(sept, SELECTION, 'data-docket-state', 'untracked');
      await popup.bringToFront();
      await popup.click(role.tab('Documents'));
      await popup.fill(role.field('Add a document by link'), `https://drive.google.com/file/d/${SELECTION}/view?usp=sharing`);
      await popup.click(role.button('Add'));
      await popup.fill(role.field('Title'), 'Selection of IGF improvement priorities');
      await popup.select(role.field('Workstream'), { label: 'B. Improvements to the IGF' });
      await popup.fill(role.field('Deadline'), '2020-10-01');
      await popup.click(role.button('Save'));
      await expectBadge(sept, SELECTION, 'data-docket-state', 'tracked');
      await expectBadge(sept, SELECTION, 'data-docket-workstream', 'B. Improvements to the IGF');
      await expectBadge(sept, SELECTION, 'data-docket-deadline', '2020-10-01');
      await sept.close();
    });

    it('deleting a document reverts its badges to untracked, and Undo brings them back', async () => {
      await popup.click(role.tab('Documents'));
      await popup.click(role.button(/^Delete/, { css: `[data-doc-id="${MHLB}"]` }));
      await expectBadge(minutes, MHLB, 'data-docket-state', 'untracked');
      await expectBadge(minutes, MHLB, 'data-docket-workstream', null);
      await popup.click(role.button('Undo'));
      await expectBadge(minutes, MHLB, 'data-docket-state', 'tracked');
    });

    it('badges wrapped and old-form links (§1a) with the bare link’s id and state', async () => {
      const page = await docket.open(docket.server.url('/wrapped.html'));
      await expect.poll(() => countOf(page, 'docket-badge'), SHOWN).toBe(5);
      const badge = async (link: string) => {
        const el = badgeAfter(`#${link}`);
        await expect.poll(() => page.attribute(el, 'data-docket-state'), SHOWN).not.toBeNull();
        return [await page.attribute(el, 'data-docket-id'), await page.attribute(el, 'data-docket-state')];
      };
      expect(await badge('bare')).toEqual([MHLB, 'tracked']);
      expect(await badge('pp2')).toEqual([MHLB, 'tracked']);
      expect(await badge('fb')).toEqual([MHLB, 'tracked']);
      expect(await badge('pp3')).toEqual([OUTCOMES, 'tracked']);
      expect(await badge('ccc')).toEqual(['pIfz0wOzPtW1-oZkXXbvcLA', 'untracked']);
      expect(await countOf(page, '#other + docket-badge, #fake + docket-badge')).toBe(0);
      await page.close();
    });

    it('puts no badge on links that are not Google documents, nor inside editable content', async () => {
      const plain = await docket.open(docket.server.url('/plain.html'));
      // The page's one document link is badged: the others were looked at and left alone.
      await expect.poll(() => countOf(plain, '#sentinel + docket-badge'), SHOWN).toBe(1);
      expect(await countOf(plain, 'docket-badge')).toBe(1);
      await plain.close();
    });
  });
}
