/**
 * The interchange file (CONTRACT §2), one record at a time: the format's constants, the valibot
 * schemas of a document and a workstream, and reading one of each (a problem refuses that row only).
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
 *   Ids of new workstreams and their colours follow the popup's rules (utils/shared/workstreams.ts).
 * - Merge: fields absent from the file never erase what the index has; `kind` and
 *   `updatedAt` that were only defaulted (see {@link ParsedImport.implied}) never
 *   override the index either.
 * - Formula neutralisation is a bijection: export prefixes `'` to a cell that a spreadsheet could
 *   run (csv.ts FORMULA_RE: `=`, `+`, `-`, `@` or their full-width forms, after any leading
 *   whitespace, or a leading tab or line break; also behind quotes already there), import removes
 *   one `'` from such a cell.
 */
import * as v from 'valibot';
import { DOC_FIELDS, DOC_KINDS, STATUSES, WS_FIELDS, isIsoDate, ACCOUNT_RE } from '../../shared/model';
import type { DocKind, DocRecord, Workstream } from '../../shared/model';
import type { RefusedRow } from '../../shared/reports';
import type { Correction } from '../../shared/scan-memory';
import { parseDocLink } from '../../shared/links';
import { isSaid, said, say, type Said } from '../../shared/said';

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
  /** Scan's memory of corrections the file carries (JSON form; absent in older files). */
  scanMemory?: Correction[];
}

/** A refused file: why, as a message key and values (`said`), and in the background's words (`error`). */
export type ParseResult = { ok: true; value: ParsedImport } | { ok: false; error: string; said: Said };

/** Refuse the whole file. */
export function refuseFile(why: Said): { ok: false; error: string; said: Said } {
  return { ok: false, error: say(why), said: why };
}

/** A refused row's reasons: as message keys and values (shown in the member's language), and in words. */
export function refusal(reasons: Said[]): Pick<RefusedRow, 'reason' | 'said'> {
  return { reason: reasons.map(say).join(say(said('said_list_separator'))), said: reasons };
}

export interface ImportContext {
  existingWorkstreams: Workstream[];
  /** ISO instant; `updatedAt` of documents that do not say. */
  now: string;
}

export type Index = { documents: DocRecord[]; workstreams: Workstream[] };

// --- small helpers ---------------------------------------------------------------------------

const DRIVE_ID_RE = /^[A-Za-z0-9_-]+$/;
const HEX_COLOR_RE = /^#[0-9a-fA-F]{6}$/;
const MAX_ID = 200;
export const MAX_SHORT = 2_000;
const MAX_LONG = 100_000;

export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A value as it appears in a reason: `'wip'`, `5`, `null`. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${clip(value)}'`;
  try {
    return clip(JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

/** What kind of value it is, for "must be text, not …" (`null`, `true` as they are written in the file). */
function describe(value: unknown): Said | string {
  if (value === undefined) return said('imp_value_nothing');
  if (value === null) return 'null';
  if (Array.isArray(value)) return said('imp_value_list');
  switch (typeof value) {
    case 'string':
      return said('imp_value_text', { value: show(value) });
    case 'number':
      return said('imp_value_number', { value: String(value) });
    case 'boolean':
      return `${value}`;
    case 'object':
      return said('imp_value_object');
    default:
      return typeof value;
  }
}

/**
 * valibot's messages are text: a reason travels in one as its `Said` in JSON, read back by `reasonsOf` (a message
 * valibot wrote itself is kept as words).
 */
const m = (s: Said): string => JSON.stringify(s);

function reasonsOf(issues: readonly { message: string }[]): Said[] {
  const out: Said[] = [];
  for (const text of unique(issues.map((i) => i.message))) {
    let s: unknown;
    try {
      s = JSON.parse(text);
    } catch {
      s = undefined;
    }
    out.push(isSaid(s) ? s : said('imp_verbatim', { text }));
  }
  return out;
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

export function isTooBig(text: string): boolean {
  if (text.length * 3 <= MAX_IMPORT_BYTES) return false;
  if (text.length > MAX_IMPORT_BYTES) return true;
  return utf8Bytes(text, MAX_IMPORT_BYTES) > MAX_IMPORT_BYTES;
}

export function deepEqual(a: unknown, b: unknown): boolean {
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

export function unique(values: Iterable<string>, without?: string): string[] {
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
/** "`field` missing". */
const missing = (field: string) => m(said('imp_missing', { field }));

// --- schemas ---------------------------------------------------------------------------------

/** "`field` missing" for a required key the object lacks, else `otherwise`. */
function objectMessage(what: 'document' | 'workstream') {
  return (issue: v.LooseObjectIssue): string => {
    const item = issue.path?.[0];
    if (item && item.type === 'object' && item.origin === 'key') return missing(String(item.key));
    return m(said(what === 'document' ? 'imp_doc_not_object' : 'imp_ws_not_object', { value: describe(issue.input) }));
  };
}

const text = (field: string, max: number) =>
  v.pipe(
    v.string((i) => m(said('imp_not_text', { field, value: describe(i.input) }))),
    v.maxLength(max, () => m(said('imp_too_long', { field, max }))),
  );

const driveId = (field: string) =>
  v.pipe(
    v.string((i) => m(said('imp_not_text', { field, value: describe(i.input) }))),
    v.trim(),
    v.nonEmpty(missing(field)),
    v.maxLength(MAX_ID, (i) => m(said('imp_not_drive_id_long', { field, value: show(i.input) }))),
    v.regex(DRIVE_ID_RE, (i) => m(said('imp_not_drive_id', { field, value: show(i.input) }))),
  );

const dateSchema = (field: string) =>
  v.pipe(
    v.string((i) => m(said('imp_date_not_text', { field, value: describe(i.input) }))),
    v.trim(),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, (i) => m(said('imp_date_form', { field, value: show(i.input) }))),
    v.check(isIsoDate, (i) => m(said('imp_date_unreal', { field, value: show(i.input) }))),
  );
const deadlineSchema = dateSchema('deadline');

const updatedAtSchema = v.pipe(
  v.string((i) => m(said('imp_instant_not_text', { field: 'updatedAt', value: describe(i.input) }))),
  v.trim(),
  v.isoTimestamp((i) => m(said('imp_instant_form', { field: 'updatedAt', value: show(i.input) }))),
  v.check(
    (s) => !Number.isNaN(Date.parse(s)) && isIsoDate(s.slice(0, 10)),
    (i) => m(said('imp_instant_unreal', { field: 'updatedAt', value: show(i.input) })),
  ),
  v.transform((s) => new Date(s).toISOString()),
);

const DocumentSchema = v.looseObject(
  {
    id: driveId('id'),
    kind: v.optional(v.picklist(DOC_KINDS, (i) => m(said('imp_unknown_kind', { value: show(i.input), list: kindList() })))),
    title: v.optional(text('title', MAX_SHORT)),
    url: v.optional(text('url', MAX_SHORT)),
    aliases: v.optional(
      v.array(driveId('alias'), (i) => m(said('imp_not_id_list', { field: 'aliases', value: describe(i.input) }))),
    ),
    workstreamId: v.optional(v.pipe(text('workstreamId', MAX_ID), v.trim())),
    deadline: v.optional(deadlineSchema),
    deadlineNote: v.optional(text('deadlineNote', MAX_SHORT)),
    status: v.optional(v.picklist(STATUSES, (i) => m(said('imp_unknown_status', { value: show(i.input), list: statusList() })))),
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
    id: v.pipe(text('id', MAX_ID), v.trim(), v.nonEmpty(missing('id'))),
    name: v.pipe(text('name', MAX_SHORT), v.trim(), v.nonEmpty(missing('name'))),
    group: v.optional(v.pipe(text('group', MAX_SHORT), v.trim())),
    // Not `#rrggbb`: dropped, the workstream is kept.
    color: v.fallback(v.optional(v.pipe(v.string(), v.regex(HEX_COLOR_RE), v.toLowerCase())), undefined),
    // Not an account number or address: dropped, the workstream is kept.
    account: v.fallback(v.optional(v.pipe(v.string(), v.trim(), v.regex(ACCOUNT_RE))), undefined),
  },
  objectMessage('workstream'),
);

const versionMessage = (i: { input: unknown }) => m(said('imp_file_version', { value: describe(i.input) }));

export const FileSchema = v.pipe(
  v.custom<Record<string, unknown>>(isPlainObject, (i) =>
    m(said('imp_file_not_object', { value: describe(i.input), format: INTERCHANGE_FORMAT })),
  ),
  v.looseObject(
    {
      format: v.literal(INTERCHANGE_FORMAT, (i) =>
        m(said('imp_file_format', { value: String(JSON.stringify(i.input)), format: INTERCHANGE_FORMAT })),
      ),
      version: v.pipe(
        v.number(versionMessage),
        v.integer(versionMessage),
        v.minValue(1, versionMessage),
        v.maxValue(INTERCHANGE_VERSION, (i) =>
          m(said('imp_file_newer', { version: String(i.input), known: String(INTERCHANGE_VERSION) })),
        ),
      ),
      workstreams: v.optional(
        v.array(v.unknown(), (i) => m(said('imp_file_list', { field: 'workstreams', value: describe(i.input) }))),
      ),
      documents: v.optional(
        v.array(v.unknown(), (i) => m(said('imp_file_list', { field: 'documents', value: describe(i.input) }))),
      ),
    },
    (issue) => {
      const item = issue.path?.[0];
      const key = item && item.type === 'object' && item.origin === 'key' ? String(item.key) : '';
      if (key === 'format') return m(said('imp_file_no_format', { format: INTERCHANGE_FORMAT }));
      if (key === 'version') return m(said('imp_file_no_version', { version: String(INTERCHANGE_VERSION) }));
      return m(said('error_not_docket_index'));
    },
  ),
);

/** The whole file refused for the first problem valibot found. */
export function fileRefusal(issues: readonly { message: string }[]): Said {
  return reasonsOf(issues.slice(0, 1))[0] ?? said('error_not_docket_index');
}

// --- one document, one workstream ------------------------------------------------------------

type Refused = { ok: false; id?: string; reasons: Said[] };
type DocOutcome = { ok: true; doc: DocRecord; implied: ImpliedField[] } | Refused;

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
export function readDocument(raw: unknown, now: string): DocOutcome {
  // valibot's object schemas take a list for an object (and then say "id missing").
  if (Array.isArray(raw)) return { ok: false, reasons: [said('imp_doc_not_object', { value: said('imp_value_list') })] };
  const input = isPlainObject(raw) ? dropBlanks(raw, DOC_FIELDS) : raw;
  const result = v.safeParse(DocumentSchema, input, { abortPipeEarly: true });
  if (!result.success) return { ok: false, id: rawId(raw), reasons: reasonsOf(result.issues) };
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

export function readWorkstream(raw: unknown): { ok: true; ws: Workstream } | Refused {
  if (Array.isArray(raw)) return { ok: false, reasons: [said('imp_ws_not_object', { value: said('imp_value_list') })] };
  const input = isPlainObject(raw) ? dropBlanks(raw, ['group', 'color']) : raw;
  const result = v.safeParse(WorkstreamSchema, input, { abortPipeEarly: true });
  if (!result.success) return { ok: false, id: rawId(raw), reasons: reasonsOf(result.issues) };
  const out = result.output;
  const ws: Workstream = { id: out.id, name: out.name };
  if (out.group) ws.group = out.group;
  if (out.color) ws.color = out.color;
  if (out.account) ws.account = out.account;
  const extra = extraOf(out, WS_FIELDS);
  if (extra) ws.extra = extra;
  return { ok: true, ws };
}
