import { useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { Workstream } from '../utils/model';
import { send } from '../utils/protocol';
import type { ImportCounts, ImportReport, RefusedRow } from '../utils/protocol';
import { importButtonLabel, importSummary } from '../utils/doclist';
import { errorMessage } from './errors';
import { ErrorAlert } from './ErrorAlert';

interface Pending {
  text: string;
  filename: string;
  report: ImportReport;
}

function RefusedList({ rows }: { rows: RefusedRow[] }) {
  if (rows.length === 0) return null;
  return (
    <details className="refused" open={rows.length <= 5}>
      <summary>
        {rows.length} refused {rows.length === 1 ? 'row' : 'rows'}
      </summary>
      <ul>
        {rows.map((r, i) => (
          <li key={i}>
            {r.what === 'document' ? 'Document' : 'Workstream'} {r.row}
            {r.id ? ` (${r.id})` : ''}: {r.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

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

/** Download text as a file through a temporary Blob URL. */
function download(filename: string, mime: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The Import / export view: preview an import, apply it, report; export the index or one workstream. */
export function ImportExport({
  workstreams,
  onError,
  onFileChosen,
}: {
  workstreams: Workstream[];
  onError: (e: unknown) => void;
  /** Called when a file is chosen (the view may be hidden when a test or a user picks one). */
  onFileChosen?: () => void;
}) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [exportWs, setExportWs] = useState('');
  const [exportNote, setExportNote] = useState<string | null>(null);

  async function onChoose(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    onFileChosen?.();
    setPending(null);
    setResult(null);
    setFileError(null);
    if (!file) return;
    setBusy(true);
    try {
      const text = await file.text();
      const report = await send('import/preview', { text, filename: file.name });
      if (report.error) setFileError(`${file.name}: ${report.error} Nothing was imported.`);
      else setPending({ text, filename: file.name, report });
    } catch (err) {
      setFileError(`${file.name}: ${errorMessage(err)} Nothing was imported.`);
    } finally {
      setBusy(false);
    }
  }

  function reset() {
    setPending(null);
    if (fileRef.current) fileRef.current.value = '';
  }

  async function apply() {
    if (!pending || busy) return;
    setBusy(true);
    try {
      const report = await send('import/apply', { text: pending.text, filename: pending.filename });
      if (report.error) {
        setFileError(`${pending.filename}: ${report.error} Nothing was imported.`);
      } else {
        setResult(report);
      }
      reset();
      fileRef.current?.focus();
    } catch (err) {
      setFileError(`${pending.filename}: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  }

  async function doExport(format: 'json' | 'csv') {
    setExportNote(null);
    try {
      const file = await send('export', exportWs ? { format, workstreamId: exportWs } : { format });
      download(file.filename, file.mime, file.text);
      setExportNote(`Downloading ${file.filename}.`);
    } catch (err) {
      onError(err);
    }
  }

  const sortedWs = [...workstreams].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));

  return (
    <div className="import-export">
      <section aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`}>Import</h2>
        <p className="muted small">A Docket JSON file, or a CSV with url or id, title, workstream, group, deadline, status, notes.</p>
        <div className="field">
          <label htmlFor={`${id}-file`}>Choose a file to import (JSON or CSV)</label>
          <input
            id={`${id}-file`}
            ref={fileRef}
            type="file"
            accept=".json,.csv,application/json,text/csv"
            onChange={onChoose}
          />
        </div>
        {busy && <p className="muted">Working…</p>}
        <ErrorAlert message={fileError} onDismiss={() => setFileError(null)} />

        {pending && (
          <div className="preview" aria-labelledby={`${id}-preview`} role="group">
            <h3 id={`${id}-preview`}>Preview of {pending.filename}</h3>
            <table className="counts">
              <thead>
                <tr>
                  <td />
                  <th scope="col">Added</th>
                  <th scope="col">Updated</th>
                  <th scope="col">Unchanged</th>
                  <th scope="col">Refused</th>
                </tr>
              </thead>
              <tbody>
                <CountsRow label="Documents" c={pending.report.documents} />
                <CountsRow label="Workstreams" c={pending.report.workstreams} />
              </tbody>
            </table>
            <RefusedList rows={pending.report.refused} />
            <div className="actions">
              <button type="button" className="primary" onClick={apply} disabled={busy}>
                {importButtonLabel(pending.report)}
              </button>
              <button type="button" onClick={reset} disabled={busy}>
                Cancel
              </button>
            </div>
          </div>
        )}

        {result && (
          <div className="import-result">
            <p role="status">{importSummary(result)}</p>
            <RefusedList rows={result.refused} />
          </div>
        )}
      </section>

      <section aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`}>Export</h2>
        <div className="field">
          <label htmlFor={`${id}-ws`}>Export what</label>
          <select id={`${id}-ws`} value={exportWs} onChange={(e) => setExportWs(e.target.value)}>
            <option value="">Whole index</option>
            {sortedWs.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="button" onClick={() => doExport('json')}>
            Export JSON
          </button>
          <button type="button" onClick={() => doExport('csv')}>
            Export CSV
          </button>
        </div>
        {exportNote && <p className="muted small">{exportNote}</p>}
      </section>
    </div>
  );
}
