/**
 * Issue 16, badge items 1–3, as the browser draws them: the card opens where it fits near every edge of the
 * window without widening the page or covering the link; a badge is one Tab stop, with Enter, the arrow keys
 * and Escape inside its card; and a badge on a light page stays light in dark mode (dark on a dark section).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_INDEX, importThroughPopup, startDocket, type Docket } from './support/harness';
import { docketWorld, type DocketWorld } from './support/docket-world';

const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const IMPROVE = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const OUTCOMES = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';
const UNTRACKED = '1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW';
const doc = (id: string) => `https://docs.google.com/document/d/${id}/edit`;
const html = (body: string, head = '') =>
  `<!doctype html><html><head><meta charset="utf-8">${head}<title>t</title></head><body style="margin:0">${body}</body></html>`;
const EDGES = ['top-left', 'top-right', 'bottom-left', 'bottom-right', 'middle-right', 'middle'] as const;
const CORNER: Record<(typeof EDGES)[number], string> = {
  'top-left': 'left:0;top:0',
  'top-right': 'right:0;top:0',
  'bottom-left': 'left:0;bottom:0',
  'bottom-right': 'right:0;bottom:0',
  'middle-right': 'right:0;top:45%',
  middle: 'left:40%;top:45%',
};

let docket: Docket;
beforeAll(async () => {
  docket = await startDocket({
    ...Object.fromEntries(
      EDGES.map((edge) => [
        `/edge-${edge}.html`,
        {
          type: 'text/html; charset=utf-8',
          body: html(`<p style="position:absolute;${CORNER[edge]};margin:0"><a id="it" href="${doc(MHLB)}">MHLB</a></p>`),
        },
      ]),
    ),
    '/tabs.html': {
      type: 'text/html; charset=utf-8',
      body: html(
        `<p><a id="l1" href="${doc(MHLB)}">one</a> <a id="l2" href="${doc(IMPROVE)}">two</a></p>` +
          `<p><a id="l3" href="${doc(UNTRACKED)}">three</a> <a id="l4" href="${doc(OUTCOMES)}">four</a></p><p><a id="end" href="#end">end</a></p>`,
      ),
    },
    '/tones.html': {
      type: 'text/html; charset=utf-8',
      body: html(
        `<p><a id="light" href="${doc(MHLB)}">on the page</a></p>` +
          `<div style="background:#111;color:#eee;padding:8px"><p><a id="dark" href="${doc(IMPROVE)}">on a dark section</a></p></div>`,
      ),
    },
    '/dark-page.html': {
      type: 'text/html; charset=utf-8',
      body: html(
        `<p><a id="it" href="${doc(MHLB)}">on a dark-scheme page</a></p>`,
        '<meta name="color-scheme" content="light dark">',
      ),
    },
  });
  await importThroughPopup(await docket.popup(), SAMPLE_INDEX);
});
afterAll(async () => docket?.close());

/** Docket's own world in a page: badges' shadow roots are closed, and only there can they be opened. */
async function world(page: Page): Promise<DocketWorld> {
  return docketWorld(docket.context, page, docket.extensionId);
}

/** The badge after `#id`, drawn (its chip in its shadow root). */
async function badge(page: Page, w: DocketWorld, id = 'it') {
  const host = page.locator(`#${id} + docket-badge`);
  await expect
    .poll(() => w.evaluate<boolean>(`!!root(document.querySelector('#${id} + docket-badge'))?.querySelector('button')`))
    .toBe(true);
  return host;
}

describe('the card opens where it fits', () => {
  it.each(EDGES)('near the %s of the window: inside it, not over the link or the pointer, the page no wider', async (edge) => {
    const page = await docket.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(docket.server.url(`/edge-${edge}.html`));
    const w = await world(page);
    const host = await badge(page, w);
    await expect.poll(() => host.getAttribute('data-docket-state')).toBe('tracked');
    const chip = await w.evaluate<DOMRect>(
      `root(document.querySelector('#it + docket-badge')).querySelector('button').getBoundingClientRect().toJSON()`,
    );
    const pointer = { x: chip.x + chip.width / 2, y: chip.y + chip.height / 2 };
    await page.mouse.move(pointer.x, pointer.y);
    type Rect = { left: number; right: number; top: number; bottom: number };
    const geometry = () =>
      w.evaluate<{ card: Rect; link: Rect; scrollWidth: number; width: number; height: number } | null>(`(() => {
        const card = root(document.querySelector('#it + docket-badge')).querySelector('.card');
        if (!card || card.hidden) return null;
        return {
          card: card.getBoundingClientRect().toJSON(),
          link: document.getElementById('it').getBoundingClientRect().toJSON(),
          scrollWidth: document.documentElement.scrollWidth,
          width: document.documentElement.clientWidth,
          height: innerHeight,
        };
      })()`);
    await expect.poll(geometry).not.toBeNull();
    const g = (await geometry())!;
    expect(g.card.left).toBeGreaterThanOrEqual(0);
    expect(g.card.right).toBeLessThanOrEqual(g.width);
    expect(g.card.top).toBeGreaterThanOrEqual(0);
    expect(g.card.bottom).toBeLessThanOrEqual(g.height);
    expect(g.scrollWidth).toBe(g.width);
    const covers = (r: { left: number; right: number; top: number; bottom: number }) =>
      g.card.left < r.right && r.left < g.card.right && g.card.top < r.bottom && r.top < g.card.bottom;
    expect(covers(g.link)).toBe(false);
    expect(covers({ left: pointer.x, right: pointer.x + 1, top: pointer.y, bottom: pointer.y + 1 })).toBe(false);
    // The card stays open while the pointer goes to it, and its content is there.
    await page.mouse.move(g.card.left + 20, g.card.top + 10, { steps: 4 });
    expect(await w.evaluate<string | null>(`card(document.querySelector('#it + docket-badge'))`)).toContain(
      'Possible implementation models for the MHLB',
    );
    await w.detach();
    await page.close();
  });
});

describe('one Tab stop per badge', () => {
  /** What has the focus: a link's id, or "badge:<id>" (and the action focused inside its card: its text, or "source"). */
  const focused = (w: DocketWorld) =>
    w.evaluate<string>(`(() => {
      const el = document.activeElement;
      if (el.localName !== 'docket-badge') return el.id;
      const inner = root(el).activeElement;
      const action = inner && inner.closest('.card') ? ':' + (inner.localName === 'a' ? 'source' : shown(inner)) : '';
      return 'badge:' + el.previousElementSibling.id + action;
    })()`);

  it('Tab goes link, badge, link, badge…; Enter opens the card, the arrows move in it, Escape returns', async () => {
    const page = await docket.context.newPage();
    await page.goto(docket.server.url('/tabs.html'));
    const w = await world(page);
    for (const id of ['l1', 'l2', 'l3', 'l4']) await badge(page, w, id);
    const order: string[] = [];
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(w));
    }
    expect(order).toEqual(['l1', 'badge:l1', 'l2', 'badge:l2', 'l3', 'badge:l3', 'l4', 'badge:l4', 'end']);

    await page.keyboard.press('Shift+Tab');
    expect(await focused(w)).toBe('badge:l4');
    // Its card's actions: Open, Edit in Docket, and the page it was tracked from.
    const keys = async (key: string, expected: string) => {
      await page.keyboard.press(key);
      expect(await focused(w)).toBe(expected);
    };
    await keys('Enter', 'badge:l4:Open');
    await keys('ArrowDown', 'badge:l4:Edit in Docket');
    await keys('ArrowDown', 'badge:l4:source');
    await keys('ArrowDown', 'badge:l4:Open');
    await keys('ArrowUp', 'badge:l4:source');
    await keys('Shift+Tab', 'badge:l4:Edit in Docket');
    await keys('Escape', 'badge:l4');
    expect(await w.evaluate<boolean>(`root(document.querySelector('#l4 + docket-badge')).querySelector('.card').hidden`)).toBe(
      true,
    );
    // ↓ opens it too; Tab past the last action leaves the badge for the next link.
    await keys('ArrowDown', 'badge:l4:Open');
    await keys('Tab', 'badge:l4:Edit in Docket');
    await keys('Tab', 'badge:l4:source');
    await keys('Tab', 'end');
    // Shift+Tab before the first action goes back to the badge.
    await keys('Shift+Tab', 'badge:l4');
    await keys('Space', 'badge:l4:Open');
    await keys('Shift+Tab', 'badge:l4');
    await page.close();
  });

  it('on the minutes of 27 August 2020, as many Tab stops in badges as there are badges', async () => {
    const page = await docket.context.newPage();
    await page.goto(docket.server.url('/wg-strategy/minutes-4.html'));
    await page.locator('docket-badge').first().waitFor();
    const badges = await page.locator('docket-badge').count();
    let inBadges = 0;
    let links = 0;
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => document.activeElement?.localName ?? 'body');
      if (where === 'docket-badge') inBadges++;
      else if (where === 'a') links++;
      else if (i > 0) break;
    }
    expect(inBadges).toBe(badges);
    expect(links).toBeGreaterThanOrEqual(badges);
    await page.close();
  });
});

describe('light or dark from what the link sits on', () => {
  const chipLook = (w: DocketWorld, id: string) =>
    w.evaluate<{ dark: boolean; background: string }>(`(() => {
      const chip = root(document.querySelector('#${id} + docket-badge')).querySelector('button');
      return { dark: chip.classList.contains('dark'), background: getComputedStyle(chip).backgroundColor };
    })()`);

  it('in dark mode: light on a white page, dark on a dark section of it', async () => {
    const page = await docket.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(docket.server.url('/tones.html'));
    const w = await world(page);
    await badge(page, w, 'light');
    await badge(page, w, 'dark');
    expect(await chipLook(w, 'light')).toEqual({ dark: false, background: 'rgb(246, 248, 250)' });
    expect(await chipLook(w, 'dark')).toEqual({ dark: true, background: 'rgb(33, 38, 45)' });
    await page.close();
  });

  it('in dark mode, on a page that takes the dark scheme: dark; in light mode: light', async () => {
    const page = await docket.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(docket.server.url('/dark-page.html'));
    let w = await world(page);
    await badge(page, w);
    expect((await chipLook(w, 'it')).dark).toBe(true);
    await w.detach();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload();
    w = await world(page);
    await badge(page, w);
    expect((await chipLook(w, 'it')).dark).toBe(false);
    await page.close();
  });
});
