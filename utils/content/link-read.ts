/**
 * Reading one link as the linker finds it: the document it points to (CONTRACT §1, through the
 * shared link rules, mail wrappers included), or none when it is not one, is an SVG link (a badge,
 * an HTML element, does not render inside SVG) or sits in editable content (the member is writing).
 */
import { parseMailLink, SAFE_REDIRECT_ATTR, type DocRef } from '../shared/links';

const XHTML = 'http://www.w3.org/1999/xhtml';

const EDITABLE = '[contenteditable]:not([contenteditable="false" i])';

export function isEditable(el: Element): boolean {
  if (el.ownerDocument.designMode === 'on') return true;
  return (el as HTMLElement).isContentEditable === true || el.closest(EDITABLE) !== null;
}

/**
 * Whether anything in `doc` may be editable: asked once per pass over the page, so that a page with no
 * editable content (nearly all) costs no per-link check. `isContentEditable` makes the browser bring the
 * page's style up to date, and `closest()` walks the link's ancestors: on a page of 100,000 links the two
 * were the largest part of Docket's longest tasks (S10). A page made editable by CSS alone
 * (`-webkit-user-modify`) is not seen here: links there get badges, as they did before editing was checked.
 */
export function mayHoldEditable(doc: Document): boolean {
  return doc.designMode === 'on' || doc.querySelector(EDITABLE) !== null;
}

function hrefOf(link: Element): string | null {
  return link.getAttribute('href') ?? link.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
}

/**
 * The document a link on a page at `base` gives a badge to, or null. `editable`: false when the page is
 * known to hold no editable content (mayHoldEditable), which spares the per-link check.
 */
export function badgedDocument(link: Element, base: string, editable = true): DocRef | null {
  const href = hrefOf(link);
  const parsed =
    href && link.namespaceURI === XHTML
      ? parseMailLink(href, base, {
          // the page's real origin: `base` is what a `<base href>` says (issue 28, item 9)
          origin: () => link.ownerDocument.location?.origin,
          saferedirect: () => link.getAttribute(SAFE_REDIRECT_ATTR),
        })
      : null;
  return parsed && !(editable && isEditable(link)) ? parsed : null;
}
