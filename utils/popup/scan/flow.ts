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

export interface FlowLine {
  index: number;
  /** Offset in Flow.text of the line's content (after any `>` quote marks and leading blanks). */
  start: number;
  /** Offset just after the content (trailing blanks left out). */
  end: number;
  text: string;
  blank: boolean;
  /** 1–6 when the line is inside an `<h1>`…`<h6>`, else 0. */
  headingLevel: number;
  li: boolean;
  /** The innermost `<li>` the line is in (an index in Flow.lis), −1 for none. */
  liId: number;
  /** All of the line's visible text is bold (`<b>`, `<strong>`). */
  bold: boolean;
  /** All of the line's visible text is struck through. */
  struck: boolean;
  /** The line contains (part of) an `<a href>`. */
  hasAnchor: boolean;
  /** Inside a `<pre>` (a mail or archive's plain text). */
  pre: boolean;
  /** The table cell the line starts in. */
  cell?: FlowCell;
  /** '' for the page itself; another value for each quoted part. */
  zone: string;
  quoted: boolean;
  signature: boolean;
  /** Paragraph number (lines of one paragraph share it); -1 for blank lines. */
  para: number;
}

export interface FlowCell {
  table: number;
  /** Index in Flow.rows. */
  row: number;
  col: number;
}

export interface FlowRow {
  table: number;
  /** A header row: only `<th>` cells, or in `<thead>`. */
  header: boolean;
  /** Each cell's text, whitespace collapsed. */
  cells: string[];
}

export interface FlowLi {
  /** The enclosing `<li>` (nested list), −1 for a top-level item. */
  parent: number;
  depth: number;
  /** Offset in Flow.text where the item's text starts. */
  start: number;
}

export interface FlowAnchor {
  href: string;
  /** The link's visible text, whitespace collapsed. */
  text: string;
  start: number;
  end: number;
  /** The link is struck through (a superseded document). */
  struck: boolean;
}

export interface Flow {
  text: string;
  lines: FlowLine[];
  anchors: FlowAnchor[];
  lis: FlowLi[];
  rows: FlowRow[];
  /** The line holding `offset` (the nearest line starting at or before it). */
  lineAt(offset: number): FlowLine | undefined;
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'INPUT',
  'BUTTON',
  'IMG',
  'VIDEO',
  'AUDIO',
  'MATH',
  'DOCKET-BADGE',
]);
const PARA = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'TABLE',
  'UL',
  'OL',
  'DL',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'NAV',
  'ASIDE',
  'MAIN',
  'FIGURE',
  'FIGCAPTION',
  'HR',
  'ADDRESS',
  'FORM',
  'FIELDSET',
  'DETAILS',
  'SUMMARY',
  'CAPTION',
  'BODY',
]);
const LINE = new Set(['DIV', 'CENTER', 'TBODY', 'THEAD', 'TFOOT', 'LEGEND']);
const CELL = new Set(['TD', 'TH']);
const BOLD = new Set(['B', 'STRONG']);
const STRUCK = new Set(['DEL', 'S', 'STRIKE']);

function isQuoteElement(el: Element): boolean {
  return el.tagName === 'BLOCKQUOTE' || el.classList.contains('gmail_quote') || el.getAttribute('type') === 'cite';
}

function isSignatureElement(el: Element): boolean {
  return (
    el.classList.contains('gmail_signature') ||
    el.getAttribute('data-smartmail') === 'gmail_signature' ||
    el.classList.contains('signature') ||
    el.id === 'signature'
  );
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (el.hasAttribute('data-docket-id')) return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function isBoldElement(el: Element, tag: string): boolean {
  if (BOLD.has(tag)) return true;
  const style = el.getAttribute('style');
  // Google Docs exports write bold as a styled span.
  return !!style && /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(style);
}

function isStruckElement(el: Element, tag: string): boolean {
  if (STRUCK.has(tag)) return true;
  const style = el.getAttribute('style');
  return !!style && /line-through/i.test(style);
}

/** What is true where a line's first text is written. */
interface LineFacts {
  headingLevel: number;
  liId: number;
  quotes: string;
  signature: boolean;
  pre: boolean;
  cell?: FlowCell;
  bold: boolean;
  struck: boolean;
  anchor: boolean;
}

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

const QUOTE_PREFIX = /^[ \t]*(?:>[ \t]?)+/;
const SIG_DELIMITER = /^(?:--|-{5,} ?next part ?-{5,})$/i;

function buildLines(
  text: string,
  facts: ReadonlyArray<LineFacts | undefined>,
  anchors: FlowAnchor[],
  lis: FlowLi[],
  rows: FlowRow[],
): Flow {
  const lines: FlowLine[] = [];
  let offset = 0;
  let para = -1;
  let prev: FlowLine | undefined;
  /** Zones in which a signature delimiter was seen. */
  const signedZones = new Set<string>();
  const rawLines = text.split('\n');
  for (let n = 0; n < rawLines.length; n++) {
    const rawLine = rawLines[n]!;
    const lineStart = offset;
    offset += rawLine.length + 1;
    const f = facts[n];
    const prefix = QUOTE_PREFIX.exec(rawLine);
    const depth = prefix ? (prefix[0].match(/>/g) ?? []).length : 0;
    const body = prefix ? rawLine.slice(prefix[0].length) : rawLine;
    const lead = body.length - body.trimStart().length;
    const content = body.trim();
    const start = lineStart + (prefix ? prefix[0].length : 0) + lead;
    const end = start + content.length;
    const elementZone = f?.quotes ?? '';
    const zone = elementZone || depth ? `${elementZone}>${depth}` : '';
    const blank = content.length === 0;
    const headingLevel = blank ? 0 : (f?.headingLevel ?? 0);
    const liId = blank ? -1 : (f?.liId ?? -1);
    let signature = !blank && !!f?.signature;
    if (!blank && SIG_DELIMITER.test(content)) signedZones.add(zone);
    else if (signedZones.has(zone)) signature = true;
    const bold = !blank && content.length <= 200 && !!f?.bold;
    const cell = blank ? undefined : f?.cell;
    // A blank line ends a paragraph; so does a change of zone, heading, list item, signature or cell.
    if (
      !blank &&
      (!prev ||
        prev.blank ||
        prev.zone !== zone ||
        prev.headingLevel !== headingLevel ||
        prev.liId !== liId ||
        prev.signature !== signature ||
        prev.cell?.row !== cell?.row ||
        prev.cell?.col !== cell?.col)
    ) {
      para += 1;
    }
    const line: FlowLine = {
      index: lines.length,
      start,
      end,
      text: content,
      blank,
      headingLevel,
      li: liId >= 0,
      liId,
      bold,
      struck: !blank && !!f?.struck,
      hasAnchor: !blank && !!f?.anchor,
      pre: !blank && !!f?.pre,
      ...(cell ? { cell } : {}),
      zone,
      quoted: zone !== '',
      signature,
      para: blank ? -1 : para,
    };
    lines.push(line);
    prev = line;
  }

  const lineAt = (pos: number): FlowLine | undefined => {
    let lo = 0;
    let hi = lines.length - 1;
    let found: FlowLine | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const l = lines[mid]!;
      if (l.start <= pos) {
        found = l;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Skip back over blank lines (a position in the trailing blanks of a line belongs to it).
    while (found && found.blank && found.index > 0) found = lines[found.index - 1];
    return found;
  };

  return { text, lines, anchors, lis, rows, lineAt };
}
