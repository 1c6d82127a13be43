// A tiny static server for the sample site and test pages, on 127.0.0.1 and a free port.
// Chromium reaches it as http://www.intgovforum.org/… through --host-resolver-rules,
// so the content script runs there as on the real site, with no extra permission.
import { createServer } from 'node:http';
import { seedIndexPage, seedPages } from './seed-pages.mjs';

export const SITE_HOST = 'www.intgovforum.org';

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
    url: (path = '/') => `http://${SITE_HOST}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
