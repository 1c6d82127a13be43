/**
 * A PDF's text, as pdf.js gives it (text items with their position, font and size, and link
 * annotations with their rectangle), laid out again as a simple HTML page the scanner reads
 * like any other: so minutes published as PDF get the same outline, links and deadlines.
 *
 * - Lines: items on one baseline; paragraphs: a gap larger than the page's usual line spacing,
 *   a change of font size, or a bullet ("●", "•", "-", "◦", "▪") that starts a list item.
 * - Bullet lines become `<li>`s, nested by their indentation.
 * - A line in a larger font than the body is a heading (`<h2>`, `<h3>`); a short line alone in
 *   a font other than the body's is bold (Google Docs and Word export headings and labels so).
 * - A paragraph keeps its lines (`<br>`): a URL broken across lines is joined by the text-link
 *   reader, as in mail archives ("…/d/1snoRu…d14Sf" ⏎ "Wwzh1lOd4/edit#gid=0").
 * - Link annotations wrap the text they cover in `<a href>`: the link's whole address even
 *   where the printed text breaks it after a hyphen that belongs to the id.
 * Pure (no pdf.js here): pdf.ts reads the file, this lays it out; tested with plain objects.
 */

export interface PdfItem {
  str: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size. */
  size: number;
  font: string;
  /** The item ends its line. */
  eol: boolean;
}

export interface PdfLink {
  url: string;
  /** [x1, y1, x2, y2] */
  rect: [number, number, number, number];
}

export interface PdfPage {
  items: PdfItem[];
  links: PdfLink[];
}

interface Line {
  y: number;
  x: number;
  size: number;
  fonts: Set<string>;
  parts: Array<{ text: string; href?: string }>;
  text: string;
}

const BULLET = /^\s*([●•◦▪■□‣⁃∙·\-–*o])\s+/u;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function linkAt(links: readonly PdfLink[], item: PdfItem): string | undefined {
  const cx = item.x + Math.min(item.width, 4);
  const cy = item.y + item.size * 0.3;
  for (const l of links) {
    const [x1, y1, x2, y2] = l.rect;
    if (cx >= Math.min(x1, x2) - 1 && cx <= Math.max(x1, x2) + 1 && cy >= Math.min(y1, y2) - 2 && cy <= Math.max(y1, y2) + 2)
      return l.url;
  }
  return undefined;
}

function linesOf(page: PdfPage): Line[] {
  const lines: Line[] = [];
  let cur: Line | undefined;
  let lastEol = true;
  for (const it of page.items) {
    const newLine = !cur || lastEol || Math.abs(it.y - cur.y) > Math.max(2, it.size * 0.4);
    if (it.str.trim() === '' && newLine) {
      lastEol = it.eol;
      continue;
    }
    if (newLine) {
      cur = { y: it.y, x: it.x, size: it.size, fonts: new Set(), parts: [], text: '' };
      lines.push(cur);
    }
    const line = cur!;
    const href = it.str.trim() ? linkAt(page.links, it) : undefined;
    const last = line.parts[line.parts.length - 1];
    if (last && last.href === href) last.text += it.str;
    else line.parts.push({ text: it.str, ...(href ? { href } : {}) });
    line.text += it.str;
    if (it.str.trim()) {
      line.fonts.add(it.font);
      line.size = Math.max(line.size, it.size);
    }
    lastEol = it.eol;
  }
  return lines.filter((l) => l.text.trim());
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? 0;
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
  return best;
}

function inline(parts: Line['parts']): string {
  return parts
    .map((p) => (p.href ? `<a href="${escapeHtml(p.href)}">${escapeHtml(p.text)}</a>` : escapeHtml(p.text)))
    .join('')
    .trim();
}

/** The pages of a PDF as one HTML page (a `<title>` and a `<body>`). */
export function layoutPdf(pages: readonly PdfPage[], title = ''): string {
  const all = pages.map(linesOf);
  const flat = all.flat();
  // The body: the most common size and font (by characters).
  const sizeChars = new Map<number, number>();
  const fontChars = new Map<string, number>();
  for (const l of flat) {
    const size = Math.round(l.size);
    sizeChars.set(size, (sizeChars.get(size) ?? 0) + l.text.length);
    for (const f of l.fonts) fontChars.set(f, (fontChars.get(f) ?? 0) + l.text.length);
  }
  const bodySize = [...sizeChars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const bodyFont = [...fontChars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const out: string[] = [];
  const listStack: number[] = [];
  let para: string[] = [];
  const closeLists = (toDepth = 0) => {
    while (listStack.length > toDepth) {
      listStack.pop();
      out.push('</li></ul>');
    }
  };
  const flushPara = () => {
    if (!para.length) return;
    out.push(`<p>${para.join('<br>')}</p>`);
    para = [];
  };
  for (const lines of all) {
    const gaps: number[] = [];
    for (let i = 1; i < lines.length; i++) gaps.push(Math.round(lines[i - 1]!.y - lines[i]!.y));
    const spacing = mode(gaps.filter((g) => g > 0)) || bodySize * 1.3;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const prev = lines[i - 1];
      const gap = prev ? prev.y - l.y : Infinity;
      const size = Math.round(l.size);
      const bullet = BULLET.exec(l.text);
      const heading = size >= bodySize * 1.15;
      const otherFont = bodyFont && !l.fonts.has(bodyFont) && l.text.trim().length <= 120;
      const breaks = !prev || gap > spacing * 1.45 || gap < 0 || Math.round(prev.size) !== size;
      if (bullet) {
        flushPara();
        // Nest by indentation: a deeper bullet opens a list inside the current item.
        while (listStack.length && l.x < listStack[listStack.length - 1]! - 2) closeLists(listStack.length - 1);
        if (listStack.length && Math.abs(l.x - listStack[listStack.length - 1]!) <= 2) out.push('</li><li>');
        else {
          out.push('<ul><li>');
          listStack.push(l.x);
        }
        const first = l.parts[0];
        if (first) first.text = first.text.replace(BULLET, '');
        out.push(inline(l.parts));
        continue;
      }
      if (listStack.length && !breaks && l.x > listStack[0]!) {
        // A bullet's text going on, on the next line.
        out.push(`<br>${inline(l.parts)}`);
        continue;
      }
      if (heading) {
        flushPara();
        closeLists();
        out.push(`<h${size >= bodySize * 1.5 ? 2 : 3}>${inline(l.parts)}</h${size >= bodySize * 1.5 ? 2 : 3}>`);
        continue;
      }
      if (breaks || otherFont !== !!(prev && bodyFont && !prev.fonts.has(bodyFont))) {
        flushPara();
        closeLists();
      }
      para.push(otherFont ? `<b>${inline(l.parts)}</b>` : inline(l.parts));
    }
    flushPara();
    closeLists();
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${out.join('\n')}</body></html>`;
}
