/**
 * The popup's first screen kept from one opening to the next: the answer to its first question
 * (the grouped list's first page) with the index revision the background computed it at.
 * Opened again while the index is still at that revision, the popup draws the kept answer at
 * once, without waiting for the background (asleep, or still reading the index); the live
 * answer follows and replaces it if anything differs.
 *
 * Pure helpers over a Storage-like object (the popup's `localStorage`; a Map in tests).
 */
import type { DocsPage, DocsQuery } from '../shared/docs-query';
import { asDocsPage } from './answer-schema';

export const FIRST_PAGE_KEY = 'docket:first-page';
/** What earlier versions kept and this one no longer reads (the first screen as markup, up to 128 kB): removed when an answer is kept. */
export const RETIRED_KEYS = ['docket:first-screen:v1'];
const VERSION = 1;

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Kept {
  v: number;
  query: string;
  revision: string;
  page: DocsPage;
}

/** The same question, whatever the order of its fields. */
export function queryId(q: DocsQuery): string {
  return JSON.stringify([q.view, q.text ?? '', q.status, q.offset, q.limit, q.today ?? null]);
}

/**
 * Keep an answer. Only a whole answer (not `partial`) that says which revision it is at least as
 * new as. Never throws (storage full or unavailable: nothing is kept).
 */
export function keepFirstPage(store: KeyValueStore, q: DocsQuery, page: DocsPage): boolean {
  if (page.partial || typeof page.revision !== 'string') return false;
  const kept: Kept = { v: VERSION, query: queryId(q), revision: page.revision, page };
  for (const key of RETIRED_KEYS) keepItem(store, key, null);
  return keepItem(store, FIRST_PAGE_KEY, JSON.stringify(kept));
}

/**
 * Write `text` under `key` (null: remove it). When the write fails (storage full or unavailable),
 * what was kept under `key` is removed: an older copy never stays. Never throws.
 */
export function keepItem(store: KeyValueStore, key: string, text: string | null): boolean {
  try {
    if (text === null) {
      store.removeItem(key);
      return false;
    }
    store.setItem(key, text);
    return true;
  } catch {
    try {
      store.removeItem(key);
    } catch {
      // nothing kept either way
    }
    return false;
  }
}

/** The text kept under `key` (null: none, or the storage cannot be read). Never throws. */
export function readItem(store: KeyValueStore, key: string): string | null {
  try {
    return store.getItem(key);
  } catch {
    return null;
  }
}

/** The kept text, read once (before the revision is known). */
export function readKept(store: KeyValueStore): string | null {
  return readItem(store, FIRST_PAGE_KEY);
}

/**
 * The kept text read back (null when there is none, or it is unreadable, of another format, or not
 * an answer as the background gives one: answer-schema.ts, every row with its document, colours `#rrggbb`).
 */
export function parseKept(text: string | null): Kept | null {
  if (!text) return null;
  let kept: Partial<Kept> | null;
  try {
    kept = JSON.parse(text) as Partial<Kept> | null;
  } catch {
    return null;
  }
  if (!kept || kept.v !== VERSION || typeof kept.query !== 'string' || typeof kept.revision !== 'string') return null;
  const page = asDocsPage(kept.page);
  return page ? { v: kept.v, query: kept.query, revision: kept.revision, page } : null;
}

/** Drop the kept first page (it could not be read or drawn: the live answer is drawn instead). Never throws. */
export function dropKept(store: KeyValueStore): void {
  keepItem(store, FIRST_PAGE_KEY, null);
}

/** The kept answer answers `q` (at some revision). */
export function keptAnswers(kept: Kept | null, q: DocsQuery): kept is Kept {
  return !!kept && kept.query === queryId(q);
}

/**
 * The kept answer to `q`, if it was computed at `revision` (the index's revision now);
 * null for another question, another revision, no revision, or nothing kept.
 */
export function keptAnswer(kept: Kept | null, q: DocsQuery, revision: string | null): DocsPage | null {
  if (revision === null || !keptAnswers(kept, q) || kept.revision !== revision) return null;
  return kept.page;
}

/**
 * Whether `next` shows the member anything `shown` does not, `shown` being an answer to the same
 * question. A partial answer (counts not known yet) adds nothing when its rows are the ones shown.
 */
export function answerDiffers(shown: DocsPage, next: DocsPage): boolean {
  if (next.partial) {
    return (
      next.indexSize !== shown.indexSize ||
      JSON.stringify(next.rows) !== JSON.stringify(shown.rows) ||
      JSON.stringify(next.workstreams) !== JSON.stringify(shown.workstreams)
    );
  }
  const { revision: _a, ...a } = shown;
  const { revision: _b, ...b } = next;
  return JSON.stringify(a) !== JSON.stringify(b);
}
