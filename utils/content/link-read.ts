/**
 * Reading one link as the linker finds it: the document it points to (CONTRACT §1, through the
 * shared link rules, mail wrappers included), or none when it is not one, is an SVG link (a badge,
 * an HTML element, does not render inside SVG) or sits in editable content (the member is writing).
 */
import { parseMailLink, SAFE_REDIRECT_ATTR, type DocRef } from '../shared/links';

const XHTML = 'http://www.w3.org/1999/xhtml';

export function isEditable(el: Element): boolean {
  if (el.ownerDocument.designMode === 'on') return true;
  return (
    (el as HTMLElement).isContentEditable === true || el.closest('[contenteditable]:not([contenteditable="false" i])') !== null
  );
}

function hrefOf(link: Element): string | null {
  return link.getAttribute('href') ?? link.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
}

/** The document a link on a page at `base` gives a badge to, or null. */
export function badgedDocument(link: Element, base: string): DocRef | null {
  const href = hrefOf(link);
  const parsed =
    href && link.namespaceURI === XHTML
      ? parseMailLink(href, base, {
          // the page's real origin: `base` is what a `<base href>` says (issue 28, item 9)
          origin: () => link.ownerDocument.location?.origin,
          saferedirect: () => link.getAttribute(SAFE_REDIRECT_ATTR),
        })
      : null;
  return parsed && !isEditable(link) ? parsed : null;
}
