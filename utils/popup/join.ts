/**
 * Joining a group's index (a subscription to the coordinator's published sheet or Docket file) and sharing one:
 * the address a member pastes, the line that says what arrived, the text a coordinator sends, and the check of
 * a published link (does it read as Docket's CSV, CONTRACT §2?). Pure functions; the components do the asking.
 */
import { t, tn } from '../shared/i18n';
import type { Subscription } from '../shared/reports';
import { safeHttpUrl } from './doc-text';
import { parsePopupParams } from '../shared/page-urls';
import { JOIN_MARKER, withoutJoinMarker } from '../shared/join-link';

/** The address as a web address Docket may subscribe to, or a message saying why not. */
export function parseSheetUrl(value: string): { url: string; origin: string; host: string } | { problem: string } {
  const v = withoutJoinMarker(value.trim());
  if (!v) return { problem: t('join_problem_empty') };
  const href = safeHttpUrl(v);
  if (!href) return { problem: t('join_problem_not_web') };
  const u = new URL(href);
  return { url: v, origin: u.origin, host: u.host };
}

/** "synced just now", "synced 5 minutes ago", "synced 2 hours ago", or "" without a sync. */
export function syncedAgo(at: string | undefined, now: number): string {
  if (!at) return '';
  const ms = now - Date.parse(at);
  if (!Number.isFinite(ms)) return '';
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return t('join_synced_just_now');
  if (minutes < 60) return tn('join_synced_minutes', minutes);
  return tn('join_synced_hours', Math.floor(minutes / 60));
}

/**
 * What arrived from a joined sheet: "32 documents in 6 workstreams from the “WG-Strategy” sheet, synced just now."
 * The counts are the sheet's (new, updated and unchanged), not only what changed.
 */
export function arrivedText(sub: Pick<Subscription, 'name' | 'lastReport' | 'lastSuccessAt'>, now: number): string {
  const r = sub.lastReport;
  if (!r) return t('join_arrived_nothing', { name: sub.name });
  const docs = r.documents.added + r.documents.updated + r.documents.unchanged;
  const ws = r.workstreams.added + r.workstreams.updated + r.workstreams.unchanged;
  const when = syncedAgo(sub.lastSuccessAt, now);
  const head = ws
    ? t('join_arrived', { docs: tn('join_docs', docs), workstreams: tn('join_workstreams', ws), name: sub.name })
    : t('join_arrived_no_ws', { docs: tn('join_docs', docs), name: sub.name });
  return when ? t('join_arrived_when', { head, when }) : `${head}.`;
}

/** The text a coordinator sends to the group. */
export function inviteText(url: string): string {
  return t('share_invite_text', { url: url.trim() });
}

/** Where `<` `>` `&` `"` would end the HTML they stand in. */
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/**
 * The join link a coordinator puts on the group's pages (utils/shared/join-link.ts): a member with Docket who
 * clicks it gets the join view with the address filled in.
 */
export function joinLinkHtml(url: string): string {
  return `<a href="${escapeHtml(withoutJoinMarker(url.trim()) + JOIN_MARKER)}">${escapeHtml(t('share_join_link_text'))}</a>`;
}

/** `?join=<address>` on popup.html / docket.html: the join view with the address filled in (the member confirms). */
export function joinParam(search: string): string | null {
  const given = parsePopupParams(search).join?.trim();
  const v = given && withoutJoinMarker(given);
  return v && safeHttpUrl(v) ? v : null;
}

/** What fetching a published link gave (the fetch itself is the caller's). */
export interface Fetched {
  /** The HTTP status; 0 when the fetch failed. */
  status: number;
  /** The address after redirects. */
  finalUrl: string;
  contentType: string;
  text: string;
  /** The fetch failed because the address redirected to a site Docket may not read (where to, the browser hides). */
  redirectedAway?: boolean;
}

export type CsvCheck = { ok: true; rows: number; columns: string[] } | { ok: false; problem: string };

/** An address on Google's own hosts (docs.google.com, drive.google.com, …). */
function isGoogleAddress(url: string): boolean {
  try {
    return /(^|\.)google\.com$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The header row's names, lower case (quotes and a byte-order mark removed). */
function headerNames(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(',').map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase(),
  );
}

/** Rows after the header that are not empty (a quoted line break would count twice: a rough count, said as such). */
function dataRows(text: string): number {
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.replace(/[,"\s]/g, '') !== '').length;
}

/**
 * Does a published link read as Docket's CSV (CONTRACT §2)? Says what is wrong if not: HTML instead of CSV
 * (a `pubhtml` link, or the sheet's editing page), a sign-in page (not published to the web), an HTTP error,
 * no `url`/`id` column, no rows.
 */
export function checkPublishedCsv(requested: string, got: Fetched): CsvCheck {
  if (got.status === 0) {
    // Google sends a reader who is not signed in from a sheet not shared with the world to its sign-in page.
    if (got.redirectedAway && isGoogleAddress(requested)) return { ok: false, problem: t('share_check_sign_in') };
    return { ok: false, problem: t('share_check_unreachable') };
  }
  let final: URL | null = null;
  try {
    final = new URL(got.finalUrl || requested);
  } catch {
    final = null;
  }
  if (final && /(^|\.)accounts\.google\.com$/.test(final.hostname)) return { ok: false, problem: t('share_check_sign_in') };
  if (got.status === 401 || got.status === 403) return { ok: false, problem: t('share_check_sign_in') };
  if (got.status < 200 || got.status >= 300) return { ok: false, problem: t('share_check_http', { status: got.status }) };
  const looksHtml = /html/i.test(got.contentType) || /^\s*<(!doctype|html|head|body)/i.test(got.text);
  if (looksHtml) {
    if (/\/pubhtml\b/.test(requested) || /\/pubhtml\b/.test(got.finalUrl))
      return { ok: false, problem: t('share_check_pubhtml') };
    if (/ServiceLogin|accounts\.google\.com\/v3\/signin|identifierId/.test(got.text))
      return { ok: false, problem: t('share_check_sign_in') };
    if (/\/spreadsheets\/d\/[^/]+\/edit/.test(requested)) return { ok: false, problem: t('share_check_edit_link') };
    return { ok: false, problem: t('share_check_html') };
  }
  const columns = headerNames(got.text);
  if (!columns.includes('url') && !columns.includes('id'))
    return { ok: false, problem: t('share_check_no_url_column', { columns: columns.filter(Boolean).join(', ') || '—' }) };
  const rows = dataRows(got.text);
  if (!rows) return { ok: false, problem: t('share_check_no_rows') };
  return { ok: true, rows, columns };
}
