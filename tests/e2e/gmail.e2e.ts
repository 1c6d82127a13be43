/**
 * Gmail's `data-saferedirecturl` (Google's redirect to a link's address). Docket reads that attribute
 * only on Gmail itself (the page's real origin, never a `<base href>` the page wrote: issue 28, item 9),
 * only when it is Google's own redirect, and only for a link whose href is Google's click-tracker with
 * the same target: a sender's forged attribute cannot dress a link to another site as a document. The
 * page is served at https://mail.google.com/ by routing the browser's request (nothing leaves the machine).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeAfter, startDocket, type Docket } from './support/harness';

const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const OUTCOMES = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';
const DOC = (id: string) => `https://docs.google.com/document/d/${id}/edit?usp=sharing`;
const GOOGLE_REDIRECT = (id: string) =>
  `https://www.google.com/url?q=${encodeURIComponent(DOC(id))}&amp;source=gmail&amp;ust=1600000000000000&amp;usg=AOvVaw0x`;
const TRACKER = 'https://click.mailer.example.net/ls/click?upn=abc123';
/** Google's click-tracker, as Calendar's and Docs' mail write links (the page's HTML: `&amp;`). */
const GOOGLE_TRACKER = (id: string) => `https://www.google.com/url?q=${encodeURIComponent(DOC(id))}&amp;sa=D&amp;source=calendar`;

/** A message as Gmail draws it: links with the href the sender wrote and Gmail's redirect beside it. */
const MESSAGE = `<!doctype html><title>Inbox - member@example.org - Gmail</title>
  <div role="main"><div class="a3s">
    <p><a id="tracked" href="${TRACKER}-1" data-saferedirecturl="${GOOGLE_REDIRECT(MHLB)}" target="_blank">Output document</a></p>
    <p><a id="google" href="${GOOGLE_TRACKER(MHLB)}" data-saferedirecturl="https://www.google.com/url?q=${encodeURIComponent(GOOGLE_TRACKER(MHLB))}&amp;source=gmail">From Calendar</a></p>
    <p><a id="plain" href="${DOC(OUTCOMES)}" data-saferedirecturl="${GOOGLE_REDIRECT(OUTCOMES)}">Outcomes</a></p>
    <p><a id="forged" href="${TRACKER}-2" data-saferedirecturl="https://evil.example.net/url?q=${encodeURIComponent(DOC(MHLB))}">forged</a></p>
    <p><a id="other" href="${TRACKER}-3" data-saferedirecturl="https://www.google.com/url?q=https://www.intgovforum.org/">not a document</a></p>
  </div></div>`;

let docket: Docket;

beforeAll(async () => {
  docket = await startDocket({
    // The same message on an ordinary site: there the attribute means nothing.
    '/gmail-copy.html': { type: 'text/html; charset=utf-8', body: MESSAGE },
    // The same message on an ordinary site that says Gmail is its base: still not Gmail.
    '/gmail-base.html': {
      type: 'text/html; charset=utf-8',
      body: MESSAGE.replace('<title>', '<base href="https://mail.google.com/"><title>'),
    },
  });
  await docket.context.route('https://mail.google.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: MESSAGE }),
  );
});
afterAll(async () => docket?.close());

async function stateAfter(page: Page, link: string) {
  const badge = badgeAfter(page, `#${link}`);
  await expect.poll(() => badge.getAttribute('data-docket-state'), { timeout: 30_000 }).not.toBeNull();
  return [await badge.getAttribute('data-docket-id'), await badge.getAttribute('data-docket-state')];
}

describe('Gmail’s redirect attribute', () => {
  it('on Gmail, Google’s click-tracker names its document; a sender’s tracker dressed by the attribute, forged and other redirects get no badge', async () => {
    const page = await docket.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzGtwqHmGdqk');
    expect(await stateAfter(page, 'google')).toEqual([MHLB, 'untracked']);
    expect(await stateAfter(page, 'plain')).toEqual([OUTCOMES, 'untracked']);
    // Both real links are badged by now; the others were read in the same pass.
    await expect.poll(() => page.locator('docket-badge').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.locator('#tracked + docket-badge, #forged + docket-badge, #other + docket-badge').count()).toBe(0);
    await page.close();
  });

  it('a page on another site whose <base> says Gmail gets no badge from the attribute', async () => {
    const page = await docket.context.newPage();
    await page.goto(docket.server.url('/gmail-base.html'));
    expect(await page.evaluate(() => document.baseURI)).toBe('https://mail.google.com/');
    expect(await stateAfter(page, 'plain')).toEqual([OUTCOMES, 'untracked']);
    expect(await stateAfter(page, 'google')).toEqual([MHLB, 'untracked']);
    await expect.poll(() => page.locator('docket-badge').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.locator('#tracked + docket-badge').count()).toBe(0);
    await page.close();
  });

  it('elsewhere, the same attribute is ignored: only the links that are themselves documents get a badge', async () => {
    const page = await docket.context.newPage();
    await page.goto(docket.server.url('/gmail-copy.html'));
    expect(await stateAfter(page, 'plain')).toEqual([OUTCOMES, 'untracked']);
    expect(await stateAfter(page, 'google')).toEqual([MHLB, 'untracked']);
    await expect.poll(() => page.locator('docket-badge').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.locator('#tracked + docket-badge').count()).toBe(0);
    await page.close();
  });
});
