/**
 * The content script's wiring: the Linker on this page, reads through the
 * protocol, live refresh when the index revision changes, and a clean exit when
 * the extension is updated or reloaded (the context is invalidated).
 */
import { isItemLine } from '../shared/agenda-item';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { docUrl, isGoogleDocsUrl, isGoogleHost } from '../shared/links';
import { REVISION_KEY, send, type ContentProtocolMap, type Reply } from '../shared/protocol';
import { localToday } from '../shared/calendar';
import { uninstallBadgeEvents, type BadgeActions } from './badge-view';
import { Linker } from './linker';
import { startPageChip } from './page-chip';

const linkText = (link: Element) => (link.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);

export function startDocket(ctx: ContentScriptContext): Linker {
  const actions: BadgeActions = {
    open({ doc }) {
      const url = doc.url && isGoogleDocsUrl(doc.url) ? doc.url : docUrl(doc);
      if (isGoogleDocsUrl(url)) window.open(url, '_blank', 'noopener,noreferrer');
    },
    edit({ doc }) {
      void send('editor/open', { id: doc.id }).catch(report);
    },
    track(link) {
      const href = link.getAttribute('href') ?? '';
      const url = new URL(href, document.baseURI).href;
      const title = linkText(link);
      const onItsOwnPage = url === location.href;
      void send('editor/open', {
        url,
        title: title && title !== url ? title : undefined,
        source: onItsOwnPage ? undefined : location.href,
      }).catch(report);
    },
  };

  const linker = new Linker({
    doc: document,
    lookup: async (ids) => (await send('lookup', { ids })).records,
    actions,
    today: () => localToday(),
    onError: report,
  });

  const chip = startPageChip({
    doc: document,
    href: () => location.href,
    lookup: async (ids) => (await send('lookup', { ids })).records,
    actions,
    today: () => localToday(),
  });

  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && REVISION_KEY in changes) {
      linker.refresh().catch(report);
      chip.refresh().catch(report);
    }
  };
  browser.storage.onChanged.addListener(onStorage);

  const onMessage = (message: unknown): Promise<Reply<unknown>> | undefined => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'page/info') {
      const info: ContentProtocolMap['page/info']['res'] = { url: location.href, title: document.title };
      return Promise.resolve({ ok: true, result: info });
    }
    if (type === 'page/link-context') {
      const link = lastContextLink?.isConnected ? lastContextLink : null;
      const result: ContentProtocolMap['page/link-context']['res'] = link
        ? { text: linkText(link), heading: headingAbove(link) }
        : { text: '' };
      return Promise.resolve({ ok: true, result });
    }
    if (type === 'page/html') {
      const snapshot: ContentProtocolMap['page/html']['res'] = {
        url: location.href,
        title: document.title,
        html: document.documentElement.outerHTML,
        contentType: document.contentType,
      };
      return Promise.resolve({ ok: true, result: snapshot });
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  // Remember which link a context menu was opened on ("Track in Docket…").
  let lastContextLink: Element | null = null;
  ctx.addEventListener(
    document,
    'contextmenu',
    (event) => {
      lastContextLink = (event.target as Element | null)?.closest?.('a[href]') ?? null;
    },
    { capture: true },
  );

  // Client-side navigation changes what the address means only on Google's own hosts: the page
  // chip (a document's page) and relative links (`/document/d/…`). Elsewhere new links arrive as
  // DOM changes, which the Linker sees anyway; not watching the address there saves every other
  // page the location watcher (a polling timer in Firefox).
  if (isGoogleHost(location.hostname)) {
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      linker.rescan().catch(report);
      chip.refresh().catch(report);
    });
  }
  ctx.onInvalidated(() => {
    linker.dispose();
    chip.dispose();
    uninstallBadgeEvents(document);
    browser.storage.onChanged.removeListener(onStorage);
    browser.runtime.onMessage.removeListener(onMessage);
  });

  // An extension that is reloaded, updated or disabled leaves this copy running without a
  // background. A newer copy stops this one at once (WXT's started event); otherwise this
  // check finds out within seconds, and the badges go (ctx.onInvalidated above).
  ctx.setInterval(() => undefined, 3_000);

  linker.start().catch(report);
  chip.refresh().catch(report);
  return linker;
}

/** The nearest heading (or agenda-item line) before an element: the workstream a link stands under. */
export function headingAbove(el: Element): string | undefined {
  let node: Element | null = el;
  for (let steps = 0; node && steps < 400; steps++) {
    const prev: Element | null = node.previousElementSibling;
    if (!prev) {
      node = node.parentElement;
      continue;
    }
    node = prev;
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (/^H[1-6]$/.test(node.tagName) && text) return text.slice(0, 200);
    if (isItemLine(text)) return text;
  }
  return undefined;
}

function report(error: unknown): void {
  // A reloaded extension leaves this copy without a background: stay quiet then.
  const text = String((error as Error)?.message ?? error);
  if (/context invalidated|Receiving end does not exist/i.test(text)) return;
  console.warn('[Docket]', text);
}
