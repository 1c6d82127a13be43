// npm run release -- <patch|minor|major> [--dry-run]
// Bumps the one version (package.json and its lockfile), moves CHANGELOG.md's "Unreleased" notes under the new
// version with today's date (UTC), commits "Release X.Y.Z", tags vX.Y.Z and writes the store zips (npm run zip).
// --dry-run prints what it would do and changes nothing; --no-zip skips the zips (tests/unit/scripts/release.test.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bumpVersion, releaseChangelog } from '../utils/popup/changelog.ts';

const root = process.env.DOCKET_RELEASE_ROOT ?? resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const zip = !args.includes('--no-zip');
const part = args.find((a) => !a.startsWith('--'));
const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

try {
  const pkgPath = resolve(root, 'package.json');
  const lockPath = resolve(root, 'package-lock.json');
  const logPath = resolve(root, 'CHANGELOG.md');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const version = bumpVersion(pkg.version, part);
  const date = new Date().toISOString().slice(0, 10);
  const changelog = releaseChangelog(readFileSync(logPath, 'utf8'), version, date);
  if (!dryRun && git('status', '--porcelain')) fail('the work tree has changes: commit or stash them first.');
  if (git('tag', '--list', `v${version}`)) fail(`the tag v${version} exists already.`);
  console.log(`${pkg.version} → ${version} (${date})`);
  if (dryRun) {
    console.log('Dry run: nothing written.');
    process.exit(0);
  }
  pkg.version = version;
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  lock.version = version;
  if (lock.packages?.['']) lock.packages[''].version = version;
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  writeFileSync(logPath, changelog);
  git('add', 'package.json', 'package-lock.json', 'CHANGELOG.md');
  git('commit', '-m', `Release ${version}`, '-m', `See CHANGELOG.md, section ${version}.`);
  git('tag', '-a', `v${version}`, '-m', `Docket ${version}`);
  if (zip) execFileSync('npm', ['run', 'zip'], { cwd: root, stdio: 'inherit' });
  console.log(`Released ${version}: tag v${version}, zips in .output/. Push the commit and the tag, then upload the zips.`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
