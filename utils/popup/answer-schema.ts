/**
 * What an answer from the background must look like before an extension page draws it (issue 28,
 * "Smaller"): the popup's first page (`docs/query`) and the tab's first block (`docs/table`), when
 * kept from the last opening in localStorage (first-page.ts, table-first.ts). Only the extension
 * writes there, but a bug or a half-written entry can leave anything: a kept answer that does not
 * pass is dropped and the live answer drawn instead.
 *
 * Every row has a document with an id, a kind and its aliases; dates are days (`YYYY-MM-DD`);
 * a colour is `#rrggbb` and nothing else (a colour is written into a style: `url(…)` would fetch).
 * Unknown fields are kept as they are (an answer from a newer build draws the same).
 */
import * as v from 'valibot';
import { DOC_KINDS, STATUSES } from '../shared/model';
import type { DocsPage } from '../shared/docs-query';
import type { TablePage } from '../shared/doc-table';

/** A colour an extension page may put in a style. */
export const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `color` when it is `#rrggbb`, else undefined (nothing drawn). */
export function safeColor(color: unknown): string | undefined {
  return typeof color === 'string' && HEX_COLOR.test(color) ? color : undefined;
}

const text = v.optional(v.string());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const WorkstreamSchema = v.looseObject({
  id: v.string(),
  name: v.string(),
  group: text,
  color: v.optional(v.pipe(v.string(), v.regex(HEX_COLOR))),
  account: text,
  extra: v.optional(v.record(v.string(), v.unknown())),
});

export const DocRecordSchema = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1)),
  kind: v.picklist(DOC_KINDS),
  title: text,
  url: text,
  aliases: v.array(v.string()),
  workstreamId: text,
  deadline: v.optional(v.pipe(v.string(), v.regex(DAY))),
  deadlineNote: text,
  status: v.optional(v.picklist(STATUSES)),
  notes: text,
  source: text,
  sourceTitle: text,
  sourceDate: v.optional(v.pipe(v.string(), v.regex(DAY))),
  deadlineSource: text,
  updatedAt: v.string(),
  subscriptionId: text,
  syncConflicts: v.optional(
    v.array(v.looseObject({ field: v.string(), theirs: v.optional(v.unknown()), subscriptionId: v.string(), at: v.string() })),
  ),
  extra: v.optional(v.record(v.string(), v.unknown())),
});

const RowSchema = v.looseObject({
  doc: DocRecordSchema,
  workstreamId: text,
  section: v.optional(v.picklist(['overdue', 'this-week', 'next-week', 'later', 'none'])),
});

export const DocsPageSchema = v.looseObject({
  total: count,
  rows: v.array(RowSchema),
  groups: v.optional(v.array(v.looseObject({ workstreamId: v.nullable(v.string()), count: v.nullable(count) }))),
  sections: v.optional(
    v.array(v.looseObject({ key: v.picklist(['overdue', 'this-week', 'next-week', 'later', 'none']), count })),
  ),
  otherStatuses: v.optional(count),
  summary: v.nullable(v.looseObject({ overdue: count, dueSoon: count })),
  indexSize: count,
  workstreams: v.array(WorkstreamSchema),
  partial: v.optional(v.boolean()),
  revision: v.optional(v.nullable(v.string())),
});

export const TablePageSchema = v.looseObject({
  total: count,
  offset: count,
  rows: v.array(RowSchema),
  groups: v.array(v.looseObject({ key: v.string(), count })),
  indexSize: count,
  workstreams: v.array(WorkstreamSchema),
  ids: v.optional(v.array(v.string())),
  partial: v.optional(v.boolean()),
});

/** `value` as a DocsPage when it is one, else null. */
export function asDocsPage(value: unknown): DocsPage | null {
  const r = v.safeParse(DocsPageSchema, value);
  return r.success ? (r.output satisfies DocsPage) : null;
}

/** `value` as a TablePage when it is one, else null. */
export function asTablePage(value: unknown): TablePage | null {
  const r = v.safeParse(TablePageSchema, value);
  return r.success ? (r.output satisfies TablePage) : null;
}
