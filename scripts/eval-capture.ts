/**
 * `npm run eval:capture`: how well Scan reads real minutes. A report, not a test.
 *
 * Scans every page of ../shared/minutes-corpus (HTML and PDF), ../shared/minutes-corpus-2 and the
 * seed fixtures (tests/fixtures/minutes: the seeds as rendered pages, a Gmail message, a list
 * archive), compares the proposals with each folder's key (`expected.tsv`) and prints, per batch:
 * rows in the key, found, workstream right, deadline right, extra proposals — in-sample (the
 * shipped item model, item-model.json, fitted on every key) beside leave-one-group-out (each
 * group's pages scanned with the model fitted again without that group's pages: the figure on
 * minutes the fit has not seen, the one to improve).
 *
 * Scoring, as the corpus README says:
 * - ids exactly; a key row not proposed is not found (and its workstream and deadline are wrong);
 * - workstreams loosely: case-folded, whitespace-collapsed, one containing the other; no
 *   workstream is a value too (key empty ⇔ proposal empty), so an empty key is not matched by
 *   every proposal;
 * - deadlines exactly, "no deadline" counting as a value;
 * - an extra proposal is one whose id has no row in the page's key.
 *
 * Options: `--verbose` (every row, not only the wrong ones), `--pages` (the wrong rows of each page,
 * leave-one-group-out; with `--in`, in-sample), `--page SUBSTRING` (only those pages), `--json FILE` (the figures as JSON),
 * `--designs` (each design of the item scorer, in-sample and leave-one-group-out), `--warm` (each
 * group's pages scanned with an index holding the group's items as workstreams, other letters and
 * slightly other words: right when the proposal is that workstream).
 */
import { writeFileSync } from 'node:fs';
import { fitItemModel } from '../utils/popup/scan/item-fit';
import type { FitExample } from '../utils/popup/scan/item-fit';
import type { ItemModel } from '../utils/popup/scan/item-model';
import { FITTED_MODEL } from '../utils/popup/scan/item-model';
import type { Workstream } from '../utils/shared/model';
import { nameTokens } from '../utils/popup/scan/workstreams';
import { DESIGNS, SHIPPED_DESIGN } from './capture-designs';
import {
  RULE_MODEL,
  addScore,
  closeWindow,
  emptyScore,
  examplesOf,
  loadPages,
  scanPage,
  scorePage,
  workstreamRight,
} from './capture-lib';
import type { KeyRow, Page, Score } from './capture-lib';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const showPages = args.includes('--pages') || verbose;
const pageFilter = args.includes('--page') ? args[args.indexOf('--page') + 1] : undefined;
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const designs = args.includes('--designs');
const warm = args.includes('--warm');

const pages = await loadPages(pageFilter);
const batches = [...new Set(pages.map((p) => p.batch))];
const groups = [...new Set(pages.map((p) => p.group))];

// The fit step's examples, taken with the fixed rule's outline (no fitted choice leaks in).
const examples: Array<FitExample & { group: string }> = [];
for (const p of pages) if (!p.error) examples.push(...examplesOf(p, scanPage(p, { model: RULE_MODEL, explain: true })));

function fitWithout(group: string | undefined, without: readonly string[]): ItemModel {
  return fitItemModel(
    examples.filter((e) => e.group !== group),
    { without },
  );
}

/** The warm index of a group: its key items as workstreams, other letters, slightly other words. */
function warmIndex(group: string): { workstreams: Workstream[]; idOf: Map<string, string> } {
  const items: string[] = [];
  for (const p of pages)
    if (p.group === group) for (const r of p.rows) if (r.workstream && !items.includes(r.workstream)) items.push(r.workstream);
  const workstreams: Workstream[] = [];
  const idOf = new Map<string, string>();
  // The key writes one item differently on two pages ("B. Improvements to the IGF", "C. Improvements to
  // the IGF"; "Roadmap’s" and "Roadmap's"): an index has one workstream for it, not two.
  const sameItem = new Map<string, string>();
  items.forEach((item, i) => {
    const words = [...nameTokens(item)].sort().join(' ');
    const earlier = sameItem.get(words);
    if (earlier) return void idOf.set(item, earlier);
    sameItem.set(words, `warm-${i}`);
    const letter = String.fromCharCode(90 - (i % 26)); // Z, Y, X…: never the page's own letters in order
    const renamed = item
      .replace(/^\s*(?:[A-Za-z]|[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*)[.)]\s+/, '')
      .replace(/\s*\([^()]*\)\s*$/, '')
      .split(/\s+/);
    // Slightly other wording: the last word's plural toggled, the first word's case changed.
    const last = renamed.length - 1;
    if (renamed.length > 1 && /^[A-Za-z]{4,}$/.test(renamed[last]!))
      renamed[last] = renamed[last]!.endsWith('s') ? renamed[last]!.slice(0, -1) : `${renamed[last]}s`;
    if (renamed[0])
      renamed[0] = renamed[0] === renamed[0].toLowerCase() ? renamed[0][0]!.toUpperCase() + renamed[0].slice(1) : renamed[0];
    const id = `warm-${i}`;
    workstreams.push({ id, name: `${letter}. ${renamed.join(' ')}` });
    idOf.set(item, id);
  });
  return { workstreams, idOf };
}

interface Run {
  name: string;
  byBatch: Map<string, Score>;
  lines: Map<Page, string[]>;
}

function newRun(name: string): Run {
  return { name, byBatch: new Map(batches.map((b) => [b, emptyScore()])), lines: new Map() };
}

/** Scans each page with the model `modelFor(group)` and scores it. */
function runWith(name: string, modelFor: (group: string) => ItemModel | undefined, warmRun = false): Run {
  const run = newRun(name);
  const cache = new Map<string, ItemModel | undefined>();
  for (const p of pages) {
    if (p.error) continue;
    if (!cache.has(p.group)) cache.set(p.group, modelFor(p.group));
    const model = cache.get(p.group);
    const index = warmRun ? warmIndex(p.group) : undefined;
    const result = scanPage(p, { ...(model ? { model } : {}), ...(index ? { workstreams: index.workstreams } : {}) });
    const right = index
      ? (r: KeyRow, c: (typeof result.candidates)[number] | undefined) =>
          !!c && (r.workstream ? c.workstreamId === index.idOf.get(r.workstream) : !c.workstreamName)
      : undefined;
    const { score, lines, meeting } = scorePage(p, result, verbose, right);
    run.byBatch.set(p.batch, addScore(run.byBatch.get(p.batch)!, score));
    run.lines.set(p, meeting ? [...lines, meeting] : lines);
  }
  return run;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
const cell = (n: number, d: number) => `${n}/${d} ${pct(n, d)}`.padEnd(15);

function printSideBySide(inSample: Run, logo: Run, title: string): void {
  console.log(`\n${title}`);
  console.log(
    `  ${'batch'.padEnd(9)} ${'docs'.padStart(4)} ${'found'.padStart(5)}  ${'workstream (in / LOGO)'.padEnd(32)}${'named items (in / LOGO)'.padEnd(
      32,
    )}${'deadline (in / LOGO)'.padEnd(32)}extra`,
  );
  for (const b of batches) {
    const a = inSample.byBatch.get(b)!;
    const l = logo.byBatch.get(b)!;
    console.log(
      `  ${b.padEnd(9)} ${String(a.rows).padStart(4)} ${String(a.found).padStart(5)}  ${cell(a.workstream, a.rows)} ${cell(
        l.workstream,
        l.rows,
      )} ${cell(a.namedRight, a.named)} ${cell(l.namedRight, l.named)} ${cell(a.deadline, a.rows)} ${cell(l.deadline, l.rows)} ${
        a.extra
      }/${l.extra}`,
    );
  }
  const both = (r: Run) => addScore(r.byBatch.get('corpus') ?? emptyScore(), r.byBatch.get('batch 2') ?? emptyScore());
  const a = both(inSample);
  const l = both(logo);
  console.log(
    `  both batches: workstream in-sample ${pct(a.workstream, a.rows)}, leave-one-group-out ${pct(l.workstream, l.rows)}; ` +
      `deadline ${pct(a.deadline, a.rows)} / ${pct(l.deadline, l.rows)}`,
  );
}

function printPages(run: Run): void {
  for (const b of batches) {
    console.log(`\n== ${b} (${run.name})`);
    for (const p of pages.filter((x) => x.batch === b)) {
      const lines = run.lines.get(p) ?? [];
      if (!lines.length && !verbose) continue;
      console.log(`  ${p.file}${p.error ? `  (${p.error})` : ''}  [${p.group}]`);
      for (const line of lines) console.log(line);
    }
  }
}

const shippedWithout = DESIGNS.find((d) => d.name === SHIPPED_DESIGN)!.without;
if (designs) {
  console.log(`examples: ${examples.length} key rows with an acceptable choice, ${groups.length} groups`);
  for (const d of DESIGNS) {
    const inSample =
      d.name === 'rules' ? runWith(d.name, () => RULE_MODEL) : runWith(d.name, () => fitWithout(undefined, d.without));
    const logo = d.name === 'rules' ? inSample : runWith(d.name, (g) => fitWithout(g, d.without));
    printSideBySide(inSample, logo, `design "${d.name}": ${d.about}`);
  }
} else {
  const inSample = runWith('in-sample', () => (warm ? FITTED_MODEL : undefined), warm);
  const logo = runWith('leave-one-group-out', (g) => fitWithout(g, shippedWithout), warm);
  if (showPages) printPages(args.includes('--in') ? inSample : logo);
  printSideBySide(inSample, logo, warm ? 'warm: the group`s items already in the index' : 'cold: an empty index');
  // The shipped model should be the fit on every key (npm run fit:capture writes it).
  const refit = fitWithout(undefined, shippedWithout);
  if (JSON.stringify(refit.weights) !== JSON.stringify(FITTED_MODEL.weights) && !pageFilter)
    console.log('\nNOTE: item-model.json is not the fit on the current keys: run `npm run fit:capture`.');
  if (jsonOut) {
    const obj = (r: Run) => Object.fromEntries(r.byBatch);
    writeFileSync(jsonOut, JSON.stringify({ inSample: obj(inSample), leaveOneGroupOut: obj(logo) }, null, 2));
  }
}
void workstreamRight;
await closeWindow();
