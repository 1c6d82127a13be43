/**
 * What a page's changes give the linker to look at: the elements added (not Docket's own badges),
 * the links whose `href` or editability changed, and the links whose badge the page took away;
 * then, under those roots, every element the link selector matches.
 */
import { BADGE_TAG } from './badge-view';

/** Add to `roots` what these mutation records ask to be looked at. `linkOf`: a badge host's link. */
export function changedRoots(
  records: Iterable<MutationRecord>,
  linkOf: (host: Element) => Element | undefined,
  roots: Set<Element>,
): void {
  for (const record of records) {
    if (record.type === 'attributes') {
      roots.add(record.target as Element);
      continue;
    }
    for (const node of record.addedNodes) {
      if (node.nodeType === 1 && (node as Element).localName !== BADGE_TAG) roots.add(node as Element);
    }
    for (const node of record.removedNodes) {
      if (node.nodeType !== 1) continue;
      const link = (node as Element).localName === BADGE_TAG ? linkOf(node as Element) : undefined;
      if (link?.isConnected) roots.add(link);
    }
  }
}

/**
 * The links to look at under these roots: each root that matches `selector` or is already badged
 * (a badged link whose href no longer looks like a document is looked at too, to lose its badge),
 * and the matches inside it. Roots that left the page are skipped.
 */
export function linksUnder(roots: Iterable<Element>, selector: string, badged: (el: Element) => boolean): Element[] {
  const links: Element[] = [];
  for (const root of roots) {
    if (!root.isConnected) continue;
    if (badged(root) || root.matches(selector)) links.push(root);
    if (root.firstElementChild) links.push(...root.querySelectorAll(selector));
  }
  return links;
}
