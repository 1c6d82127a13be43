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
 * Hosts the Google stand-in answers for (over HTTPS, with a test certificate; Chromium ignores that
 * accounts.google.com is not in it). accounts.google.com is Google's sign-in page, where Docket has no permission.
 */
export const GOOGLE_HOSTS = ['docs.google.com', 'drive.google.com', 'accounts.google.com'];

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
 */
export async function startGoogleStandIn(titles = {}, exports = {}) {
  const server = createTlsServer(
    { key: readFileSync(resolve(TLS_DIR, 'key.pem')), cert: readFileSync(resolve(TLS_DIR, 'cert.pem')) },
    (req, res) => {
      const path = new URL(req.url ?? '/', 'https://x').pathname;
      const exp = /^\/document\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)\/export$/.exec(path);
      if (path === '/ServiceLogin') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<title>Sign in - Google Accounts</title>');
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
      const esc = (t) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)} - ${suffix}</title></head>` +
            `<body><div role="main"><h1>${esc(title)}</h1><p>(A stand-in for a Google document page.)</p></div></body></html>`,
        );
    },
  );
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
