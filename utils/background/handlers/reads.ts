/**
 * The messages that read the index: a page's badges (`lookup`, answered only with what a badge
 * shows), the popup's list, search and summary, one document, the whole index, an export, and the
 * editor a badge opens. Reads come from the index in memory when it is there, else from the database.
 */
import * as store from '../db/store';
import { badgeAnswer } from '../badge-fields';
import { DRIVE_ID_RE } from '../protocol-schemas';
import { coldGroupedPage, queryDocs, summarizeIndex } from '../queries';
import { createRateLimiter } from '../rate-limit';
import type { HandlerContext, HandlersFor } from './context';
import { titleFromLinkText } from '../../shared/link-title';
import { parseDocLink } from '../../shared/links';
import { DocketError, MAX_PAGE_DOCUMENTS } from '../../shared/protocol';
import { isDefaultSite } from '../../shared/sites';
import type { PopupLink } from '../../shared/page-urls';
import { SaidError, said } from '../../shared/said';

/** How often a page's badges may open the editor. */
export const EDITOR_OPENS_PER_MINUTE = 6;

/**
 * Above this many documents, the first grouped page is read through the database's indexes while
 * the cache is not loaded yet (below it, loading everything is as quick).
 */
export const COLD_QUERY_THRESHOLD = 3_000;

/** Ids that are Drive ids, each checked alone: one bad id is dropped, never the whole batch (issue 13, item 6). */
export function validIds(ids: readonly string[]): string[] {
  return ids.filter((id) => DRIVE_ID_RE.test(id));
}

type ReadMessage =
  | 'lookup'
  | 'docs/find'
  | 'workstreams/list'
  | 'editor/open'
  | 'join/open'
  | 'index/get'
  | 'docs/query'
  | 'doc/get'
  | 'index/summary';

export function createReadHandlers({ deps, db, cache, today }: HandlerContext): HandlersFor<ReadMessage> {
  /** After a cold start: read the index and build the default list and the search index, while the popup draws. */
  const warm = () =>
    cache.warm((view) => {
      view.groups('active');
      // After the questions waiting for the index have been answered.
      setTimeout(() => view.docSearch(), 0);
    });

  /** The index's records for these ids (by id, then alias): from memory when the index is there, never the whole index read for it. */
  async function findRecords(ids: string[]) {
    if (cache.loaded) {
      await cache.check();
      const records = cache.lookup(ids);
      if (records) return records;
    }
    return store.lookup(await db(), ids);
  }

  /** `editor/open` from a page: a few a minute per tab. */
  const editorLimit = createRateLimiter(EDITOR_OPENS_PER_MINUTE, 60_000);
  /** `join/open` from a page: as few. */
  const joinLimit = createRateLimiter(EDITOR_OPENS_PER_MINUTE, 60_000);

  return {
    lookup: async ({ ids }, sender) => {
      // A page of a site Docket no longer runs on (the member disabled it, or the browser took the
      // permission back) gets nothing: its content script removes its badges (issue 13, item 5).
      const page = sender.tab ? (sender.url ?? '') : undefined;
      if (page !== undefined && deps.sites.mayRun && !(await deps.sites.mayRun(page))) {
        throw new DocketError(said('error_site_not_enabled'), 'not-enabled');
      }
      // Full cards on the working group's own sites only (badge-fields.ts).
      const full = page === undefined || isDefaultSite(page);
      return { records: badgeAnswer(await findRecords(validIds(ids)), full) };
    },
    'docs/find': async ({ ids }) => ({ records: await findRecords(validIds(ids)) }),
    'workstreams/list': async () => {
      await cache.check();
      return { workstreams: cache.loaded ? [...(await cache.get()).workstreams] : await (await db()).getAll('workstreams') };
    },
    'editor/open': async ({ id, url, title, source, workstreamId, wsGuess, sourceTitle }, sender) => {
      // Badges ask for the editor on the member's clicks only; even so, never a flood of windows.
      const tabId = sender.tab?.id;
      if (tabId !== undefined && !editorLimit.take(String(tabId))) {
        throw new SaidError(said('error_editor_too_often'));
      }
      const link: PopupLink = { close: true };
      if (id) link.edit = id;
      else {
        const ref = url ? parseDocLink(url) : null;
        if (!ref || !url) throw new SaidError(said('error_not_google_link'));
        const track: NonNullable<PopupLink['track']> = (link.track = { url });
        // The link's text is a title unless it is only an address (the same rule as "Track in Docket…").
        const named = titleFromLinkText(title, url);
        if (named) track.title = named;
        if (source) track.source = source;
        if (workstreamId) track.workstreamId = workstreamId;
        if (wsGuess) track.wsGuess = wsGuess;
        if (sourceTitle) track.sourceTitle = sourceTitle;
      }
      await deps.openEditorWindow(link, tabId);
      return { opened: true };
    },
    // A join link the member clicked: the join view in the tab's small window, the address filled in. Only
    // the view: subscribing needs the member's Join and the browser's permission prompt, in Docket's own page.
    'join/open': async ({ url }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined && !joinLimit.take(String(tabId))) {
        throw new SaidError(said('error_join_too_often'));
      }
      await deps.openEditorWindow({ join: url }, tabId);
      return { opened: true };
    },
    'index/get': async ({ offset = 0, limit = MAX_PAGE_DOCUMENTS }) => {
      const d = await db();
      const tx = d.transaction(['documents', 'workstreams']);
      const docs = tx.objectStore('documents');
      const [total, keys, workstreams] = await Promise.all([
        docs.count(),
        docs.getAllKeys(null, offset + limit),
        tx.objectStore('workstreams').getAll(),
      ]);
      const from = keys[offset];
      const documents = from === undefined ? [] : await docs.getAll(IDBKeyRange.lowerBound(from), limit);
      await tx.done;
      return { documents, workstreams, total };
    },
    'docs/query': async (q) => {
      // The first page of the list says which revision it is at least as new as (read before answering).
      const revision = q.view === 'grouped' && q.offset === 0 && deps.revision ? await deps.revision() : undefined;
      await cache.check();
      const day = q.today ?? today();
      // Cold (nothing cached, nothing being read): the first page from the database's indexes, unless
      // every count is wanted. While the index is being read, waiting for it is quicker than competing with it.
      if (!cache.loaded && !cache.loading && !q.complete && q.view === 'grouped') {
        const d = await db();
        // More than the threshold: reading that many keys is enough to know (counting all of them is not cheaper).
        if ((await d.getAllKeys('documents', null, COLD_QUERY_THRESHOLD + 1)).length > COLD_QUERY_THRESHOLD) {
          const page = await coldGroupedPage(d, q, day);
          // Read the whole index for the next question while the popup draws this answer.
          warm();
          if (page) return revision === undefined ? page : { ...page, revision };
        }
      }
      // Reading the whole index now (a cold start): build the default list and the search index with it.
      if (!cache.loaded && !cache.loading) warm();
      const page = queryDocs(await cache.get(), q, day);
      return revision === undefined ? page : { ...page, revision };
    },
    // By id, else by alias: the same answer as a lookup, from memory when the index is there.
    'doc/get': async ({ id }) => ({ doc: (await findRecords([id]))[id]?.doc ?? null }),
    'index/summary': async ({ today: day }) => {
      await cache.check();
      return summarizeIndex(await cache.get(), day ?? today());
    },
  };
}
