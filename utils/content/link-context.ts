/**
 * What a page says around a document link, the guesses Docket's editor starts from: the link's text (a title,
 * unless it is only an address: the background decides, shared/link-title), the heading (or agenda item) it
 * stands under as the workstream, and the page it was found on. The one place both ways of tracking a link
 * read them: "+" on its badge and the "Track in Docket…" menu.
 */
import { isItemLine } from '../shared/agenda-item';

/** A link's text, tidied (at most 300 characters). */
export function linkText(link: Element): string {
  return (link.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** "Track in Docket…" asks the page for this: the link's text and the heading above it. */
export function linkGuesses(link: Element): { text: string; heading?: string } {
  const heading = headingAbove(link);
  return heading ? { text: linkText(link), heading } : { text: linkText(link) };
}

/** The nearest heading (or agenda-item line) before an element: the workstream a link stands under. */
export function headingAbove(el: Element): string | undefined {
  let node: Element | null = el;
  for (let steps = 0; node && steps < 400; steps++) {
    const prev: Element | null = node.previousElementSibling;
    if (!prev) {
      node = node.parentElement;
      continue;
    }
    node = prev;
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (/^H[1-6]$/.test(node.tagName) && text) return text.slice(0, 200);
    if (isItemLine(text)) return text;
  }
  return undefined;
}

/** What "Track" asks the editor for: the link, its guesses, and the page (unless the link is the page itself). */
export function trackRequest(
  link: Element,
  page: { href: string; title: string; baseURI: string },
): { url: string; title?: string; wsGuess?: string; source?: string; sourceTitle?: string } {
  const url = new URL(link.getAttribute('href') ?? '', page.baseURI).href;
  const out: ReturnType<typeof trackRequest> = { url };
  const title = linkText(link);
  if (title) out.title = title;
  const heading = headingAbove(link);
  if (heading) out.wsGuess = heading;
  if (url !== page.href) {
    out.source = page.href;
    const pageTitle = page.title.replace(/\s+/g, ' ').trim().slice(0, 500);
    if (pageTitle) out.sourceTitle = pageTitle;
  }
  return out;
}
