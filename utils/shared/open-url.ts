/** Where "Open" goes: the document's own address, in its workstream's Google account. */
import type { DocRecord } from './model';
import { isGoogleDocsUrl, parseDocLink } from './links';
import { docUrl, withAccount } from './doc-urls';
import type { SearchHit } from './search';

/** Ids Google gives a published copy or a form's responder view (their canonical address differs). */
const PUBLISHED_ID = /^(?:2PACX-|1FAIpQL)/;

/**
 * The address "Open" goes to for a document: its stored address only when that address is a
 * Google document address of this very document, not through a redirector (`docs.google.com/url?q=…`)
 * and not another file (issue 13, item 12); otherwise the canonical address of its id.
 */
export function openAddress(doc: Pick<DocRecord, 'id' | 'kind' | 'url'>, account?: string): string {
  const stored = doc.url;
  let own = false;
  if (stored && isGoogleDocsUrl(stored)) {
    const path = new URL(stored).pathname;
    own = !/^\/url(?:\/|$)/i.test(path) && parseDocLink(stored)?.id === doc.id;
  }
  const url = own ? stored! : docUrl({ id: doc.id, kind: doc.kind, published: PUBLISHED_ID.test(doc.id) });
  return withAccount(url, account);
}

/** The URL a hit opens. */
export function openUrl(hit: SearchHit): string {
  return openAddress(hit.doc, hit.workstream?.account);
}
