/**
 * CHANGELOG.md (Keep a Changelog) read and written as text: the release command moves the "Unreleased" notes
 * under a new version (scripts/release.mjs), and the popup's "What's new" shows the notes of the version a
 * member just updated to. Pure functions.
 */

/** The next version: `part` is patch, minor or major (Semantic Versioning, no pre-release tags). */
export function bumpVersion(version: string, part: string | undefined): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`"${version}" is not a version of the form 1.2.3.`);
  const [major, minor, patch] = m.slice(1).map(Number) as [number, number, number];
  if (part === 'major') return `${major + 1}.0.0`;
  if (part === 'minor') return `${major}.${minor + 1}.0`;
  if (part === 'patch') return `${major}.${minor}.${patch + 1}`;
  throw new Error(`Say which part to bump: patch, minor or major (not "${part}").`);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The notes under "## [name]" up to the next section, trimmed ('' when the section is missing or empty). */
export function changelogSection(changelog: string, name: string): string {
  const head = new RegExp(`^## \\[${escape(name)}\\][^\\n]*\\n`, 'm').exec(changelog);
  if (!head) return '';
  const rest = changelog.slice(head.index + head[0].length);
  const next = /^## \[/m.exec(rest);
  return (next ? rest.slice(0, next.index) : rest).trim();
}

/**
 * The changelog with the Unreleased notes moved under "## [version] - date", and an empty Unreleased
 * section above them. Refuses when there is nothing to release or the version is already there.
 */
export function releaseChangelog(changelog: string, version: string, date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is not a day (YYYY-MM-DD).`);
  if (!/^## \[Unreleased\]/m.test(changelog)) throw new Error('CHANGELOG.md has no "## [Unreleased]" heading.');
  if (changelog.includes(`## [${version}]`)) throw new Error(`CHANGELOG.md already has a section for ${version}.`);
  if (!changelogSection(changelog, 'Unreleased')) {
    throw new Error('Nothing to release: the "Unreleased" section of CHANGELOG.md is empty.');
  }
  return changelog.replace(/^## \[Unreleased\][^\n]*\n/m, `## [Unreleased]\n\n## [${version}] - ${date}\n`);
}

/** A version's notes as short plain lines for "What's new": its bullet points, without Markdown marks. */
export function whatsNewLines(changelog: string, version: string, most = 6): string[] {
  const lines: string[] = [];
  for (const raw of changelogSection(changelog, version).split('\n')) {
    if (/^- /.test(raw)) lines.push(raw.slice(2));
    else if (/^\s+\S/.test(raw) && lines.length && !/^#/.test(raw.trim())) lines[lines.length - 1] += ` ${raw.trim()}`;
  }
  return lines.slice(0, most).map((l) => l.replace(/\*\*|`/g, '').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'));
}
