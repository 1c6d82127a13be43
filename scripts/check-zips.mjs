#!/usr/bin/env node
// The store zips are reproducible (npm test's "zips" step; README, "Releasing"):
// 1. `npm run zip` twice gives byte-identical Chrome, Firefox and sources zips (WXT writes entries sorted, with
//    a fixed timestamp);
// 2. the Firefox zip rebuilt from the sources zip alone, in an empty folder, is byte-identical to the one built
//    here: what addons.mozilla.org's reviewers do with `npm ci && npm run build-for-amo`. Here the dependencies are
//    this checkout's node_modules, hard-linked (the lockfile pins the same versions that `npm ci` installs).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const names = ['chrome', 'firefox', 'sources'].map((kind) => `docket-${version}-${kind}.zip`);
const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const wxt = (cwd, ...args) => {
  const run = spawnSync(resolve(cwd, 'node_modules/.bin/wxt'), args, { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wxt ${args.join(' ')} failed in ${cwd}:\n${run.stdout}\n${run.stderr}`);
};
const zipAll = (cwd) => {
  wxt(cwd, 'zip');
  wxt(cwd, 'zip', '-b', 'firefox');
  return names.map((name) => sha(join(cwd, '.output', name)));
};

let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${what}`);
  if (!ok) failures++;
};

const first = zipAll(root);
const second = zipAll(root);
names.forEach((name, i) =>
  check(first[i] === second[i], `${name}: two builds of the same tree are identical (${first[i].slice(0, 12)})`),
);

const scratch = mkdtempSync(join(tmpdir(), 'docket-amo-'));
try {
  const unzip = spawnSync('unzip', ['-q', join(root, '.output', names[2]), '-d', scratch]);
  if (unzip.status !== 0) throw new Error(`unzip failed: ${unzip.stderr}`);
  check(!existsSync(join(scratch, 'node_modules')), 'the sources zip holds no node_modules');
  // Hard links: a copy of this checkout's installed dependencies in no time and no space.
  const linked = spawnSync('cp', ['-al', join(root, 'node_modules'), join(scratch, 'node_modules')]);
  if (linked.status !== 0) cpSync(join(root, 'node_modules'), join(scratch, 'node_modules'), { recursive: true });
  wxt(scratch, 'prepare');
  wxt(scratch, 'zip', '-b', 'firefox');
  const rebuilt = sha(join(scratch, '.output', names[1]));
  check(rebuilt === first[1], `${names[1]}: rebuilt from the sources zip alone, identical (${rebuilt.slice(0, 12)})`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(failures ? `Zips not reproducible: ${failures} check(s) failed.` : 'Zips reproducible.');
process.exit(failures ? 1 : 0);
