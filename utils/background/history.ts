/**
 * Which snapshots of the index Docket keeps (issue 13, item 8): enough to undo what a member
 * may notice late, bounded in size.
 *
 * - Every snapshot of the last HISTORY_DAYS days, by time (a sync that changes nothing takes none).
 * - Whatever their age: the newest snapshot, and the newest one taken before an import, before a
 *   restore, before an upgrade and before a delete larger than the trash holds (the operations a
 *   member undoes on purpose).
 * - At most HISTORY_MAX_COUNT snapshots and about HISTORY_MAX_BYTES in all: past either, the
 *   oldest snapshots go first, except the ones kept whatever their age.
 */
import type { DocRecord, Workstream } from '../shared/model';
import { HISTORY_DAYS, HISTORY_MAX_BYTES, HISTORY_MAX_COUNT, type SnapshotInfo } from '../shared/reports';

const DAY_MS = 86_400_000;
/** What a snapshot of this many documents takes when it was written without a size (older ones). */
const BYTES_PER_DOC_GUESS = 600;

/** About how many bytes a snapshot of these records takes (the UTF-16 text of its fields, plus a little per value). */
export function estimateBytes(documents: readonly DocRecord[], workstreams: readonly Workstream[]): number {
  let chars = 0;
  for (const d of documents) chars += charsOf(d);
  for (const w of workstreams) chars += charsOf(w);
  return chars * 2;
}

function charsOf(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + charsOf(v), 4);
  if (value && typeof value === 'object') {
    let sum = 4;
    for (const [k, v] of Object.entries(value)) sum += k.length + charsOf(v);
    return sum;
  }
  return 8;
}

export function bytesOf(info: Pick<SnapshotInfo, 'bytes' | 'documents'>): number {
  return info.bytes ?? info.documents * BYTES_PER_DOC_GUESS;
}

/** The ids of the snapshots to drop, given every snapshot (any order) and the time now (ISO). */
export function snapshotsToDrop(infos: readonly SnapshotInfo[], now: string): number[] {
  const byAge = [...infos].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  const kept = new Set<number>();
  const newestOf = new Map<string, number>();
  for (const info of byAge) newestOf.set(info.reason, info.id);
  if (byAge.length) kept.add(byAge.at(-1)!.id);
  for (const reason of ['import', 'restore', 'upgrade', 'delete']) {
    const id = newestOf.get(reason);
    if (id !== undefined) kept.add(id);
  }
  const always = new Set(kept);
  const since = Date.parse(now) - HISTORY_DAYS * DAY_MS;
  const recent = byAge.filter((s) => !always.has(s.id) && Date.parse(s.createdAt) >= since);
  for (const s of recent) kept.add(s.id);
  // The bounds: drop the oldest recent ones until both hold.
  let count = kept.size;
  let bytes = byAge.filter((s) => kept.has(s.id)).reduce((sum, s) => sum + bytesOf(s), 0);
  for (const s of recent) {
    if (count <= HISTORY_MAX_COUNT && bytes <= HISTORY_MAX_BYTES) break;
    kept.delete(s.id);
    count--;
    bytes -= bytesOf(s);
  }
  return byAge.filter((s) => !kept.has(s.id)).map((s) => s.id);
}

/** The history as the popup shows it: how many snapshots and about how large. */
export function historySize(infos: readonly SnapshotInfo[]): { count: number; bytes: number } {
  return { count: infos.length, bytes: infos.reduce((sum, s) => sum + bytesOf(s), 0) };
}
