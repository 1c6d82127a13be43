/** Reports in words: the overdue summary, import previews and results, syncs, interruptions, snapshots. */
import { HISTORY_DAYS, HISTORY_MAX_BYTES, HISTORY_MAX_COUNT } from '../shared/reports';
import type { ImportReport, RefusedRow, Subscription } from '../shared/reports';
import { isSaid, say, sayOr } from '../shared/said';
import type { Summary } from '../shared/doc-order';
import { formatInstant } from '../shared/format-date';
import { SEARCH_LIMIT } from '../shared/docs-query';
import { formatGrouped, intlLocale, t, tn, uiLang } from '../shared/i18n';
import { labelText } from './snapshot-label';

/** "1 match. 2 more in other statuses." (`statusLabel`: what the Status list shows, "Active"). */
export function resultCount(shown: number, other: number, statusLabel: string): string {
  const head =
    shown === 0
      ? other
        ? t('search_no_match_in_status', { status: statusLabel.toLocaleLowerCase(uiLang()) })
        : t('search_no_match')
      : shown >= SEARCH_LIMIT
        ? t('search_best', { count: SEARCH_LIMIT })
        : tn('search_matches', shown);
  if (!other) return head;
  return tn(shown === 0 ? 'search_only_elsewhere' : 'search_more_elsewhere', other, { head });
}

/** "2 overdue · 3 due within 7 days" (DUE_SOON_DAYS), or a calm line when nothing is pressing. */
export function summaryText(s: Summary): string {
  const parts: string[] = [];
  if (s.overdue) parts.push(tn('summary_overdue', s.overdue));
  if (s.dueSoon) parts.push(tn('summary_due_soon', s.dueSoon));
  return parts.length ? parts.join(t('summary_separator')) : t('summary_calm');
}

/** "5 documents", "1 workstream". */
export const documentsText = (n: number): string => tn('count_documents', n);
export const workstreamsText = (n: number): string => tn('count_workstreams', n);

/** "Imported: 5 documents added, 2 updated, 1 refused; 3 workstreams added, 0 updated, 0 refused." */
export function importSummary(report: ImportReport): string {
  const d = report.documents;
  const w = report.workstreams;
  return t('import_summary', {
    docs: documentsText(d.added),
    docsUpdated: d.updated,
    docsRefused: d.refused,
    ws: workstreamsText(w.added),
    wsUpdated: w.updated,
    wsRefused: w.refused,
  });
}

/** The apply button's name after a preview: always begins with "Import" (in English). */
export function importButtonLabel(report: ImportReport): string {
  const docs = report.documents.added + report.documents.updated;
  const ws = report.workstreams.added + report.workstreams.updated;
  if (docs && ws) return t('import_button_both', { docs: documentsText(docs), ws: workstreamsText(ws) });
  if (docs) return t('import_button_docs', { docs: documentsText(docs) });
  if (ws) return t('import_button_ws', { ws: workstreamsText(ws) });
  return t('import_button_nothing');
}

/** The line under a running import: "Importing 1,200 documents…". */
export function importProgressText(report: ImportReport | undefined, filename: string): string {
  const n = report ? report.documents.added + report.documents.updated : 0;
  // Grouped ("1,200"): a running count is read, not parsed.
  return n ? tn('import_progress_docs', n, { count: formatGrouped(n) }) : t('import_progress_file', { file: filename });
}

/** A sync's counts, without the word the import report uses ("12 new, 3 updated, 40 unchanged; 1 conflict kept yours"). */
export function syncCountsText(report: Pick<ImportReport, 'documents' | 'workstreams' | 'conflicts' | 'conflictCount'>): string {
  const d = report.documents;
  const w = report.workstreams;
  const parts = [t('sync_documents', { added: d.added, updated: d.updated, unchanged: d.unchanged })];
  if (d.refused) parts[0] += t('sync_refused', { count: d.refused });
  if (w.added || w.updated) parts.push(t('sync_workstreams', { added: w.added, updated: w.updated }));
  const conflicts = report.conflictCount ?? report.conflicts?.length ?? 0;
  if (conflicts) parts.push(tn('sync_conflicts', conflicts));
  return t('sentence_end', { text: parts.join(t('sync_parts_separator')) });
}

/** "The import of big.json started at 22 Nov 2026, 10:00 was interrupted; nothing of it was written. Import it again." */
export function interruptedText(interrupted: { label: string; startedAt: string }, timeZone?: string): string {
  const label = interrupted.label || t('interrupted_unknown');
  const again = /^import\b/i.test(label)
    ? ` ${t('interrupted_import')}`
    : /^sync\b/i.test(label)
      ? ` ${t('interrupted_sync')}`
      : '';
  return t('interrupted', { label: labelText(label), time: formatInstant(interrupted.startedAt, timeZone) }) + again;
}

/** "12 documents, 4 workstreams". */
export function snapshotCounts(s: { documents: number; workstreams: number }): string {
  return [documentsText(s.documents), workstreamsText(s.workstreams)].join(t('list_separator'));
}

/** “about 3.4 MB”: a size in words (kB under a megabyte). */
export function aboutSize(bytes: number): string {
  if (bytes < 1024 * 1024) return t('size_kb', { size: Math.max(1, Math.round(bytes / 1024)) });
  const mb = new Intl.NumberFormat(intlLocale() ?? uiLang(), { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024);
  return t('size_mb', { size: mb });
}

/** What the history holds and what it keeps, in one sentence. */
export function historyText(snapshots: readonly { documents: number; bytes?: number }[]): string {
  const bytes = snapshots.reduce((sum, s) => sum + (s.bytes ?? s.documents * 600), 0);
  return t('history_text', {
    snapshots: tn('count_snapshots', snapshots.length),
    size: aboutSize(bytes),
    days: HISTORY_DAYS,
    max: HISTORY_MAX_COUNT,
    mb: HISTORY_MAX_BYTES / 1024 / 1024,
  });
}

/** Why a row was refused, in the language in use (the background's words for a report of an older version). */
export function refusedReason(row: Pick<RefusedRow, 'reason' | 'said'>): string {
  const reasons = Array.isArray(row.said) && row.said.every(isSaid) ? row.said.map(say) : [];
  return reasons.length && reasons.every(Boolean) ? reasons.join(t('said_list_separator')) : row.reason;
}

/** Why a whole file was refused, in the language in use ('' when it was not). */
export function reportError(report: Pick<ImportReport, 'error' | 'errorSaid'>): string {
  return sayOr(report.errorSaid, report.error);
}

/** A subscription's last failure, in the language in use (a record of an older version: its stored words). */
export function lastErrorText(sub: Pick<Subscription, 'lastError' | 'lastErrorSaid'>): string {
  return sayOr(sub.lastErrorSaid, sub.lastError);
}
