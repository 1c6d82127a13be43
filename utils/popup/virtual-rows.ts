/**
 * The full page's table draws only the rows in view: each line (a group heading or a document) is
 * one fixed height, so a position in the scroll box says which lines are there. Pure.
 */
import type { TableGroup } from '../shared/doc-table';

/** A line of the table: a group's heading, or the document at `offset` among all rows. */
export type Line = { kind: 'group'; group: number } | { kind: 'row'; offset: number; group: number };

export interface Layout {
  /** Lines in all (headings included). */
  lines: number;
  /** For each group: the line of its heading and its first row's offset. */
  starts: Array<{ line: number; offset: number; count: number }>;
}

/** The lines of a table of `total` rows in `groups` (none: no headings). */
export function layoutOf(groups: readonly TableGroup[], total: number): Layout {
  if (!groups.length) return { lines: total, starts: [] };
  const starts: Layout['starts'] = [];
  let line = 0;
  let offset = 0;
  for (const g of groups) {
    starts.push({ line, offset, count: g.count });
    line += g.count + 1;
    offset += g.count;
  }
  return { lines: line, starts };
}

/** What line `i` shows. */
export function lineAt(layout: Layout, i: number): Line {
  if (!layout.starts.length) return { kind: 'row', offset: i, group: -1 };
  let lo = 0;
  let hi = layout.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout.starts[mid]!.line <= i) lo = mid;
    else hi = mid - 1;
  }
  const s = layout.starts[lo]!;
  return i === s.line ? { kind: 'group', group: lo } : { kind: 'row', offset: s.offset + (i - s.line - 1), group: lo };
}

/** The line a row (by its offset among all rows) is drawn on. */
export function lineOfOffset(layout: Layout, offset: number): number {
  if (!layout.starts.length) return offset;
  let lo = 0;
  let hi = layout.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout.starts[mid]!.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = layout.starts[lo]!;
  return s.line + 1 + (offset - s.offset);
}

/** The lines to draw for a scroll position: those in view and `overscan` more on each side. */
export function windowOf(
  scrollTop: number,
  viewport: number,
  lineHeight: number,
  lines: number,
  overscan = 10,
): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / lineHeight) - overscan);
  const last = Math.min(lines - 1, Math.ceil((scrollTop + viewport) / lineHeight) + overscan);
  return { first, last };
}

/** The row offsets (`[from, to)`) that lines `first`..`last` show. */
export function offsetsIn(layout: Layout, first: number, last: number): { from: number; to: number } {
  if (last < first) return { from: 0, to: 0 };
  const a = lineAt(layout, first);
  const b = lineAt(layout, last);
  const from = a.kind === 'row' ? a.offset : layout.starts[a.group]!.offset;
  const to = b.kind === 'row' ? b.offset + 1 : layout.starts[b.group]!.offset;
  return { from, to: Math.max(from, to) };
}

/** Blocks of `size` rows (by their first offset) that `[from, to)` needs. */
export function blocksFor(from: number, to: number, size: number): number[] {
  const out: number[] = [];
  if (to <= from) return out;
  for (let b = Math.floor(from / size) * size; b < to; b += size) out.push(b);
  return out;
}
