/**
 * The popup's first question, asked before React starts, and its first screen kept from the last
 * opening (utils/popup/first-page.ts). The first useDocsQuery asking the same question takes both: the
 * kept answer to draw at once, the live answer to replace it.
 * No React here: this module runs before react-dom is even evaluated.
 */
import type { DocsPage, DocsQuery } from '../shared/docs-query';
import { send } from '../shared/protocol';
import { answerDiffers, keepFirstPage, queryId } from './first-page';
import type { KeyValueStore } from './first-page';

export type QueryRunner = (q: DocsQuery) => Promise<DocsPage>;

export const sendQuery: QueryRunner = (q) => send('docs/query', q);

/** A question asked before React started (the popup's first page), waiting to be taken. */
let early: { id: string; reply: Promise<DocsPage> } | null = null;
/** The kept answer to that question, at the index's current revision. */
let kept: { id: string; page: DocsPage } | null = null;
/** Where answers to the first question are kept for next time. */
let keeper: { id: string; store: KeyValueStore } | null = null;

/** Ask now, ahead of the first render; the first useDocsQuery with the same question takes the answer. */
export function askEarly(q: DocsQuery, run: QueryRunner = sendQuery): void {
  const reply = run(q);
  reply.catch(() => undefined);
  early = { id: queryId(q), reply };
}

/** The live answer asked for early, if `q` is that question (once). The kept answer goes with it. */
export function takeEarly(q: DocsQuery): Promise<DocsPage> | null {
  kept = null;
  if (!early) return null;
  const { id, reply } = early;
  early = null;
  return id === queryId(q) ? reply : null;
}

/** The revision of the kept answer that is still right: answers at it need not be kept again. */
let keptRevision: string | null = null;
/** The kept answer offered at that revision (a live answer at it that differs replaces it). */
let keptPage: DocsPage | null = null;

/** Offer a kept answer to `q` (already checked against the index's revision). */
export function offerKept(q: DocsQuery, page: DocsPage): void {
  kept = { id: queryId(q), page };
  keptRevision = page.revision ?? null;
  keptPage = page;
}

/** The kept answer to `q`, to draw before the live one arrives. */
export function keptFor(q: DocsQuery): DocsPage | null {
  return kept && kept.id === queryId(q) ? kept.page : null;
}

/** Keep whole answers to `q` in `store` for the next opening. */
export function keepAnswersTo(q: DocsQuery, store: KeyValueStore): void {
  keeper = { id: queryId(q), store };
}

/** An answer arrived: kept if it answers the first question. */
export function answered(q: DocsQuery, page: DocsPage): void {
  if (!keeper || keeper.id !== queryId(q) || page.partial || !page.revision) return;
  // The kept answer confirmed: nothing to keep. One that differs at the same revision was wrong
  // (a row the index does not hold…): the live answer replaces it, so it is not drawn next time.
  if (page.revision === keptRevision && !(keptPage && answerDiffers(keptPage, page))) return;
  const { store } = keeper;
  keptRevision = page.revision;
  keptPage = page;
  // Not in the answer's task: writing it is not urgent.
  setTimeout(() => keepFirstPage(store, q, page), 0);
}
