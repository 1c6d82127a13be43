/**
 * `npm run eval:capture`: how well "Scan this page" reads real minutes. A report, not a test.
 *
 * Scans every page of ../shared/minutes-corpus (HTML and PDF), ../shared/minutes-corpus-2 and the seed fixtures
 * (tests/fixtures/minutes: the seeds as rendered pages, a Gmail message, a list archive),
 * compares the proposals with each folder's key (`expected.tsv`) and prints, per page and in
 * all: rows in the key, found, workstream right, deadline right, extra proposals.
 *
 * Scoring, as the corpus README says:
 * - ids exactly; a key row not proposed is not found (and its workstream and deadline are wrong);
 * - workstreams loosely: case-folded, whitespace-collapsed, one containing the other; no
 *   workstream is a value too (key empty ⇔ proposal empty), so an empty key is not matched by
 *   every proposal;
 * - deadlines exactly, "no deadline" counting as a value;
 * - an extra proposal is one whose id has no row in the page's key.
 *
 * Options: `--verbose` (every row, not only the wrong ones), `--page SUBSTRING` (only those
 * pages), `--json FILE` (the figures as JSON), `--quiet` (totals only).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readPdf } from '../utils/popup/scan/pdf';
import type { PdfJs } from '../utils/popup/scan/pdf';
import { scanDocument } from '../utils/popup/scan/scan';
import type { ScanResult } from '../utils/popup/scan/scan';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '..');
/** The shared folder (../shared from the main checkout; found upwards from a worktree too), or $DOCKET_SHARED. */
function sharedDir(): string {
  if (process.env.DOCKET_SHARED) return resolve(process.env.DOCKET_SHARED);
  for (let dir = ROOT; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared');
    if (existsSync(join(candidate, 'minutes-corpus', 'expected.tsv'))) return candidate;
    if (dirname(dir) === dir) return resolve(ROOT, '../shared');
  }
}
const SHARED = sharedDir();
const CORPUS = join(SHARED, 'minutes-corpus');
const CORPUS2 = join(SHARED, 'minutes-corpus-2');
const SEEDS = resolve(ROOT, 'tests/fixtures/minutes');
/** A fixed "today" far from every page: a proposal that used today instead of the meeting would show. */
const TODAY = '2031-01-01';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const quiet = args.includes('--quiet');
const pageFilter = args.includes('--page') ? args[args.indexOf('--page') + 1] : undefined;
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

interface KeyRow {
  page: string;
  url: string;
  meetingDate: string;
  id: string;
  workstream: string;
  deadline: string;
  evidence: string;
}

function readKey(file: string): KeyRow[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const cols = header!.split('\t');
  const at = (name: string) => cols.indexOf(name);
  return lines.map((line) => {
    const f = line.split('\t');
    return {
      page: f[at('page_file')]!.replace(/^pages\//, ''),
      url: f[at('page_url')] ?? '',
      meetingDate: f[at('meeting_date')] ?? '',
      id: f[at('doc_id')] ?? '',
      workstream: f[at('workstream')] ?? '',
      deadline: f[at('deadline')] ?? '',
      evidence: f[at('evidence')] ?? '',
    };
  });
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

export function workstreamRight(expected: string, got: string | undefined): boolean {
  const e = fold(expected);
  const g = fold(got ?? '');
  if (!e || !g) return !e && !g;
  return e.includes(g) || g.includes(e);
}

const window = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
  },
});

async function scanFile(path: string, url: string): Promise<ScanResult | { error: string }> {
  let html: string;
  let title: string | undefined;
  if (path.endsWith('.pdf')) {
    // As the popup reads a PDF shown in the tab: pdf.js, laid out as a page.
    const pdf = await readPdf(pdfjs as unknown as PdfJs, new Uint8Array(readFileSync(path)));
    html = pdf.html;
    title = pdf.title || undefined;
  } else html = readFileSync(path, 'utf8');
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return scanDocument(doc, { url, workstreams: [], today: TODAY, ...(title ? { title } : {}) });
}

interface PageFigures {
  set: string;
  page: string;
  rows: number;
  found: number;
  workstream: number;
  deadline: number;
  extra: number;
  ms: number;
  error?: string;
  lines: string[];
}

async function evalSet(set: string, dir: string, pagesDir: string): Promise<PageFigures[]> {
  const key = readKey(join(dir, 'expected.tsv'));
  const files = readdirSync(pagesDir)
    .filter((f) => /\.(?:html|pdf)$/.test(f))
    .filter((f) => !pageFilter || f.includes(pageFilter))
    .sort();
  const out: PageFigures[] = [];
  for (const file of files) {
    const rows = key.filter((r) => r.page === file);
    const url = rows[0]?.url || `https://www.intgovforum.org/wg-strategy/${file}`;
    const t0 = performance.now();
    const result = await scanFile(join(pagesDir, file), url);
    const ms = performance.now() - t0;
    const fig: PageFigures = {
      set,
      page: file,
      rows: rows.length,
      found: 0,
      workstream: 0,
      deadline: 0,
      extra: 0,
      ms,
      lines: [],
    };
    if ('error' in result) {
      fig.error = result.error;
      out.push(fig);
      continue;
    }
    const byId = new Map(result.candidates.map((c) => [c.id, c]));
    for (const r of rows) {
      const c = byId.get(r.id);
      const found = !!c;
      const ws = found && workstreamRight(r.workstream, c.workstreamName);
      const dl = found && (c.deadline ?? '') === r.deadline;
      fig.found += Number(found);
      fig.workstream += Number(ws);
      fig.deadline += Number(dl);
      if (verbose || !found || !ws || !dl) {
        const mark = (ok: boolean) => (ok ? '✓' : '✗');
        fig.lines.push(
          `    ${mark(found)} ${r.id}` +
            (found ? '' : ' NOT FOUND') +
            `\n        workstream ${mark(ws)} key ${JSON.stringify(r.workstream)}` +
            (ws ? '' : ` got ${JSON.stringify(c?.workstreamName ?? '')}`) +
            `\n        deadline   ${mark(dl)} key ${r.deadline || '—'}` +
            (dl ? '' : ` got ${c?.deadline || '—'}${c?.deadlineSentence ? ` from ${JSON.stringify(c.deadlineSentence)}` : ''}`),
        );
      }
    }
    const keyIds = new Set(rows.map((r) => r.id));
    for (const c of result.candidates) {
      if (keyIds.has(c.id)) continue;
      fig.extra += 1;
      fig.lines.push(`    + extra ${c.id} (${c.url})`);
    }
    if (rows[0] && (result.meetingDate ?? '') !== rows[0].meetingDate) {
      fig.lines.push(`    (meeting date: key ${rows[0].meetingDate || '—'}, scanner ${result.meetingDate || '—'})`);
    }
    out.push(fig);
  }
  return out;
}

function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(1)}%` : '—';
}

function total(figs: PageFigures[]) {
  const sum = (k: 'rows' | 'found' | 'workstream' | 'deadline' | 'extra') => figs.reduce((s, f) => s + f[k], 0);
  return {
    pages: figs.length,
    rows: sum('rows'),
    found: sum('found'),
    workstream: sum('workstream'),
    deadline: sum('deadline'),
    extra: sum('extra'),
    unread: figs.filter((f) => f.error).length,
  };
}

function printSet(name: string, figs: PageFigures[]): ReturnType<typeof total> {
  const t = total(figs);
  if (!quiet) {
    console.log(`\n== ${name}`);
    console.log('  page                                                      rows found  ws  dl extra    ms');
    for (const f of figs) {
      console.log(
        `  ${f.page.padEnd(56)} ${String(f.rows).padStart(4)} ${String(f.found).padStart(5)} ${String(f.workstream).padStart(3)} ${String(
          f.deadline,
        ).padStart(3)} ${String(f.extra).padStart(5)} ${f.ms.toFixed(0).padStart(5)}${f.error ? `  (${f.error})` : ''}`,
      );
      for (const l of f.lines) console.log(l);
    }
  }
  console.log(
    `${name}: ${t.pages} pages${t.unread ? ` (${t.unread} not read)` : ''}, ${t.rows} documents: found ${t.found} (${pct(t.found, t.rows)}), ` +
      `workstream right ${t.workstream} (${pct(t.workstream, t.rows)}), deadline right ${t.deadline} (${pct(t.deadline, t.rows)}), ` +
      `extra proposals ${t.extra}`,
  );
  return t;
}

const corpus = await evalSet('corpus', CORPUS, join(CORPUS, 'pages'));
const batch2 = await evalSet('batch 2', CORPUS2, join(CORPUS2, 'pages'));
const seeds = await evalSet('seeds', SEEDS, SEEDS);
console.log('');
const tc = printSet('corpus', corpus);
const t2 = printSet('batch 2', batch2);
const ts = printSet('seeds', seeds);
if (jsonOut) {
  writeFileSync(
    jsonOut,
    JSON.stringify(
      { corpus: tc, batch2: t2, seeds: ts, pages: [...corpus, ...batch2, ...seeds].map(({ lines: _lines, ...f }) => f) },
      null,
      2,
    ),
  );
}
await window.happyDOM.close();
