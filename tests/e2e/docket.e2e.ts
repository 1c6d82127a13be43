/**
 * Docket end to end: the built extension in Chromium, the sample minutes served as
 * www.intgovforum.org, the sample index imported through the popup.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docketWorld } from './docket-world';
import { SAMPLE_INDEX, badgeAfter, badgeAttributes, importThroughPopup, startDocket, type Docket } from './harness';

const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const OUTCOMES = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';
const SELECTION = '1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW'; // in the 24 September minutes, not in the sample index
const HLB_NAME = 'A. Possible implementation models for the Roadmap’s High-level body';

let docket: Docket;
let minutes: Page; // 27 August 2020
let popup: Page;

const linkTo = (id: string) => `a[href*="${id}"]`;
/** Wait until the badge after the first link to `id` has attribute `name` = `value`. */
async function expectBadge(page: Page, id: string, name: string, value: string | null) {
  const badge = badgeAfter(page, linkTo(id)).first();
  if (value === null) await expect.poll(() => badge.getAttribute(name), { timeout: 10_000 }).toBeNull();
  else await expect.poll(() => badge.getAttribute(name), { timeout: 10_000 }).toBe(value);
}

beforeAll(async () => {
  docket = await startDocket({
    '/plain.html': {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><title>Plain</title><p><a id="home" href="https://www.intgovforum.org/">IGF</a>
        <a id="help" href="https://support.google.com/docs/answer/123456">Docs help</a>
        <a id="lookalike" href="https://docs.google.com.example.net/document/d/${MHLB}/edit">look-alike</a>
        <a id="list" href="https://docs.google.com/document/u/0/">my documents</a>
        <a id="mail" href="mailto:wg@example.org">mail</a></p>
        <div contenteditable="true"><a id="draft" href="https://docs.google.com/document/d/${MHLB}/edit">in a draft</a></div>`,
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
  minutes = await docket.context.newPage();
  await minutes.goto(docket.server.url('/wg-strategy/minutes-4.html'));
  popup = await docket.popup(minutes);
});
afterAll(async () => docket?.close());

describe('Docket in Chromium', () => {
  it('marks every document link on the minutes as untracked before anything is imported', async () => {
    await expect.poll(() => minutes.locator('docket-badge').count()).toBe(14);
    const attrs = await badgeAttributes(minutes);
    expect(new Set(attrs.map((a) => a.state))).toEqual(new Set(['untracked']));
    expect(attrs.find((a) => a.id === MHLB)).toEqual({ id: MHLB, state: 'untracked' });
  });

  it('imports the sample index through the popup and reports what it added', async () => {
    const report = await importThroughPopup(popup, SAMPLE_INDEX);
    expect(report).toMatch(/6 documents? added/);
    expect(report).toMatch(/4 workstreams? added/);
    expect(report).toMatch(/0 refused/);
  });

  it('badges the open minutes without a reload, one badge per link, with the contract attributes', async () => {
    await expectBadge(minutes, MHLB, 'data-docket-state', 'tracked');
    const attrs = await badgeAttributes(minutes);
    expect(attrs).toHaveLength(14);
    expect(attrs.filter((a) => a.id === MHLB)).toEqual(
      Array(3).fill({
        id: MHLB,
        state: 'tracked',
        workstream: HLB_NAME,
        deadline: '2020-09-10',
        status: 'open-for-comments',
        urgency: 'overdue',
      }),
    );
    // Each badge is its link's next element sibling.
    const pairs = await minutes.$$eval('a[href*="google.com"]', (as) => as.map((a) => a.nextElementSibling?.localName));
    expect(pairs).toEqual(Array(14).fill('docket-badge'));
  });

  it('shows the details card on keyboard focus, as text', async () => {
    // The member tabs from the link to its badge (the card is in a closed shadow root: read through Docket's world).
    await minutes.locator(linkTo(MHLB)).first().focus();
    await minutes.keyboard.press('Tab');
    const world = await docketWorld(docket.context, minutes, docket.extensionId);
    const sel = JSON.stringify(`${linkTo(MHLB)} + docket-badge`);
    await expect.poll(() => world.evaluate<string | null>(`card(document.querySelector(${sel}))`)).not.toBeNull();
    const text = (await world.evaluate<string>(`card(document.querySelector(${sel}))`))!;
    await world.detach();
    expect(text).toContain('Possible implementation models for the MHLB');
    expect(text).toContain(HLB_NAME);
    expect(text).toContain('Open for comments');
    expect(text).toContain('minutes-4.html');
  });

  it('updates badges on an open page after an edit in the popup', async () => {
    await popup.getByRole('tab', { name: 'Documents' }).click();
    await popup.getByLabel('Status').selectOption({ label: 'All' });
    const row = popup.locator(`[data-doc-id="${OUTCOMES}"]`);
    await row.getByRole('button', { name: /^Edit/ }).click();
    await popup.getByLabel('Status', { exact: true }).last().selectOption('delivered');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expectBadge(minutes, OUTCOMES, 'data-docket-status', 'delivered');
    await expectBadge(minutes, OUTCOMES, 'data-docket-urgency', 'done');
  });

  it('badges links the page adds after load, and only document links', async () => {
    await minutes.evaluate(
      ([a, b]) => {
        const thread = document.createElement('div');
        thread.id = 'later';
        thread.innerHTML = `<p>Reply: see <a id="late-tracked" href="https://www.google.com/url?q=https://docs.google.com/document/d/${a}/edit&sa=D">the MHLB doc</a>,
        <a id="late-new" href="https://docs.google.com/spreadsheets/d/${b}/edit#gid=0">a sheet</a> and <a id="late-plain" href="https://www.un.org/">the UN</a>.</p>`;
        document.body.append(thread);
      },
      [MHLB, '1newSpreadsheetForTheWG0000000000000000'] as const,
    );
    await expect.poll(() => minutes.locator('#later docket-badge').count()).toBe(2);
    expect(await badgeAfter(minutes, '#late-tracked').getAttribute('data-docket-id')).toBe(MHLB);
    expect(await badgeAfter(minutes, '#late-tracked').getAttribute('data-docket-state')).toBe('tracked');
    expect(await badgeAfter(minutes, '#late-new').getAttribute('data-docket-state')).toBe('untracked');
    expect(await minutes.locator('#late-plain + docket-badge').count()).toBe(0);
  });

  it('keeps one badge per link when the page moves links around', async () => {
    await minutes.evaluate(() => {
      const later = document.getElementById('later')!;
      for (let i = 0; i < 5; i++) document.body.append(later.querySelector('p')!);
    });
    await minutes.waitForTimeout(300);
    expect(await minutes.locator('#late-tracked + docket-badge').count()).toBe(1);
    expect(await minutes.locator('docket-badge').count()).toBe(16);
  });

  it('tracks a new document from the popup and its badge appears on the open page', async () => {
    const sept = await docket.context.newPage();
    await sept.goto(docket.server.url('/wg-strategy/minutes-0.html'));
    await expectBadge(sept, SELECTION, 'data-docket-state', 'untracked');
    await popup.getByRole('tab', { name: 'Documents' }).click();
    await popup.getByLabel('Add a document by link').fill(`https://drive.google.com/file/d/${SELECTION}/view?usp=sharing`);
    await popup.getByRole('button', { name: 'Add', exact: true }).click();
    await popup.getByLabel('Title').fill('Selection of IGF improvement priorities');
    await popup.getByLabel('Workstream').selectOption({ label: 'B. Improvements to the IGF' });
    await popup.getByLabel('Deadline', { exact: true }).fill('2020-10-01');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expectBadge(sept, SELECTION, 'data-docket-state', 'tracked');
    await expectBadge(sept, SELECTION, 'data-docket-workstream', 'B. Improvements to the IGF');
    await expectBadge(sept, SELECTION, 'data-docket-deadline', '2020-10-01');
    await sept.close();
  });

  it('deleting a document reverts its badges to untracked, and Undo brings them back', async () => {
    await popup.getByRole('tab', { name: 'Documents' }).click();
    await popup
      .locator(`[data-doc-id="${MHLB}"]`)
      .getByRole('button', { name: /^Delete/ })
      .click();
    await expectBadge(minutes, MHLB, 'data-docket-state', 'untracked');
    await expectBadge(minutes, MHLB, 'data-docket-workstream', null);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expectBadge(minutes, MHLB, 'data-docket-state', 'tracked');
  });

  it('badges wrapped and old-form links (§1a) with the bare link’s id and state', async () => {
    const page = await docket.context.newPage();
    await page.goto(docket.server.url('/wrapped.html'));
    await expect.poll(() => page.locator('docket-badge').count(), { timeout: 10_000 }).toBe(5);
    const badge = async (link: string) => {
      const el = badgeAfter(page, `#${link}`);
      await expect.poll(() => el.getAttribute('data-docket-state'), { timeout: 10_000 }).not.toBeNull();
      return [await el.getAttribute('data-docket-id'), await el.getAttribute('data-docket-state')];
    };
    expect(await badge('bare')).toEqual([MHLB, 'tracked']);
    expect(await badge('pp2')).toEqual([MHLB, 'tracked']);
    expect(await badge('fb')).toEqual([MHLB, 'tracked']);
    expect(await badge('pp3')).toEqual([OUTCOMES, 'tracked']);
    expect(await badge('ccc')).toEqual(['pIfz0wOzPtW1-oZkXXbvcLA', 'untracked']);
    expect(await page.locator('#other + docket-badge, #fake + docket-badge').count()).toBe(0);
    await page.close();
  });

  it('puts no badge on links that are not Google documents, nor inside editable content', async () => {
    const plain = await docket.context.newPage();
    await plain.goto(docket.server.url('/plain.html'));
    await plain.waitForTimeout(1000);
    expect(await plain.locator('docket-badge').count()).toBe(0);
    await plain.close();
  });
});
