/**
 * What a page says around a document link, the guesses Docket's editor starts from: a title from the link's
 * text, the heading (or agenda item) it stands under as the workstream, and the page it was found on. The
 * one place both ways of tracking a link read them: "+" on its badge and the "Track in Docket…" menu.
 */
import { isItemLine } from '../shared/agenda-item';
import { titleFromLinkText } from '../shared/link-title';

/** A link's text, tidied (at most 300 characters). */
export function linkText(link: Element): string {
  return (link.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** The link's text as a title, unless it is only an address. */
export function titleFromLink(link: Element, url: string): string | undefined {
  return titleFromLinkText(linkText(link), url);
}

/** "Track in Docket…" asks the page for this: the link's title guess and the heading above it. */
export function linkGuesses(link: Element, baseURI: string): { text: string; heading?: string } {
  const url = new URL(link.getAttribute('href') ?? '', baseURI).href;
  const heading = headingAbove(link);
  return heading ? { text: titleFromLink(link, url) ?? '', heading } : { text: titleFromLink(link, url) ?? '' };
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
  const title = titleFromLink(link, url);
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
