// @vitest-environment happy-dom
// The linker's parts, each alone: a page that fights its badges (reinsert.ts), lookups in chunks
// (lookup-chunks.ts), what a page's changes ask to look at (page-changes.ts), which element is a
// link to a document (link-read.ts) and the notice for a page with too many links (overflow-notice.ts), said later.
import { describe, expect, it, vi } from 'vitest';
import { badgeRoot, BADGE_TAG } from '@/utils/content/badge-view';
import { badgedDocument, isEditable, mayHoldEditable } from '@/utils/content/link-read';
import { lookupInChunks } from '@/utils/content/lookup-chunks';
import { NOTICE_TAG, overflowNotice } from '@/utils/content/overflow-notice';
import { changedRoots, linksUnder } from '@/utils/content/page-changes';
import {
  MAX_REINSERT_WINDOW_MS,
  MAX_REINSERTS,
  REINSERT_WINDOW_MS,
  freshReinserts,
  reinsertWait,
  type ReinsertState,
} from '@/utils/content/reinsert';
import type { BadgeFields } from '@/utils/shared/model';

const DOC = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const DOC_URL = `https://docs.google.com/document/d/${DOC}/edit`;

describe('reinsertWait: a badge the page moved or removed', () => {
  /** Waits for reinserts at these times (ms), from a fresh badge. */
  function waits(times: number[], state: ReinsertState = freshReinserts()): number[] {
    return times.map((t) => reinsertWait(state, t));
  }
  it.each([
    ['three reinserts within a window go back at once', [5_000, 5_100, 5_200], [0, 0, 0]],
    ['the fourth in the window waits for the window to end', [5_000, 5_100, 5_200, 5_300], [0, 0, 0, 700]],
    ['after the window a new one starts', [5_000, 5_100, 5_200, 6_000], [0, 0, 0, 0]],
    ['a quiet page starts each window at the shortest', [5_000, 7_000, 9_000, 11_000, 13_000], [0, 0, 0, 0, 0]],
  ])('%s', (_name, times, expected) => {
    expect(waits(times)).toEqual(expected);
  });

  it('a page that keeps fighting waits twice as long each window, up to a minute', () => {
    const state = freshReinserts();
    let now = 10_000;
    const windows: number[] = [];
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < MAX_REINSERTS; i++) expect(reinsertWait(state, now)).toBe(0);
      // The fight goes on: the next removal comes right away and must wait out the window.
      const wait = reinsertWait(state, now + 1);
      expect(wait).toBeGreaterThan(0);
      windows.push(state.backoff);
      now = state.since + state.backoff; // the next window begins as soon as this one ends
    }
    expect(windows[0]).toBe(REINSERT_WINDOW_MS);
    expect(windows[1]).toBe(2 * REINSERT_WINDOW_MS);
    expect(windows[2]).toBe(4 * REINSERT_WINDOW_MS);
    expect(Math.max(...windows)).toBe(MAX_REINSERT_WINDOW_MS);
  });

  it('never answers "now" while the budget is spent', () => {
    const state: ReinsertState = { reinserts: MAX_REINSERTS, since: 1_000, backoff: 1_000 };
    expect(reinsertWait(state, 1_999)).toBe(1);
  });
});

describe('lookupInChunks', () => {
  const fields = { title: 'x' } as unknown as BadgeFields;
  it.each([
    ['one chunk', ['a', 'b', 'c'], 5, [], 1, { a: fields, b: null, c: null }],
    ['chunks of two', ['a', 'b', 'c'], 2, [], 2, { a: fields, b: null, c: null }],
    ['a failed chunk leaves its ids unknown, the others answered', ['a', 'b', 'c'], 2, [0], 2, { c: null }],
    ['every chunk failing answers nothing', ['a', 'b'], 1, [0, 1], 2, {}],
  ])('%s', async (_name, ids, size, failing, messages, expected) => {
    let n = 0;
    const seen: Record<string, BadgeFields | null> = {};
    const result = await lookupInChunks(
      ids,
      size,
      async (chunk) => {
        if ((failing as number[]).includes(n++)) throw new Error(`chunk ${chunk.join()}`);
        return chunk.includes('a') ? { a: fields } : ({} as Record<string, BadgeFields>);
      },
      (id, f) => (seen[id] = f),
    );
    expect(seen).toEqual(expected);
    expect(result.messages).toBe(messages);
    expect(result.failure !== undefined).toBe((failing as number[]).length > 0);
  });

  it('reads only own properties of an answer (an id may be "constructor")', async () => {
    const seen: Record<string, unknown> = {};
    await lookupInChunks(
      ['constructor', 'toString'],
      10,
      async () => ({}),
      (id, f) => (seen[id] = f),
    );
    expect(seen).toEqual({ constructor: null, toString: null });
  });
});

describe('page changes', () => {
  function page(html: string): HTMLElement {
    document.body.innerHTML = html;
    return document.body;
  }
  it('added elements, changed attributes and links whose badge was taken away; never Docket’s badges', () => {
    const body = page('<p id="p"><a id="a" href="#">x</a></p>');
    const link = body.querySelector('#a')!;
    const host = document.createElement(BADGE_TAG);
    const added = document.createElement('div');
    const roots = new Set<Element>();
    const records = [
      { type: 'childList', addedNodes: [added, host, document.createTextNode('t')], removedNodes: [] },
      { type: 'attributes', target: link, addedNodes: [], removedNodes: [] },
      { type: 'childList', addedNodes: [], removedNodes: [host, document.createElement('span')] },
    ] as unknown as MutationRecord[];
    changedRoots(records, (h) => (h === host ? link : undefined), roots);
    expect([...roots]).toEqual([added, link]);
  });

  it('links under the roots: matches, badged ones whose href changed, nothing that left the page', () => {
    const body = page(
      '<div id="d"><a id="in" class="doc" href="#">1</a></div><a id="badged" href="#">2</a><a id="doc" class="doc" href="#">3</a>',
    );
    const gone = document.createElement('div');
    gone.innerHTML = '<a class="doc" href="#">4</a>';
    const $ = (id: string) => body.querySelector(`#${id}`)!;
    const links = linksUnder([$('d'), $('badged'), $('doc'), gone], 'a.doc', (el) => el === $('badged'));
    expect(links.map((l) => l.id)).toEqual(['in', 'badged', 'doc']);
  });
});

describe('link-read: which element gets a badge', () => {
  it.each([
    ['a link to a document', `<a href="${DOC_URL}">x</a>`, DOC],
    ['a link to something else', '<a href="https://example.org/">x</a>', null],
    ['a link inside editable content', `<div contenteditable><a href="${DOC_URL}">x</a></div>`, null],
    ['a link inside content made not editable', `<div contenteditable="false"><a href="${DOC_URL}">x</a></div>`, DOC],
    ['an SVG link', `<svg><a href="${DOC_URL}"><text>x</text></a></svg>`, null],
  ])('%s', (_name, html, expected) => {
    document.body.innerHTML = html;
    const link = document.body.querySelector('a')!;
    expect(badgedDocument(link, document.baseURI)?.id ?? null).toBe(expected);
  });

  it.each([
    ['nothing editable', `<p><a href="${DOC_URL}">x</a></p>`, false],
    ['an editable block', `<div contenteditable="true"><a href="${DOC_URL}">x</a></div>`, true],
    ['an editable block, the attribute without value', '<div contenteditable></div>', true],
    ['only blocks made not editable', '<div contenteditable="false"><p contenteditable="false"></p></div>', false],
  ])('mayHoldEditable: %s', (_name, html, expected) => {
    document.body.innerHTML = html;
    expect(mayHoldEditable(document)).toBe(expected);
    // Whatever it says, the answer for a link stays the one of the per-link check where it says yes.
    const link = document.body.querySelector('a');
    if (link) expect(badgedDocument(link, document.baseURI, mayHoldEditable(document))?.id ?? null).toBe(expected ? null : DOC);
  });

  it('a document in design mode is all editable', () => {
    document.body.innerHTML = `<a href="${DOC_URL}">x</a>`;
    document.designMode = 'on';
    try {
      expect(isEditable(document.body.querySelector('a')!)).toBe(true);
      expect(mayHoldEditable(document)).toBe(true);
    } finally {
      document.designMode = 'off';
    }
  });
});

describe('overflowNotice', () => {
  it('one notice, its counts as text, put back when the page removes it, gone on remove()', () => {
    document.body.innerHTML = '';
    const notice = overflowNotice(document);
    notice.show(20_000, 5);
    notice.show(20_000, 1_234);
    const hosts = document.querySelectorAll(NOTICE_TAG);
    expect(hosts).toHaveLength(1);
    expect(badgeRoot(hosts[0]!)?.textContent).toBe(
      'Docket: this page links too many documents to badge them all. The first 20,000 have badges; 1,234 more do not.',
    );
    const style = (hosts[0] as HTMLElement).style;
    expect(['position', 'left', 'bottom'].map((p) => [style.getPropertyValue(p), style.getPropertyPriority(p)])).toEqual([
      ['fixed', 'important'],
      ['12px', 'important'],
      ['12px', 'important'],
    ]);
    hosts[0]!.remove();
    notice.show(20_000, 1_235);
    expect(document.querySelectorAll(NOTICE_TAG)).toHaveLength(1);
    notice.remove();
    expect(document.querySelectorAll(NOTICE_TAG)).toHaveLength(0);
  });
  it('sayLater: once for a burst of calls, in tasks of its own, with the count as it is when shown', async () => {
    document.body.innerHTML = '';
    const notice = overflowNotice(document);
    let skipped = 3;
    notice.sayLater(20_000, () => skipped);
    notice.sayLater(20_000, () => -1); // the same burst: not said twice
    // Not in the task that asked: the words take tasks of their own.
    expect(document.querySelectorAll(NOTICE_TAG)).toHaveLength(0);
    skipped = 7;
    await vi.waitFor(() => expect(document.querySelectorAll(NOTICE_TAG)).toHaveLength(1));
    expect(badgeRoot(document.querySelector(NOTICE_TAG)!)?.textContent).toMatch(/The first 20,000 have badges; 7 more do not\.$/);
    notice.remove();
  });

  it('remove() takes back what sayLater was about to say', async () => {
    document.body.innerHTML = '';
    const notice = overflowNotice(document);
    notice.sayLater(20_000, () => 3);
    notice.remove();
    // The steps sayLater would take have had their turn (three tasks), then a later one shows it was not said.
    const later = overflowNotice(document);
    later.sayLater(20_000, () => 4);
    await vi.waitFor(() => expect(document.querySelectorAll(NOTICE_TAG)).toHaveLength(1));
    expect(badgeRoot(document.querySelector(NOTICE_TAG)!)?.textContent).toMatch(/4 more do not\.$/);
    expect(document.querySelectorAll(NOTICE_TAG)).toHaveLength(1);
    later.remove();
  });
});
