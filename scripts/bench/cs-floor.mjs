#!/usr/bin/env node
// The floor under scenario S1: what a content script costs on a tiny page before it does any of
// Docket's work. Each variant replaces Docket's content script in a copy of the build and is
// loaded on the same tiny page; script time is measured from a trace as in S1.
//
//   npx wxt build && npx tsx scripts/bench/cs-floor.mjs [runs] [label=content-script.js ...]
//
// With label=file arguments, those scripts are measured instead of the built-in variants
// (next to Docket's and the polyfill's), e.g. builds of Docket with parts of it taken out.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { snapshotExtension } from './lib/env.mjs';
import { median } from './lib/stats.mjs';
import { buildWxtFloor } from './lib/wxt-floor.mjs';
import { floorOf } from './scenarios/s1-no-links.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const runs = Number(process.argv[2] ?? 7);

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
  [
    'runtime.onMessage + storage.onChanged listeners',
    'chrome.runtime.onMessage.addListener(() => undefined); chrome.storage.onChanged.addListener(() => undefined);\n',
  ],
  ['webextension-polyfill alone', polyfill],
  ['WXT content script, empty main() (polyfill included)', extra.length ? null : await buildWxtFloor()],
  [
    'polyfill + the two listeners',
    `${polyfill}\nbrowser.runtime.onMessage.addListener(() => undefined); browser.storage.onChanged.addListener(() => undefined);\n`,
  ],
  ["Docket's content script", docket],
];
const variants = extra.length ? [builtIn[3], ...extra, builtIn.at(-1)] : builtIn;

try {
  for (const [name, source] of variants) {
    const { wall, cpu } = await floorOf({ extensionDir: snapshot.dir }, source, runs, () => undefined, name);
    console.log(
      `${name.padEnd(50)} median ${median(wall).toFixed(2)} ms, CPU ${median(cpu).toFixed(2)} ms  (${wall.map((x) => x.toFixed(1)).join(', ')} / CPU ${cpu.map((x) => x.toFixed(1)).join(', ')})  ${(Buffer.byteLength(source) / 1000).toFixed(1)} kB`,
    );
  }
  console.log(`load average ${loadavg()[0].toFixed(2)}`);
} finally {
  snapshot.remove();
}
