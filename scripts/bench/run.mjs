#!/usr/bin/env node
// Docket's benchmark (issue 5; S9, the full page: issue 16): every scenario several times in Chromium with the built
// extension, each page-side figure next to a baseline measured in the same run.
//
//   npx tsx scripts/bench/run.mjs [--runs N] [--warmup N] [--quick] [--only S1,S3] [--out bench-results/latest.json] [--markdown] [--profile] [--wait-idle S] [--extension DIR] [--compare NAME=DIR …] [--s5-sizes 500,5000,50000]
//
// --extension DIR: measure the build in DIR (a copy of .output/chrome-mv3) instead of the current one (A/B runs).
// --compare NAME=DIR (repeatable): S5 also measures the build in DIR, alternating runs with this build in one
//   run (an A/B on a shared machine); its figures are tagged [NAME]. Other scenarios measure this build only.
// --s5-sizes: the index sizes S5 measures (default 500,5000,50000; --quick: 2000). --s9-documents: S9's (5000).
//
// --wait-idle S: before each scenario, wait up to S seconds for the machine to be quiet
// (1-minute load average at most the number of cores); the load is recorded with every scenario.
//
// Build first (`npx wxt build`); the build is copied aside for the run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPath } from '../lib/browser.mjs';
import { snapshotExtension } from './lib/env.mjs';
import { markdownTable, textTable } from './lib/report.mjs';
import * as s1 from './scenarios/s1-no-links.mjs';
import * as s2 from './scenarios/s2-many-links.mjs';
import * as s3 from './scenarios/s3-dynamic.mjs';
import * as s4 from './scenarios/s4-cold-worker.mjs';
import * as s5 from './scenarios/s5-popup.mjs';
import * as s6 from './scenarios/s6-import.mjs';
import * as s7 from './scenarios/s7-size.mjs';
import * as s8 from './scenarios/s8-scan.mjs';
import * as s9 from './scenarios/s9-full-page.mjs';
import * as s10 from './scenarios/s10-huge-page.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    warmup: { type: 'string' },
    'max-seconds': { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string', default: 'bench-results/latest.json' },
    markdown: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'wait-idle': { type: 'string' },
    extension: { type: 'string' },
    compare: { type: 'string', multiple: true },
    's5-sizes': { type: 'string' },
    's9-documents': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(
    'npx tsx scripts/bench/run.mjs [--runs N] [--warmup N] [--max-seconds S] [--quick] [--only S1,S2,…] [--out FILE] [--markdown] [--profile] [--wait-idle S] [--extension DIR] [--compare NAME=DIR …] [--s5-sizes 500,5000,50000]',
  );
  process.exit(0);
}
const quick = args.quick;
const runs = args.runs ? Math.max(1, Number.parseInt(args.runs, 10)) : quick ? 2 : 5;
/**
 * A scenario (scenarios/*.mjs). `quiet: false`: it needs no quiet machine (--wait-idle does not wait before it).
 * @typedef {{
 *   id: string,
 *   title: string,
 *   quiet?: boolean,
 *   run: (context: { env: typeof env, runs: number, quick: boolean, log: typeof log }) => Promise<{ figures: ReturnType<typeof import('./lib/report.mjs').figure>[], runsDone?: number }>,
 * }} Scenario
 */
/** @type {Scenario[]} */
const all = [s7, s1, s2, s3, s4, s6, s5, s8, s9, s10];
const only = args.only
  ? new Set(
      args.only
        .toUpperCase()
        .split(',')
        .map((s) => s.trim()),
    )
  : null;
const selected = all.filter((s) => !only || only.has(s.id));

const started = Date.now();
const log = (...a) => console.log(...a);
const snapshot = args.extension ? snapshotExtension(resolve(args.extension)) : snapshotExtension();
/** Other builds S5 compares with this one (`--compare NAME=DIR`), each copied aside like this one. */
const compared = (args.compare ?? []).map((spec, i) => {
  const eq = spec.indexOf('=');
  const name = eq > 0 ? spec.slice(0, eq) : `build ${i + 2}`;
  return { name, snapshot: snapshotExtension(resolve(eq > 0 ? spec.slice(eq + 1) : spec)) };
});
const removeSnapshots = () => [snapshot, ...compared.map((c) => c.snapshot)].forEach((s) => s.remove());
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    removeSnapshots();
    process.exit(130);
  });
}
const s5Sizes = args['s5-sizes']
  ?.split(',')
  .map((x) => Number.parseInt(x.replace(/_/g, ''), 10))
  .filter((x) => x > 0);
const env = {
  extensionDir: snapshot.dir,
  /** The builds S5 measures, alternating: this one first, then those of --compare. */
  builds: [{ name: 'this build', dir: snapshot.dir }, ...compared.map((c) => ({ name: c.name, dir: c.snapshot.dir }))],
  /** S5's index sizes (--s5-sizes), or its defaults. */
  s5Sizes: s5Sizes?.length ? s5Sizes : undefined,
  /** S9's index size (--s9-documents; default 5,000). */
  s9Documents: args['s9-documents'] ? Number.parseInt(args['s9-documents'].replace(/_/g, ''), 10) : undefined,
  warmup: args.warmup !== undefined ? Number(args.warmup) : quick ? 0 : 1,
  root: ROOT,
  /** --profile: also sample Docket with V8's profiler (S1, S2) and print where its time goes. */
  profile: args.profile,
  /** Past this many seconds a scenario stops after its current run (at least one measured run is kept). */
  capSeconds: args['max-seconds'] !== undefined ? Number(args['max-seconds']) : quick ? Infinity : 300,
  scenarioStarted: Date.now(),
  /** Loop guard: true when run `i` should not start (time cap reached after at least one measured run). */
  enough(i) {
    return i >= 1 && (Date.now() - this.scenarioStarted) / 1000 > this.capSeconds;
  },
};
log(`Docket benchmark — ${quick ? 'quick sizes, ' : ''}${runs} run(s) per scenario${env.warmup ? ' (+1 warm-up)' : ''}`);
log(`Chromium: ${chromiumPath()} · ${cpus().length} cores · ${(totalmem() / 2 ** 30).toFixed(1)} GiB · Node ${process.version}`);

const results = [];
try {
  for (const s of selected) {
    const t0 = Date.now();
    log(`\n${s.id} ${s.title}`);
    const busy = () => loadavg()[0] > cpus().length;
    if (args['wait-idle'] && s.quiet !== false && busy()) {
      const until = Date.now() + Number(args['wait-idle']) * 1000;
      log(`  waiting for a quieter machine (load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)…`);
      while (busy() && Date.now() < until) await new Promise((r) => setTimeout(r, 5000));
    }
    const loadBefore = loadavg()[0];
    if (busy())
      log(`  warning: the machine is busy (load ${loadBefore.toFixed(1)} on ${cpus().length} cores): figures will be noisy`);
    env.scenarioStarted = Date.now();
    try {
      const r = await s.run({ env, runs, quick, log });
      const measured = r.runsDone ?? runs;
      if (measured < runs)
        log(`  only ${measured} of ${runs} runs: the scenario passed its ${env.capSeconds} s time cap (--max-seconds)`);
      results.push({
        id: s.id,
        title: s.title,
        seconds: (Date.now() - t0) / 1000,
        runsRequested: runs,
        load: { before: loadBefore, after: loadavg()[0] },
        ...r,
      });
    } catch (error) {
      log(`  ${s.id} failed: ${error?.stack ?? error}`);
      results.push({
        id: s.id,
        title: s.title,
        seconds: (Date.now() - t0) / 1000,
        figures: [],
        error: String(error?.message ?? error),
      });
    }
    log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s; load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)})`);
  }
} finally {
  removeSnapshots();
}

const wall = (Date.now() - started) / 1000;
log(`\n${textTable(results)}\n`);
if (args.markdown) log(`${markdownTable(results)}\n`);
const failed = results.flatMap((s) => s.figures.filter((f) => f.budget && !f.pass).map((f) => `${s.id}: ${f.name}`));
const errors = results.filter((s) => s.error).map((s) => `${s.id}: ${s.error}`);
log(
  failed.length
    ? `Over budget (${failed.length}):\n  ${failed.join('\n  ')}`
    : errors.length
      ? 'No budget failed among the figures measured.'
      : 'Every budget met.',
);
if (errors.length) log(`Scenarios that did not finish:\n  ${errors.join('\n  ')}`);
log(`Wall time: ${wall.toFixed(1)} s`);

const out = resolve(ROOT, args.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      quick,
      runs,
      wallSeconds: wall,
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model,
        memGiB: totalmem() / 2 ** 30,
        node: process.version,
        chromium: chromiumPath(),
      },
      scenarios: results,
      overBudget: failed,
      errors,
    },
    null,
    2,
  )}\n`,
);
log(`Results: ${out}`);
// A benchmark, not a test: it fails only when a scenario could not run.
process.exitCode = errors.length ? 1 : 0;
