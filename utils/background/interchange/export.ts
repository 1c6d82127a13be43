/** Writing the index (or one workstream) as the JSON and CSV forms. */
import { CSV_COLUMNS, type CsvColumn, neutralise } from './csv';
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION, type Index } from './records';
import { DOC_FIELDS, WS_FIELDS } from '../../shared/model';
import Papa from 'papaparse';
import type { ExportFile } from '../../shared/protocol';
import { localToday } from '../../shared/calendar';
import { SaidError, said } from '../../shared/said';
import type { Correction } from '../../shared/scan-memory';

function select(index: Index, workstreamId?: string): Index {
  if (workstreamId === undefined) return index;
  const ws = index.workstreams.find((w) => w.id === workstreamId);
  if (!ws) throw new SaidError(said('error_no_workstream_to_export', { id: workstreamId }));
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

/** About how many characters one piece of an export holds (one `export/piece` message: a few milliseconds to receive). */
export const EXPORT_PIECE_CHARS = 512 * 1024;

/** An export written piece by piece: its name and type, how many documents, and its text in pieces. */
export interface ExportPieces {
  filename: string;
  mime: string;
  documents: number;
  /** The file's text in order, each piece about `EXPORT_PIECE_CHARS` long (made as asked, never the whole text at once). */
  pieces: Iterator<string, undefined>;
}

/** Pieces of about `size` characters from a sequence of strings (each kept whole). */
function* gather(parts: Iterable<string>, size: number): Generator<string, undefined> {
  let buffer: string[] = [];
  let length = 0;
  for (const part of parts) {
    buffer.push(part);
    length += part.length;
    if (length >= size) {
      yield buffer.join('');
      buffer = [];
      length = 0;
    }
  }
  if (length || !buffer.length) yield buffer.join('');
  return undefined;
}

/**
 * The interchange file (CONTRACT §2), pretty-printed, in pieces: the same text as one
 * `JSON.stringify(file, null, 2)`, each document written as its piece is asked for, so that an index
 * of 200,000 documents never becomes one string (nor one message).
 */
export function exportJsonPieces(
  index: Index,
  now: string,
  workstreamId?: string,
  size = EXPORT_PIECE_CHARS,
  /** The whole index's export also carries Scan's memory of corrections (utils/shared/scan-memory.ts). */
  scanMemory: readonly Correction[] = [],
): ExportPieces {
  const { workstreams, documents } = select(index, workstreamId);
  const head = JSON.stringify(
    {
      format: INTERCHANGE_FORMAT,
      version: INTERCHANGE_VERSION,
      exportedAt: now,
      ...(workstreamId === undefined && scanMemory.length ? { scanMemory } : {}),
      workstreams: workstreams.map((w) => ordered(w, WS_FIELDS, w.extra)),
    },
    null,
    2,
  );
  function* parts(): Generator<string> {
    // The head without its closing brace, then the documents at the depth JSON.stringify puts them.
    yield `${head.slice(0, -2)},\n  "documents": [`;
    if (!documents.length) {
      yield ']\n}\n';
      return;
    }
    for (let i = 0; i < documents.length; i++) {
      const d = documents[i]!;
      yield `${i ? ',' : ''}\n    ${JSON.stringify(ordered(d, DOC_FIELDS, d.extra), null, 2).replace(/\n/g, '\n    ')}`;
    }
    yield '\n  ]\n}\n';
  }
  return {
    filename: `${fileStem(now, workstreamId === undefined ? undefined : workstreams[0])}.json`,
    mime: 'application/json',
    documents: documents.length,
    pieces: gather(parts(), size),
  };
}

/** The interchange file whole (small indexes and tests; the background sends pieces). */
export function exportJson(index: Index, now: string, workstreamId?: string, scanMemory: readonly Correction[] = []): ExportFile {
  const file = exportJsonPieces(index, now, workstreamId, EXPORT_PIECE_CHARS, scanMemory);
  return { filename: file.filename, mime: file.mime, text: joinPieces(file) };
}

/** Rows of the CSV form per `unparse` call: each piece a few hundred kilobytes. */
const CSV_ROWS_PER_PART = 500;

/**
 * The CSV form, in pieces: one document a row, the workstream by name. Cells that a spreadsheet
 * would run as a formula get a leading `'`. `now` (optional) dates the file name.
 */
export function exportCsvPieces(index: Index, workstreamId?: string, now?: string, size = EXPORT_PIECE_CHARS): ExportPieces {
  const { workstreams, documents } = select(index, workstreamId);
  const wsById = new Map([...index.workstreams, ...workstreams].map((w) => [w.id, w] as const));
  const row = (d: (typeof documents)[number]) => {
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
  };
  function* parts(): Generator<string> {
    const fields = [...CSV_COLUMNS];
    for (let at = 0; at === 0 || at < documents.length; at += CSV_ROWS_PER_PART) {
      const data = documents.slice(at, at + CSV_ROWS_PER_PART).map(row);
      // The header once; each later part on a new line (unparse ends without one).
      yield at === 0
        ? Papa.unparse({ fields, data }, { newline: '\r\n' })
        : `\r\n${Papa.unparse({ fields, data }, { newline: '\r\n', header: false })}`;
    }
  }
  return {
    filename: `${fileStem(now, workstreamId === undefined ? undefined : workstreams[0])}.csv`,
    mime: 'text/csv',
    documents: documents.length,
    pieces: gather(parts(), size),
  };
}

/** The CSV form whole (small indexes and tests; the background sends pieces). */
export function exportCsv(index: Index, workstreamId?: string, now?: string): ExportFile {
  const file = exportCsvPieces(index, workstreamId, now);
  return { filename: file.filename, mime: file.mime, text: joinPieces(file) };
}

function joinPieces(file: ExportPieces): string {
  const out: string[] = [];
  for (let r = file.pieces.next(); !r.done; r = file.pieces.next()) out.push(r.value);
  return out.join('');
}
