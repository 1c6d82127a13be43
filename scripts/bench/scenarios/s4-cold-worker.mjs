// Scenario 4: the first lookup after the service worker was stopped (1,000 ids).
import { docketWorld, extensionPage, importIndex, launch, sleep, stopServiceWorker } from '../lib/env.mjs';
import { figure } from '../lib/report.mjs';
import { benchClassifier } from '../lib/trace.mjs';
import { linksPage, makeIds, makeIndex } from '../pages.mjs';
import { measureDocket } from './s2-many-links.mjs';

export const id = 'S4';
export const title = 'Cold service worker: first lookup of 1,000 ids';

const PATH = '/bench/s4.html';

/** Run in Docket's isolated world: one lookup message as the content script sends it, timed there. */
const lookupExpr = (ids) => `(async () => {
  const ids = ${JSON.stringify(ids)};
  const t = performance.now();
  const reply = await chrome.runtime.sendMessage({ type: 'lookup', data: { ids } });
  const ms = performance.now() - t;
  return { ms, ok: !!reply?.ok, tracked: reply?.ok ? Object.keys(reply.result.records).length : -1, error: reply?.error };
})()`;

export async function run({ env, runs, log }) {
  const n = 1000;
  const ids = makeIds(n, 4);
  const tracked = ids.filter((_, i) => i % 2 === 0);
  const b = await launch(env, { [PATH]: linksPage(ids) });
  try {
    // Other documents too, so that the index is not just these: 2,500 in all.
    await importIndex(b, makeIndex([...tracked, ...makeIds(2000, 41)], 42));
    const classify = benchClassifier();
    const ext = await extensionPage(b);
    const extCdp = await b.context.newCDPSession(ext);

    // The tab whose content script sends the timed lookups.
    const page = await b.context.newPage();
    const cdp = await b.context.newCDPSession(page);
    const world = await docketWorld(cdp);
    await page.goto(b.docketUrl(PATH));
    await page.evaluate(() => window.__benchDone);

    const rows = [];
    for (let i = -env.warmup; i < runs; i++) {
      if (env.enough(i)) break;
      await stopServiceWorker(extCdp);
      await sleep(200);
      const cold = await world.evaluate(lookupExpr(ids));
      const warm = await world.evaluate(lookupExpr(ids));
      for (const r of [cold, warm]) if (!r.ok || r.tracked !== tracked.length) throw new Error(`lookup: ${JSON.stringify(r)}`);

      // The same seen from a page load: every badge present, worker running (it just answered), then stopped.
      await sleep(300);
      const pageWarm = await measureDocket(b, PATH, { classify, settle: 100 });
      await stopServiceWorker(extCdp);
      await sleep(300);
      const pageCold = await measureDocket(b, PATH, { classify, settle: 100 });
      log(
        `  run ${i + 1}: lookup cold ${cold.ms.toFixed(1)} ms, warm ${warm.ms.toFixed(1)} ms; page load to all badges cold ${pageCold.toComplete.toFixed(1)} ms, warm ${pageWarm.toComplete.toFixed(1)} ms`,
      );
      if (i >= 0)
        rows.push({
          cold: cold.ms,
          warm: warm.ms,
          pageCold: pageCold.toComplete,
          pageWarm: pageWarm.toComplete,
          waitCold: pageCold.waiting,
          waitWarm: pageWarm.waiting,
        });
    }
    await page.close();
    await ext.close();
    return {
      runsDone: rows.length,
      params: { ids: n, tracked: tracked.length, indexSize: tracked.length + 2000 },
      figures: [
        figure({
          name: `First lookup of ${n} ids, worker stopped (from the content script)`,
          docket: rows.map((r) => r.cold),
          budget: { on: 'docket', op: '<=', limit: 300, text: '≤ 300 ms' },
        }),
        figure({ name: '· the same lookup, worker running', docket: rows.map((r) => r.warm) }),
        figure({
          name: `Script start → all ${n} badges, worker stopped`,
          docket: rows.map((r) => r.pageCold),
          baseline: rows.map((r) => r.pageWarm),
          note: 'baseline column: the same with the worker running',
        }),
        figure({
          name: '· of which waiting (main thread free: lookup reply), stopped vs running',
          docket: rows.map((r) => r.waitCold),
          baseline: rows.map((r) => r.waitWarm),
          note: 'baseline column: worker running',
        }),
      ],
      raw: rows,
    };
  } finally {
    await b.close();
  }
}
