/**
 * A shared sheet's own name, from the `Content-Disposition` header its server may send with the file
 * (`attachment; filename="WG-Strategy - Sheet1.csv"`, or RFC 6266's `filename*=UTF-8''…`). A subscription
 * joined without a name (the join view asks for none) takes it, so that the member reads "from the
 * “WG-Strategy - Sheet1” sheet" rather than the site's name. Pure; undefined when there is no usable name.
 */
import { plainLine } from '../shared/plain-text';

/** A subscription's name until the sheet names itself: its site's (`www.intgovforum.org`). */
export function siteName(url: string): string {
  return new URL(url).host;
}

/** Longest name kept: a title, not a paragraph. */
export const MAX_TITLE = 80;

function decodeStar(value: string): string | undefined {
  // charset'lang'percent-encoded
  const m = /^([\w!#$%&+^`{}~-]*)'[\w-]*'(.*)$/.exec(value);
  if (!m) return undefined;
  try {
    return /^utf-8$/i.test(m[1]!) || m[1] === '' ? decodeURIComponent(m[2]!) : unescape(m[2]!);
  } catch {
    return undefined;
  }
}

export function feedTitle(disposition: string | null | undefined): string | undefined {
  if (!disposition) return undefined;
  let name: string | undefined;
  const star = /(?:^|;)\s*filename\*\s*=\s*("?)([^";]+)\1/i.exec(disposition);
  if (star) name = decodeStar(star[2]!.trim());
  if (name === undefined) {
    const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(disposition);
    if (plain) name = (plain[1] ?? plain[2] ?? '').replace(/\\(.)/g, '$1').trim();
  }
  if (!name) return undefined;
  // No folders, no extension; no control or bidi-control characters (plain-text.ts), whitespace folded.
  const title = plainLine(name.replace(/^.*[\\/]/, '').replace(/\.(csv|json|tsv|txt)$/i, ''));
  if (!title) return undefined;
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1).trimEnd()}…` : title;
}
