/** How the popup names things: where a document was found, site patterns, tracked lookups. */
import { isIsoDate, type DocRecord } from '../shared/model';
import { t } from '../shared/i18n';
import { formatDate, mentionsDay } from '../shared/format-date';

/** A tab's title without Google's suffix (in utils/shared: the scanner uses it too). */
export { titleFromTab } from '../shared/tab-title';

/** The record that tracks this id, directly or through an alias. */
export function findTracked(docs: readonly DocRecord[], id: string): DocRecord | undefined {
  return docs.find((d) => d.id === id) ?? docs.find((d) => d.aliases.includes(id));
}

/** How many documents each workstream holds (key: workstream id). */
export function countByWorkstream(docs: readonly DocRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of docs) if (d.workstreamId) counts.set(d.workstreamId, (counts.get(d.workstreamId) ?? 0) + 1);
  return counts;
}

/** `*://docs.google.com/*` → `docs.google.com`, `*://*.intgovforum.org/*` → `*.intgovforum.org`. */
export function patternLabel(pattern: string): string {
  const m = /^(?:\*|https?):\/\/([^/]+)\/.*$/.exec(pattern);
  return m ? m[1]! : pattern;
}

/** `url` when it is an http(s) address, else undefined (never a `javascript:` link). */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export interface SourceInfo {
  /** "IGF 2020 MAG WG-Strategy minutes (meeting Thu, Sep 24, 2020)" (no date twice), or the page's host. */
  text: string;
  /** The page, when it is an http(s) address. */
  href?: string;
  /** The sentence the deadline was taken from. */
  quote?: string;
}

/** Where a document was found, for "From: …" and the deadline's sentence; null when nothing is known. */
export function sourceInfo(doc: Pick<DocRecord, 'source' | 'sourceTitle' | 'sourceDate' | 'deadlineSource'>): SourceInfo | null {
  const href = safeHttpUrl(doc.source);
  const title = doc.sourceTitle?.replace(/\s+/g, ' ').trim();
  let name = title || (href ? new URL(href).hostname : doc.source?.trim() || '');
  const quote = doc.deadlineSource?.replace(/\s+/g, ' ').trim() || undefined;
  if (!name && doc.sourceDate) name = t('source_the_minutes');
  if (!name) return quote ? { text: '', quote } : null;
  const dated = doc.sourceDate && isIsoDate(doc.sourceDate) && !mentionsDay(name, doc.sourceDate);
  const text = dated ? t('source_dated', { name, date: formatDate(doc.sourceDate!) }) : name;
  const out: SourceInfo = { text };
  if (href) out.href = href;
  if (quote) out.quote = quote;
  return out;
}

/**
 * Whether a deadline note says what the deadline's sentence says (a scan keeps the sentence as the note, cut
 * to 160 characters with "…"): a row then shows it once.
 */
export function noteRepeatsQuote(note: string | undefined, quote: string | undefined): boolean {
  const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();
  const stem = tidy(note ?? '').replace(/…$/, '');
  return stem.length > 0 && tidy(quote ?? '').startsWith(stem);
}
