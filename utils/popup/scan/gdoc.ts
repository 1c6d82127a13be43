/**
 * A Google document open in the tab: the Docs editor draws on a canvas, so the page holds no
 * text. Docket reads the document's own HTML export instead (`/document/d/ID/export?format=html`,
 * the member's own session and Docket's permission for docs.google.com), and says plainly when
 * Google refuses it (signed out, no access).
 *
 * The export styles text with classes (`.c3{font-weight:700}`): they are written onto the
 * elements as inline styles, so that the scanner sees bold and struck-through text as on any page.
 */
import { parseDocLink } from '../../shared/links';
import { t } from '../../shared/i18n';

/** The export address of the Google document shown at `url` (keeps a `/u/N/` account), else undefined. */
export function googleDocExportUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.hostname.toLowerCase() !== 'docs.google.com') return undefined;
  const ref = parseDocLink(url);
  if (!ref || ref.kind !== 'document' || ref.published) return undefined;
  const account = /\/document\/(u\/\d+\/)/.exec(u.pathname)?.[1] ?? '';
  return `${u.origin}/document/${account}d/${ref.id}/export?format=html`;
}

/** Google's own hosts (google.com and its subdomains, googleusercontent.com's): where an export may be answered from. */
export function isGoogleHost(host: string): boolean {
  return /(?:^|\.)google\.com$|\.googleusercontent\.com$/i.test(host);
}

/** Why an export answer is no document, in the language in use: `undefined` when it is one. */
export function exportRefusal(
  res: { ok: boolean; status: number; url: string; redirected?: boolean },
  type: string | null,
): string | undefined {
  let host = '';
  try {
    host = new URL(res.url).hostname;
  } catch {
    host = '';
  }
  if (/^accounts\.google\.com$/i.test(host) || /ServiceLogin|signin/i.test(res.url)) {
    return t('scan_export_sign_in');
  }
  if (res.status === 401 || res.status === 403) {
    return t('scan_export_no_access');
  }
  if (res.status === 404) return t('scan_export_not_found');
  if (!res.ok) return t('scan_export_http', { status: String(res.status) });
  if (!/text\/html/i.test(type ?? '')) return t('scan_export_not_text');
  return undefined;
}

/** Writes the export's class styles (bold, struck through) onto its elements. */
export function inlineExportStyles(doc: Document): void {
  const bold = new Set<string>();
  const struck = new Set<string>();
  for (const style of Array.from(doc.querySelectorAll('style'))) {
    for (const m of (style.textContent ?? '').matchAll(/\.([\w-]+)\s*\{([^}]*)\}/g)) {
      if (/font-weight\s*:\s*(?:bold|[6-9]00)/i.test(m[2]!)) bold.add(m[1]!);
      if (/line-through/i.test(m[2]!)) struck.add(m[1]!);
    }
  }
  if (!bold.size && !struck.size) return;
  for (const el of Array.from(doc.body?.querySelectorAll('[class]') ?? [])) {
    const classes = Array.from(el.classList);
    const extra = [
      classes.some((c) => bold.has(c)) ? 'font-weight:700' : '',
      classes.some((c) => struck.has(c)) ? 'text-decoration:line-through' : '',
    ].filter(Boolean);
    if (extra.length) el.setAttribute('style', `${el.getAttribute('style') ?? ''};${extra.join(';')}`);
  }
}
