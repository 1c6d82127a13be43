/**
 * Issue 22: each urgency's colour in the one table of states (utils/shared/states.ts) is text, so it keeps
 * WCAG's 4.5:1 contrast (1.4.3, AA) on every background it is drawn on, in light and in dark: the popup's and
 * the tab's backgrounds (assets/styles/base.css), a selected row (full-page.css: the accent mixed in), the
 * warning and danger panels, and the badge's chip and card (utils/content/badge-view.ts).
 */
import { describe, expect, it } from 'vitest';
import { URGENCY_LOOK } from '../../../utils/shared/states';
import type { Urgency } from '../../../utils/shared/urgency';

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** WCAG 2.2's relative luminance of an sRGB colour (#rrggbb). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG's contrast ratio of two colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** CSS `color-mix(in srgb, a p%, b)`. */
function mix(a: string, p: number, b: string): string {
  const [ca, cb] = [channels(a), channels(b)];
  return `#${ca
    .map((c, i) =>
      Math.round(c * p + cb[i]! * (1 - p))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** The backgrounds every urgency's text is drawn on. */
const LIGHT = {
  'page (--bg)': '#ffffff',
  'soft (--bg-soft), badge chip': '#f6f8fa',
  'selected row': mix('#0969da', 0.16, '#ffffff'),
};
const DARK = {
  'page (--bg)': '#0d1117',
  'soft (--bg-soft), badge card': '#161b22',
  'raised (--bg-raised)': '#1c2128',
  'badge chip': '#21262d',
  'selected row': mix('#4493f8', 0.16, '#0d1117'),
};
/** Panels tinted for one state, with that state's text and the muted text of their details. */
const PANELS = [
  ['light', 'overdue', 'danger panel (--danger-bg)', '#ffebe9'],
  ['light', 'due-soon', 'warning panel (--warn-bg)', '#fff8c5'],
  ['light', 'none', 'warning panel (--warn-bg)', '#fff8c5'],
  ['dark', 'overdue', 'danger panel (--danger-bg)', '#3c1618'],
  ['dark', 'due-soon', 'warning panel (--warn-bg)', '#3a2d0b'],
  ['dark', 'none', 'warning panel (--warn-bg)', '#3a2d0b'],
] as const;
const URGENCIES = Object.keys(URGENCY_LOOK) as Urgency[];

describe('contrast of the urgency colours (WCAG 1.4.3: at least 4.5:1)', () => {
  it('the formula: black on white is 21:1, a colour on itself 1:1, #767676 on white just passes', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#cf222e', '#cf222e')).toBe(1);
    expect(contrast('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  const cases = [
    ...URGENCIES.flatMap((u) => Object.entries(LIGHT).map(([bg, hex]) => ['light', u, bg, URGENCY_LOOK[u].color, hex] as const)),
    ...URGENCIES.flatMap((u) =>
      Object.entries(DARK).map(([bg, hex]) => ['dark', u, bg, URGENCY_LOOK[u].darkColor, hex] as const),
    ),
    ...PANELS.map(
      ([scheme, u, bg, hex]) => [scheme, u, bg, URGENCY_LOOK[u][scheme === 'light' ? 'color' : 'darkColor'], hex] as const,
    ),
  ];
  it.each(cases)('%s: %s on %s', (_scheme, _urgency, _bg, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('never colour alone: overdue, due soon and done each have a glyph besides their colour', () => {
    for (const u of ['overdue', 'due-soon', 'done'] as const) expect(URGENCY_LOOK[u].icon).not.toBe('');
  });
});
