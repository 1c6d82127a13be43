/**
 * What a subscription may change (issue 13, item 7). A sheet is someone else's data: it may
 * follow its own documents, never silently overwrite the member's.
 *
 * - A document new to the index is added (marked as coming from the subscription).
 * - A document that came from this subscription, or whose last shared version came from it, is
 *   merged three ways against that version: a field only the sheet changed takes the change, a
 *   field both changed keeps the member's value and is flagged.
 * - Any other document (the member's own, or one from a file or another sheet) is not changed:
 *   every field the sheet would change is flagged on it, the member's value kept. The sheet's
 *   values become the version shared with this subscription, so that a flag the member dismissed
 *   is not raised again by the same values, and later changes of the sheet merge three ways.
 * - An existing workstream's name, colour, group and Google account never change from a sheet:
 *   what the sheet would change is kept as a proposal for the member to apply. A workstream the
 *   sheet creates gets its name, colour and group, but not an account (proposed too).
 */
import { WS_VALUE_FIELDS, type DocRecord, type Workstream } from '../shared/model';
import type { MergeConflict, WorkstreamProposal } from '../shared/reports';
import { baseOf, type MergeBase } from './interchange/merge';
import type { ParsedImport } from './interchange/records';

export interface SharedVersionLike {
  fields: MergeBase;
  source: string;
}

export interface SyncSplit {
  /** What the ordinary three-way merge handles: new documents and this subscription's own, new workstreams. */
  parsed: ParsedImport;
  /** The shared versions that merge uses. */
  bases: Map<string, MergeBase>;
  /** Fields the sheet would change on documents that are not its own: flagged, the member's value kept. */
  conflicts: MergeConflict[];
  /** Those documents' new shared versions with this subscription (the sheet's values). */
  foreignBases: Map<string, MergeBase>;
  /** How many of the sheet's documents were left as they are (not its own). */
  foreign: number;
  /** Workstream changes waiting for the member. */
  proposals: WorkstreamProposal[];
}

/** The source a subscription's shared versions are recorded under. */
export const subscriptionSource = (subscriptionId: string) => `subscription:${subscriptionId}`;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function splitForSync(
  parsed: ParsedImport,
  existing: { documents: ReadonlyMap<string, DocRecord>; workstreams: ReadonlyMap<string, Workstream> },
  shared: ReadonlyMap<string, SharedVersionLike>,
  subscriptionId: string,
): SyncSplit {
  const source = subscriptionSource(subscriptionId);
  const documents: DocRecord[] = [];
  const bases = new Map<string, MergeBase>();
  const conflicts: MergeConflict[] = [];
  const foreignBases = new Map<string, MergeBase>();
  let foreign = 0;
  for (const incoming of parsed.documents) {
    const old = existing.documents.get(incoming.id);
    const version = shared.get(incoming.id);
    const own = old?.subscriptionId === subscriptionId;
    if (!old || (version && (own || version.source === source))) {
      documents.push(incoming);
      if (version) bases.set(incoming.id, version.fields);
      continue;
    }
    // Not this sheet's document: nothing changes; what the sheet says differently is flagged.
    foreign++;
    const implied = parsed.implied && Object.hasOwn(parsed.implied, incoming.id) ? parsed.implied[incoming.id]! : [];
    const given = { ...incoming } as Partial<DocRecord>;
    if (implied.includes('kind')) delete given.kind;
    const fields = baseOf(given as DocRecord);
    foreignBases.set(incoming.id, fields);
    for (const [field, value] of Object.entries(fields)) {
      const local = (old as unknown as Record<string, unknown>)[field];
      if (same(value, local)) continue;
      const conflict: MergeConflict = {
        docId: old.id,
        title: old.title || incoming.title || old.id,
        field,
        local,
        incoming: value,
        winner: 'local',
      };
      const base = version?.fields[field as keyof MergeBase];
      if (base !== undefined) conflict.base = base;
      conflicts.push(conflict);
    }
  }

  const workstreams: Workstream[] = [];
  const proposals: WorkstreamProposal[] = [];
  for (const incoming of parsed.workstreams) {
    const old = existing.workstreams.get(incoming.id);
    if (!old) {
      const { account, ...rest } = incoming;
      workstreams.push(rest);
      if (account !== undefined) proposals.push({ id: incoming.id, name: incoming.name, field: 'account', theirs: account });
      continue;
    }
    for (const field of WS_VALUE_FIELDS) {
      const theirs = incoming[field];
      if (theirs === undefined || same(theirs, old[field])) continue;
      const proposal: WorkstreamProposal = { id: old.id, name: old.name, field, theirs };
      if (old[field] !== undefined) proposal.local = old[field];
      proposals.push(proposal);
    }
  }
  return {
    parsed: { ...parsed, documents, workstreams },
    bases,
    conflicts,
    foreignBases,
    foreign,
    proposals,
  };
}

/**
 * Flag conflicts kept local on their documents. Returns only the documents whose flags changed
 * (a flag already there with the same value is not written again).
 */
export function flagConflicts(
  conflicts: readonly MergeConflict[],
  lookup: (id: string) => DocRecord | undefined,
  subscriptionId: string,
  at: string,
): DocRecord[] {
  const changed = new Map<string, DocRecord>();
  for (const c of conflicts) {
    if (c.winner !== 'local') continue;
    const doc = changed.get(c.docId) ?? lookup(c.docId);
    if (!doc) continue;
    const flags = doc.syncConflicts ?? [];
    const there = flags.find((x) => x.field === c.field);
    if (there && there.subscriptionId === subscriptionId && same(there.theirs, c.incoming)) continue;
    const next: DocRecord = {
      ...doc,
      syncConflicts: [...flags.filter((x) => x.field !== c.field), { field: c.field, theirs: c.incoming, subscriptionId, at }],
    };
    changed.set(c.docId, next);
  }
  return [...changed.values()];
}
