/**
 * Selecting rows of the full page's table, as file managers do: a click selects one row, Ctrl/⌘
 * (or the row's checkbox) adds or removes one, Shift selects the range from the anchor; from the
 * keyboard the cursor moves with the arrows, Space toggles the cursor's row, Shift+arrows extend.
 * Pure: `order` is every row's id in the table's order.
 */

export interface Selection {
  readonly ids: ReadonlySet<string>;
  /** Where a Shift range starts. */
  readonly anchor: string | null;
  /** The row the keyboard is on. */
  readonly cursor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null, cursor: null };

/** The ids from `a` to `b` (either way round) in `order`; just `b` when `a` is not in it. */
export function rangeOf(order: readonly string[], a: string | null, b: string): string[] {
  const j = order.indexOf(b);
  if (j < 0) return [];
  const i = a === null ? -1 : order.indexOf(a);
  if (i < 0) return [b];
  return order.slice(Math.min(i, j), Math.max(i, j) + 1);
}

/** A click on a row: `toggle` (Ctrl/⌘, or its checkbox) adds or removes it; `shift` selects the range from the anchor. */
export function clickRow(
  sel: Selection,
  id: string,
  order: readonly string[],
  mods: { shift?: boolean; toggle?: boolean },
): Selection {
  if (mods.shift) {
    const range = rangeOf(order, sel.anchor, id);
    const ids = mods.toggle ? new Set([...sel.ids, ...range]) : new Set(range);
    return { ids, anchor: sel.anchor ?? id, cursor: id };
  }
  if (mods.toggle) {
    const ids = new Set(sel.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: id, cursor: id };
  }
  return { ids: new Set([id]), anchor: id, cursor: id };
}

export type Move = 'up' | 'down' | 'home' | 'end' | 'page-up' | 'page-down';

/**
 * Move the cursor (`page` rows for PageUp/PageDown). With `extend`, the selection becomes the
 * range from the anchor to the new cursor; without, the selection stays as it is.
 */
export function moveCursor(sel: Selection, order: readonly string[], move: Move, extend: boolean, page = 10): Selection {
  if (!order.length) return sel;
  const at = sel.cursor === null ? -1 : order.indexOf(sel.cursor);
  let next: number;
  if (move === 'home') next = 0;
  else if (move === 'end') next = order.length - 1;
  else if (at < 0) next = 0;
  else {
    const step = move === 'up' ? -1 : move === 'down' ? 1 : move === 'page-up' ? -page : page;
    next = Math.max(0, Math.min(order.length - 1, at + step));
  }
  const cursor = order[next]!;
  if (!extend) return { ...sel, cursor };
  const anchor = sel.anchor ?? sel.cursor ?? cursor;
  return { ids: new Set(rangeOf(order, anchor, cursor)), anchor, cursor };
}

/** Space: add or remove the cursor's row. */
export function toggleCursor(sel: Selection): Selection {
  if (sel.cursor === null) return sel;
  return clickRow(sel, sel.cursor, [], { toggle: true });
}

export function selectAll(order: readonly string[], sel: Selection): Selection {
  return { ids: new Set(order), anchor: sel.anchor ?? order[0] ?? null, cursor: sel.cursor ?? order[0] ?? null };
}

/** After the table changed (a filter, an edit, a delete): keep only rows still in it. */
export function keepListed(sel: Selection, order: readonly string[]): Selection {
  const listed = new Set(order);
  const ids = [...sel.ids].filter((id) => listed.has(id));
  const same = ids.length === sel.ids.size;
  const anchor = sel.anchor !== null && listed.has(sel.anchor) ? sel.anchor : null;
  const cursor = sel.cursor !== null && listed.has(sel.cursor) ? sel.cursor : null;
  if (same && anchor === sel.anchor && cursor === sel.cursor) return sel;
  return { ids: same ? sel.ids : new Set(ids), anchor, cursor };
}

/** The selected ids in the table's order (what a bulk action acts on). */
export function selectedInOrder(sel: Selection, order: readonly string[]): string[] {
  return order.filter((id) => sel.ids.has(id));
}
