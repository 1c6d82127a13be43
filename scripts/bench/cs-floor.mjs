#!/usr/bin/env node
// The floor under scenario S1: what a content script costs on a tiny page before it does any of
// Docket's work. Each variant replaces Docket's content script in a copy of the build and is
// loaded on the same tiny page; script time is measured from a trace as in S1.
//
//   npx wxt build && node scripts/bench/cs-floor.mjs [runs] [label=content-script.js ...]
//
// With label=file arguments, those scripts are measured instead of the built-in variants
// (next to Docket's and the polyfill's), e.g. builds of Docket with parts of it taken out.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, sleep, snapshotExtension, traced } from './lib/env.mjs';
import { analyzeMainThread, benchClassifier } from './lib/trace.mjs';
import { median } from './lib/stats.mjs';
import { buildWxtFloor } from './lib/wxt-floor.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const runs = Number(process.argv[2] ?? 7);
const TINY = '/bench/s1-tiny.html';
const TINY_HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tiny</title></head><body><h1>Note</h1><p>Nothing to badge here.</p></body></html>';

const snapshot = snapshotExtension();
const docket = readFileSync(join(snapshot.dir, 'content-scripts/content.js'), 'utf8');
const polyfill = readFileSync(resolve(ROOT, 'node_modules/webextension-polyfill/dist/browser-polyfill.min.js'), 'utf8');

const extra = process.argv.slice(3).map((a) => {
  const at = a.indexOf('=');
  return [a.slice(0, at), readFileSync(a.slice(at + 1), 'utf8')];
});
const builtIn = [
  ['empty', 'void 0;\n'],
  ['chrome.runtime.id', 'void chrome.runtime.id;\n'],
  ['runtime.onMessage + storage.onChanged listeners', 'chrome.runtime.onMessage.addListener(() => undefined); chrome.storage.onChanged.addListener(() => undefined);\n'],
  ['webextension-polyfill alone', polyfill],
  ['WXT content script, empty main() (polyfill included)', await buildWxtFloor()],
  ['polyfill + the two listeners', `${polyfill}\nbrowser.runtime.onMessage.addListener(() => undefined); browser.storage.onChanged.addListener(() => undefined);\n`],
  ["Docket's content script", docket],
];
const variants = extra.length ? [builtIn[3], ...extra, builtIn.at(-1)] : builtIn;

const results = new Map(variants.map(([name]) => [name, []]));
const cpu = new Map(variants.map(([name]) => [name, []]));
try {
  for (const [name, source] of variants) {
    const dir = mkdtempSync(join(tmpdir(), 'docket-cs-floor-'));
    try {
      cpSync(snapshot.dir, dir, { recursive: true });
      writeFileSync(join(dir, 'content-scripts/content.js'), source);
      const b = await launch({ extensionDir: dir }, { [TINY]: TINY_HTML });
      try {
        const classify = benchClassifier(b.extensionId);
        for (let i = -1; i < runs; i++) {
          const { events, page } = await traced(b, async (p) => {
            await p.goto(b.docketUrl(TINY));
            await sleep(400);
          });
          await page.close();
          const a = analyzeMainThread(events, { pageUrl: b.docketUrl(TINY), classify, orphanMicrotasks: 'docket' });
          if (i >= 0) results.get(name).push(a.ownedTime('docket'));
          if (i >= 0) cpu.get(name).push(a.ownedCpu('docket'));
        }
      } finally {
        await b.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const list = results.get(name);
    const c = cpu.get(name);
    console.log(`${name.padEnd(50)} median ${median(list).toFixed(2)} ms, CPU ${median(c).toFixed(2)} ms  (${list.map((x) => x.toFixed(1)).join(', ')} / CPU ${c.map((x) => x.toFixed(1)).join(', ')})  ${(Buffer.byteLength(source) / 1000).toFixed(1)} kB`);
  }
  console.log(`load average ${loadavg()[0].toFixed(2)}`);
} finally {
  snapshot.remove();
}
