/**
 * What the background's message handlers share: the dependencies the service is made with
 * (injected, so that tests run it over fake-indexeddb with fake senders), and the context each
 * area's handlers are made from (the index in memory, the clock, new ids), made once.
 */
import type { DocketDB } from '../db/schema';
import { IndexCache } from '../index-cache';
import type { Fetcher, Journal } from '../sync';
import { localToday } from '../../shared/calendar';
import type { ContentMessage, IndexStatus, MessageType, Req, Res, SitesState } from '../../shared/protocol';
import type { ImportProgress } from '../../shared/upload';
import type { PopupLink } from '../../shared/page-urls';
import type { Said } from '../../shared/said';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface ServiceDeps {
  db: () => Promise<DocketDB>;
  /** This extension's id and the origin of its pages (`chrome-extension://id/`). */
  extensionId: string;
  extensionOrigin: string;
  now: () => string;
  /** Tell open pages that the index changed (bumps the revision key). */
  indexChanged: () => Promise<void>;
  /**
   * Open popup.html with these parameters in a small window. `tabId`: the tab a badge asked
   * from; its editor window is reused (one at a time per tab).
   */
  openEditorWindow: (link: PopupLink, tabId?: number) => Promise<void>;
  sites: {
    get: () => Promise<SitesState>;
    enable: (pattern: string, tabId?: number) => Promise<SitesState>;
    disable: (pattern: string) => Promise<SitesState>;
    /** Whether Docket runs on a page at this address now (a default site, or one enabled and still granted). */
    mayRun?: (url: string) => Promise<boolean>;
    /** Give back the permissions of these origins unless something still needs them. */
    release?: (patterns: string[]) => Promise<unknown>;
  };
  journal: Journal;
  fetcher: Fetcher;
  /** What the popup should be told (an upgrade that failed, an operation cut short). */
  status: { get(): Promise<IndexStatus>; dismiss(): Promise<IndexStatus> };
  /** Set when the index could only be opened for reading. */
  readOnlyReason?: () => string | Said | undefined;
  newId?: () => string;
  /** The index in memory (made from `db` when not given). */
  cache?: IndexCache;
  /** The local date, `YYYY-MM-DD` (the queries' default "today"). */
  today?: () => string;
  /** The index revision last written to `REVISION_KEY` (null: never), for first pages the popup keeps. */
  revision?: () => Promise<string | null>;
  /** Tell the popup how far the import being written is (null: done). */
  importProgress?: (progress: ImportProgress | null) => Promise<void>;
  /** Send a message to a tab's content script (`browser.tabs.sendMessage`), for `tab/ask`. */
  askTab?: (tabId: number, message: ContentMessage) => Promise<unknown>;
}

/** One message's handler: its request in, its answer out (the sender for those that care who asks). */
export type Handler<K extends MessageType> = (data: Req<K>, sender: Sender) => Promise<Res<K>>;
/** The handlers of some messages (an area's), or of all of them. */
export type HandlersFor<K extends MessageType> = { [M in K]: Handler<M> };

/** The service's dependencies with the defaults filled in: what every area's handlers are made from. */
export interface HandlerContext {
  deps: ServiceDeps;
  db: () => Promise<DocketDB>;
  cache: IndexCache;
  now: () => string;
  today: () => string;
  newId: () => string;
  indexChanged: () => Promise<void>;
}

export function handlerContext(deps: ServiceDeps): HandlerContext {
  return {
    deps,
    db: deps.db,
    cache: deps.cache ?? new IndexCache(deps.db),
    now: deps.now,
    today: deps.today ?? (() => localToday()),
    newId: deps.newId ?? (() => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`),
    indexChanged: deps.indexChanged,
  };
}
