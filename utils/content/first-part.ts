/**
 * The content script's first part (issue 27, see parts.ts): what runs on every page of a site Docket
 * runs on. It answers the page's own messages (Scan this page, the popup's "this page"), remembers
 * the link a context menu was opened on ("Track in Docket…"), and looks for document links
 * (finder.ts); the badge code (the later part) is loaded only when one appears, or at once on
 * Google's own hosts (a document's own page, Gmail, relative links, client-side navigation).
 * No polyfill and no WXT context here: the extension API is the browser's own, reached through
 * `runtime` (tests give a fake one).
 *
 * A join link (utils/shared/join-link.ts) is read on the member's click only, never looked for: its click asks
 * the background to open the join view (issue 25). The page's own clicks (`link.click()`, dispatched events) are
 * not the member's (`isTrusted`) and do nothing; the view only fills the address in, the member presses Join.
 *
 * Issue 13, item 3: a copy ends only when its extension context is really gone (`runtime.id` no
 * longer answers), never on an event a page can send.
 */
import { joinLinkAddress } from '../shared/join-link';
import { isGoogleHost } from '../shared/links';
import type { ContentProtocolMap, Reply } from '../shared/protocol';
import { watchForDocumentLinks } from './finder';
import type { Badges, LaterPart } from './parts';

/** The part of the browser's `runtime` the first part uses. */
export interface FirstRuntime {
  readonly id?: string;
  /** To the background (a join link's click: `join/open`). */
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(fn: MessageListener): void;
    removeListener(fn: MessageListener): void;
  };
}
type MessageListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | undefined;

export interface FirstPartOptions {
  doc: Document;
  runtime: FirstRuntime;
  /** Load the later part (entrypoints/content.ts: `import()` of its module). */
  load(): Promise<LaterPart>;
}

/**
 * The copy of Docket running in this page's world, if any. Two copies of the same extension can
 * land in one page (the manifest's, and the one an install or update injects into open tabs):
 * the newer one takes over. The key lives in Docket's own isolated world, out of the page's reach.
 */
const RUNNING = Symbol.for('docket.content.running');
type Running = { stop(): void };

export interface FirstPart {
  /** The badges, once the later part started them. */
  badges(): Promise<Badges | null>;
  stop(): void;
}

export function startFirstPart({ doc, runtime, load }: FirstPartOptions): FirstPart {
  const world = globalThis as unknown as Record<symbol, Running | undefined>;
  world[RUNNING]?.stop();
  let stopped = false;
  const alive = (): boolean => {
    try {
      return !stopped && runtime.id != null;
    } catch {
      return false;
    }
  };

  let later: Promise<LaterPart> | undefined;
  const laterPart = () => (later ??= load());
  let badges: Promise<Badges | null> = Promise.resolve(null);
  const startBadges = () => {
    badges = laterPart().then(
      (part) => (alive() ? part.start(alive, stop) : null),
      (error: unknown) => {
        // An extension that went away (reloaded, updated) cannot give its module: this copy ends.
        if (!alive()) stop();
        else console.warn('[Docket]', String((error as Error)?.message ?? error));
        return null;
      },
    );
  };

  // Remember which link a context menu was opened on ("Track in Docket…").
  let lastContextLink: Element | null = null;
  const onContextMenu = (event: Event) => {
    lastContextLink = (event.target as Element | null)?.closest?.('a[href]') ?? null;
  };
  doc.addEventListener('contextmenu', onContextMenu, { capture: true });

  // A join link, on the member's own plain click (or Enter): the join view instead of the sheet's file.
  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    // (An SVG link's `href` is not a string.)
    const href: unknown = ((event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null)?.href;
    const url = typeof href === 'string' ? joinLinkAddress(href) : null;
    if (!url || !alive()) return;
    event.preventDefault();
    runtime.sendMessage({ type: 'join/open', data: { url } }).then(
      (reply) => {
        if (!(reply as { ok?: boolean } | undefined)?.ok) console.warn('[Docket]', (reply as { error?: string })?.error);
      },
      (error: unknown) => console.warn('[Docket]', String((error as Error)?.message ?? error)),
    );
  };
  doc.addEventListener('click', onClick, { capture: true });

  const onMessage: MessageListener = (message, _sender, sendResponse) => {
    const type = (message as { type?: unknown } | null)?.type;
    const reply = (result: unknown) => sendResponse({ ok: true, result } satisfies Reply<unknown>);
    const location = doc.defaultView?.location;
    if (type === 'page/info') {
      const info: ContentProtocolMap['page/info']['res'] = { url: location?.href ?? doc.URL, title: doc.title };
      reply(info);
    } else if (type === 'page/html') {
      const snapshot: ContentProtocolMap['page/html']['res'] = {
        url: location?.href ?? doc.URL,
        title: doc.title,
        html: doc.documentElement.outerHTML,
        contentType: doc.contentType,
      };
      reply(snapshot);
    } else if (type === 'page/link-context') {
      const link = lastContextLink?.isConnected ? lastContextLink : null;
      if (!link) {
        reply({ text: '' } satisfies ContentProtocolMap['page/link-context']['res']);
        return undefined;
      }
      laterPart().then(
        (part) => reply(part.linkGuesses(link) satisfies ContentProtocolMap['page/link-context']['res']),
        (error: unknown) => sendResponse({ ok: false, error: String((error as Error)?.message ?? error) }),
      );
      return true;
    }
    return undefined;
  };
  runtime.onMessage.addListener(onMessage);

  const stopLooking =
    doc.defaultView && isGoogleHost(doc.defaultView.location.hostname)
      ? (startBadges(), () => undefined)
      : watchForDocumentLinks(doc, startBadges);

  function stop(): void {
    if (stopped) return;
    stopped = true;
    stopLooking();
    doc.removeEventListener('contextmenu', onContextMenu, true);
    doc.removeEventListener('click', onClick, true);
    try {
      runtime.onMessage.removeListener(onMessage);
    } catch {
      // The extension is gone: nothing left to undo.
    }
    void badges.then((b) => b?.stop());
  }
  world[RUNNING] = { stop };
  return { badges: () => badges, stop };
}
