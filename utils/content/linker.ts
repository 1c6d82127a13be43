/**
 * Finds document links in a page and keeps exactly one badge after each of them:
 * one selector over the page, `getAttribute('href')`, one lookup message per
 * batch of new ids, added nodes only (batched) as the page changes, and a refresh
 * of every badge when the index changes. The parts live beside it: which element is a link to a
 * document (link-read.ts), what a page's changes ask to look at (page-changes.ts), lookups in
 * chunks (lookup-chunks.ts), a page that fights its badges (reinsert.ts), chips drawn light or dark
 * in batches (chip-batch.ts) and as they come into view (lazy-draw.ts), the notice for a page
 * with too many links (overflow-notice.ts), the slices its work is cut in (time-slices.ts), and
 * its options and what it keeps per link (linker-types.ts).
 */
import { linkSelectorFor } from '../shared/links';
import type { BadgeFields } from '../shared/model';
import { BADGE_TAG, createHost, hasShadowRoot, removeStaleFixed, setAttributes } from './badge-view';
import { ChipBatch } from './chip-batch';
import { createLazyDraw, type LazyDraw } from './lazy-draw';
import { LOOKUP_CHUNK, lookupInChunks } from './lookup-chunks';
import { badgedDocument, mayHoldEditable } from './link-read';
import { NOTICE_TAG, overflowNotice } from './overflow-notice';
import { changedRoots, linksUnder } from './page-changes';
import { freshReinserts, reinsertWait } from './reinsert';
import { MAX_BADGES, type Entry, type LinkerOptions } from './linker-types';
import { INSERT_SLICE_MS, SLICE_MS, yieldToPage } from './time-slices';

/** Links in a pass from which asking the whole page once whether it holds editable content beats asking per link. */
const WHOLE_PAGE_EDITABLE_CHECK = 64;
/** Chips drawn together in an insertion slice (their backgrounds read together, then all drawn). */
const CHIP_BATCH = 16;

export class Linker {
  private readonly entries = new Map<Element, Entry>();
  private readonly hostToLink = new WeakMap<Element, Element>();
  /** id → record (null: looked up, not tracked). */
  private readonly cache = new Map<string, BadgeFields | null>();
  private readonly pending = new Set<Element>();
  /** Links whose lookup failed: looked at again at the next refresh. */
  private readonly unresolved = new Set<Element>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private observer: MutationObserver | undefined;
  /** Which elements sit on a dark background, as far as read (forgotten when the index changes). */
  private readonly chips: ChipBatch;
  private disposed = false;
  private sweptAt = 0;
  /** Counts, for tests and the benchmark. */
  readonly stats = { lookups: 0, flushes: 0 };
  /** Links left without a badge because the page has more than `maxBadges` (counted once each). */
  private readonly skipped = new WeakSet<Element>();
  private skippedCount = 0;
  private readonly notice: ReturnType<typeof overflowNotice>;
  private readonly lazy: LazyDraw;

  constructor(private readonly opts: LinkerOptions) {
    this.notice = overflowNotice(opts.doc);
    this.chips = new ChipBatch(opts.actions, () => !this.disposed);
    this.lazy = createLazyDraw(opts.doc.defaultView as (Window & typeof globalThis) | null, opts.eagerDraws, (work) =>
      this.chips.batch(work),
    );
  }

  /** Badge the page as it is, then follow its changes. */
  async start(): Promise<void> {
    const { doc } = this.opts;
    // Badges left by an earlier copy of Docket (an update or reload) are stale, and so is its notice
    // (see removeStaleFixed). The links are not copied out of the selector's answer here: on a page of
    // 100,000 links, reading each one into an array in Docket's world took over 100 ms in one task (S10);
    // process() reads them in slices.
    const startedAt = Date.now();
    for (const stale of [...doc.getElementsByTagName(BADGE_TAG)]) stale.remove();
    removeStaleFixed(doc, NOTICE_TAG);
    const links = this.allLinks();
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observe();
    // A link reached with the keyboard gets its chip at once: the next Tab lands on it.
    doc.addEventListener('focusin', this.onFocus, true);
    // The first slice counts from before the selector query, which is most of it on a huge page.
    await this.process(links, startedAt);
  }

  private readonly onFocus = (event: Event) => {
    const entry = this.entries.get(event.target as Element);
    if (entry) this.lazy.now(entry.host);
  };

  private observe(): void {
    // `contenteditable`: content that becomes editable loses its badges (and gets them back after).
    this.observer?.observe(this.opts.doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['href', 'contenteditable'],
    });
  }

  /**
   * Insert badges without hearing about it: the page's own changes so far are taken first,
   * then the observer is off while `work` runs (synchronously: the page cannot change meanwhile).
   */
  private unobserved(work: () => void): void {
    const observer = this.observer;
    if (!observer) return work();
    const waiting = observer.takeRecords();
    if (waiting.length) this.onMutations(waiting);
    observer.disconnect();
    try {
      this.chips.batch(work);
    } finally {
      if (!this.disposed) this.observe();
    }
  }

  /** Look again at the whole page (client-side navigation). */
  rescan(): Promise<void> {
    return this.process(this.allLinks());
  }

  /** The index changed: look up every id on the page again (one message) and redraw what changed. */
  async refresh(): Promise<void> {
    this.sweep();
    const ids = [...new Set([...this.entries.values()].map((e) => e.id))];
    this.cache.clear();
    if (ids.length) await this.fetch(ids);
    this.chips.forget();
    this.chips.batch(() => {
      for (const [link, entry] of this.entries) if (this.cache.has(entry.id)) this.draw(link, entry);
    });
    if (this.unresolved.size) {
      const again = [...this.unresolved].filter((link) => link.isConnected);
      this.unresolved.clear();
      await this.process(again);
    }
  }

  /** Say how many links went without a badge, in tasks of their own (overflow-notice.ts). */
  private sayOverflow(): void {
    if (!this.disposed) this.notice.sayLater(this.opts.maxBadges ?? MAX_BADGES, () => this.skippedCount);
  }

  /** Remove every badge and stop. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.observer?.disconnect();
    this.opts.doc.removeEventListener('focusin', this.onFocus, true);
    this.lazy.dispose();
    for (const entry of this.entries.values()) {
      clearTimeout(entry.retry);
      entry.host.remove();
    }
    this.entries.clear();
    this.unresolved.clear();
    this.notice.remove();
    this.pending.clear();
  }

  /**
   * Every link on the page that may be a document: one selector, matched in the browser. (Walking
   * the page's `<a>` elements in script and testing each href was 1.3–2× slower in Docket's world
   * on the 20,000-element page of the benchmark: scripts/bench/ab-links.mjs.)
   */
  private allLinks(): ArrayLike<Element> {
    return this.opts.doc.querySelectorAll(this.selector());
  }

  /** The link selector for this page, by its base (a `<base href>` may change it). */
  private selector(): string {
    return linkSelectorFor(this.opts.doc.baseURI);
  }

  /** Handle what is pending now instead of after the batch delay (tests). */
  flushNow(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const roots = [...this.pending];
    this.pending.clear();
    const links = linksUnder(roots, this.selector(), (el) => this.entries.has(el));
    return this.process(links);
  }

  get badgeCount(): number {
    return this.entries.size;
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.disposed) return;
    if (this.opts.alive && !this.opts.alive()) {
      this.dispose();
      return;
    }
    changedRoots(records, (host) => this.hostToLink.get(host), this.pending);
    this.schedule();
  }

  private schedule(): void {
    if (this.pending.size && this.timer === undefined && !this.disposed) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flushNow().catch((e) => this.opts.onError?.(e));
      }, this.opts.batchDelayMs ?? 30);
    }
  }

  /** `sliceFrom`: when the task this starts in began (its first slice is shorter by what came before). */
  private async process(links: ArrayLike<Element>, sliceFrom = Date.now()): Promise<void> {
    if (this.disposed) return;
    this.stats.flushes++;
    if (this.entries.size > 2 * this.sweptAt + 1000) this.sweep();
    const { doc } = this.opts;
    const base = doc.baseURI;
    const found: Array<[Element, string]> = [];
    const missing = new Set<string>();
    // Links past the page's badge limit are only counted (issue 28: a page of 100,000 links): no lookup, no slice.
    const max = this.opts.maxBadges ?? MAX_BADGES;
    let room = max - this.entries.size;
    let skipped = 0;
    let slice = sliceFrom;
    // Asked once for a long pass: a page with nothing editable spares every link the check. A short pass (a
    // mutation's few links) checks its links one by one, rather than query the whole page for each batch.
    const editable = links.length > WHOLE_PAGE_EDITABLE_CHECK ? mayHoldEditable(doc) : true;
    const seen = new Set<Element>();
    for (let k = 0; k < links.length; k++) {
      if (Date.now() - slice > SLICE_MS) {
        await yieldToPage();
        if (this.disposed) return;
        slice = Date.now();
      }
      const link = links[k]!;
      if (seen.has(link)) continue;
      seen.add(link);
      const entry = this.entries.get(link);
      const ref = badgedDocument(link, base, editable);
      if (!ref) {
        if (entry) this.remove(link, entry);
        continue;
      }
      if (entry && entry.id === ref.id && entry.host.isConnected && link.nextElementSibling === entry.host) continue;
      if (!entry && room <= 0) {
        if (!this.skipped.has(link)) {
          this.skipped.add(link);
          skipped++;
        }
        continue;
      }
      if (!entry) room--;
      found.push([link, ref.id]);
      if (!this.cache.has(ref.id)) missing.add(ref.id);
    }
    if (skipped) {
      this.skippedCount += skipped;
      this.sayOverflow();
    }
    if (missing.size) {
      await this.fetch([...missing]);
      // The reply was read and checked in the task that resumed here: the insertions start in a new one.
      if (found.length > CHIP_BATCH) await yieldToPage();
    }
    if (this.disposed) return;
    // What the links whose chips are drawn at once sit on is read now, before any badge goes in: the page's
    // style is still clean, so reading it costs no style pass of Docket's (the chips drawn later, as they come
    // into view, are read then, after the page has drawn itself).
    for (let i = 0, n = Math.min(found.length, this.lazy.eagerLeft); i < n; i++) this.chips.sitsOnDark(found[i]![0]);
    for (let i = 0; i < found.length;) {
      if (i) {
        await yieldToPage();
        if (this.disposed) return;
      }
      const slice = Date.now();
      this.unobserved(() => {
        for (; i < found.length && Date.now() - slice <= INSERT_SLICE_MS; i++) {
          const [link, id] = found[i]!;
          // Not looked up (its chunk failed): no badge rather than a wrong one; tried again at the next refresh.
          if (!this.cache.has(id)) {
            this.unresolved.add(link);
            continue;
          }
          // Changed while we were away (its href, or editable now): the change is pending (records
          // are taken at the start of each slice) and will be handled on its own.
          if (!this.pending.has(link)) this.place(link, id);
          // Chips drawn as the slice goes (their backgrounds were read before it), so that they count in its time.
          if (this.chips.queued >= CHIP_BATCH) this.chips.flush();
        }
      });
    }
  }

  /**
   * Look up ids, one message per chunk. A chunk that fails costs only its own links their badges
   * (issue 13, item 6): they wait for the next refresh; the other chunks' badges go in. The error
   * is reported once the others are placed.
   */
  private async fetch(ids: string[]): Promise<void> {
    const { messages, failure } = await lookupInChunks(
      ids,
      this.opts.lookupChunk ?? LOOKUP_CHUNK,
      this.opts.lookup,
      (id, fields) => this.cache.set(id, fields),
    );
    this.stats.lookups += messages;
    if (failure !== undefined) queueMicrotask(() => this.opts.onError?.(failure));
  }

  private place(link: Element, id: string): void {
    if (!link.isConnected || !link.parentNode) return;
    let entry = this.entries.get(link);
    if (entry && entry.id !== id) {
      entry.drawn = undefined;
      entry.id = id;
    }
    if (!entry && this.entries.size >= (this.opts.maxBadges ?? MAX_BADGES)) {
      if (!this.skipped.has(link)) {
        this.skipped.add(link);
        this.skippedCount++;
        this.sayOverflow();
      }
      return;
    }
    if (!entry) {
      // Never two badges for one link. A stray host without its shadow root (a page that cloned
      // it, or a copy of Docket that is going away and never drew it) is ours to replace; one with
      // a shadow root belongs to another live copy of Docket (being replaced after an update):
      // leave the link to it.
      const next = link.nextElementSibling;
      if (next?.localName === BADGE_TAG && !this.hostToLink.has(next)) {
        if (hasShadowRoot(next as HTMLElement)) return;
        next.remove();
      }
      const host = createHost(this.opts.doc);
      entry = { id, host, fresh: true, ...freshReinserts() };
      this.entries.set(link, entry);
      this.hostToLink.set(host, link);
    } else if (link.nextElementSibling !== entry.host) {
      // The page moved it or took it away: back, unless the page keeps fighting (reinsert.ts).
      const wait = reinsertWait(entry, Date.now());
      if (wait) {
        this.retryLater(link, entry, wait);
        return;
      }
    }
    if (link.nextElementSibling !== entry.host) link.after(entry.host);
    this.draw(link, entry);
  }

  private draw(link: Element, entry: Entry): void {
    const record = this.cache.get(entry.id) ?? null;
    const today = this.today();
    const last = entry.drawn;
    // A first drawing costs no comparison; a redraw after a refresh (new objects) compares the content.
    if (
      last &&
      last.today === today &&
      (last.record === record || JSON.stringify(last.record) === JSON.stringify(record)) &&
      (last.dark === undefined || last.dark === this.chips.sitsOnDark(link))
    ) {
      return;
    }
    const drawn: NonNullable<Entry['drawn']> = { record, today };
    entry.drawn = drawn;
    const state = { linkId: entry.id, record, today, dark: false };
    setAttributes(entry.host, state, entry.fresh);
    entry.fresh = false;
    this.lazy.request(entry.host, () => this.chips.add({ link, host: entry.host, state, drawn }));
  }

  private todayValue = '';
  private todayAt = 0;
  /** Today's date, asked at most once a second (thousands of badges are drawn in one go). */
  private today(): string {
    const now = Date.now();
    if (now - this.todayAt > 1_000) {
      this.todayAt = now;
      this.todayValue = this.opts.today();
    }
    return this.todayValue;
  }

  /** Draw every badge's chip now, wherever it is on the page (tests). */
  drawAll(): void {
    this.lazy.flush();
  }

  /** Out of reinserts for now: look at the link again when the window is over. */
  private retryLater(link: Element, entry: Entry, wait: number): void {
    if (entry.retry !== undefined) return;
    entry.retry = setTimeout(
      () => {
        entry.retry = undefined;
        if (this.disposed || this.entries.get(link) !== entry) return;
        this.pending.add(link);
        this.schedule();
      },
      Math.max(wait, 0) + 1,
    );
  }

  private remove(link: Element, entry: Entry): void {
    clearTimeout(entry.retry);
    this.lazy.cancel(entry.host);
    entry.host.remove();
    this.entries.delete(link);
  }

  /** Forget links that left the page. */
  private sweep(): void {
    for (const [link, entry] of this.entries) if (!link.isConnected) this.remove(link, entry);
    this.sweptAt = this.entries.size;
  }
}
