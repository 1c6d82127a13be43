/**
 * The first part's eyes (issue 27): whether the page has a link that may get a badge, now or later.
 * One selector query over the page (the Linker's own pre-filter, shared/links: every link the full
 * rules accept passes it), then one observer of the page's changes that looks only at what was added
 * or whose address changed. It stops at the first candidate: from there the Linker reads each link
 * with the full rules. (Reading the candidates with those rules here too would spare the badge code
 * on pages whose only candidates are other Google links, but the rules are 5.5 kB of the first
 * part's 8: measured, 8.3 kB with them, 2.6 kB without.)
 */
import { linkSelectorFor } from '../shared/links';

/**
 * Call `found` once, as soon as `doc` has a document link (at once if it has one now). Returns a
 * function that stops looking.
 */
export function watchForDocumentLinks(doc: Document, found: () => void): () => void {
  let selector = linkSelectorFor(doc.baseURI);
  if (doc.querySelector(selector)) {
    found();
    return () => undefined;
  }
  const observer = new MutationObserver((records) => {
    selector = linkSelectorFor(doc.baseURI);
    for (const record of records) {
      const target = record.target as Element;
      if (record.type === 'attributes') {
        // An address that changed, or content that is no longer editable (its links count again).
        if (target.matches(selector) || target.querySelector(selector)) return hit();
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const el = node as Element;
        if (el.matches(selector) || (el.firstElementChild && el.querySelector(selector))) return hit();
      }
    }
  });
  const hit = () => {
    observer.disconnect();
    found();
  };
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['href', 'contenteditable'],
  });
  return () => observer.disconnect();
}
