// Scenario 3: a page that keeps adding document links (a mail client's threads): 25 links every 50 ms, 200 times.
import { docketWorld, hookLookups, importIndex, launch, readLookups, sleep } from '../lib/env.mjs';
import { figure } from '../lib/report.mjs';
import { max, median, p95 } from '../lib/stats.mjs';
import { analyzeMainThread, benchClassifier, startTrace } from '../lib/trace.mjs';
import { docHref, dynamicPage, makeIds, makeIndex } from '../pages.mjs';

export const id = 'S3';
export const title = 'Dynamic page: 25 links every 50 ms';

const PATH = '/bench/s3.html';

/** Counters wrapped around the DOM queries as Docket's isolated world sees them. */
const HOOKS = `(() => {
  if (globalThis.__benchCounters) return;
  const c = { documentQueries: 0, elementQueries: 0, elementsUnderQueriedRoots: 0 };
  const dq = Document.prototype.querySelectorAll;
  Document.prototype.querySelectorAll = function (...a) { c.documentQueries++; return dq.apply(this, a); };
  const eq = Element.prototype.querySelectorAll;
  Element.prototype.querySelectorAll = function (...a) {
    c.elementQueries++;
    c.elementsUnderQueriedRoots += this.getElementsByTagName('*').length;
    return eq.apply(this, a);
  };
  globalThis.__benchCounters = c;
})()`;

async function one(b, { docket, hrefs, perBatch, batches, intervalMs, classify }) {
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  try {
    await page.bringToFront();
    const url = docket ? b.docketUrl(PATH) : b.plainUrl(PATH);
    let world;
    if (docket) world = await docketWorld(cdp);
    await page.goto(url);
    if (docket) {
      await world.context();
      await sleep(300); // Docket's first pass over the (empty) shell
      await world.evaluate(HOOKS);
      await hookLookups(b);
    } else {
      await page.addScriptTag({ url: '/bench/baseline.js' });
    }
    const trace = await startTrace(cdp);
    const total = perBatch * batches;
    let done;
    let events;
    try {
      await page.evaluate((cfg) => window.__benchStart(cfg), { hrefs, perBatch, batches, intervalMs });
      done = await page.evaluate(
        (ms) =>
          Promise.race([
            window.__benchDone,
            new Promise((r) => setTimeout(() => r({ timeout: true, count: window.__benchCount() }), ms)),
          ]),
        batches * intervalMs + 10_000,
      );
      await sleep(200);
    } finally {
      events = await trace.stop();
    }
    const addsInPage = await page.evaluate(() => window.__benchAdds);
    const counters = docket ? await world.evaluate('({ ...globalThis.__benchCounters })') : null;
    const lookups = docket ? await readLookups(b) : null;
    const owner = docket ? 'docket' : 'baseline';
    const a = analyzeMainThread(events, { pageUrl: url, classify, orphanMicrotasks: docket ? 'docket' : 'unattributed' });
    // The additions' times as the page took them, put on the trace's clock through the
    // completion mark (in both): a mark lost from the trace does not shift the windows.
    const complete = a.marks.get('bench:complete')?.[0];
    if (complete === undefined || addsInPage?.length !== batches || done.timeout) {
      throw new Error(
        `the page did not finish (${addsInPage?.length} of ${batches} additions, ${done.count} of ${total} badges${events.dataLoss ? ', trace data lost' : ''})`,
      );
    }
    const adds = addsInPage.map((t) => complete + (t - done.complete) * 1000);
    const perBatchMs = adds.map((t, i) => a.ownedTime(owner, t, adds[i + 1] ?? Infinity));
    const last = adds.at(-1);
    // The longest batch, and what its time went to (by trace event, self time).
    const worst = perBatchMs.indexOf(Math.max(...perBatchMs));
    const spent = new Map();
    for (const n of a.nodes) {
      if (n.eff !== owner || n.ts < adds[worst] || n.ts >= (adds[worst + 1] ?? Infinity)) continue;
      spent.set(n.name, (spent.get(n.name) ?? 0) + n.self / 1000);
    }
    const worstParts = [...spent]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 5)
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(', ');
    return {
      dataLoss: events.dataLoss,
      tracedAdds: a.marks.get('bench:add')?.length ?? 0,
      perBatch: perBatchMs,
      worst: { batch: worst + 1, parts: worstParts },
      count: done.count,
      lastToComplete: complete && last ? (complete - last) / 1000 : NaN,
      counters,
      lookups: lookups?.length ?? null,
      lookupIds: lookups?.map((l) => l.ids) ?? null,
      total,
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function run({ env, runs, quick, log }) {
  const perBatch = 25;
  const batches = quick ? 40 : 200;
  const intervalMs = 50;
  const total = perBatch * batches;
  const ids = makeIds(total, 3);
  const hrefs = ids.map((x, i) => docHref(x, i));
  const b = await launch(env, { [PATH]: dynamicPage(total) });
  try {
    await importIndex(
      b,
      makeIndex(
        ids.filter((_, i) => i % 2 === 0),
        31,
      ),
    );
    const classify = benchClassifier();
    const D = [];
    const B = [];
    for (let i = -env.warmup; i < runs; i++) {
      if (env.enough(i)) break;
      const cfg = { hrefs, perBatch, batches, intervalMs, classify };
      const order = (i + (env.round ?? 0)) % 2 === 0 ? [true, false] : [false, true];
      const r = {};
      for (const docket of order) r[docket ? 'd' : 'b'] = await one(b, { ...cfg, docket });
      const { d, b: base } = r;
      for (const x of [d, base])
        if (x.dataLoss)
          log(
            `  warning: the trace lost events in run ${i + 1} (${x.tracedAdds} of ${batches} additions traced): per-batch times are low`,
          );
      log(
        `  run ${i + 1}: Docket per batch median ${median(d.perBatch).toFixed(2)} / p95 ${p95(d.perBatch).toFixed(2)} / max ${max(d.perBatch).toFixed(2)} ms (max at batch ${d.worst.batch}: ${d.worst.parts}), ${d.count}/${total} badged, ${d.lookups} lookups, ${d.counters.documentQueries} document-wide queries; baseline median ${median(base.perBatch).toFixed(2)} ms`,
      );
      if (i < 0) continue;
      D.push(d);
      B.push(base);
    }
    return {
      runsDone: D.length,
      params: { perBatch, batches, intervalMs, links: total },
      figures: [
        figure({
          name: 'Time per batch, p95',
          docket: D.map((x) => p95(x.perBatch)),
          baseline: B.map((x) => p95(x.perBatch)),
          budget: { on: 'docket', op: '<=', limit: 4, text: '≤ 4 ms' },
        }),
        figure({
          name: 'Time per batch, max',
          docket: D.map((x) => max(x.perBatch)),
          baseline: B.map((x) => max(x.perBatch)),
          budget: { on: 'docket', op: '<=', limit: 4, text: '≤ 4 ms (each batch)' },
        }),
        figure({
          name: 'Time per batch, median',
          docket: D.map((x) => median(x.perBatch)),
          baseline: B.map((x) => median(x.perBatch)),
        }),
        figure({
          name: `Links badged at the end (of ${total})`,
          unit: 'count',
          docket: D.map((x) => x.count),
          baseline: B.map((x) => x.count),
          budget: { on: 'docket', op: '>=', limit: total, text: `all ${total}` },
        }),
        figure({
          name: 'Last addition → every link badged',
          docket: D.map((x) => x.lastToComplete),
          baseline: B.map((x) => x.lastToComplete),
          note: 'Docket waits 30 ms to batch changes',
        }),
        figure({
          name: 'Document-wide queries while the page grows (full rescans)',
          unit: 'count',
          docket: D.map((x) => x.counters.documentQueries),
          budget: { on: 'docket', op: '<=', limit: 0, text: '0' },
        }),
        figure({
          name: 'Elements under the roots Docket queried, per batch',
          unit: 'count',
          docket: D.map((x) => x.counters.elementsUnderQueriedRoots / batches),
        }),
        figure({ name: 'Lookup messages', unit: 'count', docket: D.map((x) => x.lookups), note: `${batches} batches` }),
      ],
      raw: { docket: D, baseline: B },
    };
  } finally {
    await b.close();
  }
}
