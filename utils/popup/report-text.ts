/** Reports in words: the overdue summary, import previews and results, syncs, interruptions, snapshots. */
import { HISTORY_DAYS, HISTORY_MAX_BYTES, HISTORY_MAX_COUNT, type ImportReport } from '../shared/reports';
import type { Summary } from '../shared/doc-order';
import { formatInstant } from '../shared/format-date';
import { DUE_SOON_DAYS } from '../shared/urgency';
import { SEARCH_LIMIT } from '../shared/docs-query';

/** "1 match. 2 more in other statuses." (`statusLabel`: what the Status list shows, "Active"). */
export function resultCount(shown: number, other: number, statusLabel: string): string {
  const plural = (n: number) => (n === 1 ? 'match' : 'matches');
  const head =
    shown === 0
      ? other
        ? `No ${statusLabel.toLowerCase()} documents match.`
        : 'No documents match.'
      : shown >= SEARCH_LIMIT
        ? `The best ${SEARCH_LIMIT} matches.`
        : `${shown} ${plural(shown)}.`;
  if (!other) return head;
  return `${head} ${other} ${shown === 0 ? plural(other) : 'more'} in other statuses.`;
}

/** "2 overdue · 3 due within 7 days" (DUE_SOON_DAYS), or a calm line when nothing is pressing. */
export function summaryText(s: Summary): string {
  const parts: string[] = [];
  if (s.overdue) parts.push(`${s.overdue} overdue`);
  if (s.dueSoon) parts.push(`${s.dueSoon} due within ${DUE_SOON_DAYS} days`);
  return parts.length ? parts.join(' · ') : `Nothing overdue or due within ${DUE_SOON_DAYS} days`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Imported: 5 documents added, 2 updated, 1 refused; 3 workstreams added, 0 updated, 0 refused." */
export function importSummary(report: ImportReport): string {
  const d = report.documents;
  const w = report.workstreams;
  return (
    `Imported: ${plural(d.added, 'document')} added, ${d.updated} updated, ${d.refused} refused; ` +
    `${plural(w.added, 'workstream')} added, ${w.updated} updated, ${w.refused} refused.`
  );
}

/** The apply button's name after a preview: always begins with "Import". */
export function importButtonLabel(report: ImportReport): string {
  const docs = report.documents.added + report.documents.updated;
  const ws = report.workstreams.added + report.workstreams.updated;
  if (docs && ws) return `Import ${plural(docs, 'document')} and ${plural(ws, 'workstream')}`;
  if (docs) return `Import ${plural(docs, 'document')}`;
  if (ws) return `Import ${plural(ws, 'workstream')}`;
  return 'Import (nothing changes)';
}

/** The line under a running import: "Importing 1,200 documents…". */
export function importProgressText(report: ImportReport | undefined, filename: string): string {
  const n = report ? report.documents.added + report.documents.updated : 0;
  return n ? `Importing ${n.toLocaleString('en')} ${n === 1 ? 'document' : 'documents'}…` : `Importing ${filename}…`;
}

/** A sync's counts, without the word the import report uses ("12 new, 3 updated, 40 unchanged; 1 conflict kept yours"). */
export function syncCountsText(report: Pick<ImportReport, 'documents' | 'workstreams' | 'conflicts'>): string {
  const d = report.documents;
  const w = report.workstreams;
  const parts = [`Documents: ${d.added} new, ${d.updated} updated, ${d.unchanged} unchanged`];
  if (d.refused) parts[0] += `, ${d.refused} refused`;
  if (w.added || w.updated) parts.push(`workstreams: ${w.added} new, ${w.updated} updated`);
  const conflicts = report.conflicts?.length ?? 0;
  if (conflicts) parts.push(`${conflicts} ${conflicts === 1 ? 'change' : 'changes'} on both sides, yours kept and flagged`);
  return `${parts.join('; ')}.`;
}

/** "The import of big.json started at 22 Nov 2026, 10:00 was interrupted; nothing of it was written. Import it again." */
export function interruptedText(interrupted: { label: string; startedAt: string }, timeZone?: string): string {
  const label = interrupted.label || 'last operation';
  const again = /^import\b/i.test(label) ? ' Import it again.' : /^sync\b/i.test(label) ? ' It runs again at the next sync.' : '';
  return `The ${label} started at ${formatInstant(interrupted.startedAt, timeZone)} was interrupted; nothing of it was written.${again}`;
}

/** "12 documents, 4 workstreams". */
export function snapshotCounts(s: { documents: number; workstreams: number }): string {
  return `${plural(s.documents, 'document')}, ${plural(s.workstreams, 'workstream')}`;
}

/** “about 3.4 MB”: a size in words (kB under a megabyte). */
export function aboutSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `about ${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} kB`;
  return `about ${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

/** What the history holds and what it keeps, in one sentence. */
export function historyText(snapshots: readonly { documents: number; bytes?: number }[]): string {
  const bytes = snapshots.reduce((sum, s) => sum + (s.bytes ?? s.documents * 600), 0);
  return `${plural(snapshots.length, 'snapshot')}, ${aboutSize(bytes)}. Docket keeps every snapshot of the last ${HISTORY_DAYS} days, and the last import’s, restore’s and upgrade’s whatever their age, up to ${HISTORY_MAX_COUNT} snapshots or ${HISTORY_MAX_BYTES / 1024 / 1024} MB.`;
}
