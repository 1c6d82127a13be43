// Scenario 7: what the built extension weighs (raw and gzip), per entrypoint.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure } from '../lib/report.mjs';

export const id = 'S7';
export const title = 'Size of the built extension (.output/chrome-mv3)';
/** Reads files only: no need to wait for a quiet machine. */
export const quiet = false;

/** 30 kB as WXT's build output counts it (1 kB = 1,000 bytes). */
const CONTENT_BUDGET = 30_000;

function files(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile());
}

const weigh = (path) => {
  const buf = readFileSync(path);
  return { raw: buf.length, gzip: gzipSync(buf).length };
};

export async function run({ env, log }) {
  const dir = env.extensionDir;
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const all = files(dir).map((f) => ({ file: relative(dir, f), ...weigh(f) }));
  const byFile = new Map(all.map((f) => [f.file, f]));

  // Entrypoints and the files each one loads.
  /** @type {{ name: string, files: string[], raw?: number, gzip?: number }[]} */
  const entries = [];
  const bg = manifest.background?.service_worker;
  if (bg) entries.push({ name: 'background', files: [bg] });
  for (const [i, cs] of (manifest.content_scripts ?? []).entries())
    entries.push({ name: `content script${i ? ` ${i + 1}` : ''}`, files: [...(cs.js ?? []), ...(cs.css ?? [])] });
  // The content script's later part (issue 27): the web-accessible scripts its first part imports.
  const content0 = entries.find((e) => e.name === 'content script');
  const war = (manifest.web_accessible_resources ?? []).flatMap((w) => (typeof w === 'string' ? [w] : (w.resources ?? [])));
  const later = war.filter((f) => f.endsWith('.js') && byFile.has(f));
  if (content0 && later.length) {
    entries.push({ name: 'content script, first part', files: [...content0.files] });
    entries.push({ name: 'content script, later part (loaded when a page has a document link)', files: later });
    content0.files.push(...later);
  }
  // Registered at run time (the content script on enabled sites): every file under content-scripts/.
  for (const f of all.filter((f) => f.file.startsWith('content-scripts/') && !entries.some((e) => e.files.includes(f.file)))) {
    entries.push({ name: f.file, files: [f.file] });
  }
  const popup = manifest.action?.default_popup;
  if (popup && existsSync(join(dir, popup))) {
    const html = readFileSync(join(dir, popup), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => relative(dir, resolve(dir, m[1].replace(/^\//, ''))));
    const loaded = new Set([popup, ...refs.filter((r) => byFile.has(r))]);
    // Chunks the popup's modules import.
    for (let grew = true; grew;) {
      grew = false;
      for (const f of [...loaded]) {
        if (!f.endsWith('.js')) continue;
        const text = readFileSync(join(dir, f), 'utf8');
        for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g)) {
          const r = relative(dir, resolve(join(dir, f), '..', m[1]));
          if (byFile.has(r) && !loaded.has(r)) {
            loaded.add(r);
            grew = true;
          }
        }
      }
    }
    entries.push({ name: 'popup', files: [...loaded] });
  }
  for (const e of entries) {
    e.raw = e.files.reduce((n, f) => n + (byFile.get(f)?.raw ?? 0), 0);
    e.gzip = e.files.reduce((n, f) => n + (byFile.get(f)?.gzip ?? 0), 0);
  }

  const content = entries.find((e) => e.name === 'content script');
  const contentText = content
    ? content.files
        .filter((f) => f.endsWith('.js'))
        .map((f) => readFileSync(join(dir, f), 'utf8'))
        .join('\n')
    : '';
  const reactMarks = (
    contentText.match(/react\.(?:transitional\.)?element|__SECRET_INTERNALS|__CLIENT_INTERNALS|react-dom/g) ?? []
  ).length;
  const hasPolyfill = /webextension-polyfill/.test(contentText);
  let polyfillMin = NaN;
  try {
    polyfillMin = statSync(resolve(env.root, 'node_modules/webextension-polyfill/dist/browser-polyfill.min.js')).size;
  } catch {
    // not installed that way
  }
  const total = all.reduce((n, f) => n + f.raw, 0);
  const totalGz = all.reduce((n, f) => n + f.gzip, 0);
  for (const e of entries)
    log(`  ${e.name}: ${e.raw.toLocaleString('en-US')} B raw, ${e.gzip.toLocaleString('en-US')} B gzip (${e.files.join(', ')})`);
  log(
    `  total: ${total.toLocaleString('en-US')} B raw, ${totalGz.toLocaleString('en-US')} B gzip; webextension-polyfill in the content script: ${hasPolyfill ? `yes (its own minified build: ${polyfillMin} B)` : 'no'}`,
  );

  const kb = (b) => b / 1000;
  const figures = [];
  if (content) {
    figures.push(
      figure({
        name: 'Content script, raw (both parts)',
        unit: 'kB',
        docket: [kb(content.raw)],
        budget: { on: 'docket', op: '<=', limit: kb(CONTENT_BUDGET), text: '≤ 30 kB' },
        note: '1 kB = 1,000 B',
      }),
    );
    figures.push(figure({ name: 'Content script, gzip', unit: 'kB', docket: [kb(content.gzip)] }));
    const first = entries.find((e) => e.name === 'content script, first part');
    if (first)
      figures.push(
        figure({
          name: 'Content script, first part (every page), minified',
          unit: 'kB',
          docket: [kb(first.raw)],
          budget: { on: 'docket', op: '<=', limit: 8, text: '≤ 8 kB' },
        }),
      );
    figures.push(
      figure({
        name: 'React in the content script (markers found)',
        unit: 'count',
        docket: [reactMarks],
        budget: { on: 'docket', op: '<=', limit: 0, text: 'none' },
      }),
    );
    if (hasPolyfill && Number.isFinite(polyfillMin))
      figures.push(
        figure({ name: '· webextension-polyfill bundled in it (its minified build)', unit: 'kB', docket: [kb(polyfillMin)] }),
      );
  }
  for (const e of entries.filter((x) => x !== content)) {
    figures.push(
      figure({
        name: `${e.name[0].toUpperCase()}${e.name.slice(1)}, raw (gzip ${kb(e.gzip).toFixed(1)} kB)`,
        unit: 'kB',
        docket: [kb(e.raw)],
      }),
    );
  }
  figures.push(figure({ name: `Whole extension, raw (gzip ${kb(totalGz).toFixed(1)} kB)`, unit: 'kB', docket: [kb(total)] }));
  return { params: { manifestVersion: manifest.manifest_version }, figures, files: all, entries };
}
