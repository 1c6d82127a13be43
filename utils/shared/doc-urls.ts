/**
 * Where a Google document opens: its canonical address, and the address for a given Google account.
 * (Whether an address is Docs' or Drive's own is read with the links: isGoogleDocsUrl in links.ts.)
 *
 * Pure functions, no browser APIs.
 */
import type { DocKind } from './model';
import { isGoogleDocsUrl } from './links';

/** The hosts a document opens on (links.ts reads links to them). */
const DOCS = 'docs.google.com';
const DRIVE = 'drive.google.com';

/** Where a document of each kind opens: [by its own id, by its published id]. Other kinds open as a Drive file. */
const OPEN_AT = new Map<DocKind, [string, string]>([
  ['document', ['document/d/ID/edit', 'document/d/e/ID/pub']],
  ['spreadsheet', ['spreadsheets/d/ID/edit', 'spreadsheets/d/e/ID/pubhtml']],
  ['presentation', ['presentation/d/ID/edit', 'presentation/d/e/ID/pub']],
  ['form', ['forms/d/ID/edit', 'forms/d/e/ID/viewform']],
  ['drawing', ['drawings/d/ID/edit', 'drawings/d/e/ID/pub']],
]);

/** Canonical URL to open a document of that kind. */
export function docUrl(ref: { id: string; kind: DocKind; published?: boolean }): string {
  const id = encodeURIComponent(ref.id);
  const at = OPEN_AT.get(ref.kind);
  if (at) return `https://${DOCS}/${at[ref.published ? 1 : 0].replace('ID', () => id)}`;
  return ref.kind === 'folder' ? `https://${DRIVE}/drive/folders/${id}` : `https://${DRIVE}/file/d/${id}/view`;
}

/**
 * The URL to open a document with a given Google account: an account number goes in the
 * path (`/document/u/1/d/ID/edit`), an address in `authuser=`. Without an account, or for a
 * URL that is not Google's, the URL is returned as it is.
 */
export function withAccount(url: string, account: string | undefined): string {
  if (!account || !isGoogleDocsUrl(url)) return url;
  const u = new URL(url);
  u.pathname = u.pathname.replace(/\/u\/\d+(?=\/)/, '');
  u.searchParams.delete('authuser');
  if (/^\d{1,2}$/.test(account)) {
    // docs: /document/u/1/d/…; drive: /u/1/… before the rest.
    u.pathname =
      u.hostname === 'docs.google.com'
        ? u.pathname.replace(/^\/(document|spreadsheets|presentation|forms|drawings|file)\//, `/$1/u/${account}/`)
        : u.pathname.replace(/^\/(file|drive)\//, `/$1/u/${account}/`);
  } else {
    u.searchParams.set('authuser', account);
  }
  return u.href;
}
