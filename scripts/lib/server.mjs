// A tiny static server for the sample site and test pages, on 127.0.0.1 and a free port.
// Chromium reaches it as http://www.intgovforum.org/… through --host-resolver-rules,
// so the content script runs there as on the real site, with no extra permission.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { resolve } from 'node:path';
import { seedIndexPage, seedPages } from './seed-pages.mjs';

export const SITE_HOST = 'www.intgovforum.org';
/** A site Docket does not run on until the member enables it (served by the same local server). */
export const OTHER_SITE_HOST = 'lists.example.org';
/**
 * Where Google serves a sheet published to the web from: `docs.google.com/spreadsheets/d/e/ID/pub?output=csv`
 * answers with a redirect to a `*-sheets.googleusercontent.com` host (one of many; this is the stand-in's).
 */
export const SHEETS_CONTENT_HOST = 'doc-0k-6s-sheets.googleusercontent.com';
/**
 * Hosts the Google stand-in answers for (over HTTPS, with a test certificate; the browsers are told to accept
 * it, which lets them ignore that accounts.google.com and the googleusercontent host are not in it).
 * accounts.google.com is Google's sign-in page, where Docket has no permission.
 */
export const GOOGLE_HOSTS = ['docs.google.com', 'drive.google.com', 'accounts.google.com', SHEETS_CONTENT_HOST];

const TLS_DIR = resolve(import.meta.dirname, '../../tests/fixtures/tls');
const KIND_NAMES = {
  document: 'Google Docs',
  spreadsheets: 'Google Sheets',
  presentation: 'Google Slides',
  forms: 'Google Forms',
  drawings: 'Google Drawings',
};

/**
 * A stand-in for Google's document pages: any /document/d/ID/…, /spreadsheets/d/ID/… (etc.)
 * or drive /file/d/ID/… answers with a small page titled like Google's ("Title - Google Docs").
 * `titles` maps ids to titles. `exports` maps a document id to what its HTML export
 * (`/document/d/ID/export?format=html`) answers: the export's HTML, or an HTTP status (a refusal),
 * or one of the answers Scan must not trust (issue 28, items 12 and 13):
 * - `{ endless: true }`: HTML that never ends (sent as fast as it is read, until the reader stops);
 * - `{ stall: true }`: the start of the HTML, then nothing, never ending;
 * - `{ redirect: 'https://…' }`: a 302 to that address (another site, or Google's sign-in page).
 * `sent` counts the bytes of each export's body sent so far.
 *
 * `sheets` maps a spreadsheet id to what Google answers for it (issue 25, the coordinator's check and Join):
 * - `{ published: 'csv text' }`: a sheet published to the web (its id is the `2PACX-…` one of `/spreadsheets/d/e/ID/`).
 *   `…/pub?output=csv` answers as Google does, with a 307 to `SHEETS_CONTENT_HOST`, which serves the CSV
 *   (`text/csv`, and no `Access-Control-Allow-Origin`: only an extension granted that host can read it);
 *   `…/pubhtml` (and `…/pub` without output=csv) is the web-page form, an HTML table.
 * - `{ private: true }`: a sheet not shared with the world: any of its addresses (`/spreadsheets/d/ID/edit`, …)
 *   redirect to Google's sign-in page, as for a reader who is not signed in.
 * `read` counts each published sheet's CSV reads from the googleusercontent host (the redirect followed).
 */
export async function startGoogleStandIn(titles = {}, exports = {}, sheets = {}) {
  const read = {};
  const server = createTlsServer(
    { key: readFileSync(resolve(TLS_DIR, 'key.pem')), cert: readFileSync(resolve(TLS_DIR, 'cert.pem')) },
    (req, res) => {
      const url = new URL(req.url ?? '/', 'https://x');
      const path = url.pathname;
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      const exp = /^\/document\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)\/export$/.exec(path);
      if (path === '/ServiceLogin') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<title>Sign in - Google Accounts</title>');
        return;
      }
      if (host === SHEETS_CONTENT_HOST) {
        // Google's form: /pub/<token>/<token>/<time>/<n>/*/e@<ID>?output=csv
        const id = /\/e@([A-Za-z0-9_-]+)$/.exec(path)?.[1];
        const sheet = id ? sheets[id] : undefined;
        if (typeof sheet?.published !== 'string') {
          res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<p>Not Found</p>');
          return;
        }
        read[id] = (read[id] ?? 0) + 1;
        res.writeHead(200, { 'content-type': 'text/csv', 'cache-control': 'no-store' }).end(sheet.published);
        return;
      }
      const pub = /^\/spreadsheets\/d\/e\/([A-Za-z0-9_-]+)\/(pub|pubhtml)$/.exec(path);
      if (pub) {
        const sheet = sheets[pub[1]];
        if (sheet?.private) {
          signIn(res, url);
          return;
        }
        if (typeof sheet?.published !== 'string') {
          // A link to a sheet not (or no longer) published.
          res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<title>Page Not Found</title>');
          return;
        }
        if (pub[2] === 'pub' && url.searchParams.get('output') === 'csv') {
          const location = `https://${SHEETS_CONTENT_HOST}/pub/stand1n/0k6s/1765000000000/1/*/e@${pub[1]}${url.search}`;
          res.writeHead(307, { location, 'cache-control': 'no-store' }).end();
          return;
        }
        const cells = sheet.published
          .split(/\r?\n/)
          .map(
            (line) =>
              `<tr>${line
                .split(',')
                .map((c) => `<td>${esc(c)}</td>`)
                .join('')}</tr>`,
          )
          .join('');
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(`<!doctype html><html><head><title>Published sheet</title></head><body><table>${cells}</table></body></html>`);
        return;
      }
      const own = /^\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/.exec(path);
      if (own && sheets[own[1]]?.private) {
        signIn(res, url);
        return;
      }
      if (exp) {
        const answer = exports[exp[1]];
        if (answer && typeof answer === 'object') {
          untrusted(exp[1], answer, res);
          return;
        }
        if (typeof answer === 'string') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(answer);
        else res.writeHead(typeof answer === 'number' ? answer : 404, { 'content-type': 'text/html' }).end('<p>refused</p>');
        return;
      }
      const m = /^\/(?:(document|spreadsheets|presentation|forms|drawings)|file)\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/.exec(path);
      if (!m) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const title = titles[m[2]] ?? 'Untitled document';
      const suffix = m[1] ? KIND_NAMES[m[1]] : 'Google Drive';
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)} - ${suffix}</title></head>` +
            `<body><div role="main"><h1>${esc(title)}</h1><p>(A stand-in for a Google document page.)</p></div></body></html>`,
        );
    },
  );
  const esc = (t) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  /** Google's answer to a reader who is not signed in, for a sheet not shared with the world. */
  function signIn(res, url) {
    const back = encodeURIComponent(`https://docs.google.com${url.pathname}${url.search}`);
    res
      .writeHead(302, { location: `https://accounts.google.com/ServiceLogin?continue=${back}`, 'cache-control': 'no-store' })
      .end();
  }
  const sent = {};
  /** The answers Scan must not trust (see above). */
  function untrusted(id, answer, res) {
    sent[id] = 0;
    if (answer.redirect) {
      res.writeHead(302, { location: answer.redirect, 'cache-control': 'no-store' }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    const piece = Buffer.from(`<p>${'x'.repeat(64 * 1024 - 8)}</p>\n`);
    res.write('<html><body>');
    if (answer.stall) return; // never ends: the connection stays open until the reader closes it
    let open = true;
    res.on('close', () => (open = false));
    const pump = () => {
      while (open) {
        sent[id] += piece.length;
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
    };
    pump();
  }
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: server.address().port,
    sent,
    read,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}

/** Start serving; `routes` maps a path to { type, body } (or a function returning it). */
export async function startServer(routes = {}) {
  const pages = seedPages();
  const table = new Map(Object.entries(routes));
  table.set('/', { type: 'text/html; charset=utf-8', body: seedIndexPage(pages) });
  for (const p of pages) table.set(p.path, { type: 'text/html; charset=utf-8', body: p.html });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    let route = table.get(path);
    if (typeof route === 'function') route = route(req);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    port,
    pages,
    /** Add or replace a route while serving. */
    set: (path, route) => table.set(path, route),
    /** Stop serving a path (it answers 404). */
    remove: (path) => table.delete(path),
    url: (path = '/') => `http://${SITE_HOST}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
