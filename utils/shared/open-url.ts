/** Where "Open" goes: the document's own address, in its workstream's Google account. */
import { docUrl, isGoogleDocsUrl, withAccount } from './links';
import type { SearchHit } from './search';

/** The URL a hit opens. */
export function openUrl(hit: SearchHit): string {
  const url = hit.doc.url && isGoogleDocsUrl(hit.doc.url) ? hit.doc.url : docUrl(hit.doc);
  return withAccount(url, hit.workstream?.account);
}
