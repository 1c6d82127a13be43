/**
 * Docket on hostile pages, end to end: the built extension in Chromium, pages served as
 * www.intgovforum.org (where the content script runs), a small index with markup in its
 * data imported through the popup (tests/fixtures/hostile/hostile-index.json).
 *
 * Decisions asserted here:
 * - SVG links (`<a href>` or `<a xlink:href>` inside `<svg>`) get no badge: an HTML element
 *   inside SVG does not render, and a badge elsewhere would not be the link's next sibling.
 * - Links inside editable content (contenteditable, designMode) get no badge, also when
 *   the content becomes editable after the badges were placed.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docketWorld } from './docket-world';
import { badgeAfter, badgeAttributes, importThroughPopup, startDocket, type Docket } from './harness';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/hostile/hostile-index.json');
const HOSTILE = '1HostileMarkupDocument00000000000000000000';
const PLAIN = '1PlainTrackedDocument0000000000000000000';
const OTHER = '1UntrackedDocumentForHostilePages00000000';
const TITLE_MARKUP = '<img src=x onerror=window.__pwned=1>"><script>window.__pwned=2</script>';
const WS_MARKUP = '<img src=x onerror=window.__pwned=1> "><script>window.__pwned=2</script>';
const doc = (id: string) => `https://docs.google.com/document/d/${id}/edit`;
const HTML = 'text/html; charset=utf-8';

let docket: Docket;
let n = 0;

/** Serve `body` at a fresh path and open it in a new tab. */
async function open(body: string, name = 'page'): Promise<Page> {
  const path = `/hostile/${name}-${++n}.html`;
  docket.server.set(path, {
    type: HTML,
    body: body.startsWith('<!doctype') ? body : `<!doctype html><meta charset="utf-8"><title>${name}</title>${body}`,
  });
  const page = await docket.context.newPage();
  await page.goto(docket.server.url(path));
  return page;
}

const badgeCount = (page: Page, scope = '') => page.locator(`${scope} docket-badge`.trim()).count();
/** Wait until `count` badges are on the page, then a little longer to see that no more come. */
async function expectBadges(page: Page, count: number, scope = '') {
  await expect.poll(() => badgeCount(page, scope), { timeout: 15_000 }).toBe(count);
  await page.waitForTimeout(300);
  expect(await badgeCount(page, scope)).toBe(count);
}
/** Every link matching `selector` has exactly one badge, its next element sibling. */
function linksAndBadges(page: Page, selector: string) {
  return page.$$eval(selector, (links) =>
    links.map((a) => ({
      next: a.nextElementSibling?.localName ?? null,
      id: a.nextElementSibling?.getAttribute('data-docket-id') ?? null,
      twice: a.nextElementSibling?.nextElementSibling?.localName === 'docket-badge',
    })),
  );
}
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

beforeAll(async () => {
  docket = await startDocket();
  const popup = await docket.popup();
  const report = await importThroughPopup(popup, FIXTURE);
  expect(report).toMatch(/2 documents? added/);
  expect(report).toMatch(/2 workstreams? added/);
  await popup.close();
});
afterAll(async () => docket?.close());

describe('data with markup is shown as text', () => {
  it('opens the card of a badge whose title, notes and workstream hold markup and script: text only, nothing runs', async () => {
    const page = await open(
      `<p>Output: <a id="hostile" href="${doc(HOSTILE)}">the hostile doc</a> and
      <a id="plain" href="${doc(PLAIN)}">the plain doc</a>.</p>`,
      'xss',
    );
    const badge = badgeAfter(page, '#hostile');
    await expect.poll(() => badge.getAttribute('data-docket-state'), { timeout: 15_000 }).toBe('tracked');
    expect(await badge.getAttribute('data-docket-workstream')).toBe(WS_MARKUP);

    // Keyboard focus opens the card: the member tabs from the link to its badge.
    await page.locator('#hostile').focus();
    await page.keyboard.press('Tab');
    const world = await docketWorld(docket.context, page, docket.extensionId);
    await expect
      .poll(() => world.evaluate<string | null>(`card(document.querySelector('#hostile + docket-badge'))`))
      .not.toBeNull();
    // The card opens under the chip.
    const boxes = await world.evaluate<{ chip: DOMRect; card: DOMRect }>(
      `(() => { const r = root(document.querySelector('#hostile + docket-badge')); return { chip: r.querySelector('.b').getBoundingClientRect().toJSON(), card: r.querySelector('.card').getBoundingClientRect().toJSON() }; })()`,
    );
    expect(boxes.card.y).toBeGreaterThanOrEqual(boxes.chip.y + boxes.chip.height);
    const text = (await world.evaluate<string>(`card(document.querySelector('#hostile + docket-badge'))`))!;
    expect(text).toContain(TITLE_MARKUP);
    expect(text).toContain(WS_MARKUP);
    expect(text).toContain('<b onmouseover=window.__pwned=3>group</b>');
    expect(text).toContain('<iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>');
    expect(text).toContain(
      '<svg onload=window.__pwned=5></svg><a href="javascript:window.__pwned=6">click</a> & &amp; &lt;b&gt;',
    );
    expect(text).toContain('javascript:window.__pwned=7');

    // Hovering the other badge opens its card too; its source is a link, but only an http(s) one.
    const plain = badgeAfter(page, '#plain');
    await plain.hover();
    await expect
      .poll(() => world.evaluate<string | null>(`card(document.querySelector('#plain + docket-badge'))`))
      .toContain('https://www.intgovforum.org/"><img src=x onerror=window.__pwned=8>');

    await page.waitForTimeout(500);
    const found = await world.evaluate<{ tags: string[]; handlers: string[]; links: string[]; page: number }>(`(() => {
      const hosts = [...document.querySelectorAll('docket-badge')];
      const inside = hosts.flatMap((h) => [...root(h).querySelectorAll('*')]);
      return {
        tags: [...new Set(inside.map((e) => e.localName))].sort(),
        handlers: inside.flatMap((e) => [...e.attributes].map((a) => a.name)).filter((name) => name.startsWith('on')),
        links: inside.filter((e) => e.localName === 'a').map((a) => a.protocol),
        page: document.querySelectorAll('img, script, iframe, svg, b').length,
      };
    })()`);
    await world.detach();
    // Only the badge's own elements: no img/script/iframe/svg/b from the data, no event-handler attributes.
    expect(
      found.tags.every((t) => ['span', 'button', 'style', 'a'].includes(t)),
      found.tags.join(),
    ).toBe(true);
    expect(found.handlers).toEqual([]);
    expect(found.links).toEqual(['https:']);
    expect(found.page).toBe(0);
    expect(await pwned(page)).toBeUndefined();
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
      const host = badgeAfter(page, '#l');
      const box = await host.boundingBox();
      expect(box && box.width > 10 && box.height > 8, JSON.stringify(box)).toBe(true);
      const world = await docketWorld(docket.context, page, docket.extensionId);
      const look = await world.evaluate<Record<string, string | number>>(`(() => {
        const h = document.querySelector('#l + docket-badge');
        const chip = root(h).querySelector('.b');
        const hs = getComputedStyle(h);
        const cs = getComputedStyle(chip);
        const r = h.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return {
          display: hs.display,
          visibility: hs.visibility,
          opacity: hs.opacity,
          position: hs.position,
          chipFont: cs.fontSize,
          chipColor: cs.color,
          chipWidth: chip.getBoundingClientRect().width,
          hit: hit?.localName,
        };
      })()`);
      await world.detach();
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

  it('changes the layout only by the badge’s own width: links in fixed-width flex rows and in running text', async () => {
    // Each case: a block holding text, a link and what follows it, then a paragraph below.
    const cases: Array<[style: string, flex: boolean]> = [
      ['display:flex; align-items:baseline; font:16px/1.5 sans-serif', true],
      ['display:flex; font:16px/1.5 sans-serif', true], // align-items: stretch
      ['display:flex; align-items:center; font:14px/1.2 sans-serif', true],
      ['font:16px/1.5 sans-serif', false],
      ['font:13px/1.25 Verdana, sans-serif', false],
      ['font:12px/1 sans-serif', false],
      ['font:14px/normal serif', false],
      ['font:11px/14px sans-serif', false],
    ];
    const page = await open(
      `<style>body { margin: 0; } .box { width: 640px; margin: 0; }</style>
      ${cases
        .map(
          (
            [style, flex],
            i,
          ) => `<${flex ? 'div' : 'p'} class="box" id="box${i}" style="${style}"><span id="before${i}">Output document:</span>${flex ? '' : ' '}<a id="l${i}" href="/not-yet-${i}">the document</a>${flex ? '' : ' '}<span id="after${i}">— comments by Friday</span></${flex ? 'div' : 'p'}>
        <p id="below${i}" style="margin:0">Next paragraph.</p>`,
        )
        .join('\n')}`,
      'layout',
    );
    await page.waitForTimeout(500);
    expect(await badgeCount(page)).toBe(0);
    const ids = cases.flatMap((_, i) => [`box${i}`, `before${i}`, `l${i}`, `after${i}`, `below${i}`]);
    const measure = () =>
      page.evaluate(
        (list) =>
          Object.fromEntries(
            list.map((id) => {
              const r = document.getElementById(id)!.getBoundingClientRect();
              return [id, { x: r.x, y: r.y, h: r.height }];
            }),
          ),
        ids,
      );
    const before = await measure();
    // The links become document links: their badges appear.
    await page.evaluate(
      ([count, href]) => {
        for (let i = 0; i < Number(count); i++) document.getElementById(`l${i}`)!.setAttribute('href', href!);
      },
      [String(cases.length), doc(PLAIN)],
    );
    await expectBadges(page, cases.length);
    const after = await measure();
    const widths = await page.evaluate(
      (count) =>
        Array.from({ length: count }, (_, i) => {
          const host = document.getElementById(`l${i}`)!.nextElementSibling as HTMLElement;
          return host.getBoundingClientRect().width + parseFloat(getComputedStyle(host).marginLeft);
        }),
      cases.length,
    );
    // The chip sits on the link's line: its middle within a few pixels of the link text's.
    const world = await docketWorld(docket.context, page, docket.extensionId);
    const offsets = await world.evaluate<number[]>(`Array.from({ length: ${cases.length} }, (_, i) => {
      const link = document.getElementById('l' + i);
      const chip = root(link.nextElementSibling).querySelector('.b').getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(link);
      const text = range.getBoundingClientRect();
      return (chip.top + chip.bottom) / 2 - (text.top + text.bottom) / 2;
    })`);
    await world.detach();
    console.log('chip middle − link text middle:', offsets.map((o) => o.toFixed(1)).join(', '));
    for (const offset of offsets) expect(Math.abs(offset)).toBeLessThan(4);
    const moved: string[] = [];
    cases.forEach(([style], i) => {
      expect(widths[i]).toBeGreaterThan(10);
      // Nothing moves vertically or changes height; what is before the badge stays, what follows moves right by its width.
      for (const id of [`box${i}`, `before${i}`, `l${i}`, `after${i}`, `below${i}`]) {
        if (Math.abs(after[id]!.y - before[id]!.y) > 0.5) moved.push(`${style}: ${id}.y ${before[id]!.y} → ${after[id]!.y}`);
        if (Math.abs(after[id]!.h - before[id]!.h) > 0.5) moved.push(`${style}: ${id}.height ${before[id]!.h} → ${after[id]!.h}`);
      }
      for (const id of [`box${i}`, `before${i}`, `l${i}`, `below${i}`]) {
        if (Math.abs(after[id]!.x - before[id]!.x) > 0.5) moved.push(`${style}: ${id}.x ${before[id]!.x} → ${after[id]!.x}`);
      }
      const dx = after[`after${i}`]!.x - before[`after${i}`]!.x;
      if (Math.abs(dx - widths[i]!) > 2) moved.push(`${style}: after${i} moved ${dx}px, the badge is ${widths[i]}px`);
    });
    expect(moved).toEqual([]);
    await page.close();
  });

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
    expect(
      await page
        .locator('docket-badge')
        .first()
        .evaluate((h) => getComputedStyle(h).direction),
    ).toBe('ltr');
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
    expect(await badgeAfter(page, '#outside').count()).toBe(1);
    // Links added to the editor later, and typing in it, bring no badge either.
    await page.evaluate((href) => {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = 'pasted';
      document.getElementById('ce')!.append(a);
    }, doc(OTHER));
    await page.click('#ce');
    await page.keyboard.type(' more text ');
    await expectBadges(page, 1);
    expect(await page.locator('#ce docket-badge, textarea docket-badge, form docket-badge').count()).toBe(0);
    await page.close();
  });

  it('removes the badges of content that becomes editable, and brings them back after', async () => {
    const page = await open(`<div id="wiki"><p>See <a id="w" href="${doc(PLAIN)}">the document</a>.</p></div>`, 'wiki');
    await expectBadges(page, 1);
    await page.evaluate(() => document.getElementById('wiki')!.setAttribute('contenteditable', 'true'));
    await expectBadges(page, 0);
    expect(await page.locator('#wiki').innerHTML()).not.toContain('docket-badge');
    await page.evaluate(() => document.getElementById('wiki')!.removeAttribute('contenteditable'));
    await expectBadges(page, 1);
    expect(await badgeAfter(page, '#w').count()).toBe(1);
    await page.close();
  });

  it('puts no badge on a page in designMode', async () => {
    const page = await open(
      `<script>document.designMode = 'on';</script>
      <p><a href="${doc(PLAIN)}">one</a> <a href="${doc(OTHER)}">two</a></p>`,
      'design',
    );
    await page.waitForTimeout(1500);
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
    const pairs = await linksAndBadges(page, '#box a.l');
    expect(pairs).toEqual([
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
      await page.evaluate((g) => (window as unknown as { reappend(n: number, gap: number): Promise<void> }).reappend(50, g), gap);
      await expect
        .poll(() => page.evaluate(() => document.getElementById('moving')!.nextElementSibling?.localName ?? null), {
          timeout: 10_000,
        })
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
    expect(await badgeAfter(page, '#html').count()).toBe(1);
    expect(await page.locator('#svg docket-badge').count()).toBe(0);
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
    expect(await badgeAfter(page, '#abs').count()).toBe(1);
    const nobase = await open(
      `<p><a href="/document/d/${PLAIN}/edit">relative, no base</a> <a id="abs" href="${doc(HOSTILE)}">absolute</a></p>`,
      'nobase',
    );
    await expectBadges(nobase, 1);
    expect(await badgeAfter(nobase, '#abs').count()).toBe(1);
    await page.close();
    await nobase.close();
  });

  it('badges links whose ids are names on Object.prototype like any other (untracked), and the links after them', async () => {
    const odd = ['constructor', 'hasOwnProperty', '__defineGetter__', 'toLocaleString', 'propertyIsEnumerable'];
    const page = await open(
      `<p>${odd.map((id) => `<a class="l" href="${doc(id)}">${id}</a>`).join(' ')}
      <a class="l" href="${doc(PLAIN)}">plain</a> <a class="l" href="${doc(OTHER)}">other</a></p>`,
      'proto',
    );
    await expectBadges(page, odd.length + 2);
    const attrs = await badgeAttributes(page);
    expect(attrs.slice(0, odd.length)).toEqual(odd.map((id) => ({ id, state: 'untracked' })));
    expect(attrs.at(-2)).toMatchObject({ id: PLAIN, state: 'tracked' });
    expect(attrs.at(-1)).toEqual({ id: OTHER, state: 'untracked' });
    await page.close();
  });
});

describe('a page with 100,000 links', () => {
  it('on a long page, gives every link its badge and attributes at once and draws chips as the member scrolls or tabs to them', async () => {
    const N = 400;
    const rows = Array.from(
      { length: N },
      (_, i) =>
        `<p style="margin:0 0 40px"><a id="l${i}" href="${doc(i === N - 1 ? PLAIN : `1lazy${String(i).padStart(20, '0')}`)}">link ${i}</a></p>`,
    );
    const page = await open(rows.join('\n'), 'long');
    await expectBadges(page, N);
    const world = await docketWorld(docket.context, page, docket.extensionId);
    const drawn = (i: number) =>
      world.evaluate<boolean>(`!!root(document.getElementById('l${i}').nextElementSibling)?.querySelector('button')`);
    // The last link is tracked: its attributes say so before its chip is drawn.
    await expect
      .poll(() => badgeAfter(page, `#l${N - 1}`).getAttribute('data-docket-state'), { timeout: 10_000 })
      .toBe('tracked');
    expect(await drawn(0)).toBe(true);
    expect(await drawn(N - 1)).toBe(false);
    // Every undrawn badge still takes room (a visible box), so nothing jumps when it is drawn.
    const box = await badgeAfter(page, `#l${N - 2}`).boundingBox();
    expect(box && box.width > 0 && box.height > 0).toBe(true);
    await page.evaluate((k) => document.getElementById(`l${k}`)!.scrollIntoView(), N - 1);
    await expect.poll(() => drawn(N - 1), { timeout: 5_000 }).toBe(true);
    expect(
      await world.evaluate<string>(
        `root(document.getElementById('l${N - 1}').nextElementSibling).querySelector('button').textContent`,
      ),
    ).toMatch(/\S/);
    // Keyboard: a link focused far from the viewport has its chip before the next Tab.
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await drawn(300)).toBe(false);
    await page.focus('#l300');
    expect(await drawn(300)).toBe(true);
    await world.detach();
    await page.close();
  });

  it(
    'badges the first 20,000 document links without the tab hanging, and says how many more went without',
    { timeout: 240_000 },
    async () => {
      const TOTAL = 100_000;
      const DOCS = 60_000;
      const DISTINCT = 30_000;
      const BADGED = 20_000; // MAX_BADGES
      // One tracked link at the very start.
      const parts: string[] = [`<p><a id="first" href="${doc(PLAIN)}">plain</a></p>`];
      for (let p = 0; p < TOTAL / 100; p++) {
        const links: string[] = [];
        for (let i = p * 100; i < (p + 1) * 100; i++) {
          if (i % 5 < 3) {
            const k = Math.floor((i / 5) * 3 + (i % 5)) % DISTINCT;
            links.push(`<a href="https://docs.google.com/document/d/1bulk${String(k).padStart(20, '0')}/edit">d${i}</a>`);
          } else links.push(`<a href="https://www.intgovforum.org/p/${i}">p${i}</a>`);
        }
        parts.push(`<p>${links.join(' ')}</p>`);
      }
      const path = '/hostile/bulk.html';
      docket.server.set(path, {
        type: HTML,
        body: `<!doctype html><meta charset="utf-8"><title>bulk</title>${parts.join('\n')}`,
      });
      const page = await docket.context.newPage();
      await page.goto(docket.server.url(path), { waitUntil: 'load', timeout: 120_000 });
      // The page's own first layout of 100,000 links is not Docket's doing: measure from after it.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));

      // Round trips into the page while Docket works: the page must keep answering. Before the
      // fix, one synchronous pass over the page (or a starving scheduler.yield loop) blocked it
      // for 40 s and more; now it hands the main thread back every few milliseconds. The machine
      // running this may be busy (2 cores, other browsers): a rare pause is allowed, a hang is not.
      const started = Date.now();
      const trips: number[] = [];
      let count = 0;
      while (Date.now() - started < 180_000) {
        const t = Date.now();
        count = await page.evaluate(() => document.getElementsByTagName('docket-badge').length);
        trips.push(Date.now() - t);
        if (process.env.DOCKET_DEBUG) console.log(`${Date.now() - started} ms: ${count} badges, round trip ${trips.at(-1)} ms`);
        if (count >= BADGED) break;
        await page.waitForTimeout(250);
      }
      const sorted = [...trips].sort((a, b) => a - b);
      const p90 = sorted[Math.floor(sorted.length * 0.9)]!;
      const slowest = sorted.at(-1)!;
      console.log(
        `100,000 links: ${count} badges after ${Date.now() - started} ms; round trips: 90% under ${p90} ms, slowest ${slowest} ms`,
      );
      expect(count).toBe(BADGED);
      expect(p90).toBeLessThan(2_000);
      expect(slowest).toBeLessThan(5_000);
      await expect.poll(() => badgeAfter(page, '#first').getAttribute('data-docket-state'), { timeout: 30_000 }).toBe('tracked');
      // The first 20,000 document links in page order have their badge; the rest are told of, once.
      const badged = await page.evaluate(() =>
        [...document.querySelectorAll('a[href*="docs.google.com"]')].map(
          (a) => a.nextElementSibling?.localName === 'docket-badge',
        ),
      );
      expect(badged.slice(0, BADGED).every(Boolean)).toBe(true);
      expect(badged.slice(BADGED).some(Boolean)).toBe(false);
      const world = await docketWorld(docket.context, page, docket.extensionId);
      await expect
        .poll(() => world.evaluate<string>(`root(document.querySelector('docket-notice'))?.textContent ?? ''`), {
          timeout: 30_000,
        })
        .toBe(
          `Docket: this page links too many documents to badge them all. The first 20,000 have badges; ${(DOCS + 1 - BADGED).toLocaleString('en')} more do not.`,
        );
      expect(await page.locator('docket-notice').count()).toBe(1);
      await world.detach();
      await page.close();
    },
  );
});

// Issue 13: what a page can read and drive. Badges' shadow roots are closed; the tests look
// inside through Docket's own world (docket-world.ts), which no page can reach.
describe('a page cannot read or drive what is not on its own links (issue 13, items 1–3 and 6)', () => {
  const PAGE_PROBE = `<script>
    window.__docket = { messages: [], errors: [] };
    window.addEventListener('message', (e) => {
      try { window.__docket.messages.push(JSON.stringify(e.data)); } catch { window.__docket.messages.push(String(e.data)); }
    });
  </script>`;

  it('item 1: the card is closed to the page: no shadow root to read, synthetic events open nothing, a real hover does', async () => {
    const page = await open(
      `${PAGE_PROBE}<p>Output: <a id="hostile" href="${doc(HOSTILE)}">the hostile doc</a>.</p>`,
      'read-card',
    );
    const badge = badgeAfter(page, '#hostile');
    await expect.poll(() => badge.getAttribute('data-docket-state'), { timeout: 15_000 }).toBe('tracked');
    const world = await docketWorld(docket.context, page, docket.extensionId);
    const read = await page.evaluate(async () => {
      const host = document.querySelector('docket-badge')!;
      const out: Record<string, unknown> = { shadowRoot: host.shadowRoot === null ? null : host.shadowRoot.textContent };
      for (const type of ['mouseover', 'mouseenter', 'focusin', 'click', 'pointerdown']) {
        host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
      }
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      (host as HTMLElement).focus();
      (host as HTMLElement).click();
      try {
        host.attachShadow({ mode: 'open' });
        out.attach = 'attached';
      } catch (error) {
        out.attach = (error as Error).name;
      }
      await new Promise((r) => setTimeout(r, 300));
      // Whatever the page can select or find is not the card.
      document.execCommand('selectAll');
      out.selection = getSelection()?.toString() ?? '';
      return out;
    });
    expect(read.shadowRoot).toBeNull();
    expect(read.attach).toBe('NotSupportedError');
    expect(String(read.selection)).not.toContain('__pwned=5');
    // Nothing of the synthetic events opened the card…
    expect(await world.evaluate(`card(document.querySelector('#hostile + docket-badge'))`)).toBeNull();
    // …the member's own hover does.
    await badge.hover();
    await expect
      .poll(() => world.evaluate<string | null>(`card(document.querySelector('#hostile + docket-badge'))`))
      .toContain(TITLE_MARKUP);
    expect(await page.evaluate(() => document.querySelector('docket-badge')!.shadowRoot)).toBeNull();
    // While it is open, the page cannot search it either (find() searches closed shadow roots; the card's text is drawn).
    const found = await page.evaluate(() =>
      ['__pwned=5', 'onerror=window.__pwned=1', 'parent.__pwned=4', 'the hostile doc'].map((s) => {
        getSelection()?.removeAllRanges();
        return (window as unknown as { find(s: string): boolean }).find(s);
      }),
    );
    expect(found).toEqual([false, false, false, true]);
    await world.detach();
    await page.close();
  });

  it('item 2: script clicks open no window; the member’s click opens one editor, and a second click reuses it', async () => {
    const page = await open(
      `<p><a id="u1" href="${doc(OTHER)}">an untracked doc</a> and
       <a id="u2" href="${doc('1SecondUntrackedDocumentForHostile0000000')}">another</a></p>`,
      'windows',
    );
    await expect.poll(() => badgeAfter(page, '#u2').getAttribute('data-docket-state'), { timeout: 15_000 }).toBe('untracked');
    const editors = () => docket.context.pages().filter((p) => p.url().includes('/popup.html?'));
    const before = editors().length;
    await page.evaluate(() => {
      for (const host of document.querySelectorAll('docket-badge')) {
        for (let i = 0; i < 5; i++) {
          (host as HTMLElement).click();
          host.shadowRoot?.querySelector('button')?.click();
          host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        }
      }
    });
    // The member clicks the first mark: one editor, on that link (the page's clicks came first, and opened nothing).
    const [first] = await Promise.all([docket.context.waitForEvent('page'), badgeAfter(page, '#u1').click()]);
    await first.waitForLoadState();
    expect(new URL(first.url()).searchParams.get('track')).toContain(OTHER);
    expect(editors().length).toBe(before + 1);
    // A second click from the same tab goes to the same window.
    await badgeAfter(page, '#u2').click();
    await expect.poll(() => new URL(first.url()).searchParams.get('track') ?? '').toContain('1SecondUntrackedDocumentForHostile');
    expect(editors().length).toBe(before + 1);
    await first.close();
    await page.close();
  });

  it('item 3: the page hears no start-up message, and a look-alike does not switch Docket off', async () => {
    const page = await open(`${PAGE_PROBE}<p id="p">Output: <a id="plain" href="${doc(PLAIN)}">the plain doc</a>.</p>`, 'start');
    await expectBadges(page, 1);
    const heard = await page.evaluate(() => (window as unknown as { __docket: { messages: string[] } }).__docket.messages);
    expect(heard.filter((m) => /content-script-started/.test(m))).toEqual([]);
    // A page that knows Docket's id imitates WXT's start-up event and message.
    await page.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
      window.postMessage({ type, contentScriptName: 'content', messageId: 'forged' }, '*');
      const more = document.createElement('p');
      more.innerHTML = `Later: <a id="later" href="https://docs.google.com/document/d/${'1LaterLinkAfterTheForgery000000000000000'}/edit">later</a>`;
      document.body.append(more);
    }, docket.extensionId);
    await expectBadges(page, 2);
    expect(await badgeAfter(page, '#plain').getAttribute('data-docket-state')).toBe('tracked');
    expect(await badgeAfter(page, '#later').getAttribute('data-docket-state')).toBe('untracked');
    await page.close();
  });

  it('item 6: a link with an over-long id costs no other link its badge, and Scan still works', async () => {
    const long = `1${'x'.repeat(299)}`;
    const page = await open(
      `<h2>A. Item</h2><p>Next steps: comments by 7 September on <a id="plain" href="${doc(PLAIN)}">the plain doc</a>,
       <a id="long" href="https://docs.google.com/document/d/${long}/edit">a strange link</a> and
       <a id="other" href="${doc(OTHER)}">another doc</a>.</p>`,
      'long-id',
    );
    await expect.poll(() => badgeAfter(page, '#plain').getAttribute('data-docket-state'), { timeout: 15_000 }).toBe('tracked');
    await expect.poll(() => badgeAfter(page, '#other').getAttribute('data-docket-state')).toBe('untracked');
    const popup = await docket.popup(page, 'scan=1');
    const status = popup.locator('[role="status"]').filter({ hasText: /found|No Google documents/ });
    await status.first().waitFor({ timeout: 20_000 });
    expect(await popup.getByText(/Invalid lookup message/).count()).toBe(0);
    const ids = await popup.$$eval('[data-docket-id]', (els) => els.map((el) => el.getAttribute('data-docket-id')));
    expect(ids).toContain(OTHER);
    await popup.close();
    await page.close();
  });
});
