/**
 * A badge is one Tab stop (issue 16, item 2): its card's actions are out of the Tab order, and the keys
 * move between them once the card is open. Enter, Space or ↓ on the badge opens its card with the first
 * action focused; ↓/→ and ↑/← (Home, End) move between the actions, Tab and Shift+Tab too (Tab past the
 * last leaves the badge, Shift+Tab before the first goes back to it); Escape closes the card and returns
 * to the badge.
 */

/** The card's actions: its buttons (Open first), then its links (the page it was tracked from). */
export function cardActions(card: Element): HTMLElement[] {
  return [...card.querySelectorAll<HTMLElement>('button'), ...card.querySelectorAll<HTMLElement>('a[href]')];
}

export function removeFromTabOrder(card: Element): void {
  for (const action of cardActions(card)) action.tabIndex = -1;
}

/**
 * What a key does inside an open card, whose actions are `count` long and `index` is focused:
 * the action to focus, 'badge' (back to the badge), 'leave' (let the browser move on), or null (not ours).
 */
export function keyInCard(key: string, shift: boolean, index: number, count: number): number | 'badge' | 'leave' | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowUp':
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'Tab':
      if (shift) return index <= 0 ? 'badge' : index - 1;
      return index >= count - 1 ? 'leave' : index + 1;
    case 'Escape':
      return 'badge';
    default:
      return null;
  }
}

/**
 * What a key pressed in a badge does: the card's action to focus (opening the card), 'badge' (focus the
 * badge, closing the card on Escape), 'leave' (Tab past the last action: from the badge, the browser's Tab
 * goes on to what follows it), or null (the browser's, or the page's).
 */
export function badgeKey(
  e: KeyboardEvent,
  root: ShadowRoot,
  chip: Element,
  card: HTMLElement | undefined,
  tracked: boolean,
): number | 'badge' | 'leave' | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const path = e.composedPath();
  const open = !!card && !card.hidden;
  if (open && path.includes(card)) {
    const actions = cardActions(card);
    return keyInCard(e.key, e.shiftKey, actions.indexOf(root.activeElement as HTMLElement), actions.length);
  }
  if (!path.includes(chip)) return null;
  if (e.key === 'ArrowDown' && tracked) return 0;
  return e.key === 'Escape' && open ? 'badge' : null;
}
