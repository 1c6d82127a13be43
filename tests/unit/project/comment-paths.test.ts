/**
 * Every repository path a comment names exists: a file moved or renamed takes its mentions with it.
 * (Paths in code are checked by the compiler; these are the ones only a reader follows.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const FOLDERS = ['assets', 'components', 'entrypoints', 'hooks', 'scripts', 'tests/unit', 'tests/e2e', 'utils'];
const SOURCE = /\.(?:ts|tsx|mts|mjs|css)$/;
/** A path from the repository's root to a file: a known top folder, then segments, then an extension. */
const PATH =
  /(?<![\w./-])((?:assets|components|entrypoints|hooks|public|scripts|tests|utils)\/[\w./-]*\.(?:ts|tsx|mts|mjs|css|json|html|md))\b/g;
/** Lines (or their ends) that are comments. */
const COMMENT = /^\s*(?:\/\/|\/\*|\*)|\s\/\/\s|\/\*/;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (SOURCE.test(entry.name)) yield path;
  }
}

function mentions(): Array<{ file: string; line: number; path: string }> {
  const out = [];
  for (const folder of FOLDERS)
    for (const file of files(join(ROOT, folder))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      for (const [i, text] of lines.entries()) {
        if (!COMMENT.test(text)) continue;
        for (const m of text.matchAll(PATH))
          out.push({ file: relative(ROOT, file), line: i + 1, path: m[1]!.replace(/\.$/, '') });
      }
    }
  return out;
}

describe('paths named in comments', () => {
  const found = mentions();

  it('are found (the scan reads the comments)', () => {
    expect(found.length).toBeGreaterThan(20);
  });

  it('all exist', () => {
    const missing = found.filter((m) => !existsSync(join(ROOT, m.path))).map((m) => `${m.file}:${m.line} names ${m.path}`);
    expect(missing).toEqual([]);
  });
});
