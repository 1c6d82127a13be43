/** Writing the index (or one workstream) as the JSON and CSV forms. */
import { CSV_COLUMNS, type CsvColumn, neutralise } from './csv';
import { DOC_FIELDS, INTERCHANGE_FORMAT, INTERCHANGE_VERSION, type Index, WS_FIELDS } from './records';
import Papa from 'papaparse';
import type { ExportFile } from '../../shared/protocol';
import { localToday } from '../../shared/calendar';

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

/**
 * A file's name without its extension: `docket-index-2026-11-22` for the whole index, and for one workstream its
 * name (`docket-B-Improvements-to-the-IGF-2026-11-22`); dated with the member's day of `now`.
 */
export function fileStem(now: string | undefined, workstream?: { id: string; name: string }): string {
  const t = now ? Date.parse(now) : NaN;
  const date = Number.isNaN(t) ? '' : `-${localToday(new Date(t))}`;
  if (!workstream) return `docket-index${date}`;
  const name = (slug(workstream.name) || slug(workstream.id) || 'workstream').slice(0, 60).replace(/-+$/, '');
  return `docket-${name}${date}`;
}

/** Letters and digits of any script, the rest as single dashes: safe in a file name on every system. */
function slug(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
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
    filename: `${fileStem(now, workstreamId === undefined ? undefined : workstreams[0])}.json`,
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
      color: ws?.color,
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
  return { filename: `${fileStem(now, workstreamId === undefined ? undefined : workstreams[0])}.csv`, mime: 'text/csv', text };
}
