/** The scanner's reading of a page (flow.ts): its text in lines, with their facts, its links, list items and table rows. */

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
