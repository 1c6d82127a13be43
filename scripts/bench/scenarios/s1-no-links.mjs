// Scenario 1: a large page (20,000 elements) with no Google document link.
import { getMetrics, hookLookups, launch, readLookups, sleep, traced } from '../lib/env.mjs';
import { figure } from '../lib/report.mjs';
import { max } from '../lib/stats.mjs';
import { printProfile, profileDocket } from '../lib/profile.mjs';
import { analyzeMainThread, benchClassifier } from '../lib/trace.mjs';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mailArchivePage, noLinksPage } from '../pages.mjs';
import { buildWxtFloor } from '../lib/wxt-floor.mjs';

export const id = 'S1';
export const title = 'Large page without document links';

const PATH = '/bench/s1.html';
/** Issue 27: a long mail-archive month, 4,000 messages. */
const ARCHIVE = '/bench/s1-archive.html';
const ARCHIVE_MESSAGES = 4000;
const TINY = '/bench/s1-tiny.html';
const TINY_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tiny</title></head><body><h1>Note</h1><p>Nothing to badge here.</p><script src="/bench/observe.js?n=0"></script></body></html>';

/** Docket's pre-filter, read from the source so that the count follows it. */
function linkSelector(root) {
  try {
    const source = readFileSync(resolve(root, 'utils/shared/links.ts'), 'utf8');
    const candidates = /CANDIDATES\s*=\s*'([^']+)'/.exec(source)?.[1];
    const selector = /LINK_SELECTOR\s*=\s*`([^`]+)`/.exec(source)?.[1];
    return candidates && selector ? selector.replace('${CANDIDATES}', candidates) : null;
  } catch {
    return null;
  }
}
const SETTLE = 1000;

/**
 * The floor under Docket's fixed cost: the same extension with its content script replaced by
 * `source` (nothing at all; webextension-polyfill's own minified build alone; WXT's content script
 * with an empty main), measured on the tiny page like Docket (also scripts/bench/cs-floor.mjs). Returns ms per load: wall time and
 * the main thread's CPU time.
 */
export async function floorOf(env, source, runs, log, label) {
  const dir = mkdtempSync(join(tmpdir(), 'docket-bench-floor-'));
  try {
    cpSync(env.extensionDir, dir, { recursive: true });
    writeFileSync(join(dir, 'content-scripts/content.js'), source);
    const b = await launch({ ...env, extensionDir: dir }, { [TINY]: TINY_HTML });
    try {
      const classify = benchClassifier();
      const out = { wall: [], cpu: [] };
      for (let i = -1; i < runs; i++) {
        const { events, page } = await traced(b, async (p) => {
          await p.goto(b.docketUrl(TINY));
          await sleep(400);
        });
        await page.close();
        const a = analyzeMainThread(events, { pageUrl: b.docketUrl(TINY), classify, orphanMicrotasks: 'docket' });
        if (i >= 0) {
          out.wall.push(a.ownedTime('docket'));
          out.cpu.push(a.ownedCpu('docket'));
        }
      }
      log(
        `  floor, ${label}: ${out.wall.map((x) => x.toFixed(2)).join(', ')} ms (CPU ${out.cpu.map((x) => x.toFixed(2)).join(', ')} ms)`,
      );
      return out;
    } finally {
      await b.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const js = (t) => (t.page ?? 0) + (t.docket ?? 0) + (t.unattributed ?? 0);

export async function run({ env, runs, quick, log }) {
  const elements = quick ? 5000 : 20_000;
  const html = noLinksPage(elements);
  const b = await launch(env, { [PATH]: html, [TINY]: TINY_HTML, [ARCHIVE]: mailArchivePage(quick ? 1000 : ARCHIVE_MESSAGES) });
  const selector = linkSelector(env.root);
  try {
    const classify = benchClassifier();
    const rows = [];
    for (let i = -env.warmup; i < runs; i++) {
      if (env.enough(i)) break;
      const order = (i + (env.round ?? 0)) % 2 === 0 ? ['d', 'p'] : ['p', 'd'];
      const r = {};
      for (const which of order) {
        if (which === 'd') {
          // With Docket: the page on a host the content script runs on.
          await hookLookups(b);
          const { events, result, page } = await traced(
            b,
            async (p, cdp) => {
              await p.goto(b.docketUrl(PATH));
              await p.evaluate(() => window.__benchDone);
              await sleep(SETTLE);
              return getMetrics(cdp);
            },
            { metrics: true },
          );
          r.elements = await page.evaluate(() => document.getElementsByTagName('*').length);
          r.prefiltered = selector ? await page.evaluate((sel) => document.querySelectorAll(sel).length, selector) : null;
          await page.close();
          const a = analyzeMainThread(events, { pageUrl: b.docketUrl(PATH), classify, orphanMicrotasks: 'docket' });
          const t = a.totals();
          r.docket = t.docket ?? 0;
          r.docketCpu = a.ownedCpu('docket');
          r.docketLongest = max(a.tasksOf('docket').map((x) => x.own));
          r.withJs = js(t);
          r.pageOwn = t.page ?? 0;
          r.withMetrics = result;
          r.lookups = (await readLookups(b)).length;
        } else {
          // Without: the same page where Docket does not run; then the baseline script, measured on its own.
          const { events, result, page } = await traced(
            b,
            async (p, cdp) => {
              await p.goto(b.plainUrl(PATH));
              await p.evaluate(() => window.__benchDone);
              await sleep(SETTLE);
              const metrics = await getMetrics(cdp);
              await p.addScriptTag({ url: '/bench/baseline.js' });
              await sleep(300);
              return metrics;
            },
            { metrics: true },
          );
          await page.close();
          const a = analyzeMainThread(events, { pageUrl: b.plainUrl(PATH), classify });
          const t = a.totals();
          r.baseline = t.baseline ?? 0;
          r.withoutJs = js(t);
          r.withoutMetrics = result;
        }
      }
      {
        // Issue 27: the main thread's task time on a mail-archive month with Docket and without, loaded in turn.
        const taskTime = async (url) => {
          const page = await b.context.newPage();
          const cdp = await b.context.newCDPSession(page);
          await cdp.send('Performance.enable');
          await page.goto(url);
          await page.evaluate(() => window.__benchDone);
          await sleep(SETTLE);
          const m = await getMetrics(cdp);
          await page.close();
          return { task: m.TaskDuration * 1000, script: m.ScriptDuration * 1000 };
        };
        for (const which of order) {
          if (which === 'd') r.archiveWith = await taskTime(b.docketUrl(ARCHIVE));
          else r.archiveWithout = await taskTime(b.plainUrl(ARCHIVE));
        }
      }
      {
        // Docket's fixed cost: the same on a page with almost nothing in it.
        const { events, page } = await traced(b, async (p) => {
          await p.goto(b.docketUrl(TINY));
          await sleep(500);
        });
        await page.close();
        const a = analyzeMainThread(events, { pageUrl: b.docketUrl(TINY), classify, orphanMicrotasks: 'docket' });
        r.tiny = a.ownedTime('docket');
        r.tinyCpu = a.ownedCpu('docket');
      }
      log(
        `  run ${i + 1}: mail archive task time ${r.archiveWith.task.toFixed(1)} ms with Docket, ${r.archiveWithout.task.toFixed(1)} without (${(r.archiveWith.task / r.archiveWithout.task).toFixed(3)}×)`,
      );
      log(
        `  run ${i + 1}: Docket ${r.docket.toFixed(2)} ms (baseline ${r.baseline.toFixed(2)} ms); page scripting ${r.withJs.toFixed(1)} ms with Docket (page's own ${r.pageOwn.toFixed(1)} ms), ${r.withoutJs.toFixed(1)} ms without; ${r.elements} elements, ${r.prefiltered} match Docket's link pre-filter; ${r.tiny.toFixed(2)} ms on a tiny page`,
      );
      if (i >= 0) rows.push(r);
    }
    const polyfill = readFileSync(resolve(env.root, 'node_modules/webextension-polyfill/dist/browser-polyfill.min.js'), 'utf8');
    // The floors do not change between builds: an A/B round (scripts/bench/ab.mjs) leaves them out.
    const noFloor = { wall: [], cpu: [] };
    const floorEmpty = env.noFloors ? noFloor : await floorOf(env, 'void 0;\n', rows.length, log, 'an empty content script');
    const floorPolyfill = env.noFloors ? noFloor : await floorOf(env, polyfill, rows.length, log, 'webextension-polyfill alone');
    const floorWxt = env.noFloors
      ? noFloor
      : await floorOf(env, await buildWxtFloor(), rows.length, log, 'WXT content script with an empty main()');
    let profile;
    if (env.profile) {
      profile = await profileDocket(b, b.docketUrl(PATH), () => sleep(SETTLE), { extensionDir: env.extensionDir });
      printProfile(log, 'large page', profile);
    }
    const sd = (m) => m.ScriptDuration * 1000;
    return {
      runsDone: rows.length,
      params: { elements: rows[0]?.elements, linkSelector: selector },
      figures: [
        figure({
          name: "Docket's script time on the page",
          docket: rows.map((r) => r.docket),
          baseline: rows.map((r) => r.baseline),
          budget: { on: 'docket', op: '<=', limit: 3, text: '≤ 3 ms' },
        }),
        figure({
          name: "· the same, main thread's CPU time",
          docket: rows.map((r) => r.docketCpu),
          note: 'trace tdur: time the thread waited for a core on a busy machine left out',
        }),
        figure({
          name: `Task time, mail-archive month (${quick ? 1000 : ARCHIVE_MESSAGES} messages, no document link), with Docket / without`,
          unit: '×',
          docket: rows.map((r) => r.archiveWith.task / r.archiveWithout.task),
          budget: { on: 'docket', op: '<=', limit: 1.02, text: '≤ 1.02×' },
          note: "Performance.getMetrics TaskDuration of the page's renderer, load + 1 s, the two loads in turn (issue 27)",
        }),
        figure({
          name: '· the same page: task time with Docket (baseline column: without)',
          docket: rows.map((r) => r.archiveWith.task),
          baseline: rows.map((r) => r.archiveWithout.task),
        }),
        figure({
          name: '· the same page: script time with Docket (baseline column: without)',
          docket: rows.map((r) => r.archiveWith.script),
          baseline: rows.map((r) => r.archiveWithout.script),
        }),
        figure({ name: "· Docket's script time on a tiny page (fixed cost)", docket: rows.map((r) => r.tiny) }),
        figure({ name: '· Docket on a tiny page, CPU time', docket: rows.map((r) => r.tinyCpu) }),
        figure({ name: '· floor: an empty content script, tiny page', docket: floorEmpty.wall }),
        figure({ name: '· floor: webextension-polyfill alone as the content script, tiny page', docket: floorPolyfill.wall }),
        figure({
          name: '· floor: WXT content script with an empty main() (polyfill included), tiny page',
          docket: floorWxt.wall,
        }),
        figure({ name: '· the same floor, CPU time', docket: floorWxt.cpu }),
        figure({
          name: "· links on the page that pass Docket's pre-filter (LINK_SELECTOR)",
          unit: 'count',
          docket: rows.map((r) => r.prefiltered ?? NaN),
        }),
        figure({
          name: "Page scripting with Docket / the page's own (same load)",
          unit: '×',
          docket: rows.map((r) => (r.pageOwn + r.docket) / r.pageOwn),
          budget: { on: 'docket', op: '<=', limit: 1.05, text: '≤ 1.05×' },
          note: "trace of one load: (page's scripts + Docket's) / page's scripts; benchmark instrumentation excluded",
        }),
        figure({
          name: '· page scripting with Docket / without (separate loads)',
          unit: '×',
          docket: rows.map((r) => r.withJs / r.withoutJs),
          note: 'noisier: two loads',
        }),
        figure({
          name: '· page scripting with Docket (trace)',
          docket: rows.map((r) => r.withJs),
          baseline: rows.map((r) => r.withoutJs),
          note: 'baseline column: the same page without Docket',
        }),
        figure({
          name: '· ScriptDuration with Docket (Performance.getMetrics)',
          docket: rows.map((r) => sd(r.withMetrics)),
          baseline: rows.map((r) => sd(r.withoutMetrics)),
          note: 'baseline column: without Docket',
        }),
        figure({
          name: 'TaskDuration with Docket (Performance.getMetrics); ratio: with / without',
          docket: rows.map((r) => r.withMetrics.TaskDuration * 1000),
          baseline: rows.map((r) => r.withoutMetrics.TaskDuration * 1000),
          budget: { on: 'ratio', op: '<=', limit: 1.02, text: '≤ 1.02×' },
          note: 'baseline column: without Docket (the large page, two loads in turn; the without load also runs the baseline script after its metrics)',
        }),
        figure({
          name: 'Lookup messages sent',
          unit: 'count',
          docket: rows.map((r) => r.lookups),
          budget: { on: 'docket', op: '<=', limit: 0, text: '0' },
        }),
      ],
      raw: rows,
      profile,
    };
  } finally {
    await b.close();
  }
}
