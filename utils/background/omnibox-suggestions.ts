/**
 * The address bar keyword `dk`: "dk mhlb models" suggests documents, ranked by match and then
 * by deadline; choosing one opens it (with its workstream's Google account).
 */
import { isGoogleDocsUrl, parseDocLink } from '../shared/links';
import { docUrl } from '../shared/doc-urls';
import { openUrl } from '../shared/open-url';
import { plainLine } from '../shared/plain-text';
import type { SearchHit } from '../shared/search';
import { relativeDeadline } from '../shared/urgency';

export interface Suggestion {
  content: string;
  description: string;
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * Suggestions for the address bar. Chrome's descriptions are XML (`<dim>`, `<match>`), Firefox's
 * plain text. `content` is the document's URL, unique per suggestion.
 */
export function suggestions(hits: readonly SearchHit[], today: string, xml: boolean): Suggestion[] {
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const hit of hits) {
    const content = openUrl(hit);
    if (seen.has(content)) continue;
    seen.add(content);
    // No control or bidi-control characters: Chrome refuses a description holding some (issue 13, item 15).
    const title = plainLine(hit.doc.title || '') || hit.doc.id;
    const details = [hit.workstream?.name && plainLine(hit.workstream.name), relativeDeadline(hit.doc, today)]
      .filter(Boolean)
      .join(' · ');
    out.push({
      content,
      description: xml
        ? `<match>${escapeXml(title)}</match>${details ? ` <dim>— ${escapeXml(details)}</dim>` : ''}`
        : `${title}${details ? ` — ${details}` : ''}`,
    });
  }
  return out;
}

/**
 * Where Enter goes: a chosen suggestion's URL (or a pasted document link) as it is, else the best hit, else
 * nothing. A pasted link the link module reads only with help (a redirector, an archiver's full stop, entities
 * left in it: CONTRACT §1a) opens the document it names, at the document's own address.
 */
export function destination(text: string, hits: readonly SearchHit[]): string | null {
  const typed = text.trim();
  const ref = parseDocLink(typed);
  if (ref) return isGoogleDocsUrl(typed) && new RegExp(`[/=]${ref.id}(?:[/?#&]|$)`).test(typed) ? typed : docUrl(ref);
  if (isGoogleDocsUrl(typed)) return typed;
  return hits[0] ? openUrl(hits[0]) : null;
}
