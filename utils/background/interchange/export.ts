/** Writing the index (or one workstream) as the JSON and CSV forms. */
import { CSV_COLUMNS, type CsvColumn, neutralise } from './csv';
import { DOC_FIELDS, INTERCHANGE_FORMAT, INTERCHANGE_VERSION, type Index, WS_FIELDS } from './records';
import Papa from 'papaparse';
import type { ExportFile } from '../../shared/protocol';

function select(index: Index, workstreamId?: string): Index {
  if (workstreamId === undefined) return index;
  const ws = index.workstreams.find((w) => w.id === workstreamId);
  if (!ws) throw new Error(`There is no workstream '${workstreamId}' to export.`);
  return { workstreams: [ws], documents: index.documents.filter((d) => d.workstreamId === workstreamId) };
}

/** Known fields in `order` (absent ones left out), then `extra`'s fields the record does not already have. */
function ordered(record: object, order: readonly string[], extra: Record<string, unknown> | undefined): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  const entries: [string, unknown][] = [];
  for (const key of order) if (source[key] !== undefined) entries.push([key, source[key]]);
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (!order.includes(key)) entries.push([key, value]);
  }
  return Object.fromEntries(entries);
}

function fileStem(now: string | undefined, workstreamId: string | undefined): string {
  const ws = workstreamId ? `-${workstreamId.replace(/[^A-Za-z0-9_-]+/g, '-')}` : '';
  const date = now && /^\d{4}-\d{2}-\d{2}/.test(now) ? `-${now.slice(0, 10)}` : '';
  return `docket-index${ws}${date}`;
}

/** The interchange file (CONTRACT §2), pretty-printed; with `workstreamId`, that workstream and its documents only. */
export function exportJson(index: Index, now: string, workstreamId?: string): ExportFile {
  const { workstreams, documents } = select(index, workstreamId);
  const file = {
    format: INTERCHANGE_FORMAT,
    version: INTERCHANGE_VERSION,
    exportedAt: now,
    workstreams: workstreams.map((w) => ordered(w, WS_FIELDS, w.extra)),
    documents: documents.map((d) => ordered(d, DOC_FIELDS, d.extra)),
  };
  return {
    filename: `${fileStem(now, workstreamId)}.json`,
    mime: 'application/json',
    text: `${JSON.stringify(file, null, 2)}\n`,
  };
}

/**
 * The CSV form: one document a row, the workstream by name. Cells that a spreadsheet would
 * run as a formula get a leading `'`. `now` (optional) dates the file name.
 */
export function exportCsv(index: Index, workstreamId?: string, now?: string): ExportFile {
  const { workstreams, documents } = select(index, workstreamId);
  const wsById = new Map([...index.workstreams, ...workstreams].map((w) => [w.id, w] as const));
  const data = documents.map((d) => {
    const ws = d.workstreamId ? wsById.get(d.workstreamId) : undefined;
    const values: Record<CsvColumn, string | undefined> = {
      id: d.id,
      url: d.url,
      kind: d.kind,
      title: d.title,
      workstream: ws?.name,
      group: ws?.group,
      deadline: d.deadline,
      deadlineNote: d.deadlineNote,
      status: d.status,
      notes: d.notes,
      source: d.source,
      aliases: d.aliases.join(' '),
      updatedAt: d.updatedAt,
    };
    return CSV_COLUMNS.map((c) => neutralise(values[c] ?? ''));
  });
  const text = Papa.unparse({ fields: [...CSV_COLUMNS], data }, { newline: '\r\n' });
  return { filename: `${fileStem(now, workstreamId)}.csv`, mime: 'text/csv', text };
}
