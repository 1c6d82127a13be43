#!/usr/bin/env node
// `npm run lint`: every commit made after BASE follows the commit-message convention (README,
// Contributing; the rules are in scripts/lib/commit-message.mjs). Older history is exempt. Merge
// commits are the coordinator's and are skipped. In a shallow clone without BASE, the commits
// present that are newer than BASE are checked; without git (a source archive), nothing is.
import { spawnSync } from 'node:child_process';
import { commitProblems } from './lib/commit-message.mjs';

/** main's tip when the check joined the lint step (2026-12-07); commits after it are checked. */
const BASE = '8e95c9d24b8ff03b4dc20981817a6437229c02c8';
const BASE_TIME = '2026-12-07T17:16:06Z';

/** @param {string[]} args */
function git(args) {
  const r = spawnSync('git', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return r.status === 0 ? r.stdout : null;
}

if (git(['rev-parse', '--is-inside-work-tree'])?.trim() !== 'true') {
  console.log('check-commits: not a git checkout, nothing to check.');
  process.exit(0);
}
const hasBase = git(['cat-file', '-e', `${BASE}^{commit}`]) !== null;
const range = hasBase ? [`${BASE}..HEAD`] : ['HEAD', `--since=${BASE_TIME}`];
// NUL-separated records: hash, then the whole message.
const log = git(['log', '--no-merges', '--format=%h%x00%B%x00', ...range]);
if (log === null) {
  console.log('check-commits: no history to read (an empty or unusual clone), nothing to check.');
  process.exit(0);
}
const parts = log.split('\0');
let bad = 0;
let checked = 0;
for (let i = 0; i + 1 < parts.length; i += 2) {
  const hash = parts[i].trim();
  const message = parts[i + 1];
  checked++;
  const problems = commitProblems(message);
  if (problems.length) {
    bad++;
    console.error(`${hash} ${message.split('\n')[0]}\n  ${problems.join('\n  ')}`);
  }
}
if (!hasBase)
  console.log(`check-commits: ${BASE.slice(0, 7)} is not in this (shallow) clone; checked the commits since ${BASE_TIME}.`);
if (bad) {
  console.error(`check-commits: ${bad} of ${checked} commits do not follow the convention (README, Contributing).`);
  process.exit(1);
}
console.log(`check-commits: ${checked} commits after ${BASE.slice(0, 7)} follow the convention.`);
