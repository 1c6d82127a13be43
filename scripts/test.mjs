#!/usr/bin/env node
// `npm test`: every step, in order, each one run even when an earlier one failed (but the
// end-to-end suites only when the build succeeded), then one closing summary:
//
//   types ok 21 s · lint ok 30 s · unit ok 48 s · build ok 9 s · e2e Chromium FAILED 310 s · e2e Firefox ok 140 s · lint Firefox build ok 12 s
//   Failed: e2e Chromium
//   Tests: 512 passed, 2 failed
//
// The last line counts the tests of the unit and end-to-end runs (from vitest's JSON reports); a
// step that failed with no test report of its own (types, build, lint, or a suite that crashed)
// counts as one failure. Exits non-zero when any step failed or when no test ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const artifacts = resolve(root, 'artifacts');
mkdirSync(artifacts, { recursive: true });
const bin = (name) => resolve(root, 'node_modules/.bin', name);
const report = (name) => resolve(artifacts, `test-${name}.json`);
/** @typedef {[file: string, args: string[]]} Command */
/** @type {(name: string, ...args: string[]) => Command} */
const vitest = (name, ...args) => [
  bin('vitest'),
  ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report(name)}`],
];
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
/** @type {(script: string) => Command[]} */
const npmRunIfPresent = (script) => (pkg.scripts[script] ? [npmRun(script)] : []);
/** @type {(script: string) => Command} */
const npmRun = (script) => ['npm', ['run', '--silent', script]];

/** name, commands (each [file, args]), the vitest report it writes, and the step it needs. */
/** @type {Array<{ name: string; run: Command[]; report?: string; needs?: string; env?: Record<string, string> }>} */
const steps = [
  { name: 'types', run: [npmRun('compile')] },
  // The house's lint: ESLint, Prettier, import circles.
  { name: 'lint', run: [...npmRunIfPresent('lint')] },
  { name: 'unit', run: [vitest('unit')], report: report('unit') },
  // A deadline is the same day in every time zone: the unit suite again, far east, far west and at a half hour.
  ...['Pacific/Kiritimati', 'Pacific/Honolulu', 'Asia/Kolkata'].map((tz) => {
    const name = `unit TZ=${tz}`;
    const file = `unit-${tz.replace(/\W+/g, '-')}`;
    return { name, run: [vitest(file)], report: report(file), env: { TZ: tz } };
  }),
  { name: 'build', run: [npmRun('build'), npmRun('build:firefox'), npmRun('build:firefox-mv3')] },
  {
    name: 'e2e Chromium',
    run: [vitest('e2e-chromium', '-c', 'vitest.e2e.config.ts', '--project', 'chromium')],
    report: report('e2e-chromium'),
    needs: 'build',
  },
  {
    name: 'e2e Firefox',
    run: [vitest('e2e-firefox', '-c', 'vitest.e2e.config.ts', '--project', 'firefox')],
    report: report('e2e-firefox'),
    needs: 'build',
  },
  // web-ext lint of both Firefox builds as built above (the MV2 one is what `npm run zip` ships).
  {
    name: 'lint Firefox build',
    run: ['firefox-mv2', 'firefox-mv3'].map(
      (dir) =>
        /** @type {Command} */ ([
          bin('web-ext'),
          ['lint', '--source-dir', `.output/${dir}`, '--self-hosted', '--warnings-as-errors=false'],
        ]),
    ),
    needs: 'build',
  },
  // The store zips: two builds identical, and the Firefox zip rebuilt from the sources zip alone (AMO's review).
  { name: 'zips', run: [['node', ['scripts/check-zips.mjs']]], needs: 'build' },
];

// A fresh clone (or a package-lock.json newer than the install): install first, so that the README's
// `npm ci && npm start` then `npm test` installs once, and `npm test` alone works on a fresh clone.
const installed = resolve(root, 'node_modules/.package-lock.json');
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync(resolve(root, 'package-lock.json')).mtimeMs;
if (stale) {
  console.log('━━ install (node_modules missing or older than package-lock.json): npm ci ━━');
  steps.unshift({ name: 'install', run: [['npm', ['ci']]] });
}

const results = new Map();
for (const step of steps) {
  const started = Date.now();
  console.log(`\n━━ ${step.name} ━━`);
  if (step.needs && results.get(step.needs)?.status !== 'ok') {
    results.set(step.name, { status: 'not run', why: `${step.needs} failed`, seconds: 0 });
    console.log(`not run: ${step.needs} failed`);
    continue;
  }
  if (step.report) rmSync(step.report, { force: true });
  let ok = true;
  for (const [file, args] of step.run) {
    const child = spawnSync(file, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...step.env } });
    if (child.status !== 0) {
      ok = false;
      if (child.error) console.error(`${step.name}: ${child.error.message}`);
      break;
    }
  }
  results.set(step.name, { status: ok ? 'ok' : 'FAILED', seconds: Math.round((Date.now() - started) / 1000) });
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const step of steps) {
  const result = results.get(step.name);
  let counted = false;
  if (step.report && existsSync(step.report)) {
    try {
      const r = JSON.parse(readFileSync(step.report, 'utf8'));
      passed += r.numPassedTests;
      failed += r.numFailedTests;
      skipped += r.numPendingTests + (r.numTodoTests ?? 0);
      counted = r.numFailedTests > 0 || result.status === 'ok';
    } catch {
      // A report cut short: the step's own status says it failed.
    }
  }
  if (result.status !== 'ok' && !counted) failed += 1;
}

const failedSteps = steps.filter((s) => results.get(s.name).status !== 'ok').map((s) => s.name);
console.log('\n' + steps.map((s) => `${s.name} ${results.get(s.name).status} ${results.get(s.name).seconds} s`).join(' · '));
if (failedSteps.length) {
  console.log(
    `Failed: ${failedSteps.map((name) => (results.get(name).why ? `${name} (not run: ${results.get(name).why})` : name)).join(', ')}`,
  );
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length || failed > 0 || passed === 0 ? 1 : 0);
