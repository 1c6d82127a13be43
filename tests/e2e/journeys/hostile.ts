/**
 * Docket on hostile pages, in either browser: pages served as www.intgovforum.org (where the content
 * script runs), a small index with markup in its data imported through the popup
 * (tests/fixtures/hostile/hostile-index.json).
 *
 * Decisions asserted here:
 * - SVG links (`<a href>` or `<a xlink:href>` inside `<svg>`) get no badge: an HTML element
 *   inside SVG does not render, and a badge elsewhere would not be the link's next sibling.
 * - Links inside editable content (contenteditable, designMode) get no badge, also when
 *   the content becomes editable after the badges were placed.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, StartSession, Tab } from '../support/session';
import { SHOWN, badgeAfter, badgeAttributes, cardText, countOf, importThroughPopup, tabToBadge } from './common';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/hostile/hostile-index.json');
export const HOSTILE = '1HostileMarkupDocument00000000000000000000';
export const PLAIN = '1PlainTrackedDocument0000000000000000000';
export const OTHER = '1UntrackedDocumentForHostilePages00000000';
const TITLE_MARKUP = '<img src=x onerror=window.__pwned=1>"><script>window.__pwned=2</script>';
const WS_MARKUP = '<img src=x onerror=window.__pwned=1> "><script>window.__pwned=2</script>';
export const doc = (id: string) => `https://docs.google.com/document/d/${id}/edit`;
const HTML = 'text/html; charset=utf-8';
/** A document link at the end of a page: once it has its badge, the links before it have been looked at. */
const SENTINEL = '1SentinelAtTheEndOfTheHostilePage0000000';
const sentinel = `<p><a id="sentinel" href="${doc(SENTINEL)}">the last link</a></p>`;

/** Start a session with the hostile index imported; `open` serves a body at a fresh path and opens it. */
export function hostileSession(start: StartSession) {
  const state: { docket?: Session } = {};
  let n = 0;
  beforeAll(async () => {
    state.docket = await start();
    const popup = await state.docket.popup();
    const report = await importThroughPopup(popup, FIXTURE);
    expect(report).toMatch(/2 documents? added/);
    expect(report).toMatch(/2 workstreams? added/);
    await popup.close();
  });
  afterAll(async () => state.docket?.close());
  return {
    get docket() {
      return state.docket!;
    },
    async open(body: string, name = 'page'): Promise<Tab> {
      const path = `/hostile/${name}-${++n}.html`;
      state.docket!.server.set(path, {
        type: HTML,
        body: body.startsWith('<!doctype') ? body : `<!doctype html><meta charset="utf-8"><title>${name}</title>${body}`,
      });
      return state.docket!.open(state.docket!.server.url(path));
    },
  };
}

export const badgeCount = (page: Tab, scope = '') => countOf(page, `${scope} docket-badge`.trim());
/** Wait until `count` badges are on the page, then a little longer to see that no more come. */
export async function expectBadges(page: Tab, count: number, scope = '') {
  await expect.poll(() => badgeCount(page, scope), SHOWN).toBe(count);
  await new Promise((r) => setTimeout(r, 300));
  expect(await badgeCount(page, scope)).toBe(count);
}
/** Every link matching `selector` has exactly one badge, its next element sibling. */
export function linksAndBadges(page: Tab, selector: string) {
  return page.evaluate(
    (css) =>
      [...document.querySelectorAll(css)].map((a) => ({
        next: a.nextElementSibling?.localName ?? null,
        id: a.nextElementSibling?.getAttribute('data-docket-id') ?? null,
        twice: a.nextElementSibling?.nextElementSibling?.localName === 'docket-badge',
      })),
    selector,
  );
}
const pwned = (page: Tab) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);

export function hostileJourney(start: StartSession) {
  describe('hostile pages', () => hostilePages(start));
}

function hostilePages(start: StartSession) {
  const s = hostileSession(start);
  const open = (body: string, name?: string) => s.open(body, name);

  describe('data with markup is shown as text', () => {
    it('opens the card of a badge whose title, notes and workstream hold markup and script: text only, nothing runs', async () => {
      const page = await open(
        `<p>Output: <a id="hostile" href="${doc(HOSTILE)}">the hostile doc</a> and
        <a id="plain" href="${doc(PLAIN)}">the plain doc</a>.</p>`,
        'xss',
      );
      const badge = badgeAfter('#hostile');
      await expect.poll(() => page.attribute(badge, 'data-docket-state'), SHOWN).toBe('tracked');
      expect(await page.attribute(badge, 'data-docket-workstream')).toBe(WS_MARKUP);

      // Keyboard focus opens the card, under the chip: the member tabs from the link to its badge.
      // (Its shadow root is closed: read in Docket's own world.)
      await page.bringToFront();
      await tabToBadge(page, '#hostile');
      await expect.poll(() => cardText(s.docket, page, '#hostile + docket-badge'), SHOWN).not.toBeNull();
      const boxes = await s.docket.inDocket<{ chipBottom: number; cardTop: number }>(
        page,
        `(() => { const r = root(document.querySelector('#hostile + docket-badge')); return { chipBottom: r.querySelector('.b').getBoundingClientRect().bottom, cardTop: r.querySelector('.card').getBoundingClientRect().top }; })()`,
      );
      expect(boxes.cardTop).toBeGreaterThanOrEqual(boxes.chipBottom - 0.5);
      const text = (await cardText(s.docket, page, '#hostile + docket-badge'))!;
      expect(text).toContain(TITLE_MARKUP);
      expect(text).toContain(WS_MARKUP);
      expect(text).toContain('<b onmouseover=window.__pwned=3>group</b>');
      expect(text).toContain('<iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>');
      expect(text).toContain(
        '<svg onload=window.__pwned=5></svg><a href="javascript:window.__pwned=6">click</a> & &amp; &lt;b&gt;',
      );
      expect(text).toContain('javascript:window.__pwned=7');

      // Hovering the other badge opens its card too; its source is a link, but only an http(s) one.
      const plain = badgeAfter('#plain');
      await page.hover(plain);
      await expect
        .poll(() => cardText(s.docket, page, '#plain + docket-badge'), SHOWN)
        .toContain('https://www.intgovforum.org/"><img src=x onerror=window.__pwned=8>');

      const found = await s.docket.inDocket<{ tags: string[]; handlers: string[]; links: string[]; page: number }>(
        page,
        `(() => {
          const hosts = [...document.querySelectorAll('docket-badge')];
          const inside = hosts.flatMap((h) => [...root(h).querySelectorAll('*')]);
          return {
            tags: [...new Set(inside.map((e) => e.localName))].sort(),
            handlers: inside.flatMap((e) => [...e.attributes].map((a) => a.name)).filter((name) => name.startsWith('on')),
            links: inside.filter((e) => e.localName === 'a').map((a) => a.protocol),
            page: document.querySelectorAll('img, script, iframe, svg, b').length,
          };
        })()`,
      );
      // Only the badge's own elements: no img/script/iframe/svg/b from the data, no event-handler attributes.
      expect(
        found.tags.every((t) => ['span', 'button', 'style', 'a'].includes(t)),
        found.tags.join(),
      ).toBe(true);
      expect(found.handlers).toEqual([]);
      expect(found.links).toEqual(['https:']);
      expect(found.page).toBe(0);
      expect(await pwned(page)).toBeNull();
      await page.close();
    });
  });

  describe('aggressive page CSS cannot hide or restyle badges', () => {
    const rules: Record<string, string> = {
      'display:none on everything but html/body/p/a': 'html *:not(body):not(p):not(a) { display: none !important; }',
      'a + * hidden': 'a + * { display: none !important; }',
      'the badge tag hidden': 'docket-badge { display: none !important; }',
      'tiny transparent text': '* { font-size: 1px !important; color: transparent !important; }',
      'all: unset': '* { all: unset !important; }',
      'moved away, shrunk, clipped': `docket-badge, a + * { position: absolute !important; left: -9999px !important; width: 0 !important; height: 0 !important;
        overflow: hidden !important; opacity: 0 !important; transform: scale(0) !important; clip-path: inset(50%) !important;
        visibility: hidden !important; content-visibility: hidden !important; }`,
      'in a cascade layer': '@layer hostile { * { display: none !important; } html, body, p, a { display: block !important; } }',
    };
    for (const [name, css] of Object.entries(rules)) {
      it(`keeps the badge visible and its own size: ${name}`, async () => {
        const page = await open(
          `<style>${css}</style><p id="p">Minutes: <a id="l" href="${doc(PLAIN)}">the document</a> and more text.</p>`,
          'css',
        );
        await expectBadges(page, 1);
        const look = await s.docket.inDocket<Record<string, string | number>>(
          page,
          `(() => {
          const h = document.querySelector('#l + docket-badge');
          const chip = root(h).querySelector('.b');
          const hs = getComputedStyle(h);
          const cs = getComputedStyle(chip);
          const r = h.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return {
            width: r.width,
            height: r.height,
            display: hs.display,
            visibility: hs.visibility,
            opacity: hs.opacity,
            position: hs.position,
            chipFont: cs.fontSize,
            chipColor: cs.color,
            chipWidth: chip.getBoundingClientRect().width,
            hit: hit?.localName,
          };
        })()`,
        );
        expect((look.width as number) > 10 && (look.height as number) > 8, JSON.stringify(look)).toBe(true);
        expect(look.display).toBe('inline-flex');
        expect(look.visibility).toBe('visible');
        expect(look.opacity).toBe('1');
        expect(look.position).toBe('relative');
        expect(look.chipFont).toBe('11px');
        expect(look.chipColor).not.toBe('rgba(0, 0, 0, 0)');
        expect(look.chipWidth).toBeGreaterThan(10);
        expect(look.hit).toBe('docket-badge');
        await page.close();
      });
    }

    it('badges each link once in right-to-left text', async () => {
      const page = await open(
        `<!doctype html><html dir="rtl" lang="ar"><meta charset="utf-8"><title>rtl</title>
        <p>محضر الاجتماع: <a class="l" href="${doc(PLAIN)}">وثيقة التحسينات</a> و<a class="l" href="${doc(OTHER)}">وثيقة أخرى</a>.</p>
        <p dir="ltr">Mixed <span dir="rtl">نص <a class="l" href="https://drive.google.com/file/d/${OTHER}/view">ملف</a> عربي</span> text.</p>
        <p><bdo dir="rtl"><a class="l" href="${doc(HOSTILE)}">reversed</a></bdo></p></html>`,
        'rtl',
      );
      await expectBadges(page, 4);
      const pairs = await linksAndBadges(page, 'a.l');
      expect(pairs.map((p) => [p.next, p.twice])).toEqual(Array(4).fill(['docket-badge', false]));
      expect(pairs.map((p) => p.id)).toEqual([PLAIN, OTHER, OTHER, HOSTILE]);
      // The badge keeps its own direction.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('docket-badge')!).direction)).toBe('ltr');
      await page.close();
    });
  });

  describe('where badges never go, and never twice', () => {
    it('puts no badge inside contenteditable content or form fields', async () => {
      const page = await open(
        `
        <div id="ce" contenteditable="true"><p>Draft: <a href="${doc(PLAIN)}">in an editor</a></p></div>
        <div contenteditable=""><a href="${doc(OTHER)}">empty attribute</a></div>
        <div contenteditable="plaintext-only"><span><a href="${doc(HOSTILE)}">plaintext-only</a></span></div>
        <div contenteditable="true"><span contenteditable="false"><a href="${doc(HOSTILE)}">island in an editor</a></span></div>
        <form><textarea name="t">${doc(PLAIN)} <a href="${doc(PLAIN)}">markup in a textarea</a></textarea>
          <input name="i" value="${doc(PLAIN)}"><select><option>${doc(PLAIN)}</option></select></form>
        <p><a id="outside" href="${doc(PLAIN)}">outside</a></p>`,
        'editable',
      );
      await expectBadges(page, 1);
      expect(await countOf(page, '#outside + docket-badge')).toBe(1);
      // Links added to the editor later, and typing in it, bring no badge either; a link added
      // outside it after them does (so the ones in the editor were looked at).
      await page.evaluate((href) => {
        const a = document.createElement('a');
        a.href = href;
        a.textContent = 'pasted';
        document.getElementById('ce')!.append(a);
      }, doc(OTHER));
      await page.click({ css: '#ce' });
      await page.type(' more text ');
      await page.evaluate((href) => {
        const a = document.createElement('a');
        a.id = 'later';
        a.href = href;
        a.textContent = 'later';
        document.body.append(a);
      }, doc(SENTINEL));
      await expect.poll(() => countOf(page, '#later + docket-badge'), SHOWN).toBe(1);
      expect(await badgeCount(page)).toBe(2);
      expect(await countOf(page, '#ce docket-badge, textarea docket-badge, form docket-badge')).toBe(0);
      await page.close();
    });

    it('removes the badges of content that becomes editable, and brings them back after', async () => {
      const page = await open(`<div id="wiki"><p>See <a id="w" href="${doc(PLAIN)}">the document</a>.</p></div>`, 'wiki');
      await expectBadges(page, 1);
      await page.evaluate(() => document.getElementById('wiki')!.setAttribute('contenteditable', 'true'));
      await expectBadges(page, 0);
      expect(await page.evaluate(() => document.getElementById('wiki')!.innerHTML)).not.toContain('docket-badge');
      await page.evaluate(() => document.getElementById('wiki')!.removeAttribute('contenteditable'));
      await expectBadges(page, 1);
      expect(await countOf(page, '#w + docket-badge')).toBe(1);
      await page.close();
    });

    it('puts no badge on a page in designMode', async () => {
      const page = await open(
        `<script>document.designMode = 'on';</script>
        <p><a href="${doc(PLAIN)}">one</a> <a href="${doc(OTHER)}">two</a></p>`,
        'design',
      );
      await new Promise((r) => setTimeout(r, 1500));
      expect(await page.evaluate(() => document.designMode)).toBe('on');
      expect(await badgeCount(page)).toBe(0);
      await page.close();
    });

    it('never puts two badges on a link across 50 rapid re-renders of its container', async () => {
      const page = await open(
        `<div id="box"></div><script>
        window.rerender = (times) => new Promise((done) => {
          let i = 0;
          const box = document.getElementById('box');
          const tick = () => {
            box.innerHTML = '<p>Render ' + i + ': <a class="l" href="${doc(PLAIN)}">plain</a>, <a class="l" href="${doc(OTHER)}?r=' + i + '">other</a>'
              + ' and <a class="l" href="https://www.google.com/url?q=${encodeURIComponent(doc(HOSTILE))}">wrapped</a>.</p>';
            if (++i < times) setTimeout(tick, i % 7 * 8); else done();
          };
          tick();
        });</script>`,
        'rerender',
      );
      await page.evaluate(() => (window as unknown as { rerender(n: number): Promise<void> }).rerender(50));
      await expectBadges(page, 3, '#box');
      expect(await linksAndBadges(page, '#box a.l')).toEqual([
        { next: 'docket-badge', id: PLAIN, twice: false },
        { next: 'docket-badge', id: OTHER, twice: false },
        { next: 'docket-badge', id: HOSTILE, twice: false },
      ]);
      await page.close();
    });

    it('keeps one badge, right after the link, when the page re-appends the same link node 50 times', async () => {
      const page = await open(
        `<div id="a"><span>first</span></div><div id="b"><span>second</span></div>
        <p><a id="moving" href="${doc(PLAIN)}">moving</a> <a id="still" href="${doc(OTHER)}">still</a></p><script>
        window.reappend = (times, gap) => new Promise((done) => {
          let i = 0;
          const link = document.getElementById('moving');
          const tick = () => {
            (i % 3 === 2 ? document.getElementById('b') : document.getElementById('a')).append(link);
            if (++i < times) setTimeout(tick, gap); else done();
          };
          tick();
        });</script>`,
        'reappend',
      );
      await expectBadges(page, 2);
      // Fast (within one batch) and slow (each in its own batch) re-appends.
      for (const gap of [0, 45]) {
        await page.evaluate(
          (g) => (window as unknown as { reappend(n: number, gap: number): Promise<void> }).reappend(50, g),
          gap,
        );
        await expect
          .poll(() => page.evaluate(() => document.getElementById('moving')!.nextElementSibling?.localName ?? null), SHOWN)
          .toBe('docket-badge');
        await expectBadges(page, 2);
        expect(await linksAndBadges(page, '#moving, #still')).toEqual([
          { next: 'docket-badge', id: PLAIN, twice: false },
          { next: 'docket-badge', id: OTHER, twice: false },
        ]);
      }
      await page.close();
    });

    it('skips SVG links (href and xlink:href): a badge inside SVG would not render', async () => {
      const page = await open(
        `<svg id="svg" width="300" height="60" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
          <a id="s1" href="${doc(PLAIN)}"><text x="0" y="20">svg href</text></a>
          <a id="s2" xlink:href="${doc(OTHER)}"><text x="0" y="45">svg xlink:href</text></a>
        </svg><p><a id="html" href="${doc(HOSTILE)}">an HTML link</a></p>`,
        'svg',
      );
      await expectBadges(page, 1);
      expect(await countOf(page, '#html + docket-badge')).toBe(1);
      expect(await countOf(page, '#svg docket-badge')).toBe(0);
      expect(
        await page.evaluate(() => document.querySelector('#s2')!.getAttributeNS('http://www.w3.org/1999/xlink', 'href')),
      ).toContain(OTHER);
      await page.close();
    });

    it('resolves relative links against <base href="https://docs.google.com/">', async () => {
      const page = await open(
        `<!doctype html><html><head><meta charset="utf-8"><base href="https://docs.google.com/"><title>base</title></head>
        <body><p><a class="l" href="/document/d/${PLAIN}/edit">root-relative</a>
        <a class="l" href="//docs.google.com/spreadsheets/d/${OTHER}/edit">protocol-relative</a>
        <a class="l" href="/a/example.org/document/u/1/d/${HOSTILE}/edit?usp=sharing">with domain and account</a></p></body></html>`,
        'base',
      );
      await expectBadges(page, 3);
      expect((await linksAndBadges(page, 'a.l')).map((p) => p.id)).toEqual([PLAIN, OTHER, HOSTILE]);
      await page.close();
    });

    it('does not badge relative links when the base is not Google’s', async () => {
      const page = await open(
        `<!doctype html><html><head><meta charset="utf-8"><base href="https://example.org/"><title>base</title></head>
        <body><p><a href="/document/d/${PLAIN}/edit">relative</a> <a href="/file/d/${OTHER}/view">relative file</a>
        <a id="abs" href="${doc(HOSTILE)}">absolute</a></p></body></html>`,
        'otherbase',
      );
      await expectBadges(page, 1);
      expect(await countOf(page, '#abs + docket-badge')).toBe(1);
      const nobase = await open(
        `<p><a href="/document/d/${PLAIN}/edit">relative, no base</a> <a id="abs" href="${doc(HOSTILE)}">absolute</a></p>`,
        'nobase',
      );
      await expectBadges(nobase, 1);
      expect(await countOf(nobase, '#abs + docket-badge')).toBe(1);
      await page.close();
      await nobase.close();
    });

    it('badges links whose ids are names on Object.prototype like any other (untracked), and the links after them', async () => {
      const odd = ['constructor', 'hasOwnProperty', '__defineGetter__', 'toLocaleString', 'propertyIsEnumerable'];
      const page = await open(
        `<p>${odd.map((id) => `<a class="l" href="${doc(id)}">${id}</a>`).join(' ')}
        <a class="l" href="${doc(PLAIN)}">plain</a> <a class="l" href="${doc(OTHER)}">other</a></p>${sentinel}`,
        'proto',
      );
      await expectBadges(page, odd.length + 3);
      const attrs = await badgeAttributes(page);
      expect(attrs.slice(0, odd.length)).toEqual(odd.map((id) => ({ id, state: 'untracked' })));
      await expect.poll(async () => (await badgeAttributes(page)).at(-3), SHOWN).toMatchObject({ id: PLAIN, state: 'tracked' });
      expect(attrs.at(-2)).toEqual({ id: OTHER, state: 'untracked' });
      await page.close();
    });
  });
}
