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
 *   line; `div` and `br` start a new line only. So Gmail's `<div>…</div><div><br></div>` gives
 *   paragraphs, and a `<pre>` keeps its own lines and blank lines.
 * - A `<br>` that ends a block adds nothing (browsers do not show it as an empty line).
 * - Whitespace is collapsed outside `<pre>`; inside it the text is kept as it is.
 * - Scripts, styles, form controls, hidden elements and Docket's own badges are skipped.
 * - Quotes: `<blockquote>`, Gmail's `.gmail_quote` and plain-text lines starting with `>` are
 *   zones of their own (their headings do not leak out, and the other way round).
 * - Signatures: Gmail's `.gmail_signature` and, in plain text, whatever follows a `-- ` line
 *   (or a mailing list's `-------------- next part --------------`) in the same zone.
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
  /** All of the line's visible text is bold (`<b>`, `<strong>`). */
  bold: boolean;
  /** The line contains (part of) an `<a href>`. */
  hasAnchor: boolean;
  /** '' for the page itself; another value for each quoted part. */
  zone: string;
  quoted: boolean;
  signature: boolean;
  /** Paragraph number (lines of one paragraph share it); -1 for blank lines. */
  para: number;
}

export interface FlowAnchor {
  href: string;
  /** The link's visible text, whitespace collapsed. */
  text: string;
  start: number;
  end: number;
}

export interface Flow {
  text: string;
  lines: FlowLine[];
  anchors: FlowAnchor[];
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

interface Range {
  start: number;
  end: number;
}
interface PendingRange extends Range {
  open: boolean;
  started: boolean;
}

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

/** Walks the DOM and builds the page's text, lines and anchor ranges. */
export function flowOf(root: Document | Element): Flow {
  const start: Node | null = 'documentElement' in root ? (root.body ?? root.documentElement) : root;
  let out = '';
  /** Newlines owed before the next text. */
  let owed = 0;
  let preDepth = 0;
  const pending: PendingRange[] = [];
  const headings: Array<Range & { level: number }> = [];
  const lis: Range[] = [];
  const bolds: Range[] = [];
  const quotes: Array<Range & { id: number }> = [];
  const signatures: Range[] = [];
  const anchors: FlowAnchor[] = [];
  let quoteIds = 0;

  const open = (): PendingRange => {
    const r: PendingRange = { start: out.length, end: out.length, open: true, started: false };
    pending.push(r);
    return r;
  };
  const close = (r: PendingRange) => {
    r.open = false;
    r.end = out.length;
    if (!r.started) r.start = r.end;
  };
  const need = (n: number) => {
    if (out) owed = Math.max(owed, n);
  };
  const emit = (s: string) => {
    if (!s) return;
    if (owed && out) out += '\n'.repeat(owed);
    owed = 0;
    for (const r of pending) {
      if (r.open && !r.started) {
        r.started = true;
        r.start = out.length;
      }
    }
    // Drop finished ranges from the pending list now and then.
    if (pending.length > 64) {
      for (let i = pending.length - 1; i >= 0; i--) if (!pending[i]!.open) pending.splice(i, 1);
    }
    out += s;
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
        if (out && !owed && !/\s$/.test(out)) emit(' ');
        return;
      }
      if (owed || !out || /\s$/.test(out)) emit(text.replace(/^ /, ''));
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
      if (out) owed += 1;
      return;
    }
    const para = PARA.has(tag);
    const line = LINE.has(tag);
    if (para) need(2);
    else if (line) need(1);
    else if (CELL.has(tag) && out && !owed && !/\s$/.test(out)) emit(' ');

    const ranges: Array<[PendingRange, (r: PendingRange) => void]> = [];
    const heading = /^H([1-6])$/.exec(tag);
    if (heading) {
      const level = Number(heading[1]);
      ranges.push([open(), (r) => headings.push({ start: r.start, end: r.end, level })]);
    }
    if (tag === 'LI') ranges.push([open(), (r) => lis.push({ start: r.start, end: r.end })]);
    if (BOLD.has(tag)) ranges.push([open(), (r) => bolds.push({ start: r.start, end: r.end })]);
    if (isQuoteElement(el)) {
      const id = ++quoteIds;
      ranges.push([open(), (r) => quotes.push({ start: r.start, end: r.end, id })]);
    }
    if (isSignatureElement(el)) ranges.push([open(), (r) => signatures.push({ start: r.start, end: r.end })]);
    let anchor: PendingRange | null = null;
    const href = tag === 'A' ? el.getAttribute('href') : null;
    if (href) anchor = open();

    const lengthBefore = out.length;
    if (tag === 'PRE' || tag === 'XMP' || tag === 'PLAINTEXT') preDepth++;
    for (const c of Array.from(el.childNodes)) walk(c);
    if (tag === 'PRE' || tag === 'XMP' || tag === 'PLAINTEXT') preDepth--;

    if (anchor && href) {
      close(anchor);
      anchors.push({
        href,
        text: out.slice(anchor.start, anchor.end).replace(/\s+/g, ' ').trim(),
        start: anchor.start,
        end: anchor.end,
      });
    }
    for (const [r, done] of ranges) {
      close(r);
      done(r);
    }
    if (para) need(2);
    else if (line) {
      // A <br> that ends a block with text adds no empty line (`<div><br></div>` alone is one).
      if (owed > 1 && out.length > lengthBefore && el.lastChild?.nodeName === 'BR') owed -= 1;
      need(1);
    }
  };
  if (start) walk(start);

  return buildLines(out, { headings, lis, bolds, quotes, signatures, anchors });
}

function covering<T extends Range>(ranges: T[], offset: number): T[] {
  return ranges.filter((r) => r.start <= offset && offset < r.end);
}

const QUOTE_PREFIX = /^[ \t]*(?:>[ \t]?)+/;
const SIG_DELIMITER = /^(?:--|-{5,} ?next part ?-{5,})$/i;

function buildLines(
  text: string,
  ranges: {
    headings: Array<Range & { level: number }>;
    lis: Range[];
    bolds: Range[];
    quotes: Array<Range & { id: number }>;
    signatures: Range[];
    anchors: FlowAnchor[];
  },
): Flow {
  const lines: FlowLine[] = [];
  let offset = 0;
  let para = -1;
  let prev: FlowLine | undefined;
  /** Zones in which a signature delimiter was seen. */
  const signedZones = new Set<string>();
  const sortedAnchors = [...ranges.anchors].sort((a, b) => a.start - b.start);
  for (const rawLine of text.split('\n')) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    const prefix = QUOTE_PREFIX.exec(rawLine);
    const depth = prefix ? (prefix[0].match(/>/g) ?? []).length : 0;
    const body = prefix ? rawLine.slice(prefix[0].length) : rawLine;
    const lead = body.length - body.trimStart().length;
    const content = body.trim();
    const start = lineStart + (prefix ? prefix[0].length : 0) + lead;
    const end = start + content.length;
    const quoteEls = covering(ranges.quotes, start);
    const elementZone = quoteEls.map((q) => q.id).join('.');
    const zone = elementZone || depth ? `${elementZone}>${depth}` : '';
    const blank = content.length === 0;
    const headingLevel = blank ? 0 : (covering(ranges.headings, start).at(-1)?.level ?? 0);
    const li = !blank && covering(ranges.lis, start).length > 0;
    let signature = !blank && covering(ranges.signatures, start).length > 0;
    if (!blank && SIG_DELIMITER.test(content)) signedZones.add(zone);
    else if (signedZones.has(zone)) signature = true;
    let bold = false;
    if (!blank && content.length <= 200) {
      const near = ranges.bolds.filter((r) => r.start < end && r.end > start);
      bold = near.length > 0;
      for (let i = start; i < end && bold; i++) {
        if (/\s/.test(text[i]!)) continue;
        if (!near.some((r) => r.start <= i && i < r.end)) bold = false;
      }
    }
    const hasAnchor = !blank && sortedAnchors.some((a) => a.start < end && a.end > start);
    // A blank line ends a paragraph; so does a change of zone, heading, list item or signature.
    if (
      !blank &&
      (!prev ||
        prev.blank ||
        prev.zone !== zone ||
        prev.headingLevel !== headingLevel ||
        prev.li !== li ||
        prev.signature !== signature)
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
      li,
      bold,
      hasAnchor,
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

  return { text, lines, anchors: ranges.anchors, lineAt };
}
