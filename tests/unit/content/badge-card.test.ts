// @vitest-environment happy-dom
/**
 * Issue 16, badge items 1–3, their logic: where a card opens near each edge of the window, the keys inside a
 * badge, and whether a badge sits on a dark background (the browser's drawing: tests/e2e/badge-card.e2e.ts).
 */
import { describe, expect, it } from 'vitest';
import { cardPlacement, type Box } from '@/utils/content/card-place';
import { keyInCard } from '@/utils/content/card-keys';
import { canvasIsDark, colorIsDark, sitsOnDark } from '@/utils/content/page-tone';

const VIEW = { width: 1000, height: 700 };
const CARD = { width: 300, height: 180 };
/** A badge 60 px wide and 16 px tall at (x, y), its link the 200 px before it on the same line. */
function at(x: number, y: number): { anchor: Box; chip: Box } {
  const chip = { left: x, top: y, right: x + 60, bottom: y + 16 };
  return { chip, anchor: { ...chip, left: Math.max(0, x - 200) } };
}
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('where a card opens', () => {
  it.each<[string, number, number, Partial<ReturnType<typeof cardPlacement>>]>([
    ['in the middle: below, left-aligned with the badge', 400, 300, { left: 400, top: 320, above: false }],
    ['near the bottom: above', 400, 650, { left: 400, top: 650 - 4 - 180, above: true }],
    ['near the right edge: right-aligned with the badge', 900, 300, { left: 960 - 300, top: 320 }],
    ['at the very right: against the edge', 980, 300, { left: 1000 - 8 - 300 }],
    ['bottom right: above, right-aligned', 900, 680, { left: 660, above: true }],
    ['near the left edge: not past it', 2, 300, { left: 8 }],
    ['at the top: below', 400, 0, { top: 20, above: false }],
  ])('%s', (_name, x, y, expected) => {
    const { anchor, chip } = at(x, y);
    const p = cardPlacement(anchor, chip, CARD, VIEW);
    expect(p).toMatchObject(expected);
    // Never over the link or its badge, never past the window's sides.
    const card = { left: p.left, top: p.top, right: p.left + p.width, bottom: p.top + (p.maxHeight ?? CARD.height) };
    expect(overlaps(card, anchor)).toBe(false);
    expect(card.left).toBeGreaterThanOrEqual(0);
    expect(card.right).toBeLessThanOrEqual(VIEW.width);
    expect(p.maxHeight).toBeUndefined();
  });

  it.each<[string, number, number]>([
    // Right to left (Arabic): the card's right edge at the badge's right edge, or its left edge when there is no room.
    ['in the middle: right-aligned with the badge', 400, 460 - 300],
    ['near the left edge: left-aligned with the badge', 100, 100],
    ['at the very left: against the edge', 2, 8],
  ])('right to left, %s', (_name, x, left) => {
    const { anchor, chip } = at(x, 300);
    expect(cardPlacement(anchor, chip, CARD, VIEW, true)).toMatchObject({ left });
  });

  it('in a short window: the side with more room, scrolling inside itself', () => {
    const { anchor, chip } = at(400, 100);
    const p = cardPlacement(anchor, chip, { width: 300, height: 400 }, { width: 1000, height: 300 });
    expect(p).toMatchObject({ top: 120, above: false, maxHeight: 300 - 8 - 120 });
    const high = cardPlacement(at(400, 250).anchor, at(400, 250).chip, { width: 300, height: 400 }, { width: 1000, height: 300 });
    expect(high).toMatchObject({ top: 8, above: true, maxHeight: 250 - 4 - 8 });
  });

  it('in a window narrower than the card: as wide as the window allows', () => {
    const { anchor, chip } = at(100, 300);
    expect(cardPlacement(anchor, chip, CARD, { width: 250, height: 700 })).toMatchObject({ left: 8, width: 234 });
  });
});

describe('the keys in an open card of three actions', () => {
  it.each<[string, boolean, number, ReturnType<typeof keyInCard>]>([
    ['ArrowDown', false, 0, 1],
    ['ArrowRight', false, 2, 0],
    ['ArrowUp', false, 0, 2],
    ['ArrowLeft', false, 1, 0],
    ['Home', false, 2, 0],
    ['End', false, 0, 2],
    ['Tab', false, 0, 1],
    ['Tab', false, 2, 'leave'],
    ['Tab', true, 1, 0],
    ['Tab', true, 0, 'badge'],
    ['Escape', false, 1, 'badge'],
    ['Enter', false, 1, null],
    ['a', false, 1, null],
  ])('%s (shift %s) on action %i → %j', (key, shift, index, expected) => expect(keyInCard(key, shift, index, 3)).toBe(expected));
});

describe('light or dark: what the link sits on', () => {
  it.each<[string, boolean | null]>([
    ['rgb(255, 255, 255)', false],
    ['rgb(13, 17, 23)', true],
    ['rgba(0, 0, 0, 0)', null],
    ['rgba(0, 0, 0, 0.2)', null],
    ['rgba(0, 0, 0, 0.9)', true],
    ['rgb(0 0 0 / 50%)', null],
    ['rgb(0 0 0 / 80%)', true],
    ['transparent', null],
    ['oklch(0.2 0 0)', null],
  ])('colorIsDark(%s) = %s', (color, dark) => expect(colorIsDark(color)).toBe(dark));

  it('the nearest painted background up the tree decides; an unpainted page is its canvas', () => {
    document.documentElement.style.removeProperty('color-scheme');
    document.body.innerHTML = `
      <div id="dark" style="background-color: rgb(20, 20, 20)"><p><span><a id="a" href="#">x</a></span></p>
        <div style="background-color: rgb(250, 250, 250)"><a id="b" href="#">y</a></div></div>
      <p><a id="c" href="#">z</a></p>`;
    const known = new WeakMap<Element, boolean>();
    const parent = (id: string) => document.getElementById(id)!.parentElement!;
    expect(sitsOnDark(parent('a'), known)).toBe(true);
    expect(sitsOnDark(parent('b'), known)).toBe(false);
    // Nothing painted up the tree: the canvas, light for a page that does not take the dark scheme.
    expect(sitsOnDark(parent('c'), known)).toBe(false);
    // Remembered for the elements walked.
    expect(known.get(document.getElementById('dark')!)).toBe(true);
  });

  it.each<[string, boolean, boolean]>([
    ['normal', true, false],
    ['light', true, false],
    ['dark', false, true],
    ['light dark', true, true],
    ['light dark', false, false],
    ['only light', true, false],
  ])('a canvas with color-scheme %s (system dark: %s) is dark: %s', (scheme, systemDark, dark) => {
    document.documentElement.style.setProperty('color-scheme', scheme);
    const matchMedia = window.matchMedia;
    window.matchMedia = ((q: string) => ({ matches: q.includes('dark') && systemDark })) as typeof window.matchMedia;
    try {
      expect(canvasIsDark(document)).toBe(dark);
    } finally {
      window.matchMedia = matchMedia;
      document.documentElement.style.removeProperty('color-scheme');
    }
  });
});
