/**
 * The item a table row names (structure.ts): the cell under a header such as "Item", "Topic" or "Session", or a
 * cell that names its item itself ("Discussion topic: Survey process").
 */
import type { Flow, FlowLine } from './flow';
import type { Heading } from './headings';
import { isTitleLike, itemName } from './headings';
import { ITEM_HEADER, clean } from './heading-lines';

/** A table header that names the item column in more words ("Presentation Topic", "Agenda item"). */
const ITEM_WORD = /\b(?:topics?|items?|subjects?|sessions?|titles?|presentations?|talks?|workstreams?|discussions?)\b/i;
/** A cell that names its item itself ("Discussion topic: …", "Item: …"). */
const ITEM_PREFIX = /^(?:[\p{L} ]{0,30}\s)?(?:topic|item|subject|session|agenda item)\s*:\s*(.{3,})$/iu;

/** The item the row a line starts in names, if any (each row read once). */
export function tableItems(flow: Flow): (line: FlowLine) => Heading | undefined {
  const headers = new Map<number, (typeof flow.rows)[number]>();
  for (const r of flow.rows) if (!headers.has(r.table)) headers.set(r.table, r);
  const headerOf = (table: number) => headers.get(table);
  const rowNodeCache = new Map<number, Heading | null>();
  const rowNode = (line: FlowLine): Heading | undefined => {
    const cell = line.cell;
    if (!cell) return undefined;
    const cached = rowNodeCache.get(cell.row);
    if (cached !== undefined) return cached ?? undefined;
    let node: Heading | null = null;
    const row = flow.rows[cell.row];
    const header = row ? headerOf(row.table) : undefined;
    if (row && header && !row.header) {
      const heads = header !== row ? header.cells.map((c) => clean(c).replace(/[*:]/g, '')) : [];
      let col = heads.findIndex((c) => ITEM_HEADER.test(c));
      if (col < 0) col = heads.findIndex((c) => ITEM_WORD.test(c));
      let text = col >= 0 ? clean(row.cells[col] ?? '') : '';
      // "Discussion topic: Survey process" in any cell of the row.
      for (const c of row.cells) {
        const m = ITEM_PREFIX.exec(clean(c));
        if (m) {
          text = clean(m[1]!);
          break;
        }
      }
      text = text.replace(/^["“”']+|["“”']+$/g, '');
      if (text && isTitleLike(text)) {
        node = {
          line: line.index,
          text,
          name: itemName(text),
          rank: 30,
          kind: 'section',
          role: 'item',
          subpoint: false,
          source: 'row',
        };
      }
    }
    rowNodeCache.set(cell.row, node);
    return node ?? undefined;
  };
  return rowNode;
}
