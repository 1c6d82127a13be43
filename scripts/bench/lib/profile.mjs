// --profile: where Docket's script time goes, from V8's sampling profiler (CDP Profiler domain).
// The build is minified, so each function is shown with the first characters of its code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Load `url` in a new tab `times` times with the profiler on; `wait(page)` waits until
 * Docket is done. Returns the functions by self time (ms per load), counting only samples
 * whose stack passes through the extension's scripts.
 * @param {Awaited<ReturnType<typeof import('../../lib/browser.mjs').launchWithDocket>>} b
 * @param {string} url
 * @param {(page: import('playwright-core').Page) => Promise<unknown>} wait
 * @param {{ times?: number, extensionDir?: string, top?: number }} [options] extensionDir: the build loaded, to show the code of each function
 */
export async function profileDocket(b, url, wait, { times = 3, extensionDir, top = 15 } = {}) {
  const self = new Map();
  let total = 0;
  for (let k = 0; k < times; k++) {
    const page = await b.context.newPage();
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(url);
    await wait(page);
    const { profile } = await cdp.send('Profiler.stop');
    await page.close();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const ours = (id) => {
      for (let x = id; x; x = parent.get(x))
        if (byId.get(x).callFrame.url.startsWith(`chrome-extension://${b.extensionId}/`)) return true;
      return false;
    };
    for (let i = 0; i < profile.samples.length; i++) {
      const node = byId.get(profile.samples[i]);
      if (!ours(node.id)) continue;
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000 / times;
      const { functionName, url: u, lineNumber, columnNumber } = node.callFrame;
      const key = `${functionName || '(anonymous)'}\u0000${u}\u0000${lineNumber}\u0000${columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + ms);
      total += ms;
    }
  }
  const sources = new Map();
  const snippet = (u, line, col) => {
    if (!u.startsWith('chrome-extension://')) return '(native)';
    const file = u.replace(/^chrome-extension:\/\/[^/]+\//, '');
    if (!sources.has(file)) {
      try {
        sources.set(file, readFileSync(join(extensionDir, file), 'utf8').split('\n'));
      } catch {
        sources.set(file, []);
      }
    }
    return `${file}:${line + 1}:${col + 1} ${(sources.get(file)[line] ?? '').slice(col, col + 90)}`;
  };
  const functions = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => {
      const [name, u, line, col] = key.split('\u0000');
      return { ms, name, where: snippet(u, Number(line), Number(col)) };
    });
  return { totalMs: total, functions };
}

export function printProfile(log, label, p) {
  log(`  profile (${label}): ${p.totalMs.toFixed(1)} ms sampled in Docket's stacks per load; by self time:`);
  for (const f of p.functions) log(`    ${f.ms.toFixed(2).padStart(7)} ms  ${f.name.padEnd(14)} ${f.where}`);
}
