// Scenario 8: "Scan this page" on long minutes: a page with 3,000 document links and deadline
// phrases, a 20,000-line mail (<pre>), and the minutes corpus (time per 1,000 lines, the largest
// page). Timed in the popup (performance marks around the scan: reading the tab, parsing, scanning
// in slices), with the longest task the popup ran meanwhile (it must never freeze) and, as the
// baseline in the same popup, parsing the same HTML and finding its Google links with one selector.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { tabIdOf } from '../../lib/browser.mjs';
import { launch, sleep } from '../lib/env.mjs';
import { figure } from '../lib/report.mjs';

export const id = 'S8';
export const title = 'Scan this page: long minutes, long mail, the corpus';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/minutes-corpus/pages');

function docId(i) {
  return `1${String(i).padStart(6, '0')}AbCdEfGhIjKlMnOpQrStUvWxYz0123456789`.slice(0, 44);
}

/** Minutes with `n` document links, ten per item, each with a deadline sentence. */
export function manyLinksPage(n) {
  const parts = ['<title>Long minutes</title><h1>Working group minutes, 1 September 2020</h1>'];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 0) parts.push(`<h2>${String.fromCharCode(65 + ((i / 10) % 26))}. Item number ${i / 10}</h2>`);
    parts.push(
      `<p>Output document: <a href="https://docs.google.com/document/d/${docId(i)}/edit">draft ${i}</a>. Comments on the draft by 7 September, please.</p>`,
    );
  }
  return parts.join('\n');
}

/**
 * A list message of `n` lines: a reply quoting a long thread, paragraphs of 8 lines, a document
 * link every 50 lines with its deadline sentence beside it, and a dated line every 10 lines.
 */
export function longMailPage(n) {
  const lines = ['From: secretariat at example.org', 'Date: Tue Sep 1 10:00:00 UTC 2020', '', 'Dear all,', ''];
  for (let i = 0; i < n; i++) {
    if (i % 50 === 0)
      lines.push(`> Draft ${i}: https://docs.google.com/document/d/${docId(i)}/edit`, '> Comments on it by 7 September, please.');
    else if (i % 9 === 0) lines.push('>');
    else if (i % 10 === 0) lines.push(`> On ${1 + (i % 28)} August ${i} people wrote about the options and the next meeting.`);
    else lines.push(`> Line ${i} of the quoted message, where members discuss the options paper and the roadmap.`);
  }
  const esc = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
  return `<title>[wg] Re: long thread</title><h1>[wg] Re: long thread</h1><pre>${esc(lines.join('\n'))}</pre>`;
}

/** Before the popup's scripts: the longest task while it runs (PerformanceObserver longtask). */
function longTaskProbe() {
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

async function scanOnce(b, path) {
  const page = await b.context.newPage();
  await page.goto(b.docketUrl(path));
  await sleep(200);
  const tabId = await tabIdOf(b.worker, page);
  const popup = await b.context.newPage();
  await popup.addInitScript(longTaskProbe);
  await popup.goto(b.popupUrl(`?tab=${tabId}&scan=1`));
  await popup.locator('.scan-count, .scan-message').first().waitFor({ timeout: 120_000 });
  const measured = await popup.evaluate(() => ({
    scan: performance.getEntriesByName('docket:scan').at(-1)?.duration ?? NaN,
    parseScan: performance.getEntriesByName('docket:scan-parse-scan').at(-1)?.duration ?? NaN,
    longest: window.__longest,
    rows: document.querySelectorAll('[data-docket-id]').length,
  }));
  // Baseline, same popup: parse the same HTML and pick its Google links with one selector.
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  const baseline = await popup.evaluate((h) => {
    const t = performance.now();
    const doc = new DOMParser().parseFromString(h, 'text/html');
    const links = doc.querySelectorAll('a[href*="docs.google.com"], a[href*="drive.google.com"]').length;
    return { ms: performance.now() - t, links };
  }, html);
  const lines = html.split('\n').length;
  await popup.close();
  await page.close();
  return { ...measured, baseline: baseline.ms, lines };
}

export async function run({ env, runs, quick, log }) {
  const nLinks = quick ? 500 : 3000;
  const nLines = quick ? 4000 : 20_000;
  const corpus = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.html')) : [];
  const pages = { '/bench/s8-links.html': manyLinksPage(nLinks), '/bench/s8-mail.html': longMailPage(nLines) };
  for (const f of corpus) pages[`/bench/corpus/${f}`] = readFileSync(resolve(CORPUS, f), 'utf8');
  const b = await launch(env, pages);
  try {
    const links = [];
    const mail = [];
    const perK = [];
    const largest = [];
    for (let i = 0; i < runs; i++) {
      if (env.enough(i)) break;
      const l = await scanOnce(b, '/bench/s8-links.html');
      const m = await scanOnce(b, '/bench/s8-mail.html');
      let ms = 0;
      let lines = 0;
      let big = { lines: 0, scan: NaN };
      for (const f of corpus) {
        const c = await scanOnce(b, `/bench/corpus/${f}`);
        ms += c.parseScan;
        lines += c.lines;
        if (c.lines > big.lines) big = c;
      }
      log(
        `  run ${i + 1}: ${nLinks} links ${l.scan.toFixed(0)} ms (parse+scan ${l.parseScan.toFixed(0)}, longest task ${l.longest.toFixed(0)}, ${l.rows} rows drawn; baseline ${l.baseline.toFixed(0)}); ` +
          `${nLines}-line mail ${m.scan.toFixed(0)} ms (longest task ${m.longest.toFixed(0)}, ${m.rows} rows drawn)` +
          (corpus.length
            ? `; corpus ${corpus.length} pages ${((ms / lines) * 1000).toFixed(1)} ms per 1,000 lines, largest ${big.lines} lines ${big.parseScan.toFixed(0)} ms`
            : ''),
      );
      links.push(l);
      mail.push(m);
      if (corpus.length) {
        perK.push((ms / lines) * 1000);
        largest.push(big.parseScan);
      }
    }
    const figures = [
      figure({
        name: `${nLinks} links with deadline phrases: popup scan (read tab, parse, scan)`,
        docket: links.map((r) => r.scan),
        baseline: links.map((r) => r.baseline),
        budget: { on: 'docket', op: '<=', limit: 1000, text: '≤ 1 s' },
        note: 'baseline: DOMParser + one selector for Google links, same HTML, same popup',
      }),
      figure({
        name: `${nLinks} links: longest popup task during the scan`,
        docket: links.map((r) => r.longest),
        budget: { on: 'docket', op: '<=', limit: 200, text: '≤ 200 ms (no freeze)' },
      }),
      figure({
        name: `${nLines}-line mail: popup scan`,
        docket: mail.map((r) => r.scan),
        baseline: mail.map((r) => r.baseline),
        budget: { on: 'docket', op: '<=', limit: 1000, text: '≤ 1 s' },
      }),
      figure({ name: `${nLines}-line mail: longest popup task during the scan`, docket: mail.map((r) => r.longest) }),
    ];
    if (perK.length) {
      figures.push(figure({ name: 'Corpus: parse + scan per 1,000 lines', docket: perK }));
      figures.push(figure({ name: 'Corpus: the largest page (parse + scan)', docket: largest }));
    }
    return { runsDone: links.length, params: { links: nLinks, mailLines: nLines, corpusPages: corpus.length }, figures };
  } finally {
    await b.close();
  }
}
