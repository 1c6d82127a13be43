// The floor under Docket's content script in this stack: the same entrypoint (WXT's
// defineContentScript, its ContentScriptContext, webextension-polyfill through `wxt/browser`)
// with Docket's start replaced by a function that does nothing. Built with WXT's own API into a
// temporary directory; returns the built script's source.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

export async function buildWxtFloor() {
  const dir = mkdtempSync(join(tmpdir(), 'docket-wxt-floor-'));
  // WXT prints the entrypoints it skipped, and a spinner, straight to the console.
  const { log, info } = console;
  const write = process.stdout.write;
  const quiet = () => undefined;
  try {
    const stub = join(dir, 'start.ts');
    writeFileSync(stub, 'export function startDocket(): void {}\n');
    const { build } = await import('wxt');
    console.log = console.info = quiet;
    process.stdout.write = () => true;
    await build({
      root: ROOT,
      outDir: join(dir, 'out'),
      filterEntrypoints: ['content'],
      vite: () => ({ resolve: { alias: { '@/utils/content/start': stub } } }),
      logger: {
        debug: quiet,
        info: quiet,
        log: quiet,
        success: quiet,
        warn: console.warn,
        error: console.error,
        fatal: console.error,
        level: 0,
      },
    });
    return readFileSync(join(dir, 'out/chrome-mv3/content-scripts/content.js'), 'utf8');
  } finally {
    console.log = log;
    console.info = info;
    process.stdout.write = write;
    rmSync(dir, { recursive: true, force: true });
  }
}
