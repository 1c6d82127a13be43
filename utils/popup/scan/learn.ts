/**
 * What Scan learns from the member and from the index, beyond an item's name:
 * - `recallItem`: the workstream the member chose before for this item on this site (the memory of
 *   corrections, utils/shared/scan-memory.ts), when that workstream still exists. The item matches
 *   by key (no mark, case or punctuation: "C. Survey process" = "D) survey process") or by name
 *   closely (nameSimilarity ≥ RECALL_THRESHOLD).
 * - `adoptTracked`: other documents of the same item already tracked. When the index already files
 *   a document of an item under a workstream, the item's other documents are proposed there too
 *   (unless the member's memory says otherwise); the workstream most of them use wins.
 * - `correctionsFrom`: the rows the member tracked → the corrections to remember (a row of an item
 *   whose workstream is not the one proposed).
 */
import type { DocRecord, Workstream } from '../../shared/model';
import { itemKey } from '../../shared/scan-memory';
import type { Correction } from '../../shared/scan-memory';
import type { ScanCandidate } from './candidate';
import { nameSimilarity } from './workstreams';

/** How close an item's name must be to a remembered one (higher than a workstream's match: it overrides it). */
export const RECALL_THRESHOLD = 0.85;

export type Remembered = Pick<Correction, 'item' | 'workstreamId'>;

/** The remembered workstream for an item (its text as the page writes it), if it still exists. */
export function recallItem<W extends Pick<Workstream, 'id'>>(
  item: string,
  remembered: readonly Remembered[] | undefined,
  workstreams: readonly W[],
): W | undefined {
  if (!remembered?.length) return undefined;
  const key = itemKey(item);
  if (!key) return undefined;
  let best: { w: W; score: number } | undefined;
  for (const r of remembered) {
    const w = workstreams.find((x) => x.id === r.workstreamId);
    if (!w) continue;
    const score = itemKey(r.item) === key ? 2 : nameSimilarity(r.item, item);
    if (score >= RECALL_THRESHOLD && (!best || score > best.score)) best = { w, score };
  }
  return best?.w;
}

/**
 * Candidates of an item with documents already tracked under an existing workstream take that
 * workstream (candidates the memory placed, and the tracked ones themselves, keep theirs). Returns
 * the candidates changed. Items are told apart by their text (`section`).
 */
export function adoptTracked(
  candidates: ScanCandidate[],
  tracked: ReadonlyMap<string, Pick<DocRecord, 'workstreamId'>>,
  workstreams: readonly Workstream[],
): number {
  const votes = new Map<string, Map<string, number>>();
  for (const c of candidates) {
    const ws = c.section ? tracked.get(c.id)?.workstreamId : undefined;
    if (!c.section || !ws || !workstreams.some((w) => w.id === ws)) continue;
    const v = votes.get(c.section) ?? new Map<string, number>();
    v.set(ws, (v.get(ws) ?? 0) + 1);
    votes.set(c.section, v);
  }
  let changed = 0;
  for (const c of candidates) {
    const v = c.section ? votes.get(c.section) : undefined;
    if (!v || c.remembered || tracked.has(c.id)) continue;
    const [id] = [...v.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const w = workstreams.find((x) => x.id === id)!;
    if (c.workstreamId === w.id) continue;
    c.workstreamId = w.id;
    c.workstreamName = w.name;
    changed += 1;
  }
  return changed;
}

/** A tracked row: what was proposed (`c`) and the workstream the member kept (its id after tracking). */
export interface TrackedRow {
  c: Pick<ScanCandidate, 'section' | 'workstreamId' | 'workstreamName'>;
  workstreamId: string | undefined;
}

const fold = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The corrections to remember from rows just tracked on a page of `site`: an item given another workstream. */
export function correctionsFrom(
  rows: readonly TrackedRow[],
  workstreams: readonly Workstream[],
  site: string,
  now: string,
): Correction[] {
  const out: Correction[] = [];
  for (const { c, workstreamId } of rows) {
    if (!site || !c.section || !workstreamId) continue;
    const w = workstreams.find((x) => x.id === workstreamId);
    if (!w) continue;
    const same = c.workstreamId ? c.workstreamId === w.id : fold(c.workstreamName) === fold(w.name);
    if (same) continue;
    const entry: Correction = { site, item: c.section, workstreamId: w.id, workstreamName: w.name, at: now };
    const at = out.findIndex((o) => itemKey(o.item) === itemKey(entry.item));
    if (at >= 0) out[at] = entry;
    else out.push(entry);
  }
  return out;
}
