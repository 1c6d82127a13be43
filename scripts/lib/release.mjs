// What a release changes, as pure functions (scripts/release.mjs does the writing, the commit and the tag).

/** The next version: `part` is patch, minor or major (Semantic Versioning, no pre-release tags). */
export function bumpVersion(version, part) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`"${version}" is not a version of the form 1.2.3.`);
  const [major, minor, patch] = m.slice(1).map(Number);
  if (part === 'major') return `${major + 1}.0.0`;
  if (part === 'minor') return `${major}.${minor + 1}.0`;
  if (part === 'patch') return `${major}.${minor}.${patch + 1}`;
  throw new Error(`Say which part to bump: patch, minor or major (not "${part}").`);
}

const UNRELEASED = /^## \[Unreleased\][^\n]*\n/m;

/** The notes under "## [Unreleased]", trimmed ('' when there are none). */
export function unreleasedNotes(changelog) {
  const m = UNRELEASED.exec(changelog);
  if (!m) throw new Error('CHANGELOG.md has no "## [Unreleased]" heading.');
  const rest = changelog.slice(m.index + m[0].length);
  const next = /^## \[/m.exec(rest);
  return (next ? rest.slice(0, next.index) : rest).trim();
}

/**
 * The changelog with the Unreleased notes moved under "## [version] - date", and an empty Unreleased
 * section above them. Refuses when there is nothing to release or the version is already there.
 */
export function releaseChangelog(changelog, version, date) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is not a day (YYYY-MM-DD).`);
  if (changelog.includes(`## [${version}]`)) throw new Error(`CHANGELOG.md already has a section for ${version}.`);
  const notes = unreleasedNotes(changelog);
  if (!notes) throw new Error('Nothing to release: the "Unreleased" section of CHANGELOG.md is empty.');
  return changelog.replace(UNRELEASED, `## [Unreleased]\n\n## [${version}] - ${date}\n`);
}

/** The notes of one version's section (for "What's new" and the tag's message). */
export function notesOf(changelog, version) {
  const head = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\][^\\n]*\\n`, 'm').exec(changelog);
  if (!head) return '';
  const rest = changelog.slice(head.index + head[0].length);
  const next = /^## \[/m.exec(rest);
  return (next ? rest.slice(0, next.index) : rest).trim();
}
