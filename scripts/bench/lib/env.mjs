// Browser, server and extension helpers shared by the scenarios.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchWithDocket } from '../../lib/browser.mjs';
import { startServer } from '../../lib/server.mjs';
import { routes } from '../pages.mjs';
import { startTrace } from './trace.mjs';

/**
 * Copy the built extension aside, so that a rebuild during the run (other work in the
 * same checkout) cannot change what is measured half-way.
 */
export function snapshotExtension(from = EXTENSION_DIR) {
  if (!existsSync(join(from, 'manifest.json'))) throw new Error(`No built extension at ${from}: run \`npx wxt build\` first.`);
  const dir = mkdtempSync(join(tmpdir(), 'docket-bench-ext-'));
  cpSync(from, dir, { recursive: true });
  for (const f of ['manifest.json', 'background.js', 'content-scripts/content.js', 'popup.html']) {
    if (!existsSync(join(dir, f))) throw new Error(`The build at ${from} is incomplete (no ${f}): is a build running?`);
  }
  writeFloorPages(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The floor pages (issue 27) in a copy of a build: FLOOR_PAGES.popup and .tab, never in the build itself nor its zip. */
export const FLOOR_PAGES = { popup: 'bench-floor-popup.html', tab: 'bench-floor-tab.html' };

/**
 * The browser's own cost of opening an extension page, for the popup and the tab: the same page of the
 * same build (its HTML head and style sheets) without its scripts, its first row already in the HTML
 * (the markup the probes of S5 and S9 wait for). The first row of Docket's pages is measured as a ratio to it.
 */
function writeFloorPages(dir) {
  const floor = (source, row) =>
    readFileSync(join(dir, source), 'utf8')
      .replace(/<script\b[^>]*>\s*<\/script>\s*/g, '')
      .replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
      .replace('<div id="root"></div>', `<div id="root">${row}</div>`);
  writeFileSync(
    join(dir, FLOOR_PAGES.popup),
    floor('popup.html', '<main><ul class="doc-list"><li data-doc-id="floor"><span>Floor: one static row</span></li></ul></main>'),
  );
  writeFileSync(
    join(dir, FLOOR_PAGES.tab),
    floor(
      'docket.html',
      '<main><div class="table-scroll"><table><tbody><tr data-doc-id="floor"><td>Floor: one static row</td></tr></tbody></table></div></main>',
    ),
  );
}

/** A server with the given pages, Chromium with Docket. Pages are reachable as Docket's host and as 127.0.0.1 (no Docket). */
export async function launch(env, pages = {}) {
  const server = await startServer(routes(pages));
  const browser = await launchWithDocket({ port: server.port, extensionDir: env.extensionDir });
  return {
    server,
    ...browser,
    /** URL where Docket runs (www.intgovforum.org). */
    docketUrl: (path) => server.url(path),
    /** The same page where it does not (not a host the content script matches). */
    plainUrl: (path) => `http://127.0.0.1:${server.port}${path}`,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** An extension page (popup.html) to send page-only messages from. */
export async function extensionPage(b, query = '') {
  const page = await b.context.newPage();
  await page.goto(b.popupUrl(query));
  return page;
}

/** Send one protocol message from an extension page; returns the reply. */
export function sendFromPage(page, type, data) {
  return page.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data]);
}

/** Import an interchange file through the popup page (the background only takes writes from extension pages). */
export async function importIndex(b, text, filename = 'bench.json') {
  const page = await extensionPage(b);
  try {
    const reply = await sendFromPage(page, 'import/apply', { text, filename });
    if (!reply?.ok) throw new Error(`import/apply failed: ${reply?.error}`);
    return reply.result;
  } finally {
    await page.close();
  }
}

/** The service worker as Playwright sees it now (it changes after a restart). */
export function currentWorker(b) {
  return b.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${b.extensionId}/`)) ?? b.worker;
}

/**
 * Count lookup messages where the background receives them: a second onMessage listener
 * in the service worker (it never answers, so Docket's own listener still replies).
 */
export async function hookLookups(b) {
  await currentWorker(b).evaluate(() => {
    if (!self.__benchLookups) {
      self.__benchLookups = [];
      chrome.runtime.onMessage.addListener((m, sender) => {
        if (m && m.type === 'lookup')
          self.__benchLookups.push({ ids: m.data?.ids?.length ?? 0, at: Date.now(), tab: sender.tab?.id ?? null });
        return undefined;
      });
    }
    self.__benchLookups.length = 0;
  });
}
export function readLookups(b) {
  return currentWorker(b).evaluate(() => self.__benchLookups?.slice() ?? null);
}

/**
 * Docket's isolated world in a page, through CDP: the content script's execution context.
 * Lets the benchmark hook DOM methods as Docket sees them, and send messages as the content script.
 */
export async function docketWorld(cdp, { timeout = 15_000 } = {}) {
  const contexts = [];
  let wake;
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    contexts.push(context);
    wake?.();
  });
  cdp.on('Runtime.executionContextsCleared', () => (contexts.length = 0));
  await cdp.send('Runtime.enable');
  const find = () => contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Docket');
  return {
    async context() {
      const until = Date.now() + timeout;
      for (;;) {
        const c = find();
        if (c) return c.id;
        if (Date.now() > until)
          throw new Error(`No Docket world (contexts: ${contexts.map((x) => `${x.name}:${x.auxData?.type}`).join(', ')})`);
        await new Promise((r) => {
          wake = r;
          setTimeout(r, 100);
        });
      }
    },
    async evaluate(expression) {
      const contextId = await this.context();
      const res = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
      if (res.exceptionDetails)
        throw new Error(`In Docket's world: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
      return res.result.value;
    },
  };
}

/** Stop Docket's service worker (CDP ServiceWorker domain, from an extension page's session) and wait until it is stopped. */
export async function stopServiceWorker(cdp) {
  const status = new Map();
  let wake;
  const onUpdate = ({ versions }) => {
    for (const v of versions) status.set(v.versionId, v.runningStatus);
    wake?.();
  };
  cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const until = Date.now() + 10_000;
  while (![...status.values()].length || [...status.values()].some((s) => s !== 'stopped')) {
    if (Date.now() > until) throw new Error(`The service worker did not stop: ${JSON.stringify([...status])}`);
    await new Promise((r) => {
      wake = r;
      setTimeout(r, 50);
    });
  }
  cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
  await cdp.send('ServiceWorker.disable');
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A new tab with tracing on while `during(page, cdp)` runs (load, inject, wait).
 * Returns the trace events, what `during` returned, and the page (still open: the caller closes it).
 */
export async function traced(b, during, { metrics = false } = {}) {
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  if (metrics) await cdp.send('Performance.enable');
  await page.bringToFront();
  const trace = await startTrace(cdp);
  let result;
  let failure;
  try {
    result = await during(page, cdp);
  } catch (error) {
    failure = error;
  }
  const events = await trace.stop();
  if (failure) {
    await page.close().catch(() => undefined);
    throw failure;
  }
  return { events, result, page, cdp };
}

export async function getMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}
