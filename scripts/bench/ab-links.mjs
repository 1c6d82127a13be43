// A/B: finding candidate links on the S1 page in Docket's isolated world, by walking <a> elements in script,
// by one querySelectorAll with case-insensitive attribute tests (Docket's selector until 2026-11), or by
// the case-sensitive one Docket uses now (alternating fresh loads). npx tsx scripts/bench/ab-links.mjs after a build.
import { launch, docketWorld, sleep, snapshotExtension } from './lib/env.mjs';
import { noLinksPage } from './pages.mjs';
const snap = snapshotExtension();
const b = await launch({ extensionDir: snap.dir }, { '/bench/s1.html': noLinksPage(20000) });
const V = {
  iterate: `(() => { const t0 = performance.now(); const out = []; for (const a of document.getElementsByTagName('a')) { const h = a.getAttribute('href'); if (h && /google|safelink/i.test(h)) out.push(a); } return performance.now() - t0; })()`,
  qsaI: `(() => { const t0 = performance.now(); const out = [...document.querySelectorAll('a[href*="google" i], a[href*="safelink" i]')]; return performance.now() - t0; })()`,
  qsaCased: `(() => { const t0 = performance.now(); const out = [...document.querySelectorAll('a:is([href*="google"],[href*="Google"],[href*="GOOGLE"],[href*="safelink"])')]; return performance.now() - t0; })()`,
};
const res = Object.fromEntries(Object.keys(V).map((k) => [k, []]));
const keys = Object.keys(V);
try {
  for (let i = 0; i < 8; i++)
    for (const k of i % 2 ? [...keys].reverse() : keys) {
      const page = await b.context.newPage();
      const cdp = await b.context.newCDPSession(page);
      const w = await docketWorld(cdp);
      await page.goto(b.docketUrl('/bench/s1.html'));
      await sleep(300);
      res[k].push(await w.evaluate(V[k]));
      await page.close();
    }
} finally {
  await b.close();
  snap.remove();
}
for (const [k, v] of Object.entries(res))
  console.log(
    k,
    v
      .sort((a, b) => a - b)
      .map((x) => x.toFixed(2))
      .join(' '),
  );
