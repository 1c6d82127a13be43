/**
 * The CSV form (a Google Sheet published as CSV): columns in any order, a workstream by name,
 * cells trimmed, the delimiter found from the header; and formula neutralisation, both ways.
 */
import {
  type ImpliedField,
  type ImportContext,
  MAX_SHORT,
  type ParseResult,
  clip,
  readDocument,
  refusal,
  refuseFile,
  show,
} from './records';
import Papa from 'papaparse';
import { STATUSES } from '../../shared/model';
import { STATUS_LABELS } from '../../shared/states';
import type { DocRecord, Workstream } from '../../shared/model';
import type { RefusedRow } from '../../shared/reports';
import { parseDocLink } from '../../shared/links';
import { newWorkstreamId, nextWorkstreamColor } from '../../shared/workstreams';
import { said } from '../../shared/said';

export const CSV_COLUMNS = [
  'id',
  'url',
  'kind',
  'title',
  'workstream',
  'group',
  'color',
  'deadline',
  'deadlineNote',
  'status',
  'notes',
  'source',
  'aliases',
  'updatedAt',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** `Deadline Note`, `deadline_note`, `deadlineNote` → `deadlinenote`. */
function headerKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}
const COLUMN_BY_KEY = new Map<string, CsvColumn>(CSV_COLUMNS.map((c) => [headerKey(c), c]));

/**
 * What a spreadsheet may run as a formula: a cell starting with `=`, `+`, `-` or `@` (also their
 * full-width forms, which some spreadsheets read as the same), also after leading whitespace, and
 * a cell starting with a tab or a line break (issue 13, item 16).
 */
const NEUTRALISED_RE = /^'+(?:\s*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\n])/;
const FORMULA_RE = /^'*(?:\s*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\n])/;

/** Undo export's formula neutralisation. */
function unneutralise(cell: string): string {
  return NEUTRALISED_RE.test(cell) ? cell.slice(1) : cell;
}
/** Keep spreadsheets from running a cell as a formula. */
export function neutralise(cell: string): string {
  return FORMULA_RE.test(cell) ? `'${cell}` : cell;
}

/** Workstream names match case-insensitively, whitespace-trimmed, with straight and curly quotes alike. */
function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function statusFromCell(cell: string): string {
  const key = cell.replace(/\s+/g, ' ').trim().toLowerCase();
  for (const status of STATUSES) {
    if (key === status || key === STATUS_LABELS[status].toLowerCase()) return status;
  }
  return cell;
}

function looksLikeData(cell: string): boolean {
  const value = cell.trim();
  return /^https?:\/\//i.test(value) || /^[A-Za-z0-9_-]{25,}$/.test(value) || parseDocLink(value) !== null;
}

function headerColumns(header: readonly string[]): Map<CsvColumn, number> {
  const columns = new Map<CsvColumn, number>();
  header.forEach((name, index) => {
    const column = COLUMN_BY_KEY.get(headerKey(name));
    if (column && !columns.has(column)) columns.set(column, index);
  });
  return columns;
}

/** A `color` cell as the index keeps it (`#rrggbb`, lower case), or undefined when it is not one. */
function csvColor(value: string | undefined): string | undefined {
  return value && /^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : undefined;
}

export function parseCsv(text: string, ctx: ImportContext): ParseResult {
  // The delimiter: `,` unless only `;` or tab gives a header with a url or id column.
  let delimiter = ',';
  for (const candidate of [',', ';', '\t']) {
    const head = Papa.parse<string[]>(text, { delimiter: candidate, preview: 1, skipEmptyLines: 'greedy' }).data[0] ?? [];
    const cols = headerColumns(head);
    if (cols.has('url') || cols.has('id')) {
      delimiter = candidate;
      break;
    }
  }
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (broken) {
    return refuseFile(
      typeof broken.row === 'number' ? said('error_csv_quote_in_row', { row: broken.row }) : said('error_csv_quote'),
    );
  }
  const [header, ...rows] = parsed.data;
  if (!header || header.every((cell) => !cell.trim())) return refuseFile(said('error_csv_no_header'));
  const columns = headerColumns(header);
  if (!columns.has('url') && !columns.has('id')) {
    if (header.some(looksLikeData)) {
      return refuseFile(said('error_csv_header_is_data'));
    }
    const found = header
      .map((h) => h.trim())
      .filter(Boolean)
      .slice(0, 8)
      .map((h) => `"${clip(h, 30)}"`)
      .join(', ');
    return refuseFile(found ? said('error_csv_no_id_column', { found }) : said('error_csv_no_names'));
  }

  const cell = (row: readonly string[], column: CsvColumn): string | undefined => {
    const index = columns.get(column);
    if (index === undefined) return undefined;
    const value = unneutralise((row[index] ?? '').trim());
    return value === '' ? undefined : value;
  };

  const refused: RefusedRow[] = [];
  const documents: DocRecord[] = [];
  // No prototype: a document id may be `constructor` or `__proto__`.
  const implied: Record<string, ImpliedField[]> = Object.create(null);
  const created: Workstream[] = [];
  const byName = new Map<string, Workstream>();
  for (const ws of ctx.existingWorkstreams) if (!byName.has(nameKey(ws.name))) byName.set(nameKey(ws.name), ws);
  const docRow = new Map<string, number>();

  rows.forEach((cells, i) => {
    const row = i + 1;
    const url = cell(cells, 'url');
    let id = cell(cells, 'id');
    if (!id) {
      if (!url) {
        refused.push({ row, what: 'document', ...refusal([said('imp_no_id')]) });
        return;
      }
      const link = parseDocLink(url);
      if (!link) {
        refused.push({ row, what: 'document', ...refusal([said('imp_url_not_doc', { value: show(url) })]) });
        return;
      }
      id = link.id;
    }
    const raw: Record<string, unknown> = { id };
    const put = (key: string, value: unknown) => {
      if (value !== undefined) raw[key] = value;
    };
    put('url', url);
    put('kind', cell(cells, 'kind'));
    put('title', cell(cells, 'title'));
    put('deadline', cell(cells, 'deadline'));
    put('deadlineNote', cell(cells, 'deadlineNote'));
    const status = cell(cells, 'status');
    put('status', status === undefined ? undefined : statusFromCell(status));
    put('notes', cell(cells, 'notes'));
    put('source', cell(cells, 'source'));
    put(
      'aliases',
      cell(cells, 'aliases')
        ?.split(/[\s,;]+/)
        .filter(Boolean),
    );
    put('updatedAt', cell(cells, 'updatedAt'));

    const r = readDocument(raw, ctx.now);
    if (!r.ok) {
      refused.push({ row, what: 'document', id, ...refusal(r.reasons) });
      return;
    }
    const { doc } = r;
    const first = docRow.get(doc.id);
    if (first !== undefined) {
      refused.push({ row, what: 'document', id: doc.id, ...refusal([said('imp_duplicate_row', { row: first })]) });
      return;
    }
    const name = cell(cells, 'workstream');
    if (name) {
      if (name.length > MAX_SHORT) {
        refused.push({ row, what: 'document', id: doc.id, ...refusal([said('imp_ws_name_too_long', { max: MAX_SHORT })]) });
        return;
      }
      let ws = byName.get(nameKey(name));
      if (!ws) {
        const all = [...ctx.existingWorkstreams, ...created];
        ws = {
          id: newWorkstreamId(
            name,
            all.map((w) => w.id),
          ),
          name: name.replace(/\s+/g, ' '),
          // The row's colour (CONTRACT §2: used when the row creates the workstream), else the next free one.
          color: csvColor(cell(cells, 'color')) ?? nextWorkstreamColor(all),
        };
        const group = cell(cells, 'group');
        if (group) ws.group = group;
        created.push(ws);
        byName.set(nameKey(name), ws);
      }
      doc.workstreamId = ws.id;
    }
    docRow.set(doc.id, row);
    documents.push(doc);
    if (r.implied.length) implied[doc.id] = r.implied;
  });
  return { ok: true, value: { workstreams: created, documents, refused, implied } };
}
