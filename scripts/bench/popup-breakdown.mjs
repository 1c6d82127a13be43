// Where the popup's main-thread time goes up to its first row, from a trace of openings with the worker stopped:
// CPU time (trace tdur) per trace event name, and the docket:* performance marks.
//
//   npx tsx scripts/bench/popup-breakdown.mjs [DIR] [documents] [openings]   (DIR: a build, default .output/chrome-mv3)
import { EXTENSION_DIR } from '../lib/browser.mjs';
import { extensionPage, importIndex, launch, sleep, snapshotExtension, stopServiceWorker, traced } from './lib/env.mjs';
import { firstRowProbe, openPopup } from './lib/popup-probe.mjs';
import { analyzeMainThread } from './lib/trace.mjs';
import { bigIndex } from './scenarios/s6-import.mjs';

const [dir = EXTENSION_DIR, n = '5000', openings = '3'] = process.argv.slice(2);
const snap = snapshotExtension(dir);
const b = await launch({ extensionDir: snap.dir });
try {
  await importIndex(b, bigIndex(Number(n)));
  const cdp = await b.context.newCDPSession(await extensionPage(b));
  // The first opening keeps what the next ones draw.
  const first = await openPopup(b);
  await sleep(1500);
  await first.page.close();
  for (let r = 0; r < Number(openings); r++) {
    await stopServiceWorker(cdp);
    await sleep(300);
    const t = await traced(b, async (page) => {
      await page.addInitScript(firstRowProbe);
      await page.goto(b.popupUrl());
      return page.evaluate(() => window.__firstRow);
    });
    await t.page.close();
    const owner = (url) => (url.includes('/chunks/mount') ? 'react' : url.includes('/chunks/popup') ? 'entry' : 'other');
    const a = analyzeMainThread(t.events, { pageUrl: b.popupUrl(), classify: owner });
    const end = a.navigationStart + t.result.painted * 1000;
    const by = {};
    let total = 0;
    for (const node of a.nodes) {
      if (node.task.ts < a.navigationStart || node.task.ts >= end) continue;
      const k = node.name + (node.owner ? `:${node.owner}` : '');
      by[k] = (by[k] ?? 0) + node.selfCpu / 1000;
      total += node.selfCpu / 1000;
    }
    const marks = [...a.marks]
      .filter(([k]) => k.startsWith('docket'))
      .map(([k, v]) => `${k} ${((v[0] - a.navigationStart) / 1000).toFixed(0)}`);
    console.log(
      `first row painted at ${t.result.painted.toFixed(0)} ms, main-thread CPU ${total.toFixed(1)} ms; marks: ${marks.join(', ')}`,
    );
    const top = Object.entries(by).sort((x, y) => y[1] - x[1]);
    console.log(
      `  ${top
        .slice(0, 14)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(' · ')}`,
    );
  }
} finally {
  await b.close();
  snap.remove();
}
