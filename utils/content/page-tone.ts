/**
 * Whether a badge sits on a dark background (issue 16, item 3): the nearest painted background up the tree
 * from where it is, and only when nothing up the tree is painted, the page's canvas, which is dark only when
 * the page itself takes the dark scheme (`color-scheme`) and the system is dark. An ordinary white page whose
 * body is transparent stays light in dark mode.
 */

const RGB = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/;

/** A computed colour's darkness: true, false, or null when it is (nearly) transparent or not read. */
export function colorIsDark(color: string): boolean | null {
  const m = RGB.exec(color.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  if (!(alpha > 0.5)) return null;
  return 0.2126 * Number(m[1]) + 0.7152 * Number(m[2]) + 0.0722 * Number(m[3]) < 110;
}

/**
 * The canvas under an unpainted page: dark only for a page that takes the dark scheme (`color-scheme` on
 * its root or in its `<meta name="color-scheme">`), and for "light dark" only on a dark system.
 */
export function canvasIsDark(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  // The root's `color-scheme`, else the page's `<meta name="color-scheme">`.
  let scheme = view.getComputedStyle(doc.documentElement).getPropertyValue('color-scheme').trim();
  if (!scheme || scheme === 'normal') scheme = doc.querySelector('meta[name="color-scheme" i]')?.getAttribute('content') ?? '';
  if (!/\bdark\b/.test(scheme) || /\bonly\s+light\b/.test(scheme)) return false;
  return !/\blight\b/.test(scheme) || (view.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false);
}

/** The element whose box an element is drawn in: its parent, or a shadow root's host. */
function container(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * Whether `el` is drawn on a dark background. `known` remembers the answer for every element walked
 * (siblings share their ancestors); give a fresh one when the page may have changed its colours.
 */
export function sitsOnDark(el: Element, known: WeakMap<Element, boolean>): boolean {
  const view = el.ownerDocument.defaultView;
  const walked: Element[] = [];
  let answer: boolean | undefined;
  for (let node: Element | null = el; node; node = container(node)) {
    const seen = known.get(node);
    if (seen !== undefined) {
      answer = seen;
      break;
    }
    walked.push(node);
    const dark = view ? colorIsDark(view.getComputedStyle(node).backgroundColor) : null;
    if (dark !== null) {
      answer = dark;
      break;
    }
  }
  answer ??= canvasIsDark(el.ownerDocument);
  for (const node of walked) known.set(node, answer);
  return answer;
}

/** Whether the page itself is dark (the page chip, in a corner of it): its body's background, else its canvas. */
export function pageIsDark(doc: Document): boolean {
  const node = doc.body ?? doc.documentElement;
  return node ? sitsOnDark(node, new WeakMap()) : false;
}
