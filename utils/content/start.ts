/**
 * The content script's later part (utils/content/parts.ts): the Linker on this page, reads through
 * the protocol, live refresh when the index revision changes, and a clean exit when the extension is
 * updated, reloaded or removed. The first part (first-part.ts) starts it when a document link appears,
 * and answers the page's own messages (Scan this page) whether or not it did.
 *
 * Issue 13, item 3: this copy ends only when its extension context is really gone
 * (`browser.runtime.id` no longer answers), never on an event a page can send: WXT's start-up
 * message is off (entrypoints/content.ts), and WXT's context, which a page can abort with a
 * look-alike of its start-up event, is not used for anything that matters. Item 5: a lookup
 * refused because Docket no longer runs on this site removes the badges; the page's own messages
 * (Scan this page) still work.
 */
import { browser } from 'wxt/browser';
import { isGoogleDocsUrl, isGoogleHost, parseDocLink } from '../shared/links';
import { REVISION_KEY, errorCode, send } from '../shared/protocol';
import { localToday } from '../shared/calendar';
import { loadLanguage, onLanguageChange } from '../shared/i18n';
import type { BadgeActions } from './badge-view';
import { Linker } from './linker';
import { startPageChip } from './page-chip';
import { trackRequest } from './link-context';
import type { Badges } from './parts';

/** How often a copy checks that its extension is still there (an update or reload leaves it running without one). */
const ALIVE_CHECK_MS = 3_000;

/** Whether this copy's extension is still there. */
export function extensionAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}

/** Run `fn`, ignoring an extension API that is gone (a copy whose extension was reloaded). */
function quietly(fn: () => void): void {
  try {
    fn();
  } catch {
    // Nothing left to undo.
  }
}

/** An address "Open" may go to for this badge: a Google document address of this very document. */
export function safeOpen(open: string, id: string): string | null {
  return isGoogleDocsUrl(open) && parseDocLink(open)?.id === id ? open : null;
}

/**
 * Badges on this page until `stop()`, or until `alive()` turns false (then `onGone` too: the first
 * part stops with it). A change of language starts them again (the same handle stops the new ones).
 */
export function startDocket(alive: () => boolean = extensionAlive, onGone: () => void = () => undefined): Badges {
  let current: Badges;
  const restart = () => {
    current.stop();
    current = startOnce(alive, onGone, restart);
  };
  current = startOnce(alive, onGone, restart);
  return {
    get linker() {
      return current.linker;
    },
    stop: () => current.stop(),
  };
}

function startOnce(alive: () => boolean, onGone: () => void, restart: () => void): Badges {
  const actions: BadgeActions = {
    open({ doc }) {
      const url = safeOpen(doc.open, doc.id);
      if (url) window.open(url, '_blank', 'noopener,noreferrer');
    },
    edit({ doc }) {
      void send('editor/open', { id: doc.id }).catch(report);
    },
    track(link) {
      // The same guesses as "Track in Docket…": the link's text as title, the heading above as workstream.
      void send(
        'editor/open',
        trackRequest(link, { href: location.href, title: document.title, baseURI: document.baseURI }),
      ).catch(report);
    },
  };

  // The language a member chose in Docket (else the browser's): read before the first badge is drawn, which
  // waits for a lookup anyway; when it changes, this copy starts again and draws every badge in the new one.
  const language = loadLanguage();
  const lookup = async (ids: string[]) => (await Promise.all([send('lookup', { ids }), language]))[0].records;
  const stopLanguage = onLanguageChange(() => {
    if (check()) restart();
  });

  /** After a refusal the badges go (the page's own messages stay: first-part.ts); when the extension is gone, everything goes. */
  const stopped = { badges: false, all: false };
  const stopBadges = () => {
    if (stopped.badges) return;
    stopped.badges = true;
    linker.dispose();
    chip.dispose();
    stopWatching();
    quietly(() => browser.storage.onChanged.removeListener(onStorage));
    quietly(stopLanguage);
  };
  const stopAll = () => {
    if (stopped.all) return;
    stopped.all = true;
    clearInterval(aliveTimer);
    stopBadges();
  };
  const check = () => {
    if (!alive()) {
      stopAll();
      onGone();
    }
    return !stopped.all;
  };

  /** Report an error; a refusal for this site removes the badges, a vanished extension ends this copy. */
  function report(error: unknown): void {
    if (errorCode(error) === 'not-enabled') return stopBadges();
    const text = String((error as Error)?.message ?? error);
    if (!check() || /context invalidated|Receiving end does not exist/i.test(text)) return;
    console.warn('[Docket]', text);
  }

  const linker = new Linker({
    doc: document,
    lookup,
    actions,
    today: () => localToday(),
    onError: report,
    alive: check,
  });

  const chip = startPageChip({
    doc: document,
    href: () => location.href,
    lookup,
    actions,
    today: () => localToday(),
  });

  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && REVISION_KEY in changes && check()) {
      linker.refresh().catch(report);
      chip.refresh().catch(report);
    }
  };
  browser.storage.onChanged.addListener(onStorage);

  // Client-side navigation changes what the address means only on Google's own hosts: the page
  // chip (a document's page) and relative links (`/document/d/…`). Elsewhere new links arrive as
  // DOM changes, which the Linker sees anyway; not watching the address there saves every other
  // page the location watcher.
  const onNavigate = () => {
    if (!check()) return;
    linker.rescan().catch(report);
    chip.refresh().catch(report);
  };
  const stopWatching = isGoogleHost(location.hostname) ? watchLocation(onNavigate) : () => undefined;

  // An extension that is reloaded, updated or disabled leaves this copy running without a
  // background: this check finds out within seconds (and the Linker at the page's next change).
  const aliveTimer = setInterval(check, ALIVE_CHECK_MS);

  linker.start().catch(report);
  chip.refresh().catch(report);
  return { linker, stop: stopAll };
}

/**
 * Call `onChange` when the page's address changes without a load: on the Navigation API's
 * `navigatesuccess` where there is one, else a poll every second. Returns a function that stops.
 */
function watchLocation(onChange: () => void): () => void {
  let last = location.href;
  const changed = () => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  };
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav?.addEventListener) {
    nav.addEventListener('navigatesuccess', changed);
    return () => nav.removeEventListener('navigatesuccess', changed);
  }
  const timer = setInterval(changed, 1_000);
  return () => clearInterval(timer);
}
