/**
 * No source file is over 420 lines (issue 23): a file that grows past it is split along its concepts, one module
 * each, rather than let grow.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const FOLDERS = ['utils', 'components', 'hooks', 'entrypoints'];
const SOURCE = /\.(?:ts|tsx|mts|mjs|js|jsx)$/;
const MAX_LINES = 420;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (SOURCE.test(entry.name)) yield path;
  }
}

/** Lines as an editor numbers them (a last line without its newline counts; the empty file has none). */
const lines = (text: string) => (text ? text.split('\n').length - (text.endsWith('\n') ? 1 : 0) : 0);

describe('source files', () => {
  const sources = FOLDERS.flatMap((folder) => [...files(join(ROOT, folder))]);

  it('are found', () => {
    expect(sources.length).toBeGreaterThan(100);
  });

  it(`are at most ${MAX_LINES} lines each`, () => {
    const over = sources
      .map((file) => ({ file: relative(ROOT, file), lines: lines(readFileSync(file, 'utf8')) }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(over).toEqual([]);
  });

  it.each([
    ['one line\n', 1],
    ['one line', 1],
    ['two\nlines\n', 2],
    ['', 0],
  ])('counts %j as %i lines', (text, n) => expect(lines(text)).toBe(n));
});
