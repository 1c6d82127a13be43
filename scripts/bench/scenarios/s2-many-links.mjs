// Scenario 2: a page with 5,000 document links, half of them tracked.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hookLookups, importIndex, launch, readLookups, sleep, traced } from '../lib/env.mjs';
import { figure } from '../lib/report.mjs';
import { max } from '../lib/stats.mjs';
import { printProfile, profileDocket } from '../lib/profile.mjs';
import { analyzeMainThread, benchClassifier } from '../lib/trace.mjs';
import { linksPage, makeIds, makeIndex } from '../pages.mjs';

export const id = 'S2';
export const title = 'Page with many document links, half tracked';

const PATH = '/bench/s2.html';

/** Load the page where Docket runs and measure it from its content script's first task. */
export async function measureDocket(b, path, { classify, settle = 300 }) {
  const { events, result, page } = await traced(b, async (p) => {
    await p.goto(b.docketUrl(path));
    const done = await p.evaluate(() => window.__benchDone);
    await sleep(settle);
    return done;
  });
  const counts = await page.evaluate(() => ({
    badges: document.getElementsByTagName('docket-badge').length,
    tracked: document.querySelectorAll('docket-badge[data-docket-state="tracked"]').length,
  }));
  await page.close();
  const a = analyzeMainThread(events, { pageUrl: b.docketUrl(path), classify, orphanMicrotasks: 'docket' });
  return { ...summarise(a, 'docket'), counts, done: result };
}

/**
 * The floor under Docket's cost per badge: a content script (no framework, no polyfill, no lookup)
 * that does only what CONTRACT §3 asks for every link: a host element after it, carrying Docket's
 * host style and its attributes (here the two of an untracked badge, the fewest there are). It runs
 * in the same isolated world as Docket, where every DOM call costs more than in the page's own.
 */
function floorScript(hostStyle) {
  return `(() => {
  const proto = document.createElement('docket-badge');
  proto.setAttribute('style', ${JSON.stringify(hostStyle)});
  for (const a of document.querySelectorAll('a[href*="docs.google.com"], a[href*="drive.google.com"]')) {
    const id = /\\/d\\/([\\w-]+)/.exec(a.getAttribute('href'))?.[1];
    if (!id) continue;
    const host = proto.cloneNode(false);
    host.setAttribute('data-docket-id', id);
    host.setAttribute('data-docket-state', 'untracked');
    a.after(host);
  }
})();
`;
}

/** Docket's host style, read from the source so that the floor follows it. */
function hostStyle(root) {
  const source = readFileSync(resolve(root, 'utils/content/badge-view.ts'), 'utf8');
  const list = /const HOST_STYLE = \[([\s\S]*?)\]\.map/.exec(source)?.[1] ?? '';
  return [...list.matchAll(/^\s*'([^']+)',/gm)].map((m) => `${m[1]} !important`).join(';');
}

async function measureFloor(env, runs, n, log) {
  const dir = mkdtempSync(join(tmpdir(), 'docket-bench-s2-floor-'));
  try {
    cpSync(env.extensionDir, dir, { recursive: true });
    writeFileSync(join(dir, 'content-scripts/content.js'), floorScript(hostStyle(env.root)));
    const b = await launch({ ...env, extensionDir: dir }, { [PATH]: linksPage(makeIds(n, 2)) });
    try {
      const classify = benchClassifier();
      const out = [];
      for (let i = -1; i < runs; i++) {
        const { events, page } = await traced(b, async (p) => {
          await p.goto(b.docketUrl(PATH));
          await p.evaluate(() => window.__benchDone);
          await sleep(300);
        });
        await page.close();
        const a = analyzeMainThread(events, { pageUrl: b.docketUrl(PATH), classify, orphanMicrotasks: 'docket' });
        if (i >= 0) out.push({ wall: a.ownedTime('docket') / (n / 1000), cpu: a.ownedCpu('docket') / (n / 1000) });
      }
      log(
        `  floor, hosts with two attributes in Docket's world: ${out.map((x) => x.wall.toFixed(2)).join(', ')} ms per 1,000 (CPU ${out.map((x) => x.cpu.toFixed(2)).join(', ')})`,
      );
      return out;
    } finally {
      await b.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same page on a host Docket does not run on, with the baseline script injected after load. */
export async function measureBaseline(b, path, { classify, settle = 300 }) {
  const { events, result, page } = await traced(b, async (p) => {
    await p.goto(b.plainUrl(path));
    await p.addScriptTag({ url: '/bench/baseline.js' });
    const done = await p.evaluate(() => window.__benchDone);
    await sleep(settle);
    return done;
  });
  await page.close();
  const a = analyzeMainThread(events, { pageUrl: b.plainUrl(path), classify, orphanMicrotasks: 'unattributed' });
  return { ...summarise(a, 'baseline'), done: result };
}

function summarise(a, owner) {
  const sp = a.span(owner);
  if (!sp) throw new Error(`${owner} did not run on the page`);
  const complete = a.marks.get('bench:complete')?.[0];
  const painted = a.marks.get('bench:painted')?.[0];
  if (complete === undefined) throw new Error(`${owner}: the badges never all appeared`);
  const tasks = a.tasksOf(owner);
  const window = a.totals(sp.start, painted ?? Infinity);
  // From script start to all badges present: its own main-thread time, everything else on
  // the main thread (rendering, the page), and the rest: waiting (lookup reply, yielded slices).
  const toDom = a.totals(sp.start, complete);
  const ownToDom = toDom[owner] ?? 0;
  const othersToDom = Object.entries(toDom).reduce((n, [k, v]) => (k === owner ? n : n + v), 0);
  return {
    toComplete: (complete - sp.start) / 1000,
    toPainted: painted ? (painted - sp.start) / 1000 : NaN,
    script: a.ownedTime(owner),
    scriptCpu: a.ownedCpu(owner),
    longestTask: max(tasks.map((t) => t.own)),
    longestTaskWall: max(tasks.map((t) => t.dur)),
    render: window.render ?? 0,
    firstTask: tasks[0]?.own ?? NaN,
    ownToDom,
    othersToDom,
    waiting: Math.max(0, (complete - sp.start) / 1000 - ownToDom - othersToDom),
    tasks: tasks.length,
    unattributed: a.ownedTime('unattributed'),
  };
}

export async function run({ env, runs, quick, log }) {
  const n = quick ? 1000 : 5000;
  const ids = makeIds(n, 2);
  const tracked = ids.filter((_, i) => i % 2 === 0);
  const b = await launch(env, { [PATH]: linksPage(ids) });
  try {
    const report = await importIndex(b, makeIndex(tracked, 21));
    if (report.documents.added !== tracked.length) throw new Error(`import added ${report.documents.added} of ${tracked.length}`);
    const classify = benchClassifier();
    const D = [];
    const B = [];
    const lookups = [];
    for (let i = -env.warmup; i < runs; i++) {
      if (env.enough(i)) break;
      const order = (i + (env.round ?? 0)) % 2 === 0 ? ['d', 'b'] : ['b', 'd'];
      /** @type {Awaited<ReturnType<typeof measureDocket>> & { lookups?: Awaited<ReturnType<typeof readLookups>> }} */
      let d;
      let base;
      for (const which of order) {
        if (which === 'd') {
          await hookLookups(b);
          d = await measureDocket(b, PATH, { classify });
          d.lookups = await readLookups(b);
        } else base = await measureBaseline(b, PATH, { classify });
      }
      if (d.counts.badges !== n || d.counts.tracked !== tracked.length) {
        throw new Error(`expected ${n} badges (${tracked.length} tracked), found ${d.counts.badges} (${d.counts.tracked})`);
      }
      log(
        `  run ${i + 1}: Docket ${d.toComplete.toFixed(1)} ms to all badges (script ${d.script.toFixed(1)} ms, longest task ${d.longestTask.toFixed(1)} ms, ${d.lookups.length} lookup(s)); baseline ${base.toComplete.toFixed(1)} ms`,
      );
      if (i < 0) continue;
      D.push(d);
      B.push(base);
      lookups.push(d.lookups);
    }
    let profile;
    if (env.profile) {
      profile = await profileDocket(
        b,
        b.docketUrl(PATH),
        async (p) => {
          await p.evaluate(() => window.__benchDone);
          await sleep(200);
        },
        { extensionDir: env.extensionDir },
      );
      printProfile(log, `${n} links`, profile);
    }
    // The floor does not change between builds: an A/B round (scripts/bench/ab.mjs) leaves it out.
    const floor = env.noFloors ? [] : await measureFloor(env, D.length, n, log);
    const per1k = (x) => x.script / (n / 1000);
    return {
      runsDone: D.length,
      params: { links: n, tracked: tracked.length },
      figures: [
        figure({
          name: `Time to all ${n} badges in the DOM, from script start`,
          docket: D.map((x) => x.toComplete),
          baseline: B.map((x) => x.toComplete),
          budget: { on: 'ratio', op: '<=', limit: 2, text: '≤ 2 × baseline' },
        }),
        figure({
          name: 'Time to all badges painted, from script start',
          docket: D.map((x) => x.toPainted),
          baseline: B.map((x) => x.toPainted),
        }),
        figure({
          name: 'Scripting per 1,000 badges',
          docket: D.map(per1k),
          baseline: B.map(per1k),
          budget: { on: 'docket', op: '<=', limit: 10, text: '≤ 10 ms' },
        }),
        figure({
          name: "· the same in the main thread's CPU time",
          docket: D.map((x) => x.scriptCpu / (n / 1000)),
          baseline: B.map((x) => x.scriptCpu / (n / 1000)),
          note: 'trace tdur: time the thread waited for a core on a busy machine left out',
        }),
        figure({
          name: "· floor: only the §3 hosts (two attributes each, no lookup), per 1,000, in Docket's world",
          docket: floor.map((x) => x.wall),
        }),
        figure({ name: '· the same floor in CPU time', docket: floor.map((x) => x.cpu) }),
        figure({ name: 'Scripting, total', docket: D.map((x) => x.script), baseline: B.map((x) => x.script) }),
        figure({
          name: 'Longest task (script time of its own in one task)',
          docket: D.map((x) => x.longestTask),
          baseline: B.map((x) => x.longestTask),
          budget: { on: 'docket', op: '<=', limit: 50, text: '≤ 50 ms' },
        }),
        figure({
          name: 'Style, layout and paint from script start to painted',
          docket: D.map((x) => x.render),
          baseline: B.map((x) => x.render),
        }),
        figure({
          name: '· of which its own script on the main thread',
          docket: D.map((x) => x.ownToDom),
          baseline: B.map((x) => x.ownToDom),
        }),
        figure({
          name: '· of which other main-thread work (rendering, the page)',
          docket: D.map((x) => x.othersToDom),
          baseline: B.map((x) => x.othersToDom),
        }),
        figure({
          name: '· of which waiting (lookup reply: IPC + IndexedDB; yields)',
          docket: D.map((x) => x.waiting),
          baseline: B.map((x) => x.waiting),
        }),
        figure({ name: "· Docket's first task (start, scan, parse hrefs)", docket: D.map((x) => x.firstTask) }),
        figure({ name: '· tasks Docket ran in', unit: 'count', docket: D.map((x) => x.tasks), baseline: B.map((x) => x.tasks) }),
        figure({
          name: 'Lookup messages received by the background',
          unit: 'count',
          docket: lookups.map((l) => l.length),
          budget: { on: 'docket', op: '<=', limit: 1, text: '1 per batch (page load: 1)' },
        }),
      ],
      raw: { docket: D, baseline: B, lookups },
      profile,
    };
  } finally {
    await b.close();
  }
}
