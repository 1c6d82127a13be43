/**
 * Issue 22, accessibility with a person's keys and eyes (axe's part: tests/e2e/a11y.e2e.ts): focus is always
 * visible and never lost after delete, undo, dismiss and closing the editor, and status changes are announced in a live region;
 * targets are at least 24 × 24 CSS px (2.5.8); Docket in a tab at 200% zoom and at a 20 px minimum font size
 * loses nothing and never scrolls sideways; reduced motion and forced colours (Windows high contrast) are honoured.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_INDEX, importThroughPopup, startDocket, type Docket } from './support/harness';

let docket: Docket;
let popup: Page;
beforeAll(async () => {
  docket = await startDocket();
  popup = await docket.popup();
  await importThroughPopup(popup, SAMPLE_INDEX);
  await popup.getByRole('tab', { name: 'Documents' }).click();
  await popup.locator('.doc-list li').first().waitFor();
});
afterAll(async () => docket?.close());

/** What has focus: its tag, accessible hint and whether the browser draws a focus indicator on it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', text: '', visible: false };
    const s = getComputedStyle(el);
    const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || s.boxShadow !== 'none';
    return { tag: el.localName, text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(), visible };
  });

const liveText = (page: Page) => page.locator('p.sr-only[role="status"]').textContent();

describe('focus and announcements, with the keyboard', () => {
  it('every Tab stop in the popup shows where focus is', async () => {
    await popup.keyboard.press('Escape');
    await popup.locator('body').focus();
    const seen: Array<{ tag: string; text: string; visible: boolean }> = [];
    for (let i = 0; i < 25; i++) {
      await popup.keyboard.press('Tab');
      seen.push(await focused(popup));
    }
    expect(seen.filter((f) => f.tag !== 'body' && !f.visible)).toEqual([]);
  });

  it('delete: focus on Undo; Undo: focus on the search and “Restored” announced', async () => {
    const first = popup.locator('.doc-list li').first();
    const title = (await first.locator('button', { hasText: /^Delete/ }).textContent())!.replace(/^Delete\s*/, '');
    await first.getByRole('button', { name: /^Delete/ }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => focused(popup)).toMatchObject({ tag: 'button', text: 'Undo', visible: true });
    await popup.keyboard.press('Enter');
    await expect.poll(() => focused(popup)).toMatchObject({ tag: 'input', visible: true });
    await expect.poll(() => liveText(popup)).toContain(`Restored “${title}”`);
  });

  it('delete, then Dismiss with the keyboard: focus on the search, not lost', async () => {
    await popup
      .locator('.doc-list li')
      .first()
      .getByRole('button', { name: /^Delete/ })
      .focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => focused(popup)).toMatchObject({ text: 'Undo' });
    await popup.keyboard.press('Tab');
    expect(await focused(popup)).toMatchObject({ text: '×Dismiss', visible: true });
    await popup.keyboard.press('Enter');
    await expect.poll(() => focused(popup)).toMatchObject({ tag: 'input', visible: true });
    // Undo it, through the importer, to keep five documents for the next tests.
    await importThroughPopup(popup, SAMPLE_INDEX);
  });

  it('save in the editor: “Saved” announced, focus back in the list', async () => {
    await popup.getByRole('tab', { name: 'Documents' }).click();
    await popup.locator('.doc-list li').first().getByRole('button', { name: /^Edit/ }).click();
    await popup.getByRole('button', { name: /^Save/ }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => liveText(popup)).toMatch(/^Saved “/);
    await expect.poll(() => focused(popup)).not.toMatchObject({ tag: 'body' });
  });

  it.each(['Escape', 'Cancel'])('close the editor with %s: focus back on the row’s Edit button, drawn', async (how) => {
    await popup.getByRole('tab', { name: 'Documents' }).click();
    const edit = popup.locator('.doc-list li').nth(1).getByRole('button', { name: /^Edit/ });
    const name = (await edit.textContent())!.trim();
    await edit.focus();
    await popup.keyboard.press('Enter');
    const cancel = popup.getByRole('button', { name: /^Cancel/ });
    await cancel.waitFor();
    if (how === 'Cancel') await cancel.focus();
    else await popup.getByRole('textbox').first().focus();
    await popup.keyboard.press(how === 'Cancel' ? 'Enter' : 'Escape');
    await cancel.waitFor({ state: 'detached' });
    await expect.poll(() => focused(popup)).toEqual({ tag: 'button', text: name, visible: true });
  });
});

/** Visible targets smaller than 24 × 24 CSS px that are not text in a sentence, as `tag "name" w×h`. */
const smallTargets = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, [role="tab"], select, input, a.button, summary')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || el.closest('[hidden]')) return false;
        // Check boxes and radio buttons: their label is part of the target (2.5.8's spacing rule; axe checks it).
        if (el instanceof HTMLInputElement && ['checkbox', 'radio', 'file', 'hidden'].includes(el.type)) return false;
        return r.width < 24 || r.height < 24;
      })
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.localName} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`;
      }),
  );

describe('targets are at least 24 × 24 CSS px (2.5.8)', () => {
  it('in every tab of the popup', async () => {
    const found: string[] = [];
    for (const name of ['Documents', 'Upcoming', 'Scan', 'Workstreams', 'Import / export', 'Sites']) {
      await popup.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
      found.push(...(await smallTargets(popup)).map((s) => `${name}: ${s}`));
    }
    expect(found).toEqual([]);
  });

  it('in Docket in a tab, with a selection', async () => {
    const tab = await docket.context.newPage();
    await tab.goto(`chrome-extension://${docket.extensionId}/docket.html`);
    await tab.locator('tr[data-doc-id] input[type="checkbox"]').first().click();
    await tab.locator('.bulk-count').waitFor();
    expect(await smallTargets(tab)).toEqual([]);
    await tab.close();
  });
});

/** Whether the page scrolls sideways, and content cut off (an element wider than the window outside a scroller). */
const reflow = (page: Page) =>
  page.evaluate(() => ({
    sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
    width: document.documentElement.clientWidth,
    scrollWidth: document.documentElement.scrollWidth,
  }));

describe('zoom, font size, motion and forced colours in Docket in a tab', () => {
  it('200% zoom (half the width): no sideways scrolling of the page, the table in its own scroller', async () => {
    const tab = await docket.context.newPage();
    // 1100 CSS px wide at 200% is 550 CSS px: what a 1100 px window shows when zoomed.
    await tab.goto(`chrome-extension://${docket.extensionId}/docket.html`);
    await tab.locator('tr[data-doc-id]').first().waitFor();
    const rows = await tab.locator('tr[data-doc-id]').count();
    await tab.setViewportSize({ width: 550, height: 400 });
    expect(await reflow(tab)).toMatchObject({ sideways: false });
    // Every row is there, the search and the tabs are in view.
    expect(await tab.locator('tr[data-doc-id]').count()).toBe(rows);
    for (const name of ['Documents', 'Timeline', 'Scan a page']) {
      const box = (await tab.getByRole('tab', { name: new RegExp(`^${name}`) }).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(550);
    }
    await tab.getByRole('tab', { name: 'Timeline' }).click();
    expect(await reflow(tab)).toMatchObject({ sideways: false });
    await tab.close();
  });

  it('a 20 px minimum font size: no sideways scrolling, text not cut', async () => {
    // The browser's own setting (Settings → Appearance → Customize fonts → Minimum font size), written into a
    // profile before the browser starts: no text in any page is drawn smaller than 20 px.
    const profile = mkdtempSync(join(tmpdir(), 'docket-min-font-'));
    mkdirSync(join(profile, 'Default'));
    writeFileSync(
      join(profile, 'Default/Preferences'),
      JSON.stringify({ webkit: { webprefs: { minimum_font_size: 20, minimum_logical_font_size: 20 } } }),
    );
    const big = await startDocket({}, {}, {}, {}, undefined, profile);
    try {
      const setup = await big.popup();
      await importThroughPopup(setup, SAMPLE_INDEX);
      await setup.close();
      const tab = await big.context.newPage();
      await tab.setViewportSize({ width: 1100, height: 800 });
      await tab.goto(`chrome-extension://${big.extensionId}/docket.html`);
      await tab.locator('tr[data-doc-id]').first().waitFor();
      // The setting holds: every text Docket shows in the tab is drawn at 20 px or more.
      const smallest = await tab.evaluate(() =>
        Math.min(
          ...[...document.querySelectorAll<HTMLElement>('#root *')]
            .filter((e) => e.getClientRects().length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
            .map((e) => parseFloat(getComputedStyle(e).fontSize)),
        ),
      );
      expect(smallest).toBeGreaterThanOrEqual(20);
      expect(await reflow(tab)).toMatchObject({ sideways: false });
      // Buttons' text is not clipped: each button's content fits its box.
      const clipped = await tab.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('button')]
          .filter(
            (b) =>
              b.getBoundingClientRect().width > 0 && (b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1),
          )
          .map((b) => b.textContent?.trim()),
      );
      expect(clipped).toEqual([]);
      await tab.close();
    } finally {
      await big.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('prefers-reduced-motion: nothing moves (the undo toast, the scan spinner)', async () => {
    const page = await docket.popup();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.getByRole('tab', { name: 'Documents' }).click();
    await page
      .locator('.doc-list li')
      .first()
      .getByRole('button', { name: /^Delete/ })
      .click();
    await page.locator('.toast').waitFor();
    const moving = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('*')].filter((e) => {
            const s = getComputedStyle(e);
            return s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0;
          }).length,
      );
    expect(await moving()).toBe(0);
    // And the same page without the preference does animate the toast: the check can fail.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await page.locator('.toast').evaluate((t) => getComputedStyle(t).animationName)).not.toBe('none');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.close();
  });

  it('forced colours: a selected row and the keyboard’s row stay visible without backgrounds', async () => {
    const tab = await docket.context.newPage();
    await tab.emulateMedia({ forcedColors: 'active' });
    await tab.goto(`chrome-extension://${docket.extensionId}/docket.html`);
    const row = tab.locator('tr[data-doc-id]').first();
    await row.locator('input[type="checkbox"]').click();
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('true');
    expect(await row.evaluate((r) => getComputedStyle(r).outlineStyle)).toBe('solid');
    await tab.close();
  });
});
