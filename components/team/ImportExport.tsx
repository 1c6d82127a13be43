import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { Workstream } from '@/utils/shared/model';
import { send } from '@/utils/shared/protocol';
import type { ImportCounts, ImportReport, RefusedRow, Resolutions, Subscription } from '@/utils/shared/reports';
import { defaultResolutions } from '@/utils/popup/conflicts';
import { importButtonLabel, importProgressText, importSummary, refusedReason, reportError } from '@/utils/popup/report-text';
import { withUpload, type ImportProgress } from '@/utils/shared/upload';
import { importProgressItem } from '@/utils/shared/storage-items';
import { ConflictTable } from './ConflictTable';
import { errorMessage } from '@/utils/popup/errors';
import { ErrorAlert } from '@/components/common/ErrorAlert';
import { SharedSheets } from './SharedSheets';
import { SnapshotList } from './SnapshotList';
import { downloadBlob } from '@/utils/popup/download';
import { receiveExport } from '@/utils/popup/receive-export';
import { RecentlyDeleted } from '@/components/common/RecentlyDeleted';
import { ScopeSelect } from '@/components/common/ScopeSelect';
import { t, tn } from '@/utils/shared/i18n';
import { progressText } from '@/utils/popup/operation-text';

interface Pending {
  /** The file itself: it is sent again, in pieces, when applied. */
  file: Blob;
  filename: string;
  report: ImportReport;
}

/** What runs in the background now: reading a chosen file (preview) or writing it (apply). */
type Running = { kind: 'reading'; filename: string } | { kind: 'applying'; filename: string; report: ImportReport } | null;

/** The refused rows a report lists (the first MAX_REFUSED_LISTED), under a summary that counts them all. */
function RefusedList({ rows, total }: { rows: RefusedRow[]; total: number }) {
  if (rows.length === 0) return null;
  const more = Math.max(0, total - rows.length);
  return (
    <details className="refused" open={rows.length <= 5}>
      <summary>{tn('team_refused_rows', Math.max(total, rows.length))}</summary>
      <ul>
        {rows.map((r, i) => (
          <li key={i}>
            {t('field_label', {
              label: t(r.what === 'document' ? 'team_refused_document' : 'team_refused_workstream', {
                row: r.row,
                id: r.id ? ` (${r.id})` : '',
              }),
            })}
            {refusedReason(r)}
          </li>
        ))}
      </ul>
      {more > 0 && <p className="muted">{tn('team_refused_more', more)}</p>}
    </details>
  );
}

const refusedTotal = (r: ImportReport) => r.documents.refused + r.workstreams.refused;

function CountsRow({ label, c }: { label: string; c: ImportCounts }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{c.added}</td>
      <td>{c.updated}</td>
      <td>{c.unchanged}</td>
      <td>{c.refused}</td>
    </tr>
  );
}

/** What the progress line says, and how full its bar is (undefined: indeterminate). */
function progressOf(
  running: NonNullable<Running>,
  sent: number | null,
  written: ImportProgress | null,
): { text: string; value?: number } {
  if (running.kind === 'reading') {
    return sent !== null && sent < 1
      ? { text: t('team_reading_percent', { file: running.filename, percent: Math.floor(sent * 100) }), value: sent }
      : { text: t('team_reading', { file: running.filename }) };
  }
  if (written && written.filename === running.filename && written.total > 0) {
    return {
      text: progressText({ done: written.written, total: written.total }),
      value: written.written / written.total,
    };
  }
  return { text: importProgressText(running.report, running.filename) };
}

/**
 * The Import / export view: preview an import (with the fields changed on both sides to decide),
 * apply it, report; export the index or one workstream; shared sheets; history (snapshots).
 * The file input is always there (CONTRACT §4); the rest only while the view is shown.
 */
export function ImportExport({
  workstreams,
  onError,
  onFileChosen,
  active = true,
  revision,
  subscriptions = null,
  onSubscriptionsChanged,
}: {
  workstreams: Workstream[];
  onError: (e: unknown) => void;
  /** Called when a file is chosen (the view may be hidden when a test or a user picks one). */
  onFileChosen?: () => void;
  /** The view is shown. */
  active?: boolean;
  /** Changes whenever the index does (the history reloads). */
  revision?: unknown;
  subscriptions?: Subscription[] | null;
  onSubscriptionsChanged?: (subscriptions: Subscription[]) => void;
}) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [running, setRunning] = useState<Running>(null);
  const busy = running !== null;
  const [fileError, setFileError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [choices, setChoices] = useState<Resolutions>({});
  const [result, setResult] = useState<ImportReport | null>(null);
  const [exportWs, setExportWs] = useState('');
  const [exportNote, setExportNote] = useState<string | null>(null);
  /** How much of the file went to the background (0…1), while reading. */
  const [sent, setSent] = useState<number | null>(null);
  /** How far the background's write is, while applying (it says so in storage). */
  const [written, setWritten] = useState<ImportProgress | null>(null);
  const applying = running?.kind === 'applying';
  useEffect(() => {
    if (!applying) return;
    const stop = importProgressItem.watch(setWritten);
    return () => {
      stop();
      setWritten(null);
    };
  }, [applying]);

  async function onChoose(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    onFileChosen?.();
    setPending(null);
    setResult(null);
    setFileError(null);
    if (!file) return;
    setRunning({ kind: 'reading', filename: file.name });
    setSent(0);
    try {
      const report = await withUpload(
        file,
        send,
        ({ uploadId, chars }) => send('import/preview', { uploadId, chars, filename: file.name }),
        setSent,
      );
      if (report.error) setFileError(t('team_import_refused', { file: file.name, error: reportError(report) }));
      else {
        setChoices(defaultResolutions(report.conflicts));
        setPending({ file, filename: file.name, report });
      }
    } catch (err) {
      setFileError(t('team_import_refused', { file: file.name, error: errorMessage(err) }));
    } finally {
      setRunning(null);
      setSent(null);
    }
  }

  function reset() {
    setPending(null);
    if (fileRef.current) fileRef.current.value = '';
  }

  async function apply() {
    if (!pending || busy) return;
    setRunning({ kind: 'applying', filename: pending.filename, report: pending.report });
    const conflicts = pending.report.conflicts ?? [];
    try {
      const { filename } = pending;
      const report = await withUpload(pending.file, send, ({ uploadId, chars }) =>
        send(
          'import/apply',
          conflicts.length
            ? { uploadId, chars, filename, resolutions: { ...defaultResolutions(conflicts), ...choices } }
            : { uploadId, chars, filename },
        ),
      );
      if (report.error) {
        setFileError(t('team_import_refused', { file: pending.filename, error: reportError(report) }));
      } else {
        setResult(report);
      }
      reset();
      fileRef.current?.focus();
    } catch (err) {
      setFileError(t('team_file_error', { file: pending.filename, error: errorMessage(err) }));
    } finally {
      setRunning(null);
    }
  }

  async function doExport(format: 'json' | 'csv') {
    setExportNote(null);
    try {
      const started = await send('export', exportWs ? { format, workstreamId: exportWs } : { format });
      // The text comes in pieces (no message grows with the index).
      downloadBlob(started.filename, await receiveExport(send, started));
      setExportNote(t('team_downloading', { file: started.filename }));
    } catch (err) {
      onError(err);
    }
  }

  return (
    <div className="import-export">
      <section aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`}>{t('team_import_heading')}</h2>
        <p className="muted small">{t('team_import_hint')}</p>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('team_import_choose')}</label>
          <input id={`${id}-file`} ref={fileRef} type="file" accept=".json,.csv,application/json,text/csv" onChange={onChoose} />
        </div>
        {/* The work happens in the background: the popup stays responsive meanwhile. */}
        <div className="import-progress" aria-live="polite">
          {running &&
            (() => {
              const p = progressOf(running, sent, written);
              return (
                <>
                  {p.value === undefined ? (
                    <progress aria-labelledby={`${id}-progress`} />
                  ) : (
                    <progress aria-labelledby={`${id}-progress`} value={p.value} max={1} />
                  )}
                  <span id={`${id}-progress`}>{p.text}</span>
                </>
              );
            })()}
        </div>
        <ErrorAlert message={fileError} onDismiss={() => setFileError(null)} />

        {active && pending && (
          <div className="preview" aria-labelledby={`${id}-preview`} role="group">
            <h3 id={`${id}-preview`}>{t('team_preview_of', { file: pending.filename })}</h3>
            <table className="counts">
              <thead>
                <tr>
                  <td />
                  <th scope="col">{t('team_col_added')}</th>
                  <th scope="col">{t('team_col_updated')}</th>
                  <th scope="col">{t('team_col_unchanged')}</th>
                  <th scope="col">{t('team_col_refused')}</th>
                </tr>
              </thead>
              <tbody>
                <CountsRow label={t('team_row_documents')} c={pending.report.documents} />
                <CountsRow label={t('team_row_workstreams')} c={pending.report.workstreams} />
              </tbody>
            </table>
            {!!pending.report.conflicts?.length && (
              <ConflictTable
                conflicts={pending.report.conflicts}
                total={pending.report.conflictCount}
                choices={choices}
                workstreams={workstreams}
                disabled={busy}
                onChoose={(key, side) => setChoices((c) => ({ ...c, [key]: side }))}
              />
            )}
            <RefusedList rows={pending.report.refused} total={refusedTotal(pending.report)} />
            <div className="actions">
              <button type="button" className="primary" onClick={apply} disabled={busy}>
                {importButtonLabel(pending.report)}
              </button>
              <button type="button" onClick={reset} disabled={busy}>
                {t('team_cancel')}
              </button>
            </div>
          </div>
        )}

        {/* Always there, so that a screen reader hears the report when it appears (a region added with its text is not). */}
        <p role="status" className="import-summary">
          {result ? importSummary(result) : ''}
        </p>
        {result && (
          <div className="import-result">
            {!!result.conflicts?.length && (
              <p className="muted small">{tn('team_conflicts_kept', result.conflictCount ?? result.conflicts.length)}</p>
            )}
            <RefusedList rows={result.refused} total={refusedTotal(result)} />
          </div>
        )}
      </section>

      <section aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`}>{t('team_export_heading')}</h2>
        <ScopeSelect
          id={`${id}-ws`}
          label={t('team_export_what')}
          wholeLabel={t('team_export_whole')}
          value={exportWs}
          workstreams={workstreams}
          onChange={setExportWs}
        />
        <div className="actions">
          <button type="button" onClick={() => doExport('json')}>
            {t('team_export_json')}
          </button>
          <button type="button" onClick={() => doExport('csv')}>
            {t('team_export_csv')}
          </button>
        </div>
        {exportNote && <p className="muted small">{exportNote}</p>}
      </section>

      {active && (
        <>
          <SharedSheets subscriptions={subscriptions} onChanged={(list) => onSubscriptionsChanged?.(list)} />
          <RecentlyDeleted revision={revision} />
          <SnapshotList revision={revision} />
        </>
      )}
    </div>
  );
}
