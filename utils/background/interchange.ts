/**
 * The interchange file (CONTRACT §2): reading a JSON (`docket-index`) or CSV file into
 * records, planning how they merge into the index, and writing the JSON and CSV forms.
 *
 * Pure functions, no browser APIs: this module runs in the background service worker.
 *
 * Decisions where the contract is silent:
 * - A whole-file problem (not JSON/CSV, other format, newer version, …) refuses the file;
 *   a problem in one document or workstream refuses that row only, with a reason.
 * - JSON: a missing `version` is refused like a non-integer one; a missing `documents` or
 *   `workstreams` list counts as empty. `null` and `""` in an optional field mean "absent".
 *   `status` must be a contract value in JSON; the CSV form also accepts the labels.
 * - A workstream `color` that is not `#rrggbb` is dropped (the row is kept).
 * - A published URL (`/d/e/2PACX-…`) whose id differs from the record's id adds that id to
 *   `aliases`; any other URL is kept as it is, even when it names another document.
 * - `updatedAt` is stored as `Date#toISOString()`.
 * - CSV: cells are trimmed; the delimiter is `,` or, when the header row only makes sense
 *   that way, `;` or tab. A row's `group` applies only to a workstream that row creates.
 *   Ids of new workstreams and their colours follow the popup's rules (doclist.ts).
 * - Merge: fields absent from the file never erase what the index has; `kind` and
 *   `updatedAt` that were only defaulted (see {@link ParsedImport.implied}) never
 *   override the index either.
 * - Formula neutralisation is a bijection: export prefixes `'` to a cell matching
 *   `^'*[=+\-@\t\r]`, import removes one `'` from a cell matching `^'+[=+\-@\t\r]`.
 */
import * as v from 'valibot';
import Papa from 'papaparse';
import { DOC_KINDS, STATUSES, isIsoDate, ACCOUNT_RE } from '../shared/model';
import { STATUS_LABELS } from '../shared/states';
import type { DocKind, DocRecord, Workstream } from '../shared/model';
import type { ExportFile } from '../shared/protocol';
import type { ImportCounts, ImportReport, MergeConflict, RefusedRow, Resolutions } from '../shared/reports';
import { parseDocLink } from '../shared/links';
import { newWorkstreamId, nextWorkstreamColor } from '../shared/workstreams';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** The newest interchange version this Docket reads and the one it writes. */
export const INTERCHANGE_VERSION = 1;
export const INTERCHANGE_FORMAT = 'docket-index';

/** Fields of a parsed document that the file did not give and the parser filled in. */
export type ImpliedField = 'kind' | 'updatedAt';

export interface ParsedImport {
  workstreams: Workstream[];
  documents: DocRecord[];
  refused: RefusedRow[];
  /**
   * By document id: fields the file did not give (`kind` from the url or "document",
   * `updatedAt` = now). planMerge does not let them override an existing record.
   * Absent: every field counts as given.
   */
  implied?: Record<string, ImpliedField[]>;
}

export type ParseResult = { ok: true; value: ParsedImport } | { ok: false; error: string };

export interface ImportContext {
  existingWorkstreams: Workstream[];
  /** ISO instant; `updatedAt` of documents that do not say. */
  now: string;
}

type Index = { documents: DocRecord[]; workstreams: Workstream[] };

// --- small helpers ---------------------------------------------------------------------------

const DRIVE_ID_RE = /^[A-Za-z0-9_-]+$/;
const HEX_COLOR_RE = /^#[0-9a-fA-F]{6}$/;
const MAX_ID = 200;
const MAX_SHORT = 2_000;
const MAX_LONG = 100_000;

const DOC_FIELDS = [
  'id',
  'kind',
  'title',
  'url',
  'aliases',
  'workstreamId',
  'deadline',
  'deadlineNote',
  'status',
  'notes',
  'source',
  'sourceTitle',
  'sourceDate',
  'deadlineSource',
  'updatedAt',
] as const;
const WS_FIELDS = ['id', 'name', 'group', 'color', 'account'] as const;

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A value as it appears in a reason: `'wip'`, `5`, `null`. */
function show(value: unknown): string {
  if (typeof value === 'string') return `'${clip(value)}'`;
  try {
    return clip(JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

/** What kind of value it is, for "must be text, not …". */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text ${show(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** UTF-8 size without allocating; stops counting once over `limit`. */
function utf8Bytes(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function isTooBig(text: string): boolean {
  if (text.length * 3 <= MAX_IMPORT_BYTES) return false;
  if (text.length > MAX_IMPORT_BYTES) return true;
  return utf8Bytes(text, MAX_IMPORT_BYTES) > MAX_IMPORT_BYTES;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
}

function unique(values: Iterable<string>, without?: string): string[] {
  const out: string[] = [];
  for (const value of values) if (value !== without && !out.includes(value)) out.push(value);
  return out;
}

/**
 * Unknown values nested deeper than this are not kept: they could be neither exported
 * (JSON.stringify overflows the stack) nor compared, stored or sent to a page.
 */
const MAX_EXTRA_DEPTH = 64;

/** True when `value` nests more than `limit` levels of objects/lists (stops looking at `limit`). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit <= 0) return true;
  for (const item of Object.values(value)) if (nestsDeeperThan(item, limit - 1)) return true;
  return false;
}

/** Fields of `raw` that are not in `known` (and can be kept), or undefined when there are none. */
function extraOf(raw: Record<string, unknown>, known: readonly string[]): Record<string, unknown> | undefined {
  const entries = Object.entries(raw).filter(([key, value]) => !known.includes(key) && !nestsDeeperThan(value, MAX_EXTRA_DEPTH));
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function kindList(): string {
  return DOC_KINDS.join(', ');
}
function statusList(): string {
  return STATUSES.join(', ');
}

// --- schemas ---------------------------------------------------------------------------------

/** "`field` missing" for a required key the object lacks, else `otherwise`. */
function objectMessage(what: string) {
  return (issue: v.LooseObjectIssue): string => {
    const item = issue.path?.[0];
    if (item && item.type === 'object' && item.origin === 'key') return `${String(item.key)} missing`;
    return `a ${what} must be an object, not ${describe(issue.input)}`;
  };
}

const text = (field: string, max: number) =>
  v.pipe(
    v.string((i) => `${field} must be text, not ${describe(i.input)}`),
    v.maxLength(max, () => `${field} is longer than ${max} characters`),
  );

const driveId = (field: string) =>
  v.pipe(
    v.string((i) => `${field} must be text, not ${describe(i.input)}`),
    v.trim(),
    v.nonEmpty(`${field} missing`),
    v.maxLength(MAX_ID, (i) => `${field} ${show(i.input)} is not a Drive id (too long)`),
    v.regex(DRIVE_ID_RE, (i) => `${field} ${show(i.input)} is not a Drive id`),
  );

const dateSchema = (field: string) =>
  v.pipe(
    v.string((i) => `${field} must be text (YYYY-MM-DD), not ${describe(i.input)}`),
    v.trim(),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, (i) => `${field} ${show(i.input)} is not a date in the form YYYY-MM-DD`),
    v.check(isIsoDate, (i) => `${field} ${show(i.input)} is not a real date (YYYY-MM-DD)`),
  );
const deadlineSchema = dateSchema('deadline');

const updatedAtSchema = v.pipe(
  v.string((i) => `updatedAt must be text (an ISO instant), not ${describe(i.input)}`),
  v.trim(),
  v.isoTimestamp((i) => `updatedAt ${show(i.input)} is not an ISO instant like 2020-08-27T14:00:00.000Z`),
  v.check(
    (s) => !Number.isNaN(Date.parse(s)) && isIsoDate(s.slice(0, 10)),
    (i) => `updatedAt ${show(i.input)} is not a real instant`,
  ),
  v.transform((s) => new Date(s).toISOString()),
);

const DocumentSchema = v.looseObject(
  {
    id: driveId('id'),
    kind: v.optional(v.picklist(DOC_KINDS, (i) => `unknown kind ${show(i.input)} (one of ${kindList()})`)),
    title: v.optional(text('title', MAX_SHORT)),
    url: v.optional(text('url', MAX_SHORT)),
    aliases: v.optional(v.array(driveId('alias'), (i) => `aliases must be a list of ids, not ${describe(i.input)}`)),
    workstreamId: v.optional(v.pipe(text('workstreamId', MAX_ID), v.trim())),
    deadline: v.optional(deadlineSchema),
    deadlineNote: v.optional(text('deadlineNote', MAX_SHORT)),
    status: v.optional(v.picklist(STATUSES, (i) => `unknown status ${show(i.input)} (one of ${statusList()})`)),
    notes: v.optional(text('notes', MAX_LONG)),
    source: v.optional(text('source', MAX_SHORT)),
    sourceTitle: v.optional(text('sourceTitle', MAX_SHORT)),
    sourceDate: v.optional(dateSchema('sourceDate')),
    deadlineSource: v.optional(text('deadlineSource', MAX_SHORT)),
    updatedAt: v.optional(updatedAtSchema),
  },
  objectMessage('document'),
);

const WorkstreamSchema = v.looseObject(
  {
    id: v.pipe(text('id', MAX_ID), v.trim(), v.nonEmpty('id missing')),
    name: v.pipe(text('name', MAX_SHORT), v.trim(), v.nonEmpty('name missing')),
    group: v.optional(v.pipe(text('group', MAX_SHORT), v.trim())),
    // Not `#rrggbb`: dropped, the workstream is kept.
    color: v.fallback(v.optional(v.pipe(v.string(), v.regex(HEX_COLOR_RE), v.toLowerCase())), undefined),
    // Not an account number or address: dropped, the workstream is kept.
    account: v.fallback(v.optional(v.pipe(v.string(), v.trim(), v.regex(ACCOUNT_RE))), undefined),
  },
  objectMessage('workstream'),
);

const versionMessage = (i: { input: unknown }) =>
  `The file's "version" must be a positive whole number, not ${describe(i.input)}.`;

const FileSchema = v.pipe(
  v.custom<Record<string, unknown>>(
    isPlainObject,
    (i) => `The file holds ${describe(i.input)}, not a Docket index (a JSON object with "format": "${INTERCHANGE_FORMAT}").`,
  ),
  v.looseObject(
    {
      format: v.literal(
        INTERCHANGE_FORMAT,
        (i) => `The file's format is ${JSON.stringify(i.input)}, not "${INTERCHANGE_FORMAT}": it is not a Docket index.`,
      ),
      version: v.pipe(
        v.number(versionMessage),
        v.integer(versionMessage),
        v.minValue(1, versionMessage),
        v.maxValue(
          INTERCHANGE_VERSION,
          (i) =>
            `The file was made by a newer version of Docket (file version ${i.input}; this Docket reads version ${INTERCHANGE_VERSION}). Update Docket to import it.`,
        ),
      ),
      workstreams: v.optional(v.array(v.unknown(), (i) => `The file's "workstreams" must be a list, not ${describe(i.input)}.`)),
      documents: v.optional(v.array(v.unknown(), (i) => `The file's "documents" must be a list, not ${describe(i.input)}.`)),
    },
    (issue) => {
      const item = issue.path?.[0];
      const key = item && item.type === 'object' && item.origin === 'key' ? String(item.key) : '';
      if (key === 'format')
        return `The file has no "format": it is not a Docket index (expected "format": "${INTERCHANGE_FORMAT}").`;
      if (key === 'version') return 'The file has no "version" (expected "version": 1).';
      return `The file is not a Docket index.`;
    },
  ),
);

function issuesText(issues: readonly { message: string }[]): string {
  return unique(issues.map((i) => i.message)).join('; ');
}

// --- one document, one workstream ------------------------------------------------------------

type DocOutcome = { ok: true; doc: DocRecord; implied: ImpliedField[] } | { ok: false; id?: string; reason: string };

/** `null` and `""` in an optional known field mean "absent". */
function dropBlanks(raw: Record<string, unknown>, known: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if ((value === null || value === '') && known.includes(key)) continue;
    // `__proto__` as a plain key, not the prototype (a plain assignment would set that).
    if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}

function rawId(raw: unknown): string | undefined {
  if (!isPlainObject(raw)) return undefined;
  return typeof raw.id === 'string' && raw.id.trim() ? raw.id.trim() : undefined;
}

/** Validate one document (a JSON entry, or a CSV row already turned into one). */
function readDocument(raw: unknown, now: string): DocOutcome {
  // valibot's object schemas take a list for an object (and then say "id missing").
  if (Array.isArray(raw)) return { ok: false, reason: 'a document must be an object, not a list' };
  const input = isPlainObject(raw) ? dropBlanks(raw, DOC_FIELDS) : raw;
  const result = v.safeParse(DocumentSchema, input, { abortPipeEarly: true });
  if (!result.success) return { ok: false, id: rawId(raw), reason: issuesText(result.issues) };
  const out = result.output;
  const implied: ImpliedField[] = [];
  const link = out.url ? parseDocLink(out.url) : null;
  let kind: DocKind | undefined = out.kind;
  if (!kind) {
    kind = link?.kind ?? 'document';
    implied.push('kind');
  }
  const aliases = [...(out.aliases ?? [])];
  if (link?.published && link.id !== out.id) aliases.push(link.id);
  let updatedAt = out.updatedAt;
  if (!updatedAt) {
    updatedAt = now;
    implied.push('updatedAt');
  }
  const doc: DocRecord = { id: out.id, kind, aliases: unique(aliases, out.id), updatedAt };
  if (out.title !== undefined) doc.title = out.title;
  if (out.url !== undefined) doc.url = out.url;
  if (out.workstreamId) doc.workstreamId = out.workstreamId;
  if (out.deadline !== undefined) doc.deadline = out.deadline;
  if (out.deadlineNote !== undefined) doc.deadlineNote = out.deadlineNote;
  if (out.status !== undefined) doc.status = out.status;
  if (out.notes !== undefined) doc.notes = out.notes;
  if (out.source !== undefined) doc.source = out.source;
  if (out.sourceTitle !== undefined) doc.sourceTitle = out.sourceTitle;
  if (out.sourceDate !== undefined) doc.sourceDate = out.sourceDate;
  if (out.deadlineSource !== undefined) doc.deadlineSource = out.deadlineSource;
  const extra = extraOf(out, DOC_FIELDS);
  if (extra) doc.extra = extra;
  return { ok: true, doc, implied };
}

function readWorkstream(raw: unknown): { ok: true; ws: Workstream } | { ok: false; id?: string; reason: string } {
  if (Array.isArray(raw)) return { ok: false, reason: 'a workstream must be an object, not a list' };
  const input = isPlainObject(raw) ? dropBlanks(raw, ['group', 'color']) : raw;
  const result = v.safeParse(WorkstreamSchema, input, { abortPipeEarly: true });
  if (!result.success) return { ok: false, id: rawId(raw), reason: issuesText(result.issues) };
  const out = result.output;
  const ws: Workstream = { id: out.id, name: out.name };
  if (out.group) ws.group = out.group;
  if (out.color) ws.color = out.color;
  if (out.account) ws.account = out.account;
  const extra = extraOf(out, WS_FIELDS);
  if (extra) ws.extra = extra;
  return { ok: true, ws };
}

// --- JSON ------------------------------------------------------------------------------------

function jsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(message);
  let where = '';
  if (at && !/line \d+/i.test(message)) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = Number(at[1]) - before.lastIndexOf('\n');
    where = ` (line ${line}, column ${column})`;
  }
  return `The file is not valid JSON${where}: ${message}.`;
}

function parseJson(text: string, ctx: ImportContext): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: jsonError(error, text) };
  }
  const file = v.safeParse(FileSchema, data, { abortEarly: true });
  if (!file.success) return { ok: false, error: file.issues[0]?.message ?? 'The file is not a Docket index.' };
  const rawWorkstreams = file.output.workstreams ?? [];
  const rawDocuments = file.output.documents ?? [];

  const refused: RefusedRow[] = [];
  const workstreams: Workstream[] = [];
  const wsRow = new Map<string, number>();
  const refusedWs = new Map<string, number>();
  rawWorkstreams.forEach((raw, row) => {
    const r = readWorkstream(raw);
    if (!r.ok) {
      refused.push({ row, what: 'workstream', ...(r.id ? { id: r.id } : {}), reason: r.reason });
      if (r.id && !wsRow.has(r.id)) refusedWs.set(r.id, row);
      return;
    }
    const first = wsRow.get(r.ws.id);
    if (first !== undefined) {
      refused.push({ row, what: 'workstream', id: r.ws.id, reason: `duplicate id (also at index ${first})` });
      return;
    }
    wsRow.set(r.ws.id, row);
    refusedWs.delete(r.ws.id);
    workstreams.push(r.ws);
  });

  const known = new Set([...wsRow.keys(), ...ctx.existingWorkstreams.map((w) => w.id)]);
  const documents: DocRecord[] = [];
  // No prototype: a document id may be `constructor` or `__proto__`.
  const implied: Record<string, ImpliedField[]> = Object.create(null);
  const docRow = new Map<string, number>();
  rawDocuments.forEach((raw, row) => {
    const r = readDocument(raw, ctx.now);
    if (!r.ok) {
      refused.push({ row, what: 'document', ...(r.id ? { id: r.id } : {}), reason: r.reason });
      return;
    }
    const { doc } = r;
    const refuse = (reason: string) => refused.push({ row, what: 'document', id: doc.id, reason });
    const first = docRow.get(doc.id);
    if (first !== undefined) return refuse(`duplicate id (also at index ${first})`);
    if (doc.workstreamId && !known.has(doc.workstreamId)) {
      const wsAt = refusedWs.get(doc.workstreamId);
      return refuse(
        wsAt !== undefined
          ? `workstream ${show(doc.workstreamId)} was refused (workstreams index ${wsAt})`
          : `workstream ${show(doc.workstreamId)} is neither in the file nor in the index`,
      );
    }
    docRow.set(doc.id, row);
    documents.push(doc);
    if (r.implied.length) implied[doc.id] = r.implied;
  });
  return { ok: true, value: { workstreams, documents, refused, implied } };
}

// --- CSV -------------------------------------------------------------------------------------

const CSV_COLUMNS = [
  'id',
  'url',
  'kind',
  'title',
  'workstream',
  'group',
  'deadline',
  'deadlineNote',
  'status',
  'notes',
  'source',
  'aliases',
  'updatedAt',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/** `Deadline Note`, `deadline_note`, `deadlineNote` → `deadlinenote`. */
function headerKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}
const COLUMN_BY_KEY = new Map<string, CsvColumn>(CSV_COLUMNS.map((c) => [headerKey(c), c]));

const NEUTRALISED_RE = /^'+[=+\-@\t\r]/;
const FORMULA_RE = /^'*[=+\-@\t\r]/;

/** Undo export's formula neutralisation. */
function unneutralise(cell: string): string {
  return NEUTRALISED_RE.test(cell) ? cell.slice(1) : cell;
}
/** Keep spreadsheets from running a cell as a formula. */
function neutralise(cell: string): string {
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

function parseCsv(text: string, ctx: ImportContext): ParseResult {
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
    const row = typeof broken.row === 'number' ? ` (data row ${broken.row})` : '';
    return { ok: false, error: `The CSV cannot be read: a quoted cell${row} never ends.` };
  }
  const [header, ...rows] = parsed.data;
  if (!header || header.every((cell) => !cell.trim())) return { ok: false, error: 'The CSV has no header row.' };
  const columns = headerColumns(header);
  if (!columns.has('url') && !columns.has('id')) {
    if (header.some(looksLikeData)) {
      return {
        ok: false,
        error: `The CSV has no header row: its first row should name the columns (url or id, title, workstream, group, deadline, status, notes).`,
      };
    }
    const found = header
      .map((h) => h.trim())
      .filter(Boolean)
      .slice(0, 8)
      .map((h) => `"${clip(h, 30)}"`)
      .join(', ');
    return { ok: false, error: `The CSV needs a url or id column (its header row has ${found || 'no names'}).` };
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
        refused.push({ row, what: 'document', reason: 'id missing (the row has neither a url nor an id)' });
        return;
      }
      const link = parseDocLink(url);
      if (!link) {
        refused.push({ row, what: 'document', reason: `url ${show(url)} is not a Google document link, and the row has no id` });
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
      refused.push({ row, what: 'document', id, reason: r.reason });
      return;
    }
    const { doc } = r;
    const first = docRow.get(doc.id);
    if (first !== undefined) {
      refused.push({ row, what: 'document', id: doc.id, reason: `duplicate id (also in row ${first})` });
      return;
    }
    const name = cell(cells, 'workstream');
    if (name) {
      if (name.length > MAX_SHORT) {
        refused.push({ row, what: 'document', id: doc.id, reason: `workstream name is longer than ${MAX_SHORT} characters` });
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
          color: nextWorkstreamColor(all),
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

// --- parseImport -----------------------------------------------------------------------------

/** JSON (docket-index) or CSV, chosen by content (a JSON object starts with `{` after whitespace/BOM) with the filename as a hint. */
export function parseImport(
  text: string,
  filename: string,
  ctx: { existingWorkstreams: Workstream[]; now: string },
): ParseResult {
  if (typeof text !== 'string' || text.length === 0) return { ok: false, error: 'The file is empty.' };
  if (isTooBig(text)) {
    return { ok: false, error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most Docket imports at once.` };
  }
  if (text.includes('\0')) {
    return { ok: false, error: 'The file holds binary data, not text: Docket imports a JSON or CSV file.' };
  }
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (!start) return { ok: false, error: 'The file is empty.' };
  const name = (filename ?? '').toLowerCase();
  const isJson = start.startsWith('{') || name.endsWith('.json') || (start.startsWith('[') && !name.endsWith('.csv'));
  try {
    return isJson ? parseJson(body, ctx) : parseCsv(body, ctx);
  } catch (error) {
    return { ok: false, error: `The file cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// --- planMerge -------------------------------------------------------------------------------

function zeroCounts(): ImportCounts {
  return { added: 0, updated: 0, unchanged: 0, refused: 0 };
}

function mergeExtra(
  a: Record<string, unknown> | undefined,
  b: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!a && !b) return undefined;
  const merged = { ...a, ...b };
  return Object.keys(merged).length ? merged : undefined;
}

function mergeWorkstream(old: Workstream, incoming: Workstream): Workstream {
  const merged: Workstream = { ...old, name: incoming.name };
  if (incoming.group !== undefined) merged.group = incoming.group;
  if (incoming.color !== undefined) merged.color = incoming.color;
  if (incoming.account !== undefined) merged.account = incoming.account;
  const extra = mergeExtra(old.extra, incoming.extra);
  if (extra) merged.extra = extra;
  return merged;
}

const OVERLAID = [
  'kind',
  'title',
  'url',
  'workstreamId',
  'deadline',
  'deadlineNote',
  'status',
  'notes',
  'source',
  'sourceTitle',
  'sourceDate',
  'deadlineSource',
] as const;

function withoutUpdatedAt(doc: DocRecord): Omit<DocRecord, 'updatedAt'> {
  const { updatedAt: _ignored, ...rest } = doc;
  return rest;
}

/** What the index and a source last agreed on for a document: the fields as last imported or synced. */
export type MergeBase = Partial<Pick<DocRecord, (typeof OVERLAID)[number]>>;

export interface MergeOptions {
  /** docId → the version last shared with the outside (three-way merge); without one, newer wins. */
  bases?: ReadonlyMap<string, MergeBase>;
  /** The member's choices for conflicting fields (`docId:field`). */
  resolutions?: Resolutions;
  /** Conflicts keep the local value unless resolved (a sync); otherwise the newer record wins (an import). */
  preferLocal?: boolean;
}

/** The fields of a record that a merge compares, as a base for the next merge. */
export function baseOf(doc: DocRecord): MergeBase {
  const base: Record<string, unknown> = {};
  for (const key of OVERLAID) if (doc[key] !== undefined) base[key] = doc[key];
  return base as MergeBase;
}

/**
 * Merge parsed records into the index. Pure: takes the existing records the import touches,
 * returns what to write, the report, and the new shared version of every document it touched.
 *
 * With a base (the version both sides last shared), a field changed on one side only takes that
 * change, and a field changed on both sides differently is a conflict: the newer record's value
 * wins (or the local one, `preferLocal`), unless `resolutions` says otherwise. Without a base, the
 * newer record wins as a whole.
 */
export function planMerge(
  parsed: ParsedImport,
  existing: { documents: ReadonlyMap<string, DocRecord>; workstreams: ReadonlyMap<string, Workstream> },
  now: string,
  options: MergeOptions = {},
): { documents: DocRecord[]; workstreams: Workstream[]; report: ImportReport; bases: Map<string, MergeBase> } {
  const report: ImportReport = {
    documents: zeroCounts(),
    workstreams: zeroCounts(),
    refused: [...parsed.refused],
    applied: false,
    conflicts: [],
  };
  for (const r of parsed.refused) report[r.what === 'document' ? 'documents' : 'workstreams'].refused++;

  const workstreams: Workstream[] = [];
  for (const incoming of parsed.workstreams) {
    const old = existing.workstreams.get(incoming.id);
    if (!old) {
      workstreams.push(incoming);
      report.workstreams.added++;
      continue;
    }
    const merged = mergeWorkstream(old, incoming);
    if (deepEqual(merged, old)) report.workstreams.unchanged++;
    else {
      workstreams.push(merged);
      report.workstreams.updated++;
    }
  }

  const documents: DocRecord[] = [];
  const bases = new Map<string, MergeBase>();
  for (const incoming of parsed.documents) {
    // Own keys only: an id such as `constructor` must not find Object.prototype's.
    const implied =
      (parsed.implied && Object.hasOwn(parsed.implied, incoming.id) ? parsed.implied[incoming.id] : undefined) ?? [];
    const explicitTime = !implied.includes('updatedAt');
    const old = existing.documents.get(incoming.id);
    const incomingFields = { ...incoming };
    if (implied.includes('kind')) delete (incomingFields as Partial<DocRecord>).kind;
    bases.set(incoming.id, baseOf(incomingFields as DocRecord));
    if (!old) {
      documents.push({
        ...incoming,
        aliases: unique(incoming.aliases, incoming.id),
        updatedAt: explicitTime ? incoming.updatedAt : now,
      });
      report.documents.added++;
      continue;
    }
    const incomingNewer = !explicitTime || Date.parse(incoming.updatedAt) >= Date.parse(old.updatedAt);
    const base = options.bases?.get(incoming.id);
    const merged: DocRecord = { ...old, aliases: unique([...old.aliases, ...incoming.aliases], old.id) };
    for (const key of OVERLAID) {
      if (key === 'kind' && implied.includes('kind')) continue;
      const value = incoming[key];
      if (value === undefined || deepEqual(value, old[key])) continue; // the file has no say, or agrees
      let take: boolean;
      if (!base) take = incomingNewer;
      else if (deepEqual(value, base[key]))
        take = false; // only the index changed it
      else if (deepEqual(old[key], base[key]))
        take = true; // only the file changed it
      else {
        const conflict: MergeConflict = {
          docId: old.id,
          title: old.title || incoming.title || old.id,
          field: key,
          local: old[key],
          incoming: value,
          winner: options.preferLocal ? 'local' : incomingNewer ? 'incoming' : 'local',
        };
        if (base[key] !== undefined) conflict.base = base[key];
        const chosen = options.resolutions?.[`${old.id}:${key}`];
        if (chosen) conflict.winner = chosen;
        report.conflicts!.push(conflict);
        take = conflict.winner === 'incoming';
      }
      if (take) (merged as unknown as Record<string, unknown>)[key] = value;
    }
    if (!base && !incomingNewer) {
      report.documents.unchanged++; // the index's record is newer
      continue;
    }
    const extra = mergeExtra(old.extra, incoming.extra);
    if (extra) merged.extra = extra;
    if (deepEqual(withoutUpdatedAt(merged), withoutUpdatedAt(old))) {
      report.documents.unchanged++;
      continue;
    }
    merged.updatedAt = explicitTime && incomingNewer ? incoming.updatedAt : now;
    documents.push(merged);
    report.documents.updated++;
  }
  return { documents, workstreams, report, bases };
}

// --- export ----------------------------------------------------------------------------------

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
