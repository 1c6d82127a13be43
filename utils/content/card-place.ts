/**
 * Where a badge's card opens (issue 16, item 1): where it fits, below or above the link and its badge,
 * never over them (so never under the pointer that hovers the badge), and never past the window's sides
 * (so the page never gets wider). Pure arithmetic in the viewport's coordinates, and the few reads it needs.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  /** The card's top-left corner, in the viewport's coordinates. */
  left: number;
  top: number;
  width: number;
  /** Set when the card is taller than the room on either side: it scrolls inside itself. */
  maxHeight?: number;
  above: boolean;
}

/** Between the anchor and the card, and between the card and the window's edges. */
const GAP = 4;
const EDGE = 8;

/**
 * Below the anchor (the link and its badge) when the card fits there, else above when it fits there, else
 * on the side with more room; aligned with the chip's start (its left, its right in a right-to-left language),
 * or with its end when that runs past the page's edge, else pressed against the nearer edge.
 */
export function cardPlacement(
  anchor: Box,
  chip: Box,
  card: { width: number; height: number },
  view: { width: number; height: number },
  rtl = false,
): Placement {
  const width = Math.max(0, Math.min(card.width, view.width - 2 * EDGE));
  let left = rtl ? chip.right - width : chip.left;
  if (rtl ? left < EDGE : left + width > view.width - EDGE) left = rtl ? chip.left : chip.right - width;
  left = Math.min(Math.max(left, EDGE), Math.max(EDGE, view.width - EDGE - width));

  const below = view.height - EDGE - (anchor.bottom + GAP);
  const above = anchor.top - GAP - EDGE;
  if (card.height <= below || (card.height > above && below >= above)) {
    const out: Placement = { left, top: anchor.bottom + GAP, width, above: false };
    if (card.height > below) out.maxHeight = Math.max(below, 0);
    return out;
  }
  if (card.height <= above) return { left, top: anchor.top - GAP - card.height, width, above: true };
  return { left, top: EDGE, width, maxHeight: Math.max(above, 0), above: true };
}

/** The box around a link (its first lines at most) and its badge: what the card must not cover. */
export function anchorBox(link: Element, chip: Element): Box {
  const c = chip.getBoundingClientRect();
  const box: Box = { left: c.left, top: c.top, right: c.right, bottom: c.bottom };
  // A link written over many lines (or around a whole block) is not all kept clear: the lines near the badge are.
  for (const r of link.getClientRects()) {
    if (r.width === 0 || r.bottom < c.top - 80 || r.top > c.bottom + 80) continue;
    box.left = Math.min(box.left, r.left);
    box.top = Math.min(box.top, r.top);
    box.right = Math.max(box.right, r.right);
    box.bottom = Math.max(box.bottom, r.bottom);
  }
  return box;
}

/**
 * Put an open card where it fits. The card is absolutely positioned in its badge's host (a positioned
 * box), so it scrolls with the link; its offsets are the placement less the host's corner.
 */
export function placeCard(card: HTMLElement, host: Element, chip: Element, link: Element): void {
  const view = host.ownerDocument.documentElement;
  const style = card.style;
  style.removeProperty('max-height');
  style.removeProperty('width');
  const size = { width: card.offsetWidth, height: card.offsetHeight };
  const win = host.ownerDocument.defaultView;
  const p = cardPlacement(
    anchorBox(link, chip),
    chip.getBoundingClientRect(),
    size,
    {
      width: view.clientWidth,
      height: win?.innerHeight ?? view.clientHeight,
    },
    card.dir === 'rtl',
  );
  const at = host.getBoundingClientRect();
  style.setProperty('left', `${Math.round(p.left - at.left)}px`);
  style.setProperty('top', `${Math.round(p.top - at.top)}px`);
  style.setProperty('right', 'auto');
  style.setProperty('bottom', 'auto');
  if (p.width < size.width) style.setProperty('width', `${p.width}px`);
  if (p.maxHeight !== undefined) style.setProperty('max-height', `${p.maxHeight}px`);
  card.classList.toggle('above', p.above);
}
