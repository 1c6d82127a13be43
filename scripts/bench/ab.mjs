#!/usr/bin/env node
// A/B of two (or more) builds in one run, for the scenarios that measure one build at a time (S1, S2, S3, S9…):
// rounds of one run of each build, in an order that alternates, so that a shared machine's drift falls on both
// alike. Prints each figure's median (min–max) per build and the ratio of the medians to the first build.
//
//   npx tsx scripts/bench/ab.mjs --only S1,S2 --rounds 8 --build this=.output/chrome-mv3 --build main=/tmp/main-ext
//
// Each round launches each build's browser afresh (a scenario's run(), with runs = 1 and no floors).
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { snapshotExtension } from './lib/env.mjs';
import { fmt, summary } from './lib/stats.mjs';
import * as s1 from './scenarios/s1-no-links.mjs';
import * as s2 from './scenarios/s2-many-links.mjs';
import * as s3 from './scenarios/s3-dynamic.mjs';
import * as s9 from './scenarios/s9-full-page.mjs';
import * as s10 from './scenarios/s10-huge-page.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({
  options: {
    only: { type: 'string', default: 'S1,S2' },
    rounds: { type: 'string', default: '6' },
    build: { type: 'string', multiple: true },
    quick: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    's9-documents': { type: 'string' },
  },
});
const scenarios = [s1, s2, s3, s9, s10].filter((s) => args.only.toUpperCase().split(',').includes(s.id));
const builds = (args.build ?? ['this=.output/chrome-mv3']).map((spec) => {
  const eq = spec.indexOf('=');
  return { name: spec.slice(0, eq), snapshot: snapshotExtension(resolve(spec.slice(eq + 1))) };
});
const rounds = Number(args.rounds);
const log = (...a) => console.log(...a);
const quiet = args.verbose ? log : () => undefined;
const loads = [loadavg()[0]];
log(
  `A/B: ${builds.map((b) => b.name).join(' / ')}, ${rounds} rounds, ${cpus().length} cores, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
try {
  for (const s of scenarios) {
    /** figure name → build name → values */
    const values = new Map();
    const units = new Map();
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? builds : [...builds].reverse();
      for (const b of order) {
        const env = {
          extensionDir: b.snapshot.dir,
          builds: [{ name: b.name, dir: b.snapshot.dir }],
          warmup: 0,
          root: ROOT,
          profile: false,
          noFloors: true,
          /** Which load comes first inside a run (with Docket or without) turns with the rounds too. */
          round: Math.floor(r / 2),
          s9Documents: args['s9-documents'] ? Number(args['s9-documents']) : undefined,
          capSeconds: Infinity,
          scenarioStarted: Date.now(),
          enough: () => false,
        };
        try {
          const out = await s.run({ env, runs: 1, quick: args.quick, log: quiet });
          for (const f of out.figures) {
            if (!f.docket?.values?.length) continue;
            units.set(f.name, f.unit);
            const byBuild = values.get(f.name) ?? new Map();
            values.set(f.name, byBuild);
            const push = (key, v) => byBuild.set(key, [...(byBuild.get(key) ?? []), ...v]);
            push(b.name, f.docket.values);
            if (f.ratio?.values?.length) push(`${b.name} ratio`, f.ratio.values);
          }
        } catch (error) {
          log(`  ${s.id} ${b.name} round ${r + 1} failed: ${error?.message ?? error}`);
        }
      }
      loads.push(loadavg()[0]);
      log(`  ${s.id} round ${r + 1}/${rounds} done (load ${loadavg()[0].toFixed(2)})`);
    }
    log(`\n${s.id} ${s.title}: median (min–max) per build; last column: median / first build's median`);
    for (const [name, byBuild] of values) {
      for (const suffix of ['', ' ratio']) {
        const first = byBuild.get(`${builds[0].name}${suffix}`);
        if (!first) continue;
        const f = (v) => (units.get(name) === '×' || suffix ? v.toFixed(3) : fmt(v));
        const cells = builds.map((b) => {
          const v = summary(byBuild.get(`${b.name}${suffix}`) ?? []);
          return `${b.name} ${f(v.median)} (${f(v.min)}–${f(v.max)})`;
        });
        const rel = builds
          .slice(1)
          .map((b) => (summary(byBuild.get(`${b.name}${suffix}`) ?? []).median / summary(first).median).toFixed(3))
          .join(', ');
        log(`  ${name}${suffix ? ' — ratio to its baseline' : ''} [${units.get(name)}]: ${cells.join(' | ')} | ×${rel}`);
      }
    }
  }
} finally {
  for (const b of builds) b.snapshot.remove();
}
log(
  `\nLoad average during the run: ${loads.map((x) => x.toFixed(2)).join(', ')} (now ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')})`,
);
