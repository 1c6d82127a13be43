/**
 * Issue 22, what a screen reader hears. No screen reader runs here; the closest a machine gets is the browser's own
 * accessibility tree, which screen readers read (Chromium's, through the DevTools protocol's
 * `Accessibility.getFullAXTree`). For a badge, its open card, the page chip and a row of the popup, the tree holds one
 * thing with its meaning: a role and a name in words, not the chip's letters and marks. Also in the browser, not
 * only in unit tests: a badge's name begins with the words its chip shows (2.5.3, Label in Name), focus on a badge
 * and on its card's actions is drawn, a deletion is described on the Undo button that takes the focus, and an
 * import's report is announced by a live region that was there before it.
 * Badges and the chip also: targets of at least 24 × 24 px where they are not in a sentence (2.5.8), the member's text
 * spacing reaches them (1.4.12), still outlined under forced colours (Windows high contrast), and nothing in them moves.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A11Y_GOOGLE_TITLES, A11Y_ROUTES, MHLB, OUTCOMES_PAGE, TONES_PAGE } from './support/a11y-pages';
import { docketWorld, type DocketWorld } from './support/docket-world';
import { SAMPLE_INDEX, importThroughPopup, startDocket, type Docket } from './support/harness';

interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
  properties?: Array<{ name: string; value: { value: unknown } }>;
  childIds?: string[];
  backendDOMNodeId?: number;
}

/** One thing heard: its role, its name (bidi isolates dropped), and its states that matter here. */
interface Heard {
  role: string;
  name: string;
  expanded?: boolean;
}

const plain = (s: string | undefined) => (s ?? '').replace(/[\u2066-\u2069]/g, '');
/** Text as speech input and WCAG 2.5.3 compare it: letters and digits only. */
const words = (s: string) =>
  s
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();

/** Roles that carry nothing a screen reader says on their own. */
const SILENT = new Set(['generic', 'none', 'InlineTextBox', 'LineBreak']);

/**
 * What the accessibility tree exposes under the element `selector` finds (shadow roots pierced, closed ones too:
 * DevTools sees them), in reading order: every node that is not ignored and says something.
 */
async function heardUnder(page: Page, selector: string): Promise<Heard[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })) as { nodeId: number };
    if (!nodeId) throw new Error(`Nothing matches ${selector}`);
    const { node } = (await cdp.send('DOM.describeNode', { nodeId })) as { node: { backendNodeId: number } };
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const top = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
    if (!top) throw new Error(`${selector} is not in the accessibility tree`);
    const out: Heard[] = [];
    const walk = (n: AXNode) => {
      const role = n.role?.value ?? '';
      if (!n.ignored && !SILENT.has(role)) {
        const heard: Heard = { role, name: plain(n.name?.value) };
        const expanded = n.properties?.find((p) => p.name === 'expanded');
        if (expanded) heard.expanded = expanded.value.value as boolean;
        out.push(heard);
      }
      for (const id of n.childIds ?? []) {
        const child = byId.get(id);
        if (child) walk(child);
      }
    };
    walk(top);
    return out;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The node that has the focus in the accessibility tree: role, name and description. */
async function focusedNode(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    // The deepest focused node (the document's root is "focused" too while something in it is).
    const f = nodes.findLast((n) => !n.ignored && n.properties?.some((p) => p.name === 'focused' && p.value.value === true));
    return f && { role: f.role?.value, name: plain(f.name?.value), description: plain(f.description?.value) };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

let docket: Docket;
beforeAll(async () => {
  docket = await startDocket(A11Y_ROUTES, A11Y_GOOGLE_TITLES);
  const popup = await docket.popup();
  await importThroughPopup(popup, SAMPLE_INDEX);
  await popup.close();
});
afterAll(async () => docket?.close());

const host = (link: string) => JSON.stringify(`#${link} + docket-badge`);

async function tones(): Promise<{ page: Page; w: DocketWorld }> {
  const page = await docket.context.newPage();
  await page.goto(docket.server.url(TONES_PAGE));
  const w = await docketWorld(docket.context, page, docket.extensionId);
  for (const link of ['light', 'plus', 'dark']) {
    await expect
      .poll(() => w.evaluate<boolean>(`!!root(document.querySelector(${host(link)}))?.querySelector('button')`))
      .toBe(true);
  }
  return { page, w };
}

describe('what a screen reader hears, from the accessibility tree', () => {
  it('a tracked badge: one button, named in words, beginning with what its chip shows; collapsed', async () => {
    const { page, w } = await tones();
    const heard = await heardUnder(page, '#light + docket-badge');
    // One thing: the button. The dot, the letters and the marks the chip draws are not heard.
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ role: 'button', expanded: false });
    const name = heard[0]!.name;
    expect(name).toMatch(
      /^A, open, \d+ (d|mo|y) overdue\. Tracked in Docket: Possible implementation models for the MHLB, A\. Possible implementation models for the Roadmap’s High-level body, Open for comments, \d+ (days?|months?|years?) overdue$/,
    );
    expect(name).not.toMatch(/[⚠◔◷✓✎■▪◆·]/);
    // Label in Name (2.5.3), as the browser draws the chip: its visible words begin the name.
    const visible = await w.evaluate<string>(`root(document.querySelector(${host('light')})).querySelector('button').innerText`);
    expect(visible).toMatch(/◔ open/);
    expect(words(name).startsWith(words(visible))).toBe(true);
    await w.detach();
    await page.close();
  });

  it('an untracked badge: one button that says what it does', async () => {
    const { page, w } = await tones();
    expect(await heardUnder(page, '#plus + docket-badge')).toEqual([
      { role: 'button', name: 'Not tracked in Docket: track this document', expanded: false },
    ]);
    await w.detach();
    await page.close();
  });

  it('an open card: the button expanded, then a group named “Docket details” with its fields in words and its actions', async () => {
    const { page, w } = await tones();
    await page.locator('#dark').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => w.evaluate<string | null>(`card(document.querySelector(${host('dark')}))`)).not.toBeNull();
    const heard = await heardUnder(page, '#dark + docket-badge');
    expect(heard[0]).toMatchObject({ role: 'button', expanded: true });
    expect(heard[0]!.name).toMatch(
      /^B, open, .*\. Tracked in Docket: Improvements to the IGF: proposals, B\. Improvements to the IGF, /,
    );
    expect(heard[1]).toEqual({ role: 'group', name: 'Docket details' });
    const text = heard
      .slice(2)
      .map((h) => h.name)
      .join(' | ');
    // The card's values are drawn from attributes: the tree reads them as text all the same.
    for (const said of [
      'Improvements to the IGF: proposals',
      'Workstream:',
      'B. Improvements to the IGF',
      'Deadline:',
      'Status:',
      'Open for comments',
    ]) {
      expect(text).toContain(said);
    }
    expect(text).toMatch(/Sep\w*\.? 6, 2020|6 Sep\w*\.? 2020/);
    expect(heard.filter((h) => h.role === 'button').map((h) => h.name)).toEqual([heard[0]!.name, 'Open', 'Edit in Docket']);
    // Focus on the badge is drawn: a 2 px outline on the chip, and on the card's action the keyboard moves to.
    const outline = (css: string) =>
      w.evaluate<string>(
        `(() => { const s = getComputedStyle(root(document.querySelector(${host('dark')})).querySelector(${JSON.stringify(css)})); return s.outlineStyle + ' ' + s.outlineWidth; })()`,
      );
    expect(await outline('.b')).toBe('solid 2px');
    await page.keyboard.press('ArrowDown');
    expect(await outline('.acts button:focus')).toBe('solid 2px');
    // Escape closes it, and focus is back on the badge, not lost.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await heardUnder(page, '#dark + docket-badge'))[0]?.expanded).toBe(false);
    expect(await focusedNode(page)).toMatchObject({ role: 'button', name: expect.stringMatching(/^B, open, /) });
    await w.detach();
    await page.close();
  });

  it('the page chip on a Google document: one button, named in words', async () => {
    const page = await docket.context.newPage();
    await page.goto(OUTCOMES_PAGE);
    await page.locator('docket-chip').waitFor();
    await expect.poll(async () => (await heardUnder(page, 'docket-chip')).length).toBeGreaterThan(0);
    const heard = await heardUnder(page, 'docket-chip');
    expect(heard).toHaveLength(1);
    expect(heard[0]!.role).toBe('button');
    expect(heard[0]!.name).toMatch(
      /^C, draft, \d+ (d|mo|y) overdue\. Tracked in Docket: Strengthening IGF outcomes, C\. Strengthening the IGF outcomes, Draft, /,
    );
    await page.close();
  });

  it('a row of the popup: the document’s title, kind, status and deadline as text, no marks; its actions name it', async () => {
    const popup = await docket.popup();
    await popup.getByRole('tab', { name: 'Documents' }).click();
    const row = `li[data-doc-id="${MHLB}"]`;
    await popup.locator(row).waitFor();
    const heard = await heardUnder(popup, row);
    expect(heard[0]).toMatchObject({ role: 'listitem' });
    const text = heard.map((h) => h.name).join(' | ');
    for (const said of ['Possible implementation models for the MHLB', 'Open for comments', 'overdue']) {
      expect(text).toContain(said);
    }
    expect(text).toMatch(/Sep\w*\.? 10, 2020|10 Sep\w*\.? 2020/);
    expect(text).not.toMatch(/[⚠◷✓]/);
    const title = 'Possible implementation models for the MHLB';
    const actions = heard.filter((h) => h.role === 'button' || h.role === 'link').map((h) => `${h.role}: ${h.name}`);
    expect(actions).toEqual(expect.arrayContaining([`link: Open ${title}`, `button: Edit ${title}`, `button: Delete ${title}`]));
    await popup.close();
  });
});

describe('announcements and focus in the popup, as the tree has them', () => {
  it('Delete: focus on Undo, which is described by what was deleted; Undo: “Restored” in the polite live region', async () => {
    const popup = await docket.popup();
    await popup.getByRole('tab', { name: 'Documents' }).click();
    const row = popup.locator(`li[data-doc-id="${MHLB}"]`);
    await row.getByRole('button', { name: /^Delete/ }).focus();
    await popup.keyboard.press('Enter');
    await expect
      .poll(() => focusedNode(popup))
      .toEqual({
        role: 'button',
        name: 'Undo',
        description: 'Deleted “Possible implementation models for the MHLB”.',
      });
    await popup.keyboard.press('Enter');
    const live = popup.locator('p.sr-only[role="status"]');
    await expect.poll(() => live.textContent()).toBe('Restored “Possible implementation models for the MHLB”.');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await popup.close();
  });

  it('an import’s report is announced: its live region is there, empty, before the file is chosen', async () => {
    const popup = await docket.popup();
    await popup.getByRole('tab', { name: /^Import/ }).click();
    const region = popup.locator('.import-export [role="status"].import-summary');
    await region.waitFor({ state: 'attached' });
    expect(await region.textContent()).toBe('');
    const before = await region.elementHandle();
    await popup.locator('input[type="file"]').setInputFiles(SAMPLE_INDEX);
    await popup.getByRole('button', { name: /^(Import|Apply)/ }).click();
    await expect.poll(() => region.textContent()).toMatch(/updated|unchanged|added/);
    // The same element: a screen reader hears a change of its text, not a region that appeared with it.
    expect(await before!.evaluate((el) => el.isConnected)).toBe(true);
    await popup.close();
  });
});

describe('badges, cards and the page chip for eyes and hands', () => {
  it('targets not in a sentence are at least 24 × 24 px: the page chip and the card’s buttons (2.5.8)', async () => {
    const { page, w } = await tones();
    await page.locator('#light').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => w.evaluate<string | null>(`card(document.querySelector(${host('light')}))`)).not.toBeNull();
    const sizes = (sel: string, inner: string) =>
      w.evaluate<Array<[number, number]>>(
        `[...root(document.querySelector(${JSON.stringify(sel)})).querySelectorAll(${JSON.stringify(inner)})].map((b) => { const r = b.getBoundingClientRect(); return [r.width, r.height]; })`,
      );
    const cardButtons = await sizes('#light + docket-badge', '.card button');
    expect(cardButtons).toHaveLength(2);
    for (const [width, height] of cardButtons) {
      expect(width).toBeGreaterThanOrEqual(24);
      expect(height).toBeGreaterThanOrEqual(24);
    }
    await w.detach();
    await page.close();
    const doc = await docket.context.newPage();
    await doc.goto(OUTCOMES_PAGE);
    const dw = await docketWorld(docket.context, doc, docket.extensionId);
    await expect
      .poll(() => dw.evaluate<boolean>(`!!root(document.querySelector('docket-chip'))?.querySelector('button')`))
      .toBe(true);
    const [chip] = await dw.evaluate<Array<[number, number]>>(
      `[root(document.querySelector('docket-chip')).querySelector('.b')].map((b) => { const r = b.getBoundingClientRect(); return [r.width, r.height]; })`,
    );
    expect(chip![0]).toBeGreaterThanOrEqual(24);
    expect(chip![1]).toBeGreaterThanOrEqual(24);
    await dw.detach();
    await doc.close();
  });

  it('text spacing (1.4.12): a member’s letter and word spacing reaches the chip and the card', async () => {
    const { page, w } = await tones();
    // What text-spacing tools apply to a page (WCAG's own bookmarklet): the page's author style, !important.
    await page.addStyleTag({
      content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important }',
    });
    await page.locator('#light').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => w.evaluate<string | null>(`card(document.querySelector(${host('light')}))`)).not.toBeNull();
    const spacing = await w.evaluate<Record<string, string>>(`(() => {
      const h = document.querySelector(${host('light')});
      const s = (el) => getComputedStyle(el).letterSpacing + ' ' + getComputedStyle(el).wordSpacing;
      return { sentence: s(h.parentElement), chip: s(root(h).querySelector('.b')), card: s(root(h).querySelector('.card')), action: s(root(h).querySelector('.card button')) };
    })()`);
    expect(spacing.sentence).toMatch(/^[1-9][\d.]*px [1-9][\d.]*px$/);
    expect(spacing).toEqual({
      sentence: spacing.sentence,
      chip: spacing.sentence,
      card: spacing.sentence,
      action: spacing.sentence,
    });
    await w.detach();
    await page.close();
  });

  it('forced colours: the chip keeps its border and its focus outline; nothing in badges moves under reduced motion', async () => {
    const page = await docket.context.newPage();
    await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
    await page.goto(docket.server.url(TONES_PAGE));
    const w = await docketWorld(docket.context, page, docket.extensionId);
    expect(await w.evaluate<boolean>(`matchMedia('(forced-colors: active)').matches`)).toBe(true);
    await expect
      .poll(() => w.evaluate<boolean>(`!!root(document.querySelector(${host('light')}))?.querySelector('button')`))
      .toBe(true);
    await page.locator('#light').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => w.evaluate<string | null>(`card(document.querySelector(${host('light')}))`)).not.toBeNull();
    const look = await w.evaluate<{ border: string; outline: string; card: string; moving: number }>(`(() => {
      const r = root(document.querySelector(${host('light')}));
      const chip = getComputedStyle(r.querySelector('.b'));
      const card = getComputedStyle(r.querySelector('.card'));
      const moving = [...document.querySelectorAll('docket-badge')].flatMap((h) => [...(root(h)?.querySelectorAll('*') ?? [])])
        .filter((e) => { const s = getComputedStyle(e); return s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0; }).length;
      return { border: chip.borderTopStyle + ' ' + chip.borderTopWidth, outline: chip.outlineStyle, card: card.borderTopStyle + ' ' + card.borderTopWidth, moving };
    })()`);
    // A border and an outline are drawn in the system's colours; backgrounds are not: the chip and the card keep their edges.
    expect(look).toEqual({ border: 'solid 1px', outline: 'solid', card: 'solid 1px', moving: 0 });
    await w.detach();
    await page.close();
  });
});
