/**
 * A page's DOM → its text as a reader sees it, in lines, with the facts the scanner needs
 * about each line (heading level, list item, bold, quoted, signature) and every `<a href>`
 * as a range of that text.
 *
 * Pure DOM walking (no layout, no browser APIs): runs on a DOMParser document in the popup
 * and in happy-dom tests.
 *
 * Decisions:
 * - Paragraph-like elements (p, h1–h6, li, pre, blockquote, tr…) are separated by a blank
 *   line; a table cell, `div` and `br` start a new line only. So Gmail's `<div>…</div><div><br></div>` gives
 *   paragraphs, and a `<pre>` keeps its own lines and blank lines.
 * - A `<br>` that ends a block adds nothing (browsers do not show it as an empty line).
 * - Whitespace is collapsed outside `<pre>`; inside it the text is kept as it is.
 * - Scripts, styles, form controls, hidden elements and Docket's own badges are skipped.
 * - Quotes: `<blockquote>`, Gmail's `.gmail_quote` and plain-text lines starting with `>` are
 *   zones of their own (their headings do not leak out, and the other way round).
 * - Signatures: Gmail's `.gmail_signature` and, in plain text, whatever follows a `-- ` line
 *   (or a mailing list's `-------------- next part --------------`) in the same zone.
 * - Lists: every `<li>` has an id and its parent `<li>` (nested lists), so that the outline can
 *   tell an agenda item from the discussion under it. Tables: every cell line knows its table,
 *   row and column, and whether the row is a header row. Struck-through text (`<del>`, `<s>`,
 *   `<strike>`, `line-through`) is marked: a struck document is superseded.
 * - Linear in the page: each line's facts are taken while its text is written (no search of
 *   ranges per line), so 20,000 lines cost 20 times 1,000.
 */

import {
  CELL,
  LINE,
  PARA,
  SKIP,
  isBoldElement,
  isHidden,
  isQuoteElement,
  isSignatureElement,
  isStruckElement,
} from './flow-elements';
import type { Flow, FlowAnchor, FlowCell, FlowLi, FlowRow } from './flow-types';
import { buildLines } from './flow-lines';
import type { LineFacts } from './flow-lines';

export type { Flow, FlowLine } from './flow-types';

/** Walks the DOM and builds the page's text, lines and anchor ranges. */
export function flowOf(root: Document | Element): Flow {
  const start: Node | null = 'documentElement' in root ? (root.body ?? root.documentElement) : root;
  const parts: string[] = [];
  let length = 0;
  /** The last character written ('' at the start). */
  let last = '';
  /** Newlines owed before the next text. */
  let owed = 0;
  let lineNo = 0;
  const facts: Array<LineFacts | undefined> = [];
  const anchors: FlowAnchor[] = [];
  const lis: FlowLi[] = [];
  const rows: FlowRow[] = [];

  // The context of the walk.
  let headingLevel = 0;
  const liStack: number[] = [];
  let boldDepth = 0;
  let struckDepth = 0;
  let anchorDepth = 0;
  const quoteStack: number[] = [];
  let quoteIds = 0;
  let sigDepth = 0;
  let preDepth = 0;
  let tables = 0;
  const tableStack: number[] = [];
  let cell: FlowCell | undefined;
  let cellText: string[] | undefined;
  /** Anchors whose first character is not yet written. */
  const pendingAnchors: FlowAnchor[] = [];
  const pendingLis: FlowLi[] = [];

  const append = (s: string) => {
    parts.push(s);
    length += s.length;
    last = s[s.length - 1]!;
    if (cellText) cellText.push(s);
  };
  const need = (n: number) => {
    if (length) owed = Math.max(owed, n);
  };
  const emit = (s: string) => {
    if (!s) return;
    if (owed && length) {
      append('\n'.repeat(owed));
      lineNo += owed;
    }
    owed = 0;
    if (pendingAnchors.length) {
      for (const a of pendingAnchors) a.start = length;
      pendingAnchors.length = 0;
    }
    if (pendingLis.length) {
      for (const l of pendingLis) l.start = length;
      pendingLis.length = 0;
    }
    const pieces = s.indexOf('\n') < 0 ? [s] : s.split('\n');
    for (let i = 0; i < pieces.length; i++) {
      if (i > 0) {
        append('\n');
        lineNo += 1;
      }
      const piece = pieces[i]!;
      if (!piece) continue;
      if (/\S/.test(piece)) {
        let f = facts[lineNo];
        if (!f) {
          f = {
            headingLevel,
            liId: liStack.length ? liStack[liStack.length - 1]! : -1,
            quotes: quoteStack.join('.'),
            signature: sigDepth > 0,
            pre: preDepth > 0,
            ...(cell ? { cell } : {}),
            bold: true,
            struck: true,
            anchor: false,
          };
          facts[lineNo] = f;
        }
        if (!boldDepth) f.bold = false;
        if (!struckDepth) f.struck = false;
        if (anchorDepth) f.anchor = true;
      }
      append(piece);
    }
  };

  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const raw = node.nodeValue ?? '';
      if (preDepth > 0) {
        emit(raw.replace(/\r\n?/g, '\n'));
        return;
      }
      const text = raw.replace(/[\s\u00a0]+/g, ' ');
      if (text === ' ') {
        if (length && !owed && !/\s/.test(last)) emit(' ');
        return;
      }
      if (owed || !length || /\s/.test(last)) emit(text.replace(/^ /, ''));
      else emit(text);
      return;
    }
    if (node.nodeType !== 1) {
      if (node.nodeType === 9 || node.nodeType === 11) for (const c of Array.from(node.childNodes)) walk(c);
      return;
    }
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isHidden(el)) return;
    if (tag === 'BR') {
      if (length) owed += 1;
      return;
    }
    const para = PARA.has(tag);
    const line = LINE.has(tag);
    // A table cell starts a line of its own (its own block: "When" apart from "What").
    if (para) need(2);
    else if (line || CELL.has(tag)) need(1);

    const saved = { headingLevel, cell, cellText };
    const heading = /^H([1-6])$/.exec(tag);
    if (heading) headingLevel = Number(heading[1]);
    let liId = -1;
    if (tag === 'LI') {
      liId = lis.length;
      const li: FlowLi = { parent: liStack.length ? liStack[liStack.length - 1]! : -1, depth: liStack.length, start: length };
      lis.push(li);
      pendingLis.push(li);
      liStack.push(liId);
    }
    const bold = isBoldElement(el, tag);
    if (bold) boldDepth++;
    const struck = isStruckElement(el, tag);
    if (struck) struckDepth++;
    const quote = isQuoteElement(el);
    if (quote) quoteStack.push(++quoteIds);
    const sig = isSignatureElement(el);
    if (sig) sigDepth++;
    const pre = tag === 'PRE' || tag === 'XMP' || tag === 'PLAINTEXT';
    if (pre) preDepth++;
    if (tag === 'TABLE') tableStack.push(tables++);
    if (tag === 'TR') {
      const inHead = el.parentElement?.tagName.toUpperCase() === 'THEAD';
      const cellsOf = Array.from(el.children).filter((c) => CELL.has(c.tagName.toUpperCase()));
      rows.push({
        table: tableStack.length ? tableStack[tableStack.length - 1]! : -1,
        header: inHead || (cellsOf.length > 0 && cellsOf.every((c) => c.tagName.toUpperCase() === 'TH')),
        cells: [],
      });
    }
    if (CELL.has(tag) && rows.length) {
      const row = rows[rows.length - 1]!;
      cell = { table: row.table, row: rows.length - 1, col: row.cells.length };
      row.cells.push('');
      cellText = [];
    }
    let anchor: FlowAnchor | null = null;
    const href = tag === 'A' ? el.getAttribute('href') : null;
    if (href) {
      anchor = { href, text: '', start: length, end: length, struck: struckDepth > 0 };
      pendingAnchors.push(anchor);
      anchorDepth++;
    }

    const lengthBefore = length;
    for (const c of Array.from(el.childNodes)) walk(c);

    if (anchor) {
      anchorDepth--;
      const i = pendingAnchors.indexOf(anchor);
      if (i >= 0) {
        pendingAnchors.splice(i, 1);
        anchor.start = length;
      }
      anchor.end = length;
      anchors.push(anchor);
    }
    if (CELL.has(tag) && cellText && rows.length) {
      const row = rows[rows.length - 1]!;
      row.cells[row.cells.length - 1] = cellText.join('').replace(/\s+/g, ' ').trim();
    }
    if (tag === 'TABLE') tableStack.pop();
    if (pre) preDepth--;
    if (sig) sigDepth--;
    if (quote) quoteStack.pop();
    if (struck) struckDepth--;
    if (bold) boldDepth--;
    if (tag === 'LI') {
      liStack.pop();
      const i = pendingLis.findIndex((l) => l === lis[liId]);
      if (i >= 0) pendingLis.splice(i, 1);
    }
    headingLevel = saved.headingLevel;
    cell = saved.cell;
    if (CELL.has(tag) && saved.cellText) saved.cellText.push(...(cellText ?? []));
    cellText = saved.cellText;

    if (para) need(2);
    else if (line) {
      // A <br> that ends a block with text adds no empty line (`<div><br></div>` alone is one).
      if (owed > 1 && length > lengthBefore && el.lastChild?.nodeName === 'BR') owed -= 1;
      need(1);
    }
  };
  if (start) walk(start);

  const text = parts.join('');
  for (const a of anchors) a.text = text.slice(a.start, a.end).replace(/\s+/g, ' ').trim();
  return buildLines(text, facts, anchors, lis, rows);
}
