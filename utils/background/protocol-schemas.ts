/**
 * Runtime shapes of every request in `ProtocolMap` (valibot). The background
 * validates each message against these before any handler sees it.
 * Kept apart from protocol.ts so that content scripts never bundle valibot.
 */
import * as v from 'valibot';
import { ACCOUNT_RE, DOC_KINDS, STATUSES } from '../shared/model';
import { MAX_PAGE_DOCUMENTS, type MessageType, type ProtocolMap } from '../shared/protocol';
import { MAX_QUERY_LIMIT } from '../shared/docs-query';
import { TABLE_GROUPS, TABLE_SORTS } from '../shared/doc-table';
import { OP_ID_RE } from '../shared/operations';

/** A Drive id as the index keys it. */
export const DRIVE_ID_RE = /^[A-Za-z0-9_-]{1,200}$/;
const DRIVE_ID = v.pipe(v.string(), v.regex(DRIVE_ID_RE, 'not a Drive id'));
const SHORT = v.pipe(v.string(), v.maxLength(2_000));
const LONG = v.pipe(v.string(), v.maxLength(100_000));
const ISO_DATE = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD date'));
const EMPTY = v.strictObject({});
/** The most documents one message of the full page acts on. */
export const MAX_MANY = 100_000;
const DRIVE_IDS = v.pipe(v.array(DRIVE_ID), v.maxLength(MAX_MANY));
const OFFSET = v.pipe(v.number(), v.integer(), v.minValue(0));
const PAGE_LIMIT = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PAGE_DOCUMENTS));
const OP_ID = v.pipe(v.string(), v.regex(OP_ID_RE, 'not an operation id'));
const EXTRA = v.optional(v.record(v.string(), v.unknown()));
export const WorkstreamSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'a workstream needs a name'), v.maxLength(500)),
  group: v.optional(SHORT),
  color: v.optional(v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'not a #rrggbb colour'))),
  account: v.optional(v.pipe(v.string(), v.regex(ACCOUNT_RE, 'not an account number or address'))),
  extra: EXTRA,
});

export const DocRecordSchema = v.object({
  id: DRIVE_ID,
  kind: v.picklist(DOC_KINDS),
  title: v.optional(SHORT),
  url: v.optional(SHORT),
  aliases: v.array(DRIVE_ID),
  workstreamId: v.optional(v.pipe(v.string(), v.maxLength(200))),
  deadline: v.optional(ISO_DATE),
  deadlineNote: v.optional(SHORT),
  status: v.optional(v.picklist(STATUSES)),
  notes: v.optional(LONG),
  source: v.optional(SHORT),
  sourceTitle: v.optional(SHORT),
  sourceDate: v.optional(ISO_DATE),
  deadlineSource: v.optional(SHORT),
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
  subscriptionId: v.optional(SHORT),
  syncConflicts: v.optional(
    v.pipe(
      v.array(v.object({ field: SHORT, theirs: v.optional(v.unknown()), subscriptionId: SHORT, at: SHORT })),
      v.maxLength(50),
    ),
  ),
  extra: EXTRA,
});

const IMPORT_TEXT = v.object({ text: v.pipe(v.string(), v.maxLength(60 * 1024 * 1024)), filename: SHORT });
const UPLOAD_ID = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,100}$/, 'not an upload id'));
const CHARS = v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)));
const IMPORT_UPLOAD = v.object({ uploadId: UPLOAD_ID, filename: SHORT, chars: CHARS });
const RESOLUTIONS = v.optional(v.record(SHORT, v.picklist(['local', 'incoming'])));
const ORIGIN_PATTERN = v.pipe(v.string(), v.regex(/^https?:\/\/[^/*]+\/\*$/, 'not a site pattern'));

export const REQUEST_SCHEMAS = {
  // Any strings: ids that are not Drive ids are dropped one by one by the handler (one bad link never costs the others).
  lookup: v.object({ ids: v.pipe(v.array(v.pipe(v.string(), v.maxLength(2_000))), v.maxLength(20_000)) }),
  'docs/find': v.object({ ids: v.pipe(v.array(v.pipe(v.string(), v.maxLength(2_000))), v.maxLength(20_000)) }),
  'workstreams/list': EMPTY,
  'editor/open': v.object({
    id: v.optional(DRIVE_ID),
    url: v.optional(SHORT),
    title: v.optional(SHORT),
    source: v.optional(SHORT),
    workstreamId: v.optional(SHORT),
    wsGuess: v.optional(SHORT),
    sourceTitle: v.optional(SHORT),
  }),
  'join/open': v.strictObject({ url: v.pipe(SHORT, v.regex(/^https?:\/\/[^\s#]+$/i, 'not a web address')) }),
  'index/get': v.strictObject({ offset: v.optional(OFFSET), limit: v.optional(PAGE_LIMIT) }),
  'docs/query': v.strictObject({
    view: v.picklist(['grouped', 'search', 'upcoming']),
    text: v.optional(v.pipe(v.string(), v.maxLength(1_000))),
    status: v.picklist(['active', 'all', ...STATUSES]),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_QUERY_LIMIT)),
    today: v.optional(ISO_DATE),
    complete: v.optional(v.boolean()),
  }),
  'doc/get': v.object({ id: DRIVE_ID }),
  'index/summary': v.strictObject({ today: v.optional(ISO_DATE) }),
  'doc/put': v.object({ doc: DocRecordSchema, base: v.optional(DocRecordSchema) }),
  'doc/delete': v.object({ id: DRIVE_ID }),
  'docs/track': v.object({
    documents: v.pipe(v.array(DocRecordSchema), v.maxLength(10_000)),
    workstreams: v.pipe(v.array(WorkstreamSchema), v.maxLength(1_000)),
  }),
  'ws/put': v.object({ workstream: WorkstreamSchema }),
  'ws/delete': v.object({ id: SHORT, reassignTo: v.nullable(SHORT) }),
  // A chunk: UPLOAD_CHUNK_CHARS (popup) with room to spare.
  'import/upload': v.object({ uploadId: UPLOAD_ID, chunk: v.pipe(v.string(), v.maxLength(4 * 1024 * 1024)), offset: CHARS }),
  'import/preview': v.union([IMPORT_TEXT, IMPORT_UPLOAD]),
  'import/apply': v.union([
    v.object({ ...IMPORT_TEXT.entries, resolutions: RESOLUTIONS }),
    v.object({ ...IMPORT_UPLOAD.entries, resolutions: RESOLUTIONS }),
  ]),
  'snapshots/list': EMPTY,
  'snapshots/restore': v.object({ id: v.pipe(v.number(), v.integer()) }),
  'subscriptions/list': EMPTY,
  'subscriptions/add': v.object({
    url: v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//, 'not a web address')),
    name: v.pipe(v.string(), v.trim(), v.maxLength(200)),
  }),
  'subscriptions/remove': v.object({ id: SHORT }),
  'subscriptions/sync': v.object({ id: v.optional(SHORT) }),
  'status/get': EMPTY,
  'status/dismiss': EMPTY,
  export: v.object({ format: v.picklist(['json', 'csv']), workstreamId: v.optional(SHORT) }),
  'sites/get': EMPTY,
  'sites/enable': v.object({ origin: ORIGIN_PATTERN, tabId: v.optional(v.number()) }),
  'sites/disable': v.object({ origin: ORIGIN_PATTERN }),
  'docs/table': v.strictObject({
    text: v.optional(v.pipe(v.string(), v.maxLength(1_000))),
    status: v.picklist(['active', 'all', ...STATUSES]),
    sort: v.picklist(TABLE_SORTS),
    dir: v.picklist(['asc', 'desc']),
    group: v.picklist(TABLE_GROUPS),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_QUERY_LIMIT)),
    today: v.optional(ISO_DATE),
    ids: v.optional(v.boolean()),
  }),
  'docs/timeline': v.strictObject({
    today: v.optional(ISO_DATE),
    weeks: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(52))),
  }),
  'docs/deadlines': v.strictObject({
    ids: v.optional(DRIVE_IDS),
    today: v.optional(ISO_DATE),
    offset: v.optional(OFFSET),
    limit: v.optional(PAGE_LIMIT),
  }),
  'docs/edit-many': v.strictObject({
    opId: OP_ID,
    ids: DRIVE_IDS,
    change: v.union([
      v.strictObject({ workstreamId: v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(200))) }),
      v.strictObject({ status: v.nullable(v.picklist(STATUSES)) }),
      v.strictObject({ deadline: v.nullable(ISO_DATE) }),
      v.strictObject({ shiftDays: v.pipe(v.number(), v.integer(), v.minValue(-3650), v.maxValue(3650)) }),
    ]),
  }),
  'docs/delete-many': v.strictObject({ opId: OP_ID, ids: DRIVE_IDS }),
  'export/piece': v.strictObject({
    exportId: v.pipe(v.string(), v.regex(/^ex-[A-Za-z0-9_-]{1,100}$/, 'not an export id')),
    index: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  'docs/undo': v.strictObject({ opId: OP_ID, of: OP_ID }),
  'trash/restore': v.strictObject({ opId: OP_ID, ids: DRIVE_IDS }),
  'ops/status': v.strictObject({ opId: OP_ID }),
  'trash/list': v.strictObject({
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_QUERY_LIMIT)),
  }),
  'docs/export': v.strictObject({ ids: DRIVE_IDS, format: v.picklist(['json', 'csv']) }),
  'tab/ask': v.strictObject({
    tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
    message: v.variant('type', [
      v.strictObject({ type: v.literal('page/info'), data: v.strictObject({}) }),
      v.strictObject({ type: v.literal('page/html'), data: v.strictObject({}) }),
      v.strictObject({
        type: v.literal('page/link-context'),
        data: v.strictObject({ url: v.pipe(v.string(), v.maxLength(8192)) }),
      }),
    ]),
  }),
} satisfies Record<MessageType, v.GenericSchema>;

export const ACCESS: { [K in MessageType]: ProtocolMap[K]['access'] } = {
  lookup: 'read',
  'docs/find': 'page',
  'workstreams/list': 'page',
  'editor/open': 'read',
  'join/open': 'read',
  'index/get': 'page',
  'docs/query': 'page',
  'doc/get': 'page',
  'index/summary': 'page',
  'doc/put': 'page',
  'doc/delete': 'page',
  'docs/track': 'page',
  'ws/put': 'page',
  'ws/delete': 'page',
  'import/upload': 'page',
  'import/preview': 'page',
  'import/apply': 'page',
  'snapshots/list': 'page',
  'snapshots/restore': 'page',
  'subscriptions/list': 'page',
  'subscriptions/add': 'page',
  'subscriptions/remove': 'page',
  'subscriptions/sync': 'page',
  'status/get': 'page',
  'status/dismiss': 'page',
  export: 'page',
  'sites/get': 'page',
  'sites/enable': 'page',
  'sites/disable': 'page',
  'docs/table': 'page',
  'docs/timeline': 'page',
  'docs/deadlines': 'page',
  'docs/edit-many': 'page',
  'docs/delete-many': 'page',
  'docs/undo': 'page',
  'export/piece': 'page',
  'trash/restore': 'page',
  'ops/status': 'page',
  'trash/list': 'page',
  'docs/export': 'page',
  'tab/ask': 'page',
};
