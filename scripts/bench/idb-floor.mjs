#!/usr/bin/env node
// The floor under scenario S6: what 50,000 IndexedDB puts cost in this Chromium, with nothing
// else of Docket's (no parsing, no merge, no message). Run in the extension's service worker,
// one relaxed readwrite transaction each, keys in order; CPU is that of the whole browser
// process tree (steadier than wall time on a shared machine).
//
//   npx wxt build && npx tsx scripts/bench/idb-floor.mjs [documents]
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchWithDocket } from '../lib/browser.mjs';
import { bigIndex } from './scenarios/s6-import.mjs';

/** CPU milliseconds used so far by the browser whose command line holds `marker`, and its children. */
function treeCpu(marker) {
  const procs = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      procs.set(Number(pid), {
        ppid: Number(f[1]),
        cpu: Number(f[11]) + Number(f[12]),
        root: cmd.includes(marker) && !cmd.includes('--type='),
      });
    } catch {
      // gone meanwhile
    }
  }
  const inTree = (pid) => {
    for (let x = pid; x > 1; x = procs.get(x)?.ppid ?? 0) if (procs.get(x)?.root) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, p] of procs) if (inTree(pid)) ticks += p.cpu;
  return ticks * 10;
}

const n = Number(process.argv[2] ?? 50_000);
const ext = mkdtempSync(join(tmpdir(), 'docket-floor-ext-'));
cpSync(EXTENSION_DIR, ext, { recursive: true });
const b = await launchWithDocket({ extensionDir: ext });
try {
  await b.worker.evaluate((text) => {
    const docs = JSON.parse(text).documents.sort((a, b) => (a.id < b.id ? -1 : 1));
    self.__floorSets = { full: docs, tiny: docs.map((d) => ({ id: d.id })) };
  }, bigIndex(n));
  /** @type {[label: string, set: 'full' | 'tiny', indexes: boolean][]} */
  const trials = [
    ['records as imported, 3 indexes (Docket’s documents store)', 'full', true],
    ['records as imported, no index', 'full', false],
    ['{ id } only, no index', 'tiny', false],
  ];
  console.log(`${n} puts, one relaxed transaction; load average ${loadavg()[0].toFixed(1)}`);
  for (const [label, set, indexes] of trials) {
    const cpu0 = treeCpu(ext);
    const [issue, total] = await b.worker.evaluate(
      async ({ set, indexes }) => {
        const del = (name) => new Promise((r) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: r, onerror: r }));
        await del('floor');
        const db = await new Promise((resolve) => {
          const r = indexedDB.open('floor', 1);
          r.onupgradeneeded = () => {
            const s = r.result.createObjectStore('documents', { keyPath: 'id' });
            if (indexes) {
              s.createIndex('byWorkstream', 'workstreamId');
              s.createIndex('byDeadline', 'deadline');
              s.createIndex('byAlias', 'aliases', { multiEntry: true });
            }
          };
          r.onsuccess = () => resolve(r.result);
        });
        const t0 = performance.now();
        const tx = db.transaction('documents', 'readwrite', { durability: 'relaxed' });
        const store = tx.objectStore('documents');
        for (const d of self.__floorSets[set]) store.put(d);
        const t1 = performance.now();
        await new Promise((r) => (tx.oncomplete = r));
        const out = [t1 - t0, performance.now() - t0];
        db.close();
        await del('floor');
        return out;
      },
      { set, indexes },
    );
    const cpu = treeCpu(ext) - cpu0;
    console.log(
      `  ${label}: ${total.toFixed(0)} ms (${Math.round(n / (total / 1000))}/s; requests issued in ${issue.toFixed(0)} ms), browser CPU ${cpu.toFixed(0)} ms; load ${loadavg()[0].toFixed(1)}`,
    );
  }
} finally {
  await b.close();
  rmSync(ext, { recursive: true, force: true });
}
