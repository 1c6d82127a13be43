// Whether opening an extension page starts Docket's stopped service worker, and what that costs the page: the
// popup's floor page (no script) and the popup, each opened with the worker stopped and running; the worker's
// status changes (CDP ServiceWorker domain) in ms after the opening began, and the popup's docket:* marks.
//
//   npx tsx scripts/bench/worker-start.mjs DIR [documents] [rounds]   (DIR: a build, e.g. .output/chrome-mv3)
import { extensionPage, importIndex, launch, sleep, snapshotExtension, stopServiceWorker, FLOOR_PAGES } from './lib/env.mjs';
import { openPopup } from './lib/popup-probe.mjs';
import { bigIndex } from './scenarios/s6-import.mjs';

const [dir, n = '5000', runs = '3'] = process.argv.slice(2);
const snap = snapshotExtension(dir);
const b = await launch({ extensionDir: snap.dir });
try {
  await importIndex(b, bigIndex(Number(n)));
  const ext = await extensionPage(b);
  const cdp = await b.context.newCDPSession(ext);
  const first = await openPopup(b);
  await sleep(1500);
  await first.page.close();
  const events = [];
  const watch = async () => {
    const c = await b.context.newCDPSession(ext);
    c.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) events.push([Date.now(), v.runningStatus]);
    });
    await c.send('ServiceWorker.enable');
    return c;
  };
  const floorUrl = `chrome-extension://${b.extensionId}/${FLOOR_PAGES.popup}`;
  for (let r = 0; r < Number(runs); r++) {
    for (const [label, url, stop] of [
      ['floor stopped', floorUrl, true],
      ['floor running', floorUrl, false],
      ['popup stopped', b.popupUrl(), true],
      ['popup running', b.popupUrl(), false],
    ]) {
      if (stop) await stopServiceWorker(cdp);
      else await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'index/summary', data: {} }).catch(() => null));
      await sleep(400);
      events.length = 0;
      const w = await watch();
      await sleep(50);
      events.length = 0;
      const t0 = Date.now();
      const { page, first } = await openPopup(b, url);
      await sleep(300);
      await page.close();
      await w.detach();
      const m = first.marks ?? {};
      console.log(
        `${label}: painted ${first.painted.toFixed(0)} ms; marks ${Object.entries(m)
          .map(([k, v]) => `${k} ${v.toFixed(0)}`)
          .join(', ')}; sw events ${events.map(([t, s]) => `${s}@${t - t0}`).join(' ')}`,
      );
    }
  }
} finally {
  await b.close();
  snap.remove();
}
