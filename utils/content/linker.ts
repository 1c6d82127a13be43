/**
 * Finds document links in a page and keeps exactly one badge after each of them:
 * one selector over the page, `getAttribute('href')`, one lookup message per
 * batch of new ids, added nodes only (batched) as the page changes, and a refresh
 * of every badge when the index changes.
 */
import { LINK_SELECTOR, parseDocLink } from '../links';
import type { BadgeRecord } from '../model';
import { BADGE_TAG, createHost, renderBadge, type BadgeActions } from './badge-view';

export interface LinkerOptions {
  doc: Document;
  /** One message for a batch of ids → the tracked ones among them. */
  lookup(ids: string[]): Promise<Record<string, BadgeRecord>>;
  actions: BadgeActions;
  today(): string;
  /** Delay before a batch of page changes is handled. */
  batchDelayMs?: number;
  onError?(error: unknown): void;
}

interface Entry {
  id: string;
  host: HTMLElement;
  /** What the badge was last drawn from, to skip redraws that change nothing. */
  drawn: string;
  reinserts: number;
}

/** A page may remove a badge (a framework re-rendering); put it back a few times, then give up on that link. */
const MAX_REINSERTS = 3;

export function isEditable(el: Element): boolean {
  if (el.ownerDocument.designMode === 'on') return true;
  return (el as HTMLElement).isContentEditable === true || el.closest('[contenteditable]:not([contenteditable="false" i])') !== null;
}

function hrefOf(link: Element): string | null {
  return link.getAttribute('href') ?? link.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
}

export function pageIsDark(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  for (const node of [doc.body, doc.documentElement]) {
    if (!node) continue;
    const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(view.getComputedStyle(node).backgroundColor);
    if (m && (m[4] === undefined || Number(m[4]) > 0.5)) {
      const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
    }
  }
  return view.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

export class Linker {
  private readonly entries = new Map<Element, Entry>();
  private readonly hostToLink = new WeakMap<Element, Element>();
  /** id → record (null: looked up, not tracked). */
  private readonly cache = new Map<string, BadgeRecord | null>();
  private readonly pending = new Set<Element>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private observer: MutationObserver | undefined;
  private dark = false;
  private disposed = false;
  private sweptAt = 0;
  /** Counts, for tests and the benchmark. */
  readonly stats = { lookups: 0, flushes: 0 };

  constructor(private readonly opts: LinkerOptions) {}

  /** Badge the page as it is, then follow its changes. */
  async start(): Promise<void> {
    const { doc } = this.opts;
    // Badges left by an earlier copy of Docket (an update or reload) are stale.
    for (const stale of doc.querySelectorAll(BADGE_TAG)) stale.remove();
    this.dark = pageIsDark(doc);
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
    await this.process([...doc.querySelectorAll(LINK_SELECTOR)]);
  }

  /** Look again at the whole page (client-side navigation). */
  rescan(): Promise<void> {
    return this.process([...this.opts.doc.querySelectorAll(LINK_SELECTOR)]);
  }

  /** The index changed: look up every id on the page again (one message) and redraw what changed. */
  async refresh(): Promise<void> {
    this.sweep();
    const ids = [...new Set([...this.entries.values()].map((e) => e.id))];
    this.cache.clear();
    if (ids.length) await this.fetch(ids);
    this.dark = pageIsDark(this.opts.doc);
    for (const [link, entry] of this.entries) this.draw(link, entry);
  }

  /** Remove every badge and stop. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.observer?.disconnect();
    for (const entry of this.entries.values()) entry.host.remove();
    this.entries.clear();
    this.pending.clear();
  }

  /** Handle what is pending now instead of after the batch delay (tests). */
  flushNow(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const roots = [...this.pending];
    this.pending.clear();
    const links: Element[] = [];
    for (const root of roots) {
      if (!root.isConnected) continue;
      // A badged link whose href no longer looks like a document is looked at too (to lose its badge).
      if (this.entries.has(root) || root.matches(LINK_SELECTOR)) links.push(root);
      if (root.firstElementChild) links.push(...root.querySelectorAll(LINK_SELECTOR));
    }
    return this.process(links);
  }

  get badgeCount(): number {
    return this.entries.size;
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.disposed) return;
    for (const record of records) {
      if (record.type === 'attributes') {
        this.pending.add(record.target as Element);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && (node as Element).localName !== BADGE_TAG) this.pending.add(node as Element);
      }
      for (const node of record.removedNodes) {
        if (node.nodeType !== 1) continue;
        const link = (node as Element).localName === BADGE_TAG ? this.hostToLink.get(node as Element) : undefined;
        if (link?.isConnected) this.pending.add(link);
      }
    }
    if (this.pending.size && this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flushNow().catch((e) => this.opts.onError?.(e));
      }, this.opts.batchDelayMs ?? 30);
    }
  }

  private async process(links: Element[]): Promise<void> {
    if (this.disposed) return;
    this.stats.flushes++;
    if (this.entries.size > 2 * this.sweptAt + 1000) this.sweep();
    const { doc } = this.opts;
    const base = doc.baseURI;
    const found: Array<[Element, string]> = [];
    const missing = new Set<string>();
    for (const link of new Set(links)) {
      const entry = this.entries.get(link);
      const href = hrefOf(link);
      const ref = href && !isEditable(link) ? parseDocLink(href, base) : null;
      if (!ref) {
        if (entry) this.remove(link, entry);
        continue;
      }
      if (entry && entry.id === ref.id && entry.host.isConnected && link.nextElementSibling === entry.host) continue;
      found.push([link, ref.id]);
      if (!this.cache.has(ref.id)) missing.add(ref.id);
    }
    if (missing.size) await this.fetch([...missing]);
    if (this.disposed) return;
    for (const [link, id] of found) this.place(link, id);
  }

  private async fetch(ids: string[]): Promise<void> {
    this.stats.lookups++;
    const records = await this.opts.lookup(ids);
    for (const id of ids) this.cache.set(id, records[id] ?? null);
  }

  private place(link: Element, id: string): void {
    if (!link.isConnected || !link.parentNode) return;
    let entry = this.entries.get(link);
    if (entry && entry.id !== id) {
      entry.drawn = '';
      entry.id = id;
    }
    if (!entry) {
      // Never two badges for one link. A stray host without its shadow root (a page that cloned
      // it) is ours to replace; one with a shadow root belongs to another live copy of Docket
      // (being replaced after an update): leave the link to it.
      const next = link.nextElementSibling;
      if (next?.localName === BADGE_TAG && !this.hostToLink.has(next)) {
        if ((next as HTMLElement).shadowRoot) return;
        next.remove();
      }
      const host = createHost(this.opts.doc);
      entry = { id, host, drawn: '', reinserts: 0 };
      this.entries.set(link, entry);
      this.hostToLink.set(host, link);
    } else if (link.nextElementSibling !== entry.host) {
      if (entry.reinserts >= MAX_REINSERTS) return;
      entry.reinserts++;
    }
    if (link.nextElementSibling !== entry.host) link.after(entry.host);
    this.draw(link, entry);
  }

  private draw(link: Element, entry: Entry): void {
    const record = this.cache.get(entry.id) ?? null;
    const today = this.opts.today();
    const key = JSON.stringify([record, today, this.dark]);
    if (key === entry.drawn) return;
    entry.drawn = key;
    renderBadge(entry.host, { linkId: entry.id, record, today, dark: this.dark }, this.opts.actions, link);
  }

  private remove(link: Element, entry: Entry): void {
    entry.host.remove();
    this.entries.delete(link);
  }

  /** Forget links that left the page. */
  private sweep(): void {
    for (const [link, entry] of this.entries) {
      if (!link.isConnected) {
        entry.host.remove();
        this.entries.delete(link);
      }
    }
    this.sweptAt = this.entries.size;
  }
}
