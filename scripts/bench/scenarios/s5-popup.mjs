// Scenario 5: the popup's first row on screen at 500, 5,000 and 50,000 documents, and typing in the filter.
//
// With `--compare NAME=DIR` (run.mjs), every size is measured for this build and each other build in DIR,
// one browser per build, the runs alternating between them (A B, B A, …; with three, A B C, B C A, C A B): an A/B in one run, so that the
// drift of a shared machine falls on every build alike.
import { importIndex, extensionPage, launch, sendFromPage, sleep, stopServiceWorker, traced } from '../lib/env.mjs';
import { KEYSTROKE_QUERY, cpuToFirstRow, firstRowProbe, openPopup, openPopupFloor, typeInFilter } from '../lib/popup-probe.mjs';
import { figure } from '../lib/report.mjs';
import { max, median, p95 } from '../lib/stats.mjs';
import { bigIndex } from './s6-import.mjs';

export const id = 'S5';
export const title = 'Popup: first row painted at 500, 5,000 and 50,000 documents';

export const FULL_SIZES = [500, 5000, 50_000];
export const QUICK_SIZES = [2000];

/**
 * The budget for the first row (issue 11): 100 ms up to 5,000 documents, 150 ms at 50,000.
 * @returns {import('../lib/report.mjs').Budget}
 */
function budgetFor(n) {
  const limit = n <= 5000 ? 100 : 150;
  return { on: 'docket', op: '<=', limit, text: `≤ ${limit} ms` };
}

/** One build's browser with an index of `n` documents, opened once (its first screen kept for the next opening). */
async function prepare(env, build, n, log) {
  const b = await launch({ ...env, extensionDir: build.dir });
  try {
    const report = await importIndex(b, bigIndex(n));
    if (report.documents.added !== n) throw new Error(`import added ${report.documents.added} of ${n}`);
    // An extension page whose CDP session stops the service worker.
    const ext = await extensionPage(b);
    const extCdp = await b.context.newCDPSession(ext);
    // The first opening after the import has nothing kept (0.7–1.6 s): not measured.
    for (let w = 0; w < Math.max(1, env.warmup); w++) {
      const { page, first } = await openPopup(b);
      log(`  ${build.name}, ${n} documents: warm-up opening, first row at ${first.painted.toFixed(0)} ms`);
      await sleep(1500);
      await page.close();
    }
    return { build, b, ext, extCdp, rows: [] };
  } catch (error) {
    await b.close();
    throw error;
  }
}

/** One measured run for one build: worker stopped, then running, then stopped again under a trace (CPU time). */
async function measure(s, { typing }) {
  // As a member usually opens it: the worker asleep (it stops when idle), its copy of the index gone.
  await stopServiceWorker(s.extCdp);
  await sleep(300);
  const cold = await openPopup(s.b);
  await cold.page.close();
  // The floor (issue 27): the same build's popup page with one static row, opened beside each measured opening.
  const floorCold = await openPopupFloor(s.b);
  // The floor as the member's opening finds the browser: the worker stopped. Opening any extension page
  // (the floor too, which has no script) makes the browser start the worker, whose start is on the same cores.
  await stopServiceWorker(s.extCdp);
  await sleep(300);
  const floorStopped = await openPopupFloor(s.b);
  // Opened again with the worker running and idle: once it has read the index (the cold opening woke it).
  const ready = await sendFromPage(s.ext, 'docs/query', {
    view: 'grouped',
    status: 'active',
    offset: 0,
    limit: 1,
    complete: true,
  });
  if (!ready?.ok) throw new Error(`docs/query failed: ${ready?.error}`);
  await sleep(300);
  const warm = await openPopup(s.b);
  await warm.page.close().catch(() => undefined);
  const floorWarm = await openPopupFloor(s.b);
  let keys = null;
  if (typing) {
    const again = await openPopup(s.b);
    await sleep(800);
    keys = await typeInFilter(again.page, sleep);
    await again.page.close();
  }
  // Stopped again, traced: the popup's main-thread CPU time up to its first row.
  await stopServiceWorker(s.extCdp);
  await sleep(300);
  const t = await traced(s.b, async (page) => {
    await page.addInitScript(firstRowProbe);
    await page.goto(s.b.popupUrl());
    return page.evaluate(() => window.__firstRow);
  });
  await t.page.close();
  const cpu = cpuToFirstRow(t.events, s.b.popupUrl(), t.result.painted);
  return { cold: cold.first, warm: warm.first, floorCold, floorStopped, floorWarm, traced: { ...t.result, ...cpu }, keys };
}

function sizeFigures(n, subjects, typing) {
  const label = `${n.toLocaleString('en-US')} docs`;
  const several = subjects.length > 1;
  const out = [];
  for (const [k, s] of subjects.entries()) {
    const tag = several ? ` [${s.build.name}]` : '';
    const budget = k === 0 ? budgetFor(n) : undefined;
    const r = s.rows;
    out.push(
      figure({ name: `${label}: first row painted, worker stopped${tag}`, docket: r.map((x) => x.cold.painted), budget }),
      figure({ name: `${label}: first row painted, worker running${tag}`, docket: r.map((x) => x.warm.painted), budget }),
      figure({
        name: `${label}: first row, worker stopped; ratio: to the floor${tag}`,
        docket: r.map((x) => x.cold.painted),
        baseline: r.map((x) => x.floorCold),
        budget: { on: 'ratio', op: '<=', limit: 1.2, text: '≤ 1.2× floor' },
        note: "floor: the same build's popup page with one static row, opened right after (issue 27)",
      }),
      figure({
        name: `${label}: first row, worker stopped; ratio: to the floor opened with the worker stopped${tag}`,
        docket: r.map((x) => x.cold.painted),
        baseline: r.map((x) => x.floorStopped),
        budget: { on: 'ratio', op: '<=', limit: 1.2, text: '≤ 1.2× floor' },
        note: 'the same floor page, opened with the worker stopped: the browser starts the worker for it too',
      }),
      figure({
        name: `${label}: first row, worker running; ratio: to the floor${tag}`,
        docket: r.map((x) => x.warm.painted),
        baseline: r.map((x) => x.floorWarm),
        budget: { on: 'ratio', op: '<=', limit: 1.2, text: '≤ 1.2× floor' },
      }),
      figure({
        name: `· ${label}: main-thread CPU to the first row, worker stopped (traced)${tag}`,
        docket: r.map((x) => x.traced.cpu),
        note: 'trace tdur of the popup main thread tasks from navigation start to the first row painted',
      }),
      figure({ name: `· ${label}: first row painted in the traced opening${tag}`, docket: r.map((x) => x.traced.painted) }),
      figure({ name: `· ${label}: rows drawn at first${tag}`, unit: 'count', docket: r.map((x) => x.cold.rows) }),
      figure({
        name: `· ${label}: openings drawn before React (of 3 a run)${tag}`,
        unit: 'count',
        docket: r.map((x) => drawnEarly([x.cold, x.warm, x.traced])),
      }),
    );
    if (typing) {
      const lat = r.map((x) => x.keys.lat);
      out.push(
        figure({
          name: `${label}: filter keystroke → next paint, p95 (typing and deleting “${KEYSTROKE_QUERY}”)${tag}`,
          docket: lat.map((l) => p95(l)),
          budget: k === 0 ? /** @type {const} */ ({ on: 'docket', op: '<=', limit: 16, text: '≤ 16 ms' }) : undefined,
        }),
        figure({ name: `· ${label}: keystroke → next paint, median${tag}`, docket: lat.map((l) => median(l)) }),
        figure({ name: `· ${label}: keystroke → next paint, max${tag}`, docket: lat.map((l) => max(l)) }),
      );
    }
  }
  return out;
}

/** How the first row came: Docket's marks (script start, revision, early screen, React), in ms after navigation start. */
function how(first) {
  const m = first.marks ?? {};
  const at = (k) => (m[k] === undefined ? '–' : m[k].toFixed(0));
  return ` [start ${at('start')}, revision ${at('revision')}, early ${at('early-paint')}, React ${at('render')}]`;
}

/** Openings whose first row was drawn before React (an early screen), of all. */
function drawnEarly(firsts) {
  return firsts.filter((f) => f.marks?.['early-paint'] !== undefined).length;
}

export async function run({ env, runs, quick, log }) {
  const sizes = env.s5Sizes ?? (quick ? QUICK_SIZES : FULL_SIZES);
  const builds = env.builds ?? [{ name: 'this build', dir: env.extensionDir }];
  const largest = Math.max(...sizes);
  const figures = [];
  const raw = [];
  let fewest = Infinity;
  for (const n of sizes) {
    const sizeStarted = Date.now();
    const subjects = [];
    try {
      for (const build of builds) subjects.push(await prepare(env, build, n, log));
      let i = 0;
      for (; i < runs; i++) {
        // The time cap (--max-seconds) counts per size.
        if (i >= 1 && (Date.now() - sizeStarted) / 1000 > env.capSeconds) break;
        // Each build takes each place in the order in turn (A B C, B C A, C A B, …).
        const order = subjects.map((_, k) => subjects[(i + k) % subjects.length]);
        for (const s of order) {
          const r = await measure(s, { typing: n === largest });
          s.rows.push(r);
          const keys = r.keys
            ? `; keystrokes median ${median(r.keys.lat).toFixed(0)} / p95 ${p95(r.keys.lat).toFixed(0)} ms ("${KEYSTROKE_QUERY}": ${r.keys.matching} rows)`
            : '';
          log(
            `  ${n} docs, run ${i + 1}, ${s.build.name}: first row ${r.cold.painted.toFixed(0)} ms worker stopped${how(r.cold)} (floor ${r.floorCold.toFixed(0)}, stopped ${r.floorStopped.toFixed(0)}), ${r.warm.painted.toFixed(0)} ms running${how(r.warm)} (floor ${r.floorWarm.toFixed(0)}) (${r.cold.rows} rows); traced ${r.traced.painted.toFixed(0)} ms, CPU ${r.traced.cpu.toFixed(1)} ms${keys}`,
          );
        }
      }
      fewest = Math.min(fewest, i);
      figures.push(...sizeFigures(n, subjects, n === largest));
      raw.push({ documents: n, builds: subjects.map((s) => ({ name: s.build.name, dir: s.build.dir, runs: s.rows })) });
    } finally {
      for (const s of subjects) await s.b.close();
    }
  }
  return {
    runsDone: fewest,
    params: { sizes, builds: builds.map((b) => b.name), query: KEYSTROKE_QUERY, keystrokes: KEYSTROKE_QUERY.length * 2 },
    figures,
    raw,
  };
}
