/** How a parsed file merges into the index: per field, three-way against the last shared version. */
import { DOC_VALUE_FIELDS } from '../../shared/model';
import { type ParsedImport, deepEqual, unique } from './records';
import type { DocRecord, Workstream } from '../../shared/model';
import {
  MAX_CONFLICTS_LISTED,
  MAX_REFUSED_LISTED,
  type ImportCounts,
  type ImportReport,
  type MergeConflict,
  type Resolutions,
} from '../../shared/reports';

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

const OVERLAID = DOC_VALUE_FIELDS;

function withoutUpdatedAt(doc: DocRecord): Omit<DocRecord, 'updatedAt'> {
  const { updatedAt: _ignored, ...rest } = doc;
  return rest;
}

/**
 * The three-way rule for one field, given the version both sides last shared (`base`): a field only
 * one side changed takes that side's value; one both changed differently is a conflict. The
 * import, the sync (sync-policy.ts) and Undo (db/operations.ts: the change's written value is the
 * base, the value before it the incoming one) decide with it.
 */
export function threeWay(local: unknown, incoming: unknown, base: unknown): 'same' | 'local' | 'incoming' | 'conflict' {
  if (deepEqual(local, incoming)) return 'same';
  if (deepEqual(incoming, base)) return 'local'; // only the local side changed it
  if (deepEqual(local, base)) return 'incoming'; // only the incoming side changed it
  return 'conflict';
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

/**
 * The report as a reply carries it: at most MAX_CONFLICTS_LISTED conflicts (the first ones, in file order),
 * with `conflictCount` counting them all. Made at the edge, after the apply: a sync flags every conflict.
 */
export function listedReport<R extends Pick<ImportReport, 'conflicts' | 'conflictCount'>>(report: R): R {
  const all = report.conflicts;
  if (!all) return report;
  return { ...report, conflicts: all.slice(0, MAX_CONFLICTS_LISTED), conflictCount: report.conflictCount ?? all.length };
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
    refused: parsed.refused.slice(0, MAX_REFUSED_LISTED),
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
      const rule = base ? threeWay(old[key], value, base[key]) : undefined;
      if (!rule) take = incomingNewer;
      else if (rule !== 'conflict') take = rule === 'incoming';
      else {
        const conflict: MergeConflict = {
          docId: old.id,
          title: old.title || incoming.title || old.id,
          field: key,
          local: old[key],
          incoming: value,
          winner: options.preferLocal ? 'local' : incomingNewer ? 'incoming' : 'local',
        };
        if (base?.[key] !== undefined) conflict.base = base[key];
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
