// Renders the seed minutes (../shared/seeds/*.txt: plain text with a little Markdown)
// as the HTML pages the working group reads on intgovforum.org: headings for agenda
// items, paragraphs, bold, Markdown links and bare URLs as <a>. A URL broken across
// lines stays text, as it is in the PDF copy the seed came from.
import { isItemLine } from '../../utils/shared/agenda-item.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const SEEDS_DIR = resolve(here, '../../../shared/seeds');

const escape = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Inline text → HTML: Markdown links, <bare URLs>, bare URLs, **bold**. */
function inline(text) {
  const parts = [];
  const re = /\[([^\]]+)\]\(([^)\s]+)\)|<(https?:\/\/[^>\s]+)>|(https?:\/\/[^\s<>()]*[^\s<>().,;:])|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    parts.push(escape(text.slice(last, m.index)));
    if (m[1] !== undefined) parts.push(`<a href="${escape(m[2])}">${escape(m[1])}</a>`);
    else if (m[3] !== undefined || m[4] !== undefined) {
      const url = m[3] ?? m[4];
      parts.push(`<a href="${escape(url)}">${escape(url)}</a>`);
    } else parts.push(`<strong>${escape(m[5])}</strong>`);
    last = m.index + m[0].length;
  }
  parts.push(escape(text.slice(last)));
  return parts.join('');
}

/**
 * The PDF copies break long Drive links across lines ("…/d/1lutZTnFaGLhMm-⏎QK3h…/edit"):
 * the web page they stand for has the whole link, so join a Google link whose id was
 * cut with the id-like start of the next line.
 */
export function joinBrokenLinks(text) {
  return text.replace(
    /(https?:\/\/(?:docs|drive)\.google\.com\/\S*\/d\/[A-Za-z0-9_-]+)[ \t]*\n[ \t]*([A-Za-z0-9_-]+(?:[/?#][^\s]*)?)/g,
    '$1$2',
  );
}

/** One seed's text → { title, meetingDate, html } (a whole page). */
export function renderSeed(text, { name = 'minutes' } = {}) {
  const blocks = joinBrokenLinks(text.replace(/\r\n?/g, '\n'))
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const body = [];
  let title = '';
  for (const block of blocks) {
    const lines = block.split('\n').map((l) => l.trim());
    const plain = lines.join(' ').replace(/\*\*/g, '').trim();
    if (!title && lines.length <= 2 && !/^\d/.test(plain) && /working group|mag wg/i.test(plain) && plain.length < 100) {
      title = plain;
      body.push(`<h1>${inline(lines.join(' '))}</h1>`);
    } else if (lines.length === 1 && isItemLine(plain)) {
      body.push(`<h2>${inline(lines[0])}</h2>`);
    } else if (lines.every((l) => /^[-•]\s|^\s*-\s/.test(l))) {
      body.push(`<ul>${lines.map((l) => `<li>${inline(l.replace(/^[-•]\s*/, ''))}</li>`).join('')}</ul>`);
    } else {
      body.push(`<p>${lines.map(inline).join('<br>\n')}</p>`);
    }
  }
  const date =
    /(\d{1,2})\s*(January|February|March|April|May|June|July|August|September|October|November|December)\s*(\d{4})/i.exec(text);
  const meetingDate = date ? `${date[1]} ${date[2][0].toUpperCase()}${date[2].slice(1).toLowerCase()} ${date[3]}` : '';
  const pageTitle = `${title || 'Working Group minutes'}${meetingDate ? ` — ${meetingDate}` : ''}`;
  return {
    name,
    title: pageTitle,
    meetingDate,
    html: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(pageTitle)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}a{color:#0b5cad;overflow-wrap:anywhere}</style>
</head><body><header><a href="/">IGF — Working Group on Strategy</a></header><main>
${body.join('\n')}
</main></body></html>`,
  };
}

/** Every seed, rendered, in file order: [{ file, path, title, meetingDate, html }]. */
export function seedPages(dir = SEEDS_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file, i) => {
      const page = renderSeed(readFileSync(join(dir, file), 'utf8'), { name: file });
      return { file, path: `/wg-strategy/minutes-${i}.html`, ...page };
    });
}

/** The index page linking every rendered seed. */
export function seedIndexPage(pages) {
  const items = pages.map((p) => `<li><a href="${p.path}">${escape(p.title)}</a></li>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>WG-Strategy minutes</title></head>
<body><h1>MAG Working Group on IGF Strengthening and Strategy: meeting summaries</h1><ul>${items}</ul></body></html>`;
}
