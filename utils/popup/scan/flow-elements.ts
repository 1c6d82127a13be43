/**
 * How the scanner's page reader (flow.ts) treats each kind of element: skipped (scripts, form
 * controls, Docket's own badges, hidden), a paragraph of its own, a line of its own, a table
 * cell; and which elements make their text a quote, a signature, bold or struck through
 * (tags, Gmail's classes, and the inline styles Google Docs exports write).
 */

export const SKIP = new Set([
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
export const PARA = new Set([
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
export const LINE = new Set(['DIV', 'CENTER', 'TBODY', 'THEAD', 'TFOOT', 'LEGEND']);
export const CELL = new Set(['TD', 'TH']);
const BOLD = new Set(['B', 'STRONG']);
const STRUCK = new Set(['DEL', 'S', 'STRIKE']);

export function isQuoteElement(el: Element): boolean {
  return el.tagName === 'BLOCKQUOTE' || el.classList.contains('gmail_quote') || el.getAttribute('type') === 'cite';
}

export function isSignatureElement(el: Element): boolean {
  return (
    el.classList.contains('gmail_signature') ||
    el.getAttribute('data-smartmail') === 'gmail_signature' ||
    el.classList.contains('signature') ||
    el.id === 'signature'
  );
}

export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (el.hasAttribute('data-docket-id')) return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

export function isBoldElement(el: Element, tag: string): boolean {
  if (BOLD.has(tag)) return true;
  const style = el.getAttribute('style');
  // Google Docs exports write bold as a styled span.
  return !!style && /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(style);
}

export function isStruckElement(el: Element, tag: string): boolean {
  if (STRUCK.has(tag)) return true;
  const style = el.getAttribute('style');
  return !!style && /line-through/i.test(style);
}
