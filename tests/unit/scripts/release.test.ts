import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bumpVersion, changelogSection, releaseChangelog, whatsNewLines } from '@/utils/popup/changelog';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('bumpVersion', () => {
  it.each([
    ['0.2.0', 'patch', '0.2.1'],
    ['0.2.9', 'patch', '0.2.10'],
    ['0.2.3', 'minor', '0.3.0'],
    ['0.9.3', 'major', '1.0.0'],
  ])('%s + %s = %s', (from, part, to) => expect(bumpVersion(from, part)).toBe(to));

  it.each([
    ['0.2', 'patch'],
    ['0.2.0-beta.1', 'patch'],
    ['0.2.0', 'micro'],
    ['0.2.0', undefined],
  ])('refuses %s + %s', (from, part) => expect(() => bumpVersion(from, part as string)).toThrow());
});

const LOG = `# Changelog

## [Unreleased]

### Fixed
- A fix.

## [0.2.0] - 2026-12-07

### Added
- A thing.
`;

describe('releaseChangelog', () => {
  it('moves the Unreleased notes under the new version, leaving an empty Unreleased section', () => {
    const out = releaseChangelog(LOG, '0.2.1', '2026-12-24');
    expect(out).toContain('## [Unreleased]\n\n## [0.2.1] - 2026-12-24\n\n### Fixed\n- A fix.\n\n## [0.2.0]');
    expect(changelogSection(out, 'Unreleased')).toBe('');
    expect(changelogSection(out, '0.2.1')).toBe('### Fixed\n- A fix.');
    expect(changelogSection(out, '0.2.0')).toBe('### Added\n- A thing.');
  });

  it('refuses an empty release, a version released already, a bad date, and a log without Unreleased', () => {
    const released = releaseChangelog(LOG, '0.2.1', '2026-12-24');
    expect(() => releaseChangelog(released, '0.2.2', '2026-12-25')).toThrow(/Nothing to release/);
    expect(() => releaseChangelog(LOG, '0.2.0', '2026-12-25')).toThrow(/already/);
    expect(() => releaseChangelog(LOG, '0.2.1', '24/12/2026')).toThrow(/not a day/);
    expect(() => releaseChangelog('# Changelog\n', '0.2.1', '2026-12-24')).toThrow(/Unreleased/);
  });
});

describe('whatsNewLines', () => {
  it('gives the bullet points of a version as plain lines, continuation lines joined, marks removed', () => {
    const log = `## [Unreleased]\n\n## [1.1.0] - 2027-01-02\n\n### Added\n- **Bold** and \`code\` and a [link](https://x.invalid)\n  that goes on.\n- Two.\n\n## [1.0.0] - 2027-01-01\n\n- Old.\n`;
    expect(whatsNewLines(log, '1.1.0')).toEqual(['Bold and code and a link that goes on.', 'Two.']);
    expect(whatsNewLines(log, '9.9.9')).toEqual([]);
    expect(whatsNewLines(log, '1.1.0', 1)).toEqual(['Bold and code and a link that goes on.']);
  });
});

describe('the project', () => {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8'));
  const changelog = readFileSync(resolve(ROOT, 'CHANGELOG.md'), 'utf8');

  it('has one version: package.json, its lockfile, and a CHANGELOG section with notes', () => {
    expect(lock.version).toBe(pkg.version);
    expect(lock.packages[''].version).toBe(pkg.version);
    expect(changelogSection(changelog, pkg.version)).not.toBe('');
  });

  it("keeps CHANGELOG.md's sections newest first, each a version and a day", () => {
    const heads = [...changelog.matchAll(/^## \[([^\]]+)\](?: - (\S+))?$/gm)].map((m) => [m[1], m[2]]);
    expect(heads[0]).toEqual(['Unreleased', undefined]);
    const versions = heads.slice(1);
    for (const [, day] of versions) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const num = (v: string) =>
      v
        .split('.')
        .map(Number)
        .reduce((a, n) => a * 1000 + n, 0);
    const order = versions.map(([v]) => num(v as string));
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });
});

describe('npm run release (in a scratch repository)', () => {
  it('bumps, moves the notes, commits and tags; a second run with nothing new refuses and changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-release-'));
    try {
      const git = (...a: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', ...a], { cwd: dir, encoding: 'utf8' }).trim();
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', version: '0.2.0' }, null, 2) + '\n');
      writeFileSync(
        join(dir, 'package-lock.json'),
        JSON.stringify({ name: 'x', version: '0.2.0', packages: { '': { version: '0.2.0' } } }, null, 2) + '\n',
      );
      writeFileSync(join(dir, 'CHANGELOG.md'), LOG);
      git('init', '-q');
      git('add', '.');
      git('commit', '-q', '-m', 'Start');
      const run = () =>
        execFileSync(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'scripts/release.mjs'), 'patch', '--no-zip'], {
          env: {
            ...process.env,
            DOCKET_RELEASE_ROOT: dir,
            GIT_AUTHOR_NAME: 't',
            GIT_AUTHOR_EMAIL: 't@t.invalid',
            GIT_COMMITTER_NAME: 't',
            GIT_COMMITTER_EMAIL: 't@t.invalid',
          },
          encoding: 'utf8',
          stdio: 'pipe',
        });
      run();
      expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version).toBe('0.2.1');
      expect(JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).packages[''].version).toBe('0.2.1');
      expect(changelogSection(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8'), '0.2.1')).toBe('### Fixed\n- A fix.');
      expect(git('log', '-1', '--format=%s')).toBe('Release 0.2.1');
      expect(git('tag', '--list')).toBe('v0.2.1');
      expect(() => run()).toThrow();
      expect(git('log', '-1', '--format=%s')).toBe('Release 0.2.1');
      expect(git('status', '--porcelain')).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
