// Generated pages, scripts and index files for the benchmark. Deterministic (seeded).

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A small seeded PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct Drive-like ids (44 characters, starting with 1). */
export function makeIds(count, seed = 1) {
  const r = rng(seed);
  const out = new Set();
  while (out.size < count) {
    let id = '1';
    for (let i = 0; i < 43; i++) id += ID_CHARS[Math.floor(r() * 64)];
    out.add(id);
  }
  return [...out];
}

const WORDS = [
  'Roadmap',
  'Policy',
  'Network',
  'Internet',
  'Governance',
  'Budget',
  'Charter',
  'Report',
  'Minutes',
  'Outcome',
  'Working',
  'Group',
  'Strategy',
  'Review',
  'Youth',
  'Forum',
  'Digital',
  'Cooperation',
  'Data',
  'Security',
  'Privacy',
  'Access',
  'Inclusion',
  'Standards',
  'Infrastructure',
  'Capacity',
  'Agenda',
  'Proposal',
  'Survey',
  'Session',
];
/** @type {[kind: string, url: (id: string) => string][]} */
const KINDS = [
  ['document', (id) => `https://docs.google.com/document/d/${id}/edit`],
  ['spreadsheet', (id) => `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`],
  ['presentation', (id) => `https://docs.google.com/presentation/d/${id}/edit?usp=sharing`],
  ['file', (id) => `https://drive.google.com/file/d/${id}/view`],
];
const STATUSES = ['draft', 'open-for-comments', 'final', 'delivered', 'archived'];

function title(r, n = 3 + Math.floor(r() * 4)) {
  return Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
}
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The href a generated page uses for document `i` (kinds rotate). */
export function docHref(id, i) {
  return KINDS[i % KINDS.length][1](id);
}

/** An interchange file (CONTRACT §2) with one document per id. */
export function makeIndex(ids, seed = 7) {
  const r = rng(seed);
  const workstreams = Array.from({ length: 12 }, (_, i) => ({
    id: `ws-${i + 1}`,
    name: `${String.fromCharCode(65 + i)}. ${title(r, 4)}`,
    group: `WG-${['Strategy', 'Fundraising', 'Outreach', 'Hybrid'][i % 4]}`,
    color: ['#1f6feb', '#8250df', '#bf3989', '#cf222e', '#bc4c00', '#9a6700', '#1a7f37', '#0969da'][i % 8],
  }));
  const documents = ids.map((id, i) => {
    const [kind, url] = KINDS[i % KINDS.length];
    const doc = {
      id,
      kind,
      title: title(r),
      url: url(id),
      aliases: [],
      workstreamId: r() < 0.9 ? workstreams[Math.floor(r() * workstreams.length)].id : undefined,
      status: STATUSES[Math.floor(r() * STATUSES.length)],
      notes: r() < 0.3 ? `${title(r, 5)}.` : undefined,
      source: r() < 0.2 ? 'https://www.intgovforum.org/en/content/mag-working-group-strategy' : undefined,
      updatedAt: '2026-01-15T10:00:00.000Z',
    };
    if (r() < 0.8) {
      const m = 1 + Math.floor(r() * 12);
      const d = 1 + Math.floor(r() * 28);
      doc.deadline = `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
    return doc;
  });
  return JSON.stringify({ format: 'docket-index', version: 1, exportedAt: '2026-01-15T10:00:00.000Z', workstreams, documents });
}

// --- scripts served to the pages -----------------------------------------------------------

/**
 * The baseline: the least a badge script can do. One selector for the same links,
 * a plain <span> after each; added nodes followed with a MutationObserver (no delay).
 */
export const BASELINE_JS = `(() => {
  const SEL = 'a[href*="docs.google.com"], a[href*="drive.google.com"]';
  const mark = (a) => {
    const s = document.createElement('span');
    s.className = 'bench-b';
    s.textContent = '\\u25c6';
    a.after(s);
  };
  for (const a of document.querySelectorAll(SEL)) mark(a);
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1 || n.className === 'bench-b') continue;
        if (n.matches(SEL)) mark(n);
        for (const a of n.querySelectorAll(SEL)) mark(a);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();`;

/**
 * The benchmark's eyes in the page (main world): a performance mark when the
 * expected number of badges (Docket's <docket-badge> or the baseline's span) is in
 * the DOM, and another after the next frame. window.__benchDone resolves then.
 * Parameters come from the script's query string: ?n=5000.
 */
export const OBSERVE_JS = `(() => {
  const params = new URL(document.currentScript.src).searchParams;
  const n = Number(params.get('n') || 0);
  const docket = location.hostname !== '127.0.0.1';
  const live = docket ? document.getElementsByTagName('docket-badge') : document.getElementsByClassName('bench-b');
  let resolve;
  window.__benchDone = new Promise((r) => (resolve = r));
  window.__benchCount = () => live.length;
  const check = () => {
    if (live.length < n) return false;
    observer.disconnect();
    const complete = performance.now();
    performance.mark('bench:complete');
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        performance.mark('bench:painted');
        resolve({ complete, painted: performance.now(), count: live.length });
      };
      ch.port2.postMessage(null);
    });
    return true;
  };
  const observer = new MutationObserver(check);
  if (n > 0 && !check()) observer.observe(document.documentElement, { childList: true, subtree: true });
  if (n === 0) resolve({ complete: 0, painted: 0, count: 0 });
})();`;

/** A typical site's own script (CMS behaviours): a table of contents, link handlers, a little bookkeeping. */
export const SITE_JS = `(() => {
  const run = () => {
    const toc = document.createElement('nav');
    toc.className = 'toc';
    const list = document.createElement('ol');
    for (const h of document.querySelectorAll('article h3')) {
      const li = document.createElement('li');
      li.textContent = h.textContent;
      list.append(li);
    }
    toc.append(list);
    document.body.prepend(toc);
    let external = 0;
    for (const a of document.querySelectorAll('a[href]')) {
      a.addEventListener('click', () => {});
      if (!a.getAttribute('href').startsWith('/')) {
        external++;
        a.setAttribute('rel', 'noopener');
      }
    }
    const words = new Map();
    for (const p of document.querySelectorAll('article p')) {
      for (const w of p.textContent.split(/\\s+/)) words.set(w, (words.get(w) || 0) + 1);
    }
    document.body.dataset.external = String(external);
    document.body.dataset.words = String(words.size);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
})();`;

/** The mail client of scenario 3: window.__benchStart({ ids, perBatch, batches, intervalMs }) adds threads. */
export const DYNAMIC_JS = `(() => {
  window.__benchStart = ({ hrefs, perBatch, batches, intervalMs }) => {
    const list = document.getElementById('threads');
    let b = 0;
    window.__benchAdds = [];
    const timer = setInterval(() => {
      window.__benchAdds.push(performance.now());
      performance.mark('bench:add');
      const thread = document.createElement('div');
      thread.className = 'thread';
      let html = '<h4>Re: thread ' + b + '</h4>';
      for (let i = 0; i < perBatch; i++) {
        const k = b * perBatch + i;
        html += '<div class="msg"><p class="from">member' + (k % 97) + '@example.org</p><p>Please see <a href="' + hrefs[k] + '">the draft ' + k + '</a> before Friday.</p></div>';
      }
      thread.innerHTML = html;
      list.prepend(thread);
      if (++b >= batches) {
        clearInterval(timer);
        performance.mark('bench:last-add');
      }
    }, intervalMs);
  };
})();`;

export const SCRIPTS = {
  '/bench/baseline.js': BASELINE_JS,
  '/bench/observe.js': OBSERVE_JS,
  '/bench/site.js': SITE_JS,
  '/bench/dynamic.js': DYNAMIC_JS,
};

// --- pages ---------------------------------------------------------------------------------

const HEAD = (t) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${t}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:0 16px}article{border-bottom:1px solid #ddd;padding:8px 0}
.meta{color:#666;font-size:12px}table{border-collapse:collapse}td{border:1px solid #ddd;padding:2px 6px}.msg{padding:4px 8px;border-left:3px solid #ccd}</style></head>`;

/** Count the elements an HTML fragment opens (enough for generated markup). */
const countElements = (html) => (html.match(/<[a-z][a-z0-9]*/g) ?? []).length;

/**
 * Scenario 1: a large page (about `elements` elements) with no Google document link:
 * articles, site-relative links (they pass Docket's pre-filter), external links, a table.
 */
export function noLinksPage(elements = 20_000, seed = 11) {
  const r = rng(seed);
  const nav = Array.from({ length: 40 }, (_, i) => `<li><a href="/en/content/section-${i}">${title(r, 2)}</a></li>`).join('');
  let body = `<header><nav><ul>${nav}</ul></nav></header><main>`;
  let count = countElements(HEAD('x')) + countElements(body) + 4;
  let i = 0;
  while (count < elements - 20) {
    const art =
      i % 25 === 24
        ? `<table><tr><td>${title(r, 2)}</td><td><a href="/en/filedepot_download/${i}/1">PDF</a></td></tr><tr><td>${title(r, 2)}</td><td>${i}</td></tr></table>`
        : `<article><h3><a href="/en/content/${esc(title(r, 3).toLowerCase().replace(/ /g, '-'))}-${i}">${title(r)}</a></h3>` +
          `<p>${title(r, 12)} <a href="https://www.example.org/report/${i}">${title(r, 2)}</a> ${title(r, 10)} <em>${title(r, 2)}</em>.</p>` +
          `<ul><li>${title(r, 5)}</li><li><a href="https://www.intgovforum.org/en/content/igf-${i}">${title(r, 3)}</a></li></ul>` +
          `<div class="meta"><span>${title(r, 2)}</span> <time datetime="2026-01-${String((i % 28) + 1).padStart(2, '0')}">${(i % 28) + 1} January</time></div></article>`;
    body += art;
    count += countElements(art);
    i++;
  }
  body += '</main>';
  return `${HEAD('A large page without document links')}<body>${body}<script src="/bench/site.js"></script><script src="/bench/observe.js?n=0"></script></body></html>`;
}

/**
 * Issue 27: a long mail-archive month (pipermail's thread index): `messages` rows of plain links to
 * the messages, nested by thread, with author names, and no document link.
 */
export function mailArchivePage(messages = 4000, seed = 14) {
  const r = rng(seed);
  let body = `<h1>The Wg-list July 2026 Archive by thread</h1><ul><li><b>Messages sorted by:</b> <a href="subject.html">[ subject ]</a> <a href="author.html">[ author ]</a> <a href="date.html">[ date ]</a></li></ul><p><b>Starting:</b> <i>Wed Jul 1 00:12:40 UTC 2026</i><br><b>Ending:</b> <i>Fri Jul 31 23:50:02 UTC 2026</i><br><b>Messages:</b> ${messages}</p><ul>`;
  let depth = 0;
  for (let i = 0; i < messages; i++) {
    const n = String(4000 + i).padStart(6, '0');
    const reply = depth > 0 && r() < 0.6;
    if (!reply) {
      body += '</ul>'.repeat(depth);
      depth = 0;
    } else if (depth < 4 && r() < 0.4) {
      body += '<ul>';
      depth++;
    }
    if (i % 7 === 0 && depth === 0) {
      body += '<ul>';
      depth++;
    }
    body += `<li><a href="${n}.html">[Wg-list] ${reply ? 'Re: ' : ''}${esc(title(r, 5))}</a><a name="${n}">&nbsp;</a><i>${esc(title(r, 2))}</i></li>`;
  }
  body += '</ul>'.repeat(depth);
  body += '</ul><p><a href="date.html#end">Last message date:</a> <i>Fri Jul 31 23:50:02 UTC 2026</i></p>';
  return `<!doctype html><html><head><title>The Wg-list July 2026 Archive by thread</title><meta charset="utf-8"></head><body>${body}<script src="/bench/observe.js?n=0"></script></body></html>`;
}

/**
 * Meeting minutes with one Google document link for each of `ids` (5 a paragraph),
 * among ordinary text and site links.
 */
export function linksPage(ids, seed = 12, expect = ids.length) {
  const r = rng(seed);
  let body = '<main><h1>Working group minutes</h1>';
  for (let i = 0; i < ids.length; i += 5) {
    if (i % 50 === 0) body += `<h2>Session ${i / 50 + 1}: ${title(r, 3)}</h2>`;
    let p = `<p>${title(r, 6)} <a href="/en/content/meeting-${i}">meeting page</a>.`;
    for (let k = i; k < Math.min(i + 5, ids.length); k++) {
      p += ` ${title(r, 4)} <a href="${docHref(ids[k], k)}">${title(r, 3)}</a>;`;
    }
    body += `${p}</p>`;
  }
  body += '</main>';
  return `${HEAD(`Minutes with ${ids.length} document links`)}<body>${body}<script src="/bench/observe.js?n=${expect}"></script></body></html>`;
}

/** Scenario 3: a mail client's shell (no document links yet); threads arrive through DYNAMIC_JS. */
export function dynamicPage(total, seed = 13) {
  const r = rng(seed);
  const folders = Array.from(
    { length: 30 },
    (_, i) => `<li><a href="/mail/folder/${i}">${title(r, 1)}</a> <span>${i * 3}</span></li>`,
  ).join('');
  const chrome = Array.from(
    { length: 200 },
    (_, i) => `<div class="row"><span>${title(r, 2)}</span><span>${title(r, 4)}</span><a href="/mail/t/${i}">open</a></div>`,
  ).join('');
  return `${HEAD('Mail')}<body><aside><ul>${folders}</ul></aside><section id="threads"></section><section id="inbox">${chrome}</section>
<script src="/bench/dynamic.js"></script><script src="/bench/observe.js?n=${total}"></script></body></html>`;
}

/**
 * Routes for startServer(): every script plus the given pages ({ path: html }).
 * @param {Record<string, string>} pages
 */
export function routes(pages) {
  /** @type {Record<string, { type: string, body: string }>} */
  const out = {};
  for (const [path, body] of Object.entries(SCRIPTS)) out[path] = { type: 'text/javascript; charset=utf-8', body };
  for (const [path, body] of Object.entries(pages)) out[path] = { type: 'text/html; charset=utf-8', body };
  return out;
}
