/**
 * The full page's first rows kept from one visit to the next (as the popup keeps its first page,
 * first-page.ts): the first block of the table's answer with the index revision read before it
 * was asked. Opened again with the same settings, on the same day, while the index is still at
 * that revision, the page draws the kept rows at once, without waiting for the background (asleep,
 * or reading the index); the live answer follows and replaces them. Pure, over a Storage-like object.
 */
import type { TablePage } from '../shared/doc-table';
import { keepItem, readItem, type KeyValueStore } from './first-page';
import type { TableKey } from './table-view';
import { asTablePage } from './answer-schema';

export const TABLE_FIRST_KEY = 'docket:table-first:v1';

interface KeptTable {
  key: string;
  revision: string;
  page: TablePage;
}

/** Keep a whole first block (never a partial one, nor one without a revision); never throws. */
export function keepTableFirst(store: KeyValueStore, key: TableKey, revision: string | null, page: TablePage): boolean {
  if (page.partial || revision === null || page.offset !== 0) return false;
  const { ids: _ids, ...rest } = page;
  const kept: KeptTable = { key: JSON.stringify(key), revision, page: rest };
  return keepItem(store, TABLE_FIRST_KEY, JSON.stringify(kept));
}

/**
 * The kept rows, when they answer `key` at `revision` (the index's now); else null. Kept text that
 * is not a table's answer (answer-schema.ts: every row with its document, colours `#rrggbb`) is
 * dropped. Never throws.
 */
export function keptTableFirst(store: KeyValueStore, key: TableKey, revision: string | null): TablePage | null {
  if (revision === null) return null;
  const text = readItem(store, TABLE_FIRST_KEY);
  if (!text) return null;
  let kept: Partial<KeptTable> | null = null;
  try {
    kept = JSON.parse(text) as Partial<KeptTable> | null;
  } catch {
    kept = null;
  }
  const page = kept && typeof kept.key === 'string' && typeof kept.revision === 'string' ? asTablePage(kept.page) : null;
  if (!kept || !page) {
    keepItem(store, TABLE_FIRST_KEY, null);
    return null;
  }
  return kept.key === JSON.stringify(key) && kept.revision === revision ? page : null;
}
