/** A Session in Chromium: the built extension (.output/chrome-mv3) driven by playwright-core. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithDocket } from '../../../scripts/lib/browser.mjs';
import { docketWorld } from './docket-world';
import { tabOf } from './drive';
import { startServers, type Session, type StartSession, type Tab } from './session';

declare const chrome: any;

/** The Playwright page under each Tab (for Session.inDocket). */
const pages = new WeakMap<Tab, Page>();

/** The Playwright page under a Tab of a Chromium session (what only Playwright does: downloads, screenshots). */
export function pageOf(tab: Tab): Page {
  const page = pages.get(tab);
  if (!page) throw new Error(`Not a tab of a Chromium session: ${tab.url()}`);
  return page;
}

export function playwrightTab(page: Page): Tab {
  const tab = tabOf<ElementHandle>({
    url: () => page.url(),
    goto: async (url) => void (await page.goto(url)),
    title: () => page.title(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    run: (expression) => page.evaluate(expression),
    element: async (expression) => (await page.evaluateHandle(expression)).asElement() as ElementHandle | null,
    fill: (h, value) => h.fill(value),
    select: (h, value) => h.selectOption(value).then(() => undefined),
    setFile: (h, path) => h.setInputFiles(path),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  });
  pages.set(tab, page);
  return tab;
}

/**
 * A copy of the build whose manifest also holds `hosts` (host_permissions), in a new directory: the member's
 * earlier "Allow". Chromium's permissions.request grants what the extension already holds at once, without the
 * prompt that headless Chromium shows to no one (and no driver can answer); Docket still asks for exactly what
 * it asks for in the member's own build, and the test sees that request succeed and the read it allows work.
 */
function buildHolding(hosts: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'docket-build-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts];
  writeFileSync(path, JSON.stringify(manifest));
  return dir;
}

export const startChromium: StartSession = async (routes, googleTitles, options = {}) => {
  const servers = await startServers(routes, googleTitles, options.googleSheets);
  const extensionDir = options.allowedHosts?.length ? buildHolding(options.allowedHosts) : undefined;
  const b = await launchWithDocket({ port: servers.server.port, googlePort: servers.google.port, extensionDir });
  const session: Session = {
    browser: 'chromium',
    server: servers.server,
    google: servers.google,
    async open(url) {
      const page = await b.context.newPage();
      await page.goto(url);
      return playwrightTab(page);
    },
    async popup(forTab, query = '') {
      const params = new URLSearchParams(query.replace(/^\?/, ''));
      if (forTab) params.set('tab', String(await session.tabIdOf(forTab)));
      const q = params.toString();
      const page = await b.context.newPage();
      await page.goto(b.popupUrl(q ? `?${q}` : ''));
      return playwrightTab(page);
    },
    async inDocket<R>(tab: Tab, expression: string) {
      const page = pages.get(tab);
      if (!page) throw new Error(`Not a tab of this session: ${tab.url()}`);
      const world = await docketWorld(b.context, page, b.extensionId);
      try {
        return await world.evaluate<R>(expression);
      } finally {
        await world.detach().catch(() => undefined);
      }
    },
    extension: (fn, arg) => b.worker.evaluate(fn as never, arg) as never,
    async tabIdOf(tab) {
      const url = tab.url();
      const id = await b.worker.evaluate(
        async (u: string) => (await chrome.tabs.query({})).find((t: { url?: string }) => t.url === u)?.id as number | undefined,
        url,
      );
      if (id == null) throw new Error(`No tab found for ${url}`);
      return id;
    },
    async nextTab(action) {
      const [page] = await Promise.all([b.context.waitForEvent('page'), action()]);
      await page.waitForLoadState();
      return playwrightTab(page);
    },
    async close() {
      await b.close();
      await servers.close();
      if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
    },
  };
  return session;
};
