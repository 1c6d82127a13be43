/** Fields, their values in words, and conflicts between the index and a file or a sheet. */
import { STATUS_LABELS, messages } from '../shared/states';
import { t, type MessageKey } from '../shared/i18n';
import { DOC_VALUE_FIELDS, isStatus, type DocKind, type DocRecord, type SyncConflict, type Workstream } from '../shared/model';
import type { MergeConflict, Resolutions } from '../shared/reports';
import { KIND_LABELS } from '../shared/kind-labels';
import { formatDate, formatInstant } from '../shared/format-date';

const FIELD_KEYS: Readonly<Record<string, MessageKey>> = {
  kind: 'field_kind',
  title: 'field_title',
  url: 'field_url',
  workstreamId: 'field_workstream',
  deadline: 'field_deadline',
  deadlineNote: 'field_deadline_note',
  status: 'field_status',
  notes: 'field_notes',
  source: 'field_source',
  sourceTitle: 'field_source_title',
  sourceDate: 'field_source_date',
  deadlineSource: 'field_deadline_source',
};
export const FIELD_LABELS: Readonly<Record<string, string>> = messages(Object.keys(FIELD_KEYS), (k) => FIELD_KEYS[k]!);

/** "Deadline" for `deadline`; an unknown field as it is. */
export function fieldLabel(field: string): string {
  return Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field]! : field;
}

const MAX_VALUE_TEXT = 80;

/** A field's value in words: a workstream's name, a status's label, "empty" for nothing; long text cut short. */
export function formatFieldValue(field: string, value: unknown, workstreams: readonly Workstream[] = []): string {
  if (value === undefined || value === null || value === '') return t('value_empty');
  let text: string;
  if (field === 'workstreamId' && typeof value === 'string') text = workstreams.find((w) => w.id === value)?.name ?? value;
  else if (field === 'status' && isStatus(value)) text = STATUS_LABELS[value];
  else if ((field === 'deadline' || field === 'sourceDate') && typeof value === 'string') text = formatDate(value);
  else if (field === 'updatedAt' && typeof value === 'string') text = formatInstant(value);
  else if (field === 'kind' && typeof value === 'string' && Object.hasOwn(KIND_LABELS, value))
    text = KIND_LABELS[value as DocKind];
  else if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > MAX_VALUE_TEXT ? `${text.slice(0, MAX_VALUE_TEXT - 1)}…` : text;
}

/** A sync conflict flagged on a document, in words: "The sheet changed Deadline to 2020-09-17 (yours: 2020-09-12)". */
export function describeConflict(conflict: SyncConflict, doc: DocRecord, workstreams: readonly Workstream[] = []): string {
  const label = fieldLabel(conflict.field);
  const mine = formatFieldValue(conflict.field, (doc as unknown as Record<string, unknown>)[conflict.field], workstreams);
  const theirs = conflict.theirs;
  if (theirs === undefined || theirs === null || theirs === '') return t('conflict_emptied', { field: label, mine });
  return t('conflict_changed', { field: label, theirs: formatFieldValue(conflict.field, theirs, workstreams), mine });
}

/** The fields a sheet may set on a document (the ones a merge compares). */
const SYNCABLE_FIELDS: ReadonlySet<string> = new Set(DOC_VALUE_FIELDS);

export type SyncChoice = 'theirs' | 'mine';

/**
 * The member's answer to a flagged sync conflict: `theirs` takes the sheet's value (removing the
 * field when the sheet emptied it), `mine` keeps the document's; either way the flag goes.
 */
export function applySyncChoice(doc: DocRecord, field: string, choice: SyncChoice, now: string): DocRecord {
  const conflict = doc.syncConflicts?.find((c) => c.field === field);
  const next = { ...doc } as unknown as Record<string, unknown>;
  if (choice === 'theirs' && conflict && SYNCABLE_FIELDS.has(field)) {
    const theirs = conflict.theirs;
    if (theirs === undefined || theirs === null || theirs === '') delete next[field];
    else next[field] = theirs;
  }
  const rest = (doc.syncConflicts ?? []).filter((c) => c.field !== field);
  if (rest.length) next.syncConflicts = rest;
  else delete next.syncConflicts;
  next.updatedAt = now;
  return next as unknown as DocRecord;
}

/** `docId:field`, the key of an import conflict in `Resolutions`. */
export function conflictKey(c: Pick<MergeConflict, 'docId' | 'field'>): string {
  return `${c.docId}:${c.field}`;
}

/** Every conflict's side as the merge would choose it. */
export function defaultResolutions(conflicts: readonly MergeConflict[] | undefined): Resolutions {
  const out: Resolutions = {};
  for (const c of conflicts ?? []) out[conflictKey(c)] = c.winner;
  return out;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** True when two records are the same version (same fields and values, whatever their key order). */
export function sameVersion(a: DocRecord, b: DocRecord): boolean {
  return a.updatedAt === b.updatedAt && JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
