#!/usr/bin/env node
// node scripts/build-commit.mjs <commit> <out.tar.gz>
// Builds the Chrome extension as it was at an earlier commit, for the update tests
// (tests/e2e/update.e2e.ts): a detached worktree of that commit, this checkout's node_modules hard-linked
// (the builds kept in tests/fixtures/builds/ were made so; a commit whose lockfile differs much may need
// `npm ci` there instead), `wxt build`, and .output/chrome-mv3 packed as a .tar.gz.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [commit, out] = process.argv.slice(2);
if (!commit || !out) {
  console.error('Usage: node scripts/build-commit.mjs <commit> <out.tar.gz>');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const dir = join(mkdtempSync(join(tmpdir(), 'docket-build-')), 'tree');
const run = (file, args, cwd = root) => execFileSync(file, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
try {
  run('git', ['worktree', 'add', '--detach', dir, commit]);
  run('cp', ['-al', join(root, 'node_modules'), join(dir, 'node_modules')]);
  run(join(dir, 'node_modules/.bin/wxt'), ['build'], dir);
  run('tar', [
    '--sort=name',
    '--mtime=1980-01-01',
    '--owner=0',
    '--group=0',
    '-czf',
    resolve(out),
    '-C',
    join(dir, '.output/chrome-mv3'),
    '.',
  ]);
  console.log(`Built ${commit} into ${out}`);
} finally {
  run('git', ['worktree', 'remove', '--force', dir]);
  rmSync(resolve(dir, '..'), { recursive: true, force: true });
}
