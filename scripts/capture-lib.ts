/**
 * What eval:capture and fit:capture share: the batches of minutes with their keys, the groups
 * (leave-one-group-out folds), scanning a page with a given item model, scoring it, and the fit
 * step's examples (each key row's item choices and which of them the key accepts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readPdf } from '../utils/popup/scan/pdf';
import type { PdfJs } from '../utils/popup/scan/pdf';
import { scanDocument } from '../utils/popup/scan/scan';
import type { ScanResult } from '../utils/popup/scan/scan';
import type { ItemModel } from '../utils/popup/scan/item-model';
import type { FitExample } from '../utils/popup/scan/item-fit';
import type { Workstream } from '../utils/shared/model';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..');
/** A fixed "today" far from every page: a proposal that used today instead of the meeting would show. */
export const TODAY = '2031-01-01';
/** The rule the outline had before the fit (its choice, one cue): the baseline design. */
export const RULE_MODEL: ItemModel = { cues: ['rule_pick'], weights: [1] };

/** The shared folder (../shared from the main checkout; found upwards from a worktree too), or $DOCKET_SHARED. */
function sharedDir(): string {
  if (process.env.DOCKET_SHARED) return resolve(process.env.DOCKET_SHARED);
  for (let dir = ROOT; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared');
    if (existsSync(join(candidate, 'minutes-corpus', 'expected.tsv'))) return candidate;
    if (dirname(dir) === dir) return resolve(ROOT, '../shared');
  }
}

export interface KeyRow {
  page: string;
  url: string;
  meetingDate: string;
  id: string;
  workstream: string;
  deadline: string;
  evidence: string;
}

export interface Page {
  batch: string;
  file: string;
  /** The leave-one-group-out fold: the group that wrote the page. */
  group: string;
  url: string;
  html: string;
  title?: string;
  rows: KeyRow[];
  error?: string;
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

/**
 * A page's group, from its file name: the words before the first one with a digit
 * ("openssf_tac_2023-04-04" → "openssf_tac"); a group whose name extends another's
 * ("unicode_mfwg_chair_group") is that group (held out together). Seeds are one group.
 */
export function groupsOf(batch: string, files: readonly string[]): Map<string, string> {
  const base = new Map<string, string>();
  for (const f of files) {
    if (batch === 'seeds') {
      base.set(f, 'seeds');
      continue;
    }
    const words = f.replace(/\.(?:html|pdf)$/, '').split('_');
    const cut = words.findIndex((w) => /^\d/.test(w));
    base.set(f, (cut > 0 ? words.slice(0, cut) : words).join('_'));
  }
  const names = [...new Set(base.values())].sort((a, b) => a.length - b.length);
  const out = new Map<string, string>();
  for (const [f, g] of base) {
    const parent = names.find((n) => n !== g && g.startsWith(`${n}_`));
    out.set(f, `${batch}/${parent ?? g}`);
  }
  return out;
}

const window = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
  },
});

export async function closeWindow(): Promise<void> {
  await window.happyDOM.close();
}

export const BATCHES = (() => {
  const shared = sharedDir();
  return [
    { name: 'corpus', dir: join(shared, 'minutes-corpus'), pages: join(shared, 'minutes-corpus', 'pages') },
    { name: 'batch 2', dir: join(shared, 'minutes-corpus-2'), pages: join(shared, 'minutes-corpus-2', 'pages') },
    { name: 'seeds', dir: resolve(ROOT, 'tests/fixtures/minutes'), pages: resolve(ROOT, 'tests/fixtures/minutes') },
  ];
})();

/** Every page of every batch, read once (PDFs through pdf.js, as the popup reads them). */
export async function loadPages(filter?: string): Promise<Page[]> {
  const out: Page[] = [];
  for (const b of BATCHES) {
    const key = readKey(join(b.dir, 'expected.tsv'));
    const files = readdirSync(b.pages)
      .filter((f) => /\.(?:html|pdf)$/.test(f))
      .sort();
    const groups = groupsOf(b.name, files);
    for (const file of files) {
      if (filter && !file.includes(filter)) continue;
      const rows = key.filter((r) => r.page === file);
      const url = rows[0]?.url || `https://www.intgovforum.org/wg-strategy/${file}`;
      const page: Page = { batch: b.name, file, group: groups.get(file)!, url, html: '', rows };
      const path = join(b.pages, file);
      try {
        if (file.endsWith('.pdf')) {
          const pdf = await readPdf(pdfjs as unknown as PdfJs, new Uint8Array(readFileSync(path)));
          page.html = pdf.html;
          if (pdf.title) page.title = pdf.title;
        } else page.html = readFileSync(path, 'utf8');
      } catch (e) {
        page.error = String(e);
      }
      out.push(page);
    }
  }
  return out;
}

export interface ScanRun {
  model?: ItemModel;
  explain?: boolean;
  workstreams?: readonly Workstream[];
}

export function scanPage(page: Page, run: ScanRun = {}): ScanResult {
  const doc = new window.DOMParser().parseFromString(page.html, 'text/html') as unknown as Document;
  return scanDocument(doc, {
    url: page.url,
    workstreams: run.workstreams ?? [],
    today: TODAY,
    ...(page.title ? { title: page.title } : {}),
    ...(run.model ? { model: run.model } : {}),
    ...(run.explain ? { explain: true } : {}),
  });
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** The corpus README's scoring: case-folded, whitespace-collapsed, one containing the other; none is a value. */
export function workstreamRight(expected: string, got: string | undefined): boolean {
  const e = fold(expected);
  const g = fold(got ?? '');
  if (!e || !g) return !e && !g;
  return e.includes(g) || g.includes(e);
}

/** The fit step's examples of a page: each key row's choices, and which the key accepts. */
export function examplesOf(page: Page, result: ScanResult): Array<FitExample & { group: string }> {
  const byId = new Map(result.candidates.map((c) => [c.id, c]));
  const out: Array<FitExample & { group: string }> = [];
  for (const r of page.rows) {
    const choices = byId.get(r.id)?.choices;
    if (!choices) continue;
    const accepted = choices.flatMap((c, i) => (workstreamRight(r.workstream, c.heading?.name ?? '') ? [i] : []));
    if (accepted.length) out.push({ choices, accepted, group: page.group });
  }
  return out;
}

export interface Score {
  rows: number;
  found: number;
  workstream: number;
  deadline: number;
  extra: number;
  /** Rows whose key names a workstream, and those of them right. */
  named: number;
  namedRight: number;
}

export const emptyScore = (): Score => ({ rows: 0, found: 0, workstream: 0, deadline: 0, extra: 0, named: 0, namedRight: 0 });

export function addScore(a: Score, b: Score): Score {
  return {
    rows: a.rows + b.rows,
    found: a.found + b.found,
    workstream: a.workstream + b.workstream,
    deadline: a.deadline + b.deadline,
    extra: a.extra + b.extra,
    named: a.named + b.named,
    namedRight: a.namedRight + b.namedRight,
  };
}

/** A page's score, and a line per row that is wrong (every row with `verbose`). */
export function scorePage(
  page: Page,
  result: ScanResult,
  verbose = false,
  right: (r: KeyRow, c: ScanResult['candidates'][number] | undefined) => boolean = (r, c) =>
    !!c && workstreamRight(r.workstream, c.workstreamName),
): { score: Score; lines: string[]; meeting?: string } {
  const score = emptyScore();
  const lines: string[] = [];
  const byId = new Map(result.candidates.map((c) => [c.id, c]));
  for (const r of page.rows) {
    const c = byId.get(r.id);
    const found = !!c;
    const ws = right(r, c);
    const dl = found && (c.deadline ?? '') === r.deadline;
    score.rows += 1;
    score.found += Number(found);
    score.workstream += Number(ws);
    score.deadline += Number(dl);
    if (r.workstream) {
      score.named += 1;
      score.namedRight += Number(ws);
    }
    if (verbose || !found || !ws || !dl) {
      const mark = (ok: boolean) => (ok ? '✓' : '✗');
      lines.push(
        `    ${mark(found)} ${r.id}` +
          (found ? '' : ' NOT FOUND') +
          `\n        workstream ${mark(ws)} key ${JSON.stringify(r.workstream)}` +
          (ws ? '' : ` got ${JSON.stringify(c?.workstreamName ?? '')}${c?.workstreamId ? ` (${c.workstreamId})` : ''}`) +
          `\n        deadline   ${mark(dl)} key ${r.deadline || '—'}` +
          (dl ? '' : ` got ${c?.deadline || '—'}${c?.deadlineSentence ? ` from ${JSON.stringify(c.deadlineSentence)}` : ''}`),
      );
    }
  }
  const keyIds = new Set(page.rows.map((r) => r.id));
  for (const c of result.candidates) {
    if (keyIds.has(c.id)) continue;
    score.extra += 1;
    lines.push(`    + extra ${c.id} (${c.url})`);
  }
  const meeting =
    page.rows[0] && (result.meetingDate ?? '') !== page.rows[0].meetingDate
      ? `    (meeting date: key ${page.rows[0].meetingDate || '—'}, scanner ${result.meetingDate || '—'})`
      : undefined;
  return { score, lines, ...(meeting ? { meeting } : {}) };
}
