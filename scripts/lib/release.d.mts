export function bumpVersion(version: string, part: string): string;
export function unreleasedNotes(changelog: string): string;
export function releaseChangelog(changelog: string, version: string, date: string): string;
export function notesOf(changelog: string, version: string): string;
