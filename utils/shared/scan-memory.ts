/**
 * Scan's memory of the member's corrections: when the member gives an item of a site's minutes
 * another workstream than the one proposed ("Survey process" → "D. Member survey"), the next scan
 * of that site proposes that workstream for that item.
 *
 * Kept in `storage.local` (SCAN_MEMORY_KEY, a typed item: storage-items.ts), not in the index's database: it is a small list (at
 * most SCAN_MEMORY_MAX entries, a few hundred bytes each) of the member's preferences, read whole
 * once a scan and written by the extension pages that scan (the popup, the full page); the
 * background reads it for the JSON export and merges an imported one. Each entry names its
 * workstream by id and by name, so that a workstream deleted since is not proposed.
 */
import { withoutItemMark } from './agenda-item';
import { storedItem } from './storage-items';

export const SCAN_MEMORY_KEY = 'docket:scan-memory';
/** Entries kept; the oldest go first. */
export const SCAN_MEMORY_MAX = 500;
const FIELD_MAX = 500;

export interface Correction {
  /** The minutes' site: the page's host name ("www.intgovforum.org"). */
  site: string;
  /** The item as the page writes it ("C. Survey process"). */
  item: string;
  workstreamId: string;
  /** The workstream's name when it was chosen (for the list, and if the id is gone). */
  workstreamName: string;
  /** When it was chosen (ISO). */
  at: string;
}

/** The site a page's corrections belong to: its host name, lower case ('' for a page without one). */
export function siteOf(url: string): string {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.hostname.toLowerCase() : '';
  } catch {
    return '';
  }
}

/** An item's key: without its mark ("C." changes from one meeting to the next), accents, case and punctuation. */
export function itemKey(item: string): string {
  return withoutItemMark(item.trim())
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const same = (a: Pick<Correction, 'site' | 'item'>, b: Pick<Correction, 'site' | 'item'>) =>
  a.site === b.site && itemKey(a.item) === itemKey(b.item);

/** The list with `entry` remembered: first, in place of any entry of the same site and item; at most `max`. */
export function remember(list: readonly Correction[], entry: Correction, max = SCAN_MEMORY_MAX): Correction[] {
  if (!entry.site || !itemKey(entry.item) || !entry.workstreamId) return [...list];
  return [entry, ...list.filter((c) => !same(c, entry))].slice(0, max);
}

/** The list without the entry of this site and item. */
export function forget(list: readonly Correction[], which: Pick<Correction, 'site' | 'item'>): Correction[] {
  return list.filter((c) => !same(c, which));
}

/** The corrections of one site. */
export function correctionsFor(list: readonly Correction[], site: string): Correction[] {
  return site ? list.filter((c) => c.site === site) : [];
}

const str = (v: unknown, max = FIELD_MAX) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined);

/** A stored or imported list, read leniently: entries that are not corrections are dropped; later duplicates too. */
export function readCorrections(value: unknown): Correction[] {
  if (!Array.isArray(value)) return [];
  const out: Correction[] = [];
  for (const raw of value) {
    if (!raw || typeof raw !== 'object') continue;
    const r = raw as Record<string, unknown>;
    const site = str(r.site)?.toLowerCase();
    const item = str(r.item);
    const workstreamId = str(r.workstreamId);
    if (!site || !item || !workstreamId || !itemKey(item)) continue;
    const at = str(r.at, 40);
    const entry: Correction = {
      site,
      item,
      workstreamId,
      workstreamName: str(r.workstreamName) ?? workstreamId,
      at: at && !Number.isNaN(Date.parse(at)) ? at : new Date(0).toISOString(),
    };
    if (!out.some((c) => same(c, entry))) out.push(entry);
    if (out.length >= SCAN_MEMORY_MAX) break;
  }
  return out;
}

/** Two lists as one: for each site and item, the later choice (`at`); newest first. */
export function mergeCorrections(a: readonly Correction[], b: readonly Correction[]): Correction[] {
  const all = [...a, ...b].sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0));
  const out: Correction[] = [];
  for (const c of all) if (!out.some((o) => same(o, c))) out.push(c);
  return out.slice(0, SCAN_MEMORY_MAX);
}

/** The list as kept, read through readCorrections ([] when none). */
export const scanMemoryItem = storedItem<Correction[]>('local', SCAN_MEMORY_KEY, readCorrections);

export function loadCorrections(): Promise<Correction[]> {
  return scanMemoryItem.get();
}

export async function saveCorrections(list: readonly Correction[]): Promise<void> {
  if (list.length) await scanMemoryItem.set([...list]);
  else await scanMemoryItem.remove();
}

/** Change the stored list with `change` (read, change, write). */
export async function updateCorrections(change: (list: Correction[]) => Correction[]): Promise<Correction[]> {
  const next = change(await loadCorrections());
  await saveCorrections(next);
  return next;
}
