// Scenario 6: importing 50,000 documents from the popup page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, sleep } from '../lib/env.mjs';
import { figure } from '../lib/report.mjs';
import { makeIds, makeIndex } from '../pages.mjs';

export const id = 'S6';
export const title = 'Import of 50,000 documents';

/** The index file of scenarios 5 and 6. */
export function bigIndex(n) {
  return makeIndex(makeIds(n, 6), 61);
}

/** In the popup: frames counted with requestAnimationFrame before, during and after one import/apply message. */
async function importInPopup({ n, afterMs }) {
  const frames = [];
  let running = true;
  const loop = () => {
    frames.push(performance.now());
    if (running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  await new Promise((r) => setTimeout(r, 250));
  const t0 = performance.now();
  const reply = await chrome.runtime.sendMessage({
    type: 'import/apply',
    data: { text: window.__importText, filename: 'bench.json' },
  });
  const t1 = performance.now();
  // The popup then reloads its list (the index revision changed): watch it until rows show.
  let rowsAt = NaN;
  while (performance.now() < t1 + afterMs) {
    if (document.querySelector('li[data-doc-id]')) {
      rowsAt = performance.now();
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  // Two more frames, so that the frame gap spanning the list's first layout is closed.
  for (let k = 0; k < 2; k++) await new Promise((r) => requestAnimationFrame(r));
  await new Promise((r) => setTimeout(r, 100));
  running = false;
  const gap = (from, to) => {
    let m = 0;
    for (let i = 1; i < frames.length; i++)
      if (frames[i] >= from && frames[i - 1] <= to) m = Math.max(m, frames[i] - frames[i - 1]);
    return m;
  };
  const end = performance.now();
  return {
    ms: t1 - t0,
    ok: !!reply?.ok,
    error: reply?.error,
    documents: reply?.result?.documents,
    gapBefore: gap(0, t0 - 1),
    gapDuring: gap(t0, t1),
    gapAfter: gap(t1, end),
    rowsAfterReply: rowsAt - t1,
    n,
  };
}

/**
 * In the popup: frames counted while the member applies an import through the import control
 * (the file already chosen and previewed): from the click on Apply to the report.
 */
async function applyInPopup() {
  const frames = [];
  let running = true;
  const loop = () => {
    frames.push(performance.now());
    if (running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  await new Promise((r) => setTimeout(r, 250));
  // Not the view tab "Import / export": the preview's button.
  const button = [.../** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('button:not([role=tab])'))].find(
    (b) => /^(Import|Apply)/.test(b.textContent ?? ''),
  );
  const t0 = performance.now();
  button.click();
  let text = '';
  for (const until = t0 + 120_000; performance.now() < until;) {
    const status = [...document.querySelectorAll('[role=status]')].find((e) => /added/.test(e.textContent ?? ''));
    const error = document.querySelector('[role=alert]');
    if (status || error) {
      text = (status ?? error).textContent ?? '';
      break;
    }
    await new Promise((r) => requestAnimationFrame(r));
  }
  const t1 = performance.now();
  for (let k = 0; k < 2; k++) await new Promise((r) => requestAnimationFrame(r));
  running = false;
  let gap = 0;
  for (let i = 1; i < frames.length; i++)
    if (frames[i] >= t0 && frames[i - 1] <= t1) gap = Math.max(gap, frames[i] - frames[i - 1]);
  return { ms: t1 - t0, gap, text };
}

/** The same import through the popup's import control: choose the file (preview), then Apply. */
async function importThroughControl(env, file, n) {
  const b = await launch(env);
  try {
    const page = await b.context.newPage();
    await page.bringToFront();
    await page.goto(b.popupUrl());
    await sleep(1500);
    await page.getByRole('tab', { name: /import/i }).click();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('button', { name: /^(Import|Apply)/ }).waitFor({ timeout: 120_000 });
    await sleep(500);
    const r = await page.evaluate(applyInPopup);
    if (!new RegExp(`${n}\\s*documents? added`).test(r.text.replace(/[,\u202f\u00a0]/g, '')))
      throw new Error(`import through the control: ${r.text}`);
    return r;
  } finally {
    await b.close();
  }
}

export async function run({ env, runs, quick, log }) {
  const n = quick ? 5000 : 50_000;
  const text = bigIndex(n);
  const rows = [];
  for (let i = 0; i < runs; i++) {
    if (env.enough(i)) break;
    // A new browser profile each run: an empty index (the background keeps a copy of the index
    // in memory, so emptying IndexedDB behind its back would not do).
    const b = await launch(env);
    try {
      const page = await b.context.newPage();
      await page.bringToFront();
      await page.goto(b.popupUrl());
      await sleep(1500); // the popup's first render with an empty index
      await page.evaluate((t) => {
        window.__importText = t;
      }, text);
      await sleep(200);
      const r = await page.evaluate(importInPopup, { n, afterMs: 30_000 });
      await page.close();
      if (!r.ok || r.documents?.added !== n) throw new Error(`import: ${r.error ?? JSON.stringify(r.documents)}`);
      log(
        `  run ${i + 1}: ${r.ms.toFixed(0)} ms = ${Math.round(n / (r.ms / 1000))} docs/s; longest frame gap ${r.gapDuring.toFixed(0)} ms during, ${r.gapAfter.toFixed(0)} ms after (list back ${r.rowsAfterReply.toFixed(0)} ms after the reply)`,
      );
      rows.push(r);
    } finally {
      await b.close();
    }
  }
  // The member's way: the import control sends the file in pieces and shows progress.
  const dir = mkdtempSync(join(tmpdir(), 'docket-s6-'));
  const file = join(dir, 'bench-index.json');
  writeFileSync(file, text);
  const ui = [];
  try {
    for (let i = 0; i < rows.length; i++) {
      const r = await importThroughControl(env, file, n);
      log(
        `  through the import control ${i + 1}: Apply → report ${r.ms.toFixed(0)} ms = ${Math.round(n / (r.ms / 1000))} docs/s; longest frame gap ${r.gap.toFixed(0)} ms`,
      );
      ui.push(r);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    runsDone: rows.length,
    params: { documents: n, fileBytes: Buffer.byteLength(text) },
    figures: [
      figure({
        name: `Import throughput (${n} documents, ${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MiB)`,
        unit: 'docs/s',
        docket: rows.map((r) => n / (r.ms / 1000)),
        budget: { on: 'docket', op: '>=', limit: 10_000, text: '≥ 10,000/s' },
      }),
      figure({ name: '· import/apply round trip', docket: rows.map((r) => r.ms) }),
      figure({
        name: 'Popup: longest frame gap during the import',
        docket: rows.map((r) => r.gapDuring),
        baseline: rows.map((r) => r.gapBefore),
        budget: { on: 'docket', op: '<=', limit: 50, text: '≤ 50 ms (no long task)' },
        note: 'baseline column: the same popup before the import',
      }),
      figure({
        name: 'Popup: longest frame gap while it reloads its list after the import',
        docket: rows.map((r) => r.gapAfter),
      }),
      figure({ name: '· reply → rows listed again', docket: rows.map((r) => r.rowsAfterReply) }),
      figure({ name: 'Through the import control: Apply → report', docket: ui.map((r) => r.ms) }),
      figure({
        name: 'Through the import control: longest frame gap',
        docket: ui.map((r) => r.gap),
        budget: { on: 'docket', op: '<=', limit: 50, text: '≤ 50 ms (no long task)' },
      }),
    ],
    raw: { message: rows, control: ui },
  };
}
