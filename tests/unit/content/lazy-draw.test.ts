// @vitest-environment happy-dom
/**
 * Chips far from the viewport are drawn when they come near it: the host and its CONTRACT §3
 * attributes are there at once, the chip's inside follows (utils/content/lazy-draw.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { badgeFields } from '@/utils/background/badge-fields';
import { BADGE_TAG, badgeRoot } from '@/utils/content/badge-view';
import { createLazyDraw } from '@/utils/content/lazy-draw';
import { Linker } from '@/utils/content/linker';
import type { BadgeRecord } from '@/utils/shared/model';

/** An IntersectionObserver the test drives: `show(el)` reports el as in view. */
class FakeObserver {
  static all: FakeObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  show(els: Element[], isIntersecting = true) {
    const entries = els
      .filter((el) => this.targets.has(el))
      .map((target) => ({ target, isIntersecting }) as unknown as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}
/** The observer the drawer made (made only once a badge has to wait). */
const observer = () => FakeObserver.all.at(-1) ?? new FakeObserver(() => undefined);

function fakeView(): Window & typeof globalThis {
  return { IntersectionObserver: FakeObserver, addEventListener: vi.fn(), removeEventListener: vi.fn() } as unknown as Window &
    typeof globalThis;
}

beforeEach(() => {
  FakeObserver.all = [];
});

describe('createLazyDraw', () => {
  const hosts = (n: number) => Array.from({ length: n }, () => document.createElement('span'));

  it.each([
    // eager allowance, requests, drawn at once, waiting
    [0, 3, 0, 3],
    [2, 3, 2, 1],
    [5, 3, 3, 0],
  ])('with %i eager draws, %i requests draw %i at once and leave %i waiting', (eager, n, now, waiting) => {
    const lazy = createLazyDraw(fakeView(), eager);
    const drawn: number[] = [];
    hosts(n).forEach((h, i) => lazy.request(h, () => drawn.push(i)));
    expect(drawn).toHaveLength(now);
    expect(lazy.waiting).toBe(waiting);
    expect(observer().targets.size).toBe(waiting);
  });

  it('draws a waiting host when it comes into view, once, with the latest drawing asked for', () => {
    const lazy = createLazyDraw(fakeView(), 0);
    const [a, b] = hosts(2);
    const drawn: string[] = [];
    lazy.request(a!, () => drawn.push('a1'));
    lazy.request(a!, () => drawn.push('a2'));
    lazy.request(b!, () => drawn.push('b'));
    observer().show([a!], false);
    expect(drawn).toEqual([]);
    observer().show([a!]);
    observer().show([a!]);
    expect(drawn).toEqual(['a2']);
    expect(observer().targets.has(a!)).toBe(false);
    expect(lazy.waiting).toBe(1);
  });

  it('cancel forgets a host; flush draws everything waiting; without IntersectionObserver everything is drawn at once', () => {
    const lazy = createLazyDraw(fakeView(), 0);
    const [a, b, c] = hosts(3);
    const drawn: string[] = [];
    lazy.request(a!, () => drawn.push('a'));
    lazy.request(b!, () => drawn.push('b'));
    lazy.cancel(a!);
    observer().show([a!]);
    lazy.flush();
    expect(drawn).toEqual(['b']);
    expect(lazy.waiting).toBe(0);

    const plain = createLazyDraw({ addEventListener() {}, removeEventListener() {} } as unknown as Window & typeof globalThis, 0);
    plain.request(c!, () => drawn.push('c'));
    expect(drawn).toEqual(['b', 'c']);
  });
});

describe('Linker with lazy chips', () => {
  const ID = (i: number) => `1abcdefghijklmnop${String(i).padStart(6, '0')}`;
  const record = (id: string, status: BadgeRecord['doc']['status']): BadgeRecord => ({
    doc: { id, kind: 'document', aliases: [], status, updatedAt: 'T' },
  });
  let tracked: Map<string, BadgeRecord>;
  let linker: Linker;

  beforeEach(() => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    tracked = new Map();
  });
  afterEach(() => {
    linker.dispose();
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  async function start(n: number, eagerDraws: number) {
    document.body.innerHTML = Array.from(
      { length: n },
      (_, i) => `<p><a href="https://docs.google.com/document/d/${ID(i)}/edit">d${i}</a></p>`,
    ).join('');
    linker = new Linker({
      doc: document,
      lookup: async (ids) =>
        Object.fromEntries(ids.filter((id) => tracked.has(id)).map((id) => [id, badgeFields(tracked.get(id)!, true)])),
      actions: { open() {}, edit() {}, track() {} },
      today: () => '2026-11-22',
      eagerDraws,
    });
    await linker.start();
    return [...document.getElementsByTagName(BADGE_TAG)] as HTMLElement[];
  }
  /** A badge's chip; a badge not drawn yet has no shadow root at all. */
  const chip = (host: HTMLElement) => badgeRoot(host)?.querySelector('button') ?? null;

  it('gives every link its host and attributes at once, and draws chips for the first ones only', async () => {
    tracked.set(ID(7), record(ID(7), 'final'));
    const badges = await start(10, 3);
    expect(badges).toHaveLength(10);
    expect(badges.map((b) => b.getAttribute('data-docket-state'))).toEqual(
      Array.from({ length: 10 }, (_, i) => (i === 7 ? 'tracked' : 'untracked')),
    );
    expect(badges[7]!.getAttribute('data-docket-status')).toBe('final');
    expect(badges.map((b) => chip(b) !== null)).toEqual([true, true, true, false, false, false, false, false, false, false]);
    expect(badges.map((b) => badgeRoot(b) !== null)).toEqual([true, true, true, false, false, false, false, false, false, false]);

    observer().show([badges[7]!]);
    expect(chip(badges[7]!)?.textContent).toContain('final');
    expect(chip(badges[8]!)).toBeNull();
  });

  it('an index change updates the attributes of badges not drawn yet, and their chip shows it when they come into view', async () => {
    const badges = await start(6, 2);
    tracked.set(ID(5), record(ID(5), 'delivered'));
    await linker.refresh();
    expect(badges[5]!.getAttribute('data-docket-state')).toBe('tracked');
    expect(badges[5]!.getAttribute('data-docket-urgency')).toBe('done');
    expect(chip(badges[5]!)).toBeNull();
    observer().show([badges[5]!]);
    expect(chip(badges[5]!)?.textContent).toContain('delivered');
    linker.drawAll();
    expect(badges.every((b) => chip(b) !== null)).toBe(true);
  });

  it('a link that takes the keyboard focus gets its chip at once', async () => {
    const badges = await start(5, 1);
    expect(chip(badges[3]!)).toBeNull();
    document.querySelectorAll('a')[3]!.focus();
    expect(chip(badges[3]!)).not.toBeNull();
    expect(chip(badges[4]!)).toBeNull();
  });

  it('a link that now points at another, untracked document keeps its badge with none of the old attributes', async () => {
    tracked.set(ID(0), { ...record(ID(0), 'final'), workstream: { id: 'ws', name: 'A. Roadmap' } });
    const [badge] = await start(1, 5);
    expect(badge!.getAttribute('data-docket-workstream')).toBe('A. Roadmap');
    document.querySelector('a')!.setAttribute('href', `https://docs.google.com/document/d/${ID(9)}/edit`);
    await new Promise((r) => setTimeout(r, 0));
    await linker.flushNow();
    const after = document.querySelector('a')!.nextElementSibling!;
    expect(after).toBe(badge);
    expect(
      [...after.attributes]
        .map((a) => a.name)
        .filter((n) => n.startsWith('data-'))
        .sort(),
    ).toEqual(['data-docket-id', 'data-docket-state']);
    expect(after.getAttribute('data-docket-id')).toBe(ID(9));
  });

  it('a badge removed before it was drawn is never drawn', async () => {
    const badges = await start(4, 0);
    const link = document.querySelectorAll('a')[2]!;
    link.setAttribute('href', 'https://example.org/');
    await new Promise((r) => setTimeout(r, 0));
    await linker.flushNow();
    expect(badges[2]!.isConnected).toBe(false);
    expect(observer().targets.has(badges[2]!)).toBe(false);
  });
});
