// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { badgeFields } from '@/utils/background/badge-fields';
import { BADGE_TAG, badgeRoot, type BadgeActions } from '@/utils/content/badge-view';
import { Linker } from '@/utils/content/linker';
import { CHIP_TAG, startPageChip } from '@/utils/content/page-chip';
import type { BadgeFields, BadgeRecord } from '@/utils/shared/model';

const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const IMPROVE = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const OUTCOMES = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';
const SHEET = '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms';

function index(): Map<string, BadgeRecord> {
  const ws = { id: 'ws-hlb', name: 'A. Possible implementation models for the Roadmap’s High-level body', color: '#1f6feb' };
  return new Map<string, BadgeRecord>([
    [
      MHLB,
      {
        doc: {
          id: MHLB,
          kind: 'document',
          aliases: ['2PACX-1vQpublishedcopyofthemhlbdoc'],
          title: 'MHLB models',
          workstreamId: 'ws-hlb',
          deadline: '2020-09-10',
          status: 'open-for-comments',
          updatedAt: 'T',
        },
        workstream: ws,
      },
    ],
    [
      IMPROVE,
      { doc: { id: IMPROVE, kind: 'document', aliases: [], deadline: '2020-09-01', status: 'delivered', updatedAt: 'T' } },
    ],
    [OUTCOMES, { doc: { id: OUTCOMES, kind: 'document', aliases: [], deadline: '2020-09-01', updatedAt: 'T' } }],
  ]);
}

let records: Map<string, BadgeRecord>;
let lookups: string[][];
let linker: Linker;
const actions: BadgeActions = { open: vi.fn(), edit: vi.fn(), track: vi.fn() };

function setup(html: string): Linker {
  document.body.innerHTML = html;
  linker = new Linker({
    doc: document,
    lookup: async (ids) => {
      lookups.push([...ids].sort());
      const out: Record<string, BadgeFields> = {};
      for (const id of ids) {
        const hit = records.get(id) ?? [...records.values()].find((r) => r.doc.aliases.includes(id));
        if (hit) out[id] = badgeFields(hit, true);
      }
      return out;
    },
    actions,
    today: () => '2020-09-03',
    batchDelayMs: 0,
  });
  return linker;
}
const badges = () => [...document.querySelectorAll(BADGE_TAG)] as HTMLElement[];
/** The member's own event (a browser's `isTrusted`): only those act on a badge. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
/** The text a node shows: its text, and the card's text drawn from `data-t`. */
const shown = (n: Node): string =>
  n.nodeType === 3
    ? (n as Text).data
    : [...n.childNodes].reduce((s, c) => s + shown(c), (n as Element).getAttribute?.('data-t') ?? '');
const memberClick = (el: Element) => el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
const memberFocus = (el: Element) => el.dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true, composed: true })));
const attrs = (el: Element) =>
  Object.fromEntries([...el.attributes].filter((a) => a.name.startsWith('data-docket-')).map((a) => [a.name.slice(12), a.value]));
const settle = async () => {
  await new Promise((r) => setTimeout(r, 5));
  await linker.flushNow();
};

beforeEach(() => {
  records = index();
  lookups = [];
});
afterEach(() => linker?.dispose());

describe('Linker', () => {
  it('puts one badge after each document link, with the contract attributes, in one lookup', async () => {
    setup(`
      <p>Output document: <a id="a" href="https://docs.google.com/document/d/${MHLB}/edit?usp=sharing">MHLB</a> and
      <a id="b" href="https://drive.google.com/file/d/${SHEET}/view">sheet</a>,
      <a id="c" href="https://www.google.com/url?q=https://docs.google.com/document/d/${IMPROVE}/edit&sa=D">wrapped</a>,
      <a id="d" href="https://docs.google.com/document/d/${OUTCOMES}/edit#heading=h.juck72nlha3c">outcomes</a>,
      <a id="e" href="https://docs.google.com/document/d/e/2PACX-1vQpublishedcopyofthemhlbdoc/pub">published</a>,
      <a id="x" href="https://www.intgovforum.org/en/content/wg-strategy">not a doc</a>,
      <a id="y" href="https://docs.google.com.example.net/document/d/${MHLB}/edit">look-alike</a>,
      <a id="z" href="https://docs.google.com/document/u/0/">doc list</a></p>`);
    await linker.start();
    expect(lookups).toHaveLength(1);
    expect(badges()).toHaveLength(5);
    const after = (id: string) => document.getElementById(id)!.nextElementSibling!;
    expect(attrs(after('a'))).toEqual({
      id: MHLB,
      state: 'tracked',
      workstream: 'A. Possible implementation models for the Roadmap’s High-level body',
      deadline: '2020-09-10',
      status: 'open-for-comments',
      urgency: 'due-soon',
    });
    expect(attrs(after('b'))).toEqual({ id: SHEET, state: 'untracked' });
    expect(attrs(after('c'))).toEqual({
      id: IMPROVE,
      state: 'tracked',
      deadline: '2020-09-01',
      status: 'delivered',
      urgency: 'done',
    });
    expect(attrs(after('d'))).toEqual({ id: OUTCOMES, state: 'tracked', deadline: '2020-09-01', urgency: 'overdue' });
    // An alias shows the record's own id.
    expect(attrs(after('e'))).toMatchObject({ id: MHLB, state: 'tracked' });
    for (const id of ['x', 'y', 'z']) expect(document.getElementById(id)!.nextElementSibling?.localName).not.toBe(BADGE_TAG);
  });

  it('shows workstream, status and deadline as text, and the card on focus', async () => {
    setup(`<a id="a" href="https://docs.google.com/document/d/${MHLB}/edit">MHLB</a>`);
    await linker.start();
    const shadow = badgeRoot(badges()[0]!)!;
    const chip = shadow.querySelector('button')!;
    expect(chip.textContent).toBe('A · ◔ open · ◷ due in 7 d');
    expect(chip.getAttribute('aria-label')).toContain('Open for comments');
    // The card is built when it first opens.
    expect(shadow.querySelector('.card')).toBeNull();
    memberFocus(chip);
    const card = shadow.querySelector('.card')!;
    expect(card.hasAttribute('hidden')).toBe(false);
    expect(shown(card)).toContain('MHLB models');
    // Drawn, not in the DOM's text: a page's find() cannot search it.
    expect(card.textContent).not.toContain('MHLB models');
    const [open, edit] = [...card.querySelectorAll('button')];
    memberClick(open!);
    memberClick(edit!);
    expect(actions.open).toHaveBeenCalledWith(badgeFields(records.get(MHLB)!, true));
    expect(actions.edit).toHaveBeenCalledWith(badgeFields(records.get(MHLB)!, true));
  });

  it('a delivered document’s status is in the deadline’s place, coloured as done (green)', async () => {
    setup(`<a id="c" href="https://docs.google.com/document/d/${IMPROVE}/edit">Improvements</a>`);
    await linker.start();
    const chip = badgeRoot(badges()[0]!)!.querySelector('button')!;
    expect(chip.className).toContain('u-done');
    expect(chip.querySelector('.dl')!.textContent).toBe('✓ delivered');
  });

  it('an untracked mark tracks the link in one click', async () => {
    setup(`<a id="b" href="https://drive.google.com/file/d/${SHEET}/view">the spreadsheet</a>`);
    await linker.start();
    memberClick(badgeRoot(badges()[0]!)!.querySelector('button')!);
    expect(actions.track).toHaveBeenCalledWith(document.getElementById('b'), SHEET);
  });

  it('never badges links inside editable content', async () => {
    setup(`
      <div contenteditable="true"><a href="https://docs.google.com/document/d/${MHLB}/edit">in a draft</a></div>
      <div contenteditable="false"><a id="ok" href="https://docs.google.com/document/d/${MHLB}/edit">read-only</a></div>`);
    await linker.start();
    expect(badges()).toHaveLength(1);
    expect(document.getElementById('ok')!.nextElementSibling!.localName).toBe(BADGE_TAG);
  });

  it('badges links added later in one lookup per batch, and only looks up new ids', async () => {
    setup(`<a href="https://docs.google.com/document/d/${MHLB}/edit">MHLB</a>`);
    await linker.start();
    const thread = document.createElement('div');
    for (let i = 0; i < 25; i++) {
      const a = document.createElement('a');
      a.href = `https://docs.google.com/document/d/${i % 2 ? MHLB : `1newdocument${String(i).padStart(10, '0')}`}/edit`;
      thread.append(a);
    }
    document.body.append(thread);
    await settle();
    // The batch timer may have started the flush before settle's: wait for it (a busy machine).
    await vi.waitFor(() => expect(badges()).toHaveLength(26), { timeout: 30_000 });
    expect(lookups).toHaveLength(2);
    expect(lookups[1]).toHaveLength(13); // the 13 new ids, not the known one
  });

  it('keeps one badge per link however often the page changes', async () => {
    setup(`<p id="p"><a id="a" href="https://docs.google.com/document/d/${MHLB}/edit">MHLB</a></p>`);
    await linker.start();
    const a = document.getElementById('a')!;
    // The page re-appends the link, rescans happen, the href is set again.
    document.getElementById('p')!.append(a);
    await settle();
    await linker.rescan();
    a.setAttribute('href', a.getAttribute('href')!);
    await settle();
    await linker.rescan();
    expect(badges()).toHaveLength(1);
    expect(a.nextElementSibling!.localName).toBe(BADGE_TAG);
  });

  it('follows href changes, and removes the badge when the link stops being a document', async () => {
    setup(`<a id="a" href="https://docs.google.com/document/d/${MHLB}/edit">doc</a>`);
    await linker.start();
    const a = document.getElementById('a')!;
    a.setAttribute('href', `https://docs.google.com/document/d/${OUTCOMES}/edit`);
    await settle();
    expect(attrs(a.nextElementSibling!)).toMatchObject({ id: OUTCOMES, urgency: 'overdue' });
    a.setAttribute('href', 'https://www.intgovforum.org/');
    await settle();
    expect(badges()).toHaveLength(0);
  });

  it('puts back a badge the page removed, but gives up on a page that keeps removing it', async () => {
    setup(`<a id="a" href="https://docs.google.com/document/d/${MHLB}/edit">doc</a>`);
    await linker.start();
    for (let i = 0; i < 3; i++) {
      badges()[0]!.remove();
      await settle();
      expect(badges()).toHaveLength(1);
    }
    badges()[0]!.remove();
    await settle();
    expect(badges()).toHaveLength(0);
  });

  it('refresh redraws every badge from a new lookup (an edit, an import, a delete)', async () => {
    setup(
      `<a id="a" href="https://docs.google.com/document/d/${MHLB}/edit">MHLB</a><a id="b" href="https://drive.google.com/file/d/${SHEET}/view">s</a>`,
    );
    await linker.start();
    records.set(SHEET, { doc: { id: SHEET, kind: 'file', aliases: [], status: 'final', updatedAt: 'T2' } });
    records.delete(MHLB);
    await linker.refresh();
    expect(lookups).toHaveLength(2);
    expect(attrs(document.getElementById('a')!.nextElementSibling!)).toEqual({ id: MHLB, state: 'untracked' });
    expect(attrs(document.getElementById('b')!.nextElementSibling!)).toEqual({
      id: SHEET,
      state: 'tracked',
      status: 'final',
      urgency: 'none',
    });
  });

  it('removes stale badges from an earlier copy on start, and all of its own on dispose', async () => {
    setup(
      `<a id="a" href="https://docs.google.com/document/d/${MHLB}/edit">MHLB</a><${BADGE_TAG} data-docket-id="old"></${BADGE_TAG}>`,
    );
    await linker.start();
    expect(badges()).toHaveLength(1);
    expect(badges()[0]!.getAttribute('data-docket-id')).toBe(MHLB);
    linker.dispose();
    expect(badges()).toHaveLength(0);
  });

  it.each([
    ['in the body', (el: Element) => document.body.append(el), 0],
    ['in the root', (el: Element) => document.documentElement.append(el), 0],
    // Only where Docket puts them is looked at: a walk of the whole page for them costs every page.
    ['moved deep into the page', (el: Element) => document.getElementById('a')!.parentElement!.append(el), 1],
  ])('removes a stale notice from an earlier copy %s', async (_where, put, left) => {
    setup(`<p><a id="a" href="https://docs.google.com/document/d/${MHLB}/edit">MHLB</a></p>`);
    put(document.createElement('docket-notice'));
    put(document.createElement('docket-notice'));
    await linker.start();
    expect(document.getElementsByTagName('docket-notice')).toHaveLength(2 * left);
    expect(badges()).toHaveLength(1);
  });

  it('removes stale badges anywhere on the page, in the same walk that finds the links', async () => {
    setup(
      `<div><${BADGE_TAG} data-docket-id="old"></${BADGE_TAG}><p><a href="https://docs.google.com/document/d/${MHLB}/edit">x</a><${BADGE_TAG}></${BADGE_TAG}></p></div>`,
    );
    const walks = vi.spyOn(document, 'querySelectorAll');
    await linker.start();
    // (happy-dom queries the document's stylesheets for itself when a style is computed.)
    expect(walks.mock.calls.filter(([selector]) => /href|docket/.test(selector))).toHaveLength(1);
    walks.mockRestore();
    expect(badges().map((b) => b.getAttribute('data-docket-id'))).toEqual([MHLB]);
  });

  it('shows data as text, never as markup', async () => {
    records.set(SHEET, {
      doc: {
        id: SHEET,
        kind: 'file',
        aliases: [],
        title: '<img src=x onerror=alert(1)>',
        notes: '<script>alert(2)</script>',
        updatedAt: 'T',
      },
      workstream: { id: 'w', name: '<b>bold</b>', color: 'red;background:url(x)' },
    });
    setup(`<a href="https://drive.google.com/file/d/${SHEET}/view">s</a>`);
    await linker.start();
    const shadow = badgeRoot(badges()[0]!)!;
    memberFocus(shadow.querySelector('button')!);
    expect(shadow.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(shown(shadow)).toContain('<img src=x onerror=alert(1)>');
    expect((shadow.querySelector('.dot') as HTMLElement).style.getPropertyValue('--ws')).toBe('');
  });
});

describe('a link that changes while its lookup is under way', () => {
  it.each([
    [
      'points to another document',
      (a: HTMLElement) => a.setAttribute('href', `https://docs.google.com/document/d/${IMPROVE}/edit`),
      IMPROVE,
    ],
    ['stops being a document link', (a: HTMLElement) => a.setAttribute('href', 'https://example.org/'), null],
    ['becomes editable', (a: HTMLElement) => a.setAttribute('contenteditable', 'true'), null],
  ])('%s: its badge follows the change, never the old href', async (_what, change, expected) => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    document.body.innerHTML = `<p><a id="a" href="https://docs.google.com/document/d/${MHLB}/edit">x</a></p>`;
    linker = new Linker({
      doc: document,
      lookup: async (ids) => {
        lookups.push(ids);
        if (lookups.length === 1) await held;
        return Object.fromEntries(ids.flatMap((id) => (records.has(id) ? [[id, badgeFields(records.get(id)!, true)]] : [])));
      },
      actions,
      today: () => '2020-09-03',
      // The change waits for flushNow below: what start() did alone is seen first.
      batchDelayMs: 60_000,
    });
    const started = linker.start();
    await Promise.resolve();
    change(document.getElementById('a')!);
    release();
    await started;
    const ids = () => badges().map((b) => b.getAttribute('data-docket-id'));
    expect(ids()).toEqual([]); // not badged from the href it had when it was read
    await linker.flushNow();
    expect(ids()).toEqual(expected ? [expected] : []);
  });
});

describe('the page chip', () => {
  it("removes a chip an earlier copy left in the body, and puts none on a page that is not a document's", async () => {
    document.body.innerHTML = `<p>text</p><${CHIP_TAG}></${CHIP_TAG}>`;
    const chip = startPageChip({
      doc: document,
      href: () => 'https://www.intgovforum.org/en/content/minutes',
      lookup: async () => ({}),
      actions,
      today: () => '2020-09-03',
    });
    expect(document.getElementsByTagName(CHIP_TAG)).toHaveLength(0);
    await chip.refresh();
    expect(document.getElementsByTagName(CHIP_TAG)).toHaveLength(0);
    chip.dispose();
  });
});

describe('a page with more document links than Docket badges', () => {
  it('badges the first ones and says, once, how many went without', async () => {
    const links = Array.from(
      { length: 7 },
      (_, i) => `<a href="https://docs.google.com/document/d/1bulkdocument${String(i).padStart(12, '0')}/edit">d${i}</a>`,
    );
    document.body.innerHTML = `<p>${links.join(' ')}</p>`;
    linker = new Linker({
      doc: document,
      lookup: async () => ({}),
      actions,
      today: () => '2020-09-03',
      batchDelayMs: 0,
      maxBadges: 5,
    });
    await linker.start();
    expect(badges()).toHaveLength(5);
    const notice = document.getElementsByTagName('docket-notice');
    // The notice is written in a task of its own (its number formats are slow to make the first time).
    await vi.waitFor(() => expect(notice).toHaveLength(1));
    expect(badgeRoot(notice[0]!)!.textContent).toBe(
      'Docket: this page links too many documents to badge them all. The first 5 have badges; 2 more do not.',
    );
    // Looking again does not count the same links twice; one more link is one more.
    await linker.rescan();
    const a = document.createElement('a');
    a.href = 'https://docs.google.com/document/d/1bulkdocument999999999999/edit';
    document.body.append(a);
    await settle();
    await vi.waitFor(() => expect(badgeRoot(notice[0]!)!.textContent).toMatch(/; 3 more do not\.$/));
    linker.dispose();
    expect(document.getElementsByTagName('docket-notice')).toHaveLength(0);
  });

  it('looks up only the ids of the links it badges (issue 28: a page of 100,000 links)', async () => {
    const links = Array.from(
      { length: 9 },
      (_, i) => `<a href="https://docs.google.com/document/d/1bulkdocument${String(i).padStart(12, '0')}/edit">d${i}</a>`,
    );
    document.body.innerHTML = `<p>${links.join(' ')}</p>`;
    const asked: string[] = [];
    linker = new Linker({
      doc: document,
      lookup: async (ids) => (asked.push(...ids), {}),
      actions,
      today: () => '2020-09-03',
      batchDelayMs: 0,
      maxBadges: 4,
    });
    await linker.start();
    expect(badges()).toHaveLength(4);
    expect(asked).toEqual([0, 1, 2, 3].map((i) => `1bulkdocument${String(i).padStart(12, '0')}`));
    await vi.waitFor(() =>
      expect(badgeRoot(document.getElementsByTagName('docket-notice')[0]!)?.textContent).toMatch(
        /The first 4 have badges; 5 more do not\.$/,
      ),
    );
  });
});

describe('issue 13: only the member drives a badge; one failing lookup costs only its own links', () => {
  it('a page’s synthetic events open no card and track nothing', async () => {
    for (const fn of Object.values(actions)) vi.mocked(fn).mockClear();
    setup(
      `<a id="a" href="https://docs.google.com/document/d/${MHLB}/edit">MHLB</a> <a id="b" href="https://drive.google.com/file/d/${SHEET}/view">s</a>`,
    );
    await linker.start();
    const [tracked, untracked] = badges().map((b) => badgeRoot(b)!);
    expect(badges()[0]!.shadowRoot).toBeNull();
    for (const root of [tracked!, untracked!]) {
      const chip = root.querySelector('button')!;
      for (const type of ['mouseover', 'focusin', 'click'])
        chip.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
      chip.click();
    }
    expect(tracked!.querySelector('.card')).toBeNull();
    expect(actions.track).not.toHaveBeenCalled();
    // The member's own focus opens it, and the card's buttons answer only the member too.
    memberFocus(tracked!.querySelector('button')!);
    const open = tracked!.querySelector('.card button')! as HTMLButtonElement;
    open.click();
    expect(actions.open).not.toHaveBeenCalled();
    memberClick(open);
    expect(actions.open).toHaveBeenCalledTimes(1);
  });

  it('places the badges of the chunks that were answered when another chunk’s lookup fails, and retries it at the next refresh', async () => {
    document.body.innerHTML = [MHLB, IMPROVE, OUTCOMES, SHEET]
      .map((id, i) => `<a id="l${i}" href="https://docs.google.com/document/d/${id}/edit">${i}</a>`)
      .join(' ');
    const errors: unknown[] = [];
    let failing = true;
    linker = new Linker({
      doc: document,
      lookup: async (ids) => {
        if (failing && ids.includes(OUTCOMES)) throw new Error('Invalid lookup message');
        return Object.fromEntries(ids.flatMap((id) => (records.has(id) ? [[id, badgeFields(records.get(id)!, true)]] : [])));
      },
      actions,
      today: () => '2020-09-03',
      lookupChunk: 2,
      onError: (e) => errors.push(e),
    });
    await linker.start();
    await new Promise((r) => setTimeout(r, 0));
    const next = (i: number) => document.getElementById(`l${i}`)!.nextElementSibling?.getAttribute('data-docket-state') ?? null;
    expect([0, 1, 2, 3].map(next)).toEqual(['tracked', 'tracked', null, null]);
    expect(errors).toHaveLength(1);
    failing = false;
    await linker.refresh();
    expect([0, 1, 2, 3].map(next)).toEqual(['tracked', 'tracked', 'tracked', 'untracked']);
  });

  it('a copy whose extension is gone stops at the page’s next change instead of putting badges back', async () => {
    let alive = true;
    document.body.innerHTML = `<p><a id="a" href="https://docs.google.com/document/d/${MHLB}/edit">x</a></p>`;
    linker = new Linker({
      doc: document,
      lookup: async (ids) =>
        Object.fromEntries(ids.flatMap((id) => (records.has(id) ? [[id, badgeFields(records.get(id)!, true)]] : []))),
      actions,
      today: () => '2020-09-03',
      batchDelayMs: 0,
      alive: () => alive,
    });
    await linker.start();
    expect(badges()).toHaveLength(1);
    alive = false;
    // A newer copy removes the old badge: this one must not put it back.
    badges()[0]!.remove();
    await new Promise((r) => setTimeout(r, 10));
    expect(badges()).toHaveLength(0);
    expect(linker.badgeCount).toBe(0);
  });
});
