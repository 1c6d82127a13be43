/**
 * Issue 25, the first five minutes, in either browser. A member: from a fresh profile to tracked badges on the
 * group's minutes in at most 3 actions (open the popup, paste the link, Join), counted, with a sheet published to the
 * web from the Google stand-in (docs.google.com's `…/pub?output=csv`, which redirects to a googleusercontent host as
 * Google does); a `?join=` link and a join link on the group's own page only fill the address in (a page's own click
 * does nothing at all), and nothing is subscribed until the member presses Join. The coordinator: the check of the
 * published link, against the same stand-in, names the web-page (pubhtml) form, a private sheet, the editing address,
 * a sheet not published and a missing url column, and accepts the right one with the text to send and the join link.
 *
 * Docket asks for docs.google.com and `*.googleusercontent.com` in the Join (and Check) click. No driver can answer
 * the browser's prompt for that, so the member's Allow is stood in for: Firefox runs with optional permissions
 * granted without a prompt (scripts/lib/firefox.mjs), and Chromium runs a copy of the build that already holds the
 * googleusercontent host (SessionOptions.allowedHosts, support/chromium.ts), where permissions.request answers yes
 * at once. The stand-in's googleusercontent host sends no CORS header, so the CSV is read only with that permission.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { role, type Session, type StartSession, type Tab, type Target } from '../support/session';
import { MHLB, OUTCOMES, SELECTION, SHOWN, badgeAfter, expectBadge, linkTo } from './common';

const IMPROVE = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
/** A document only the second group's sheet lists, on that group's page. */
const OTHER_DOC = '1JoinLinkDocumentOnTheGroupPage0000000000';
/** The second group's sheet, a CSV file on the group's own site. */
const SHEET_B = '/wg-policy/published/pub.csv';
/** Ids of Google Sheets on the stand-in: published to the web (Google's `2PACX-…` ids), and private ones. */
const PUBLISHED = '2PACX-1vStandInWgStrategyIndexPublishedToTheWebAsCsv0000000000000000000000000000000';
const WRONG_COLUMNS = '2PACX-1vStandInAnotherSheetPublishedWithOtherColumns000000000000000000000000000000';
const NEVER_PUBLISHED = '2PACX-1vStandInALinkToASheetNoLongerPublished000000000000000000000000000000000000';
const PRIVATE = '1StandInPrivateSheetOfTheCoordinator0000000000';
const SHARED_BY_LINK = '1StandInSheetSharedByLinkNotPublished000000000';
const GOOGLE = 'https://docs.google.com/spreadsheets';
const PUBLISHED_CSV = `${GOOGLE}/d/e/${PUBLISHED}/pub?output=csv`;
/** The permission Docket asks for besides docs.google.com (utils/shared/sites.ts, feedOrigins). */
const GOOGLE_CONTENT = 'https://*.googleusercontent.com/*';
const CSV = [
  'url,title,workstream,deadline,status',
  `https://docs.google.com/document/d/${MHLB}/edit,Possible implementation models for the MHLB,A. High-level body,2020-09-10,open-for-comments`,
  `https://docs.google.com/document/d/${IMPROVE}/edit,Improvements to the IGF: proposals,B. Improvements to the IGF,2020-09-06,draft`,
].join('\n');
const CSV_B = [
  'url,title,workstream,deadline,status',
  `https://docs.google.com/document/d/${OTHER_DOC}/edit,Policy options,P. Policy,2020-10-01,draft`,
].join('\n');

const JOIN_FIELD = role.field('Link from your coordinator');
const arrived: Target = role.status(/^\d+ documents? in \d+ workstreams? from the “.+” sheet, synced just now\./);

/**
 * Wait until React drew the popup: a popup opened before shows the screen kept from then first, whose controls
 * React replaces (a control found before that would be gone when clicked).
 */
const drawn = (popup: Tab) =>
  expect
    .poll(
      () =>
        popup.evaluate(() => {
          const tab = document.querySelector('[role="tab"]');
          return !!tab && Object.keys(tab).some((k) => k.startsWith('__reactFiber'));
        }),
      SHOWN,
    )
    .toBe(true);

export interface FirstFiveExtras {
  /** Save a screenshot of a tab (the README's, Chromium only). */
  shot?(tab: Tab, name: string): Promise<void>;
}

export function firstFiveJourney(start: StartSession, extras: FirstFiveExtras = {}) {
  let docket: Session;
  const shot = (tab: Tab, name: string) => extras.shot?.(tab, name) ?? Promise.resolve();
  /** A page of Docket's own, to ask the background as the popup does. */
  let probe: Tab;
  /** The addresses subscribed to, as the background has them. */
  const subscriptions = () =>
    probe.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      const reply = await api.runtime.sendMessage({ type: 'subscriptions/list', data: {} });
      return (reply.result.subscriptions as { url: string }[]).map((s) => s.url);
    });

  /** Whether Docket holds the googleusercontent host (asked for in the Join or Check click). */
  const holdsGoogleContent = () =>
    docket.extension(async (origin: string) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return (await api.permissions.contains({ origins: [origin] })) as boolean;
    }, GOOGLE_CONTENT);

  beforeAll(async () => {
    docket = await start(
      { [SHEET_B]: { type: 'text/csv; charset=utf-8', body: CSV_B } },
      {},
      {
        googleSheets: {
          [PUBLISHED]: { published: CSV },
          [WRONG_COLUMNS]: { published: 'name,owner\nA,B\n' },
          [PRIVATE]: { private: true },
        },
        allowedHosts: [GOOGLE_CONTENT],
      },
    );
    probe = await docket.popup(undefined, '?harness=1');
  });
  afterAll(async () => docket?.close());

  describe('a member joins the group’s index', () => {
    it('from a fresh profile to tracked badges on the minutes in 3 actions, from a sheet Google publishes', async () => {
      const minutes = await docket.open(docket.server.url('/wg-strategy/minutes-4.html'));
      await expectBadge(minutes, MHLB, 'data-docket-state', 'untracked');
      // Firefox: nothing granted before the member's click (Chromium's build holds it already: see above).
      if (docket.browser === 'firefox') expect(await holdsGoogleContent()).toBe(false);

      let actions = 0;
      // 1. Click the toolbar: the popup (for the minutes' tab).
      const popup = await docket.popup(minutes);
      actions++;
      await popup.waitFor(JOIN_FIELD);
      await shot(popup, 'join-empty');
      // 2. Paste the link the coordinator sent.
      await popup.fill(JOIN_FIELD, PUBLISHED_CSV);
      actions++;
      // 3. Join.
      await popup.click(role.button('Join'));
      actions++;

      // What arrived: the sheet's documents and workstreams, the sheet's name (its host: a published CSV has no
      // title), and when.
      expect(await popup.text(arrived)).toMatch(
        /^2 documents in 2 workstreams from the “docs\.google\.com” sheet, synced just now\./,
      );
      // Read where Google serves it from, after the redirect, with the permission asked for in the click.
      expect(docket.google.read[PUBLISHED]).toBeGreaterThanOrEqual(1);
      expect(await holdsGoogleContent()).toBe(true);
      expect(await subscriptions()).toEqual([PUBLISHED_CSV]);
      // The badges on the open page turn without a reload.
      await expectBadge(minutes, MHLB, 'data-docket-state', 'tracked');
      await shot(popup, 'join-done');
      expect(await minutes.attribute(badgeAfter(linkTo(MHLB)), 'data-docket-workstream')).toBe('A. High-level body');
      expect(actions).toBeLessThanOrEqual(3);
      await popup.close();
      await minutes.close();
    });

    it('a ?join= link fills the address in; nothing is subscribed until the member presses Join', async () => {
      const before = await subscriptions();
      const url = docket.server.url('/wg-strategy/published/other.csv');
      const popup = await docket.popup(undefined, `?join=${encodeURIComponent(url)}`);
      await expect.poll(() => popup.value(JOIN_FIELD), SHOWN).toBe(url);
      expect(await subscriptions()).toEqual(before);
      await popup.close();
    });
  });

  describe('a join link on the group’s own page', () => {
    let page: Tab;
    beforeAll(async () => {
      const sheet = docket.server.url(SHEET_B);
      // The form the coordinator's Share panel gives (checked below), as the group's page would hold it.
      page = await docket.open(docket.server.url('/wg-strategy/minutes-4.html'));
      await page.evaluate(
        ([href, doc]) => {
          const p = document.createElement('p');
          p.innerHTML = `<a id="join" href="${href}#docket-join">Join our group’s index in Docket</a>
            <a id="policy" href="https://docs.google.com/document/d/${doc}/edit">Policy options</a>`;
          document.body.prepend(p);
        },
        [sheet, OTHER_DOC] as const,
      );
      await page.waitFor({ css: `${linkTo(OTHER_DOC)} + docket-badge[data-docket-state="untracked"]` });
    });

    it('the page’s own click (its script’s link.click()) opens nothing and subscribes nothing', async () => {
      const before = await subscriptions();
      const taken = await page.evaluate(() => {
        const link = document.querySelector<HTMLAnchorElement>('#join')!;
        const prevented: boolean[] = [];
        // Keep the page where it is, after recording whether Docket took the click.
        const keep = (e: Event) => {
          prevented.push(e.defaultPrevented);
          e.preventDefault();
        };
        window.addEventListener('click', keep);
        link.click();
        link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
        window.removeEventListener('click', keep);
        return prevented;
      });
      // Docket left the page's clicks alone: they are not the member's.
      expect(taken).toEqual([false, false]);
      expect(await subscriptions()).toEqual(before);
    });

    it('the member’s click opens Docket’s join view with the address filled in; Join subscribes and the badges turn', async () => {
      const sheet = docket.server.url(SHEET_B);
      const before = await subscriptions();
      const view = await docket.nextTab(() => page.click({ css: '#join' }));
      expect(new URL(view.url()).searchParams.get('join')).toBe(sheet);
      await expect.poll(() => view.value(JOIN_FIELD), SHOWN).toBe(sheet);
      // Only the one view the member's click asked for (the page's clicks above opened none).
      const views = await docket.extension(async () => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        return ((await api.tabs.query({})) as { url?: string }[]).filter((t) => /[?&]join=/.test(t.url ?? '')).length;
      });
      expect(views).toBe(1);
      // Nothing is subscribed until the member confirms.
      expect(await subscriptions()).toEqual(before);
      await expectBadge(page, OTHER_DOC, 'data-docket-state', 'untracked');

      await view.click(role.button('Join'));
      expect(await view.text(arrived)).toMatch(/^1 document in 1 workstream from the “.+” sheet, synced just now\./);
      await expectBadge(page, OTHER_DOC, 'data-docket-state', 'tracked');
      expect(await subscriptions()).toEqual([...before, sheet]);
      await view.close();
    });
  });

  describe('the coordinator shares the index', () => {
    it('checks the published link: what is wrong with a wrong one is named; the right one gives the text and the join link', async () => {
      const popup = await docket.popup();
      await drawn(popup);
      await popup.click(role.tab(/import/i));
      await popup.waitFor({ css: 'h2', text: 'Share this index with your group' });
      const link = role.field('Published link');
      const check = role.button('Check the link');
      const alert = (text: RegExp): Target => ({ css: '[role="alert"]', text });
      const checked = async (url: string, answer: Target) => {
        await popup.fill(link, url);
        await popup.click(check);
        await popup.waitFor(answer).catch(async (error: Error) => {
          const said = await popup.evaluate(() =>
            [...document.querySelectorAll('[role="alert"], [role="status"]')].map((e) => e.textContent).join(' | '),
          );
          throw new Error(`${error.message}. The popup says: ${said}`);
        });
      };

      // Publish to web's "Web page" form.
      await checked(`${GOOGLE}/d/e/${PUBLISHED}/pubhtml`, alert(/“pubhtml” link/));
      await shot(popup, 'share-wrong-link');
      // The sheet's own address, private: Google sends a reader who is not signed in to its sign-in page.
      await checked(`${GOOGLE}/d/${PRIVATE}/edit?usp=sharing`, alert(/sign-in page: the sheet is not published/));
      // The sheet's own address, shared by link but not published: its editing page.
      await checked(`${GOOGLE}/d/${SHARED_BY_LINK}/edit#gid=0`, alert(/the sheet’s editing address/));
      // A published link whose sheet is no longer published.
      await checked(`${GOOGLE}/d/e/${NEVER_PUBLISHED}/pub?output=csv`, alert(/HTTP 404/));
      // Published as CSV, but not Docket's (read from googleusercontent, after the redirect).
      await checked(`${GOOGLE}/d/e/${WRONG_COLUMNS}/pub?output=csv`, alert(/no url or id column \(its columns: name, owner\)/));
      expect(docket.google.read[WRONG_COLUMNS]).toBe(1);

      const reads = docket.google.read[PUBLISHED] ?? 0;
      await checked(
        PUBLISHED_CSV,
        role.status(
          'It reads as Docket’s CSV: 2 rows, columns url, title, workstream, deadline, status. Send your group the text below.',
        ),
      );
      // Read again (not the member's subscription's copy), from googleusercontent.
      expect(docket.google.read[PUBLISHED]).toBeGreaterThan(reads);
      expect(await popup.value(role.field('Text to send your group'))).toBe(
        `Install Docket, then paste this link in “Join your group’s index”: ${PUBLISHED_CSV}`,
      );
      expect(await popup.value(role.field('A join link for your group’s pages'))).toBe(
        `<a href="${PUBLISHED_CSV}#docket-join">Join our group’s index in Docket</a>`,
      );
      await shot(popup, 'share-checked');
      await popup.close();
    });
  });

  describe('a member tries it with sample data', () => {
    let fresh: Session;
    beforeAll(async () => {
      fresh = await start({}, {}, { googleSheets: { [PUBLISHED]: { published: CSV } }, allowedHosts: [GOOGLE_CONTENT] });
    });
    afterAll(async () => fresh?.close());

    it('the empty tab offers the ways to start; How Docket works opens and closes; the sample is marked, and goes in one click leaving the member’s and the group’s documents', async () => {
      const minutes = await fresh.open(fresh.server.url('/wg-strategy/minutes-4.html'));
      const sept = await fresh.open(fresh.server.url('/wg-strategy/minutes-0.html'));
      await expectBadge(minutes, MHLB, 'data-docket-state', 'untracked');
      const popup = await fresh.popup(minutes);
      // The empty tab offers the same ways to start, the group's first.
      const tab = await fresh.open(popup.url().replace(/popup\.html.*$/, 'docket.html'));
      await tab.waitFor(JOIN_FIELD);
      await tab.waitFor(role.button('Try it with sample data'));
      await tab.close();
      // How Docket works, from the empty popup; Escape closes it.
      await popup.bringToFront();
      await popup.click(role.button('How Docket works', { css: '[data-docket-welcome]' }));
      const help = role.region('How Docket works');
      await popup.waitFor(help);
      expect(await popup.text(help)).toMatch(/Scan/);
      await popup.press('Escape');
      await expect.poll(() => popup.count(help), SHOWN).toBe(0);

      await popup.click(role.button('Try it with sample data'));
      await popup.waitFor(role.status(/^You are trying Docket with sample data/));
      await expectBadge(minutes, MHLB, 'data-docket-state', 'tracked');
      expect(await minutes.attribute(badgeAfter(linkTo(MHLB)), 'data-docket-workstream')).toMatch(/^Sample · /);

      // Meanwhile the member tracks a document of their own.
      await popup.click(role.tab('Documents'));
      await popup.fill(role.field('Add a document by link'), `https://drive.google.com/file/d/${SELECTION}/view`);
      await popup.click(role.button('Add'));
      await popup.fill(role.field('Title'), 'Selection of IGF improvement priorities');
      await popup.click(role.button('Save'));
      await expectBadge(sept, SELECTION, 'data-docket-state', 'tracked');

      // And joins the group's sheet, which lists a document the sample has too (MHLB): the sample's copy stays.
      const join = await fresh.popup(undefined, `?join=${encodeURIComponent(PUBLISHED_CSV)}`);
      await join.click(role.button('Join'));
      await join.waitFor(arrived);
      await join.close();
      expect(await minutes.attribute(badgeAfter(linkTo(MHLB)), 'data-docket-workstream')).toMatch(/^Sample · /);

      await popup.bringToFront();
      await popup.click(role.button('Remove the sample'));
      await popup.waitFor(role.status('The sample data is removed; nothing else changed.'));
      // The group's document is the group's now, at once; a document only the sample had is gone.
      await expectBadge(minutes, MHLB, 'data-docket-workstream', 'A. High-level body');
      await expectBadge(minutes, MHLB, 'data-docket-state', 'tracked');
      const left = await popup.evaluate(async (id: string) => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        const reply = await api.runtime.sendMessage({ type: 'docs/find', data: { ids: [id] } });
        return Object.keys(reply.result.records as object);
      }, OUTCOMES);
      expect(left).toEqual([]);
      // No workstream named as a sample is left, and the member's document is still tracked.
      const names = await popup.evaluate(async () => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        const reply = await api.runtime.sendMessage({ type: 'workstreams/list', data: {} });
        return (reply.result.workstreams as { name: string }[]).map((w) => w.name);
      });
      expect(names.filter((n) => n.startsWith('Sample'))).toEqual([]);
      await expectBadge(sept, SELECTION, 'data-docket-state', 'tracked');
      await popup.close();
    });
  });
}
