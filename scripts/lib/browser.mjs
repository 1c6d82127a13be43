// Chromium (Debian's package) with the built extension loaded, driven by playwright-core.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { GOOGLE_HOSTS, SITE_HOST } from './server.mjs';

export const EXTENSION_DIR = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../.output/chrome-mv3');

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('Chromium not found: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).');
  return found;
}

/**
 * Launch Chromium with Docket. `port`: the local server that answers for www.intgovforum.org;
 * `googlePort`: the HTTPS stand-in for docs.google.com and drive.google.com (optional).
 * `userDataDir`: a profile to use and keep (default: a new one, removed on close).
 * Returns { context, extensionId, worker, close }.
 */
export async function launchWithDocket({
  port,
  googlePort,
  headless = true,
  extensionDir = EXTENSION_DIR,
  hosts = {},
  timezoneId = undefined,
  userDataDir: profileDir = undefined,
} = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  // A profile of the caller's (the update tests start the browser again on it) is theirs to remove.
  const userDataDir = profileDir ?? mkdtempSync(join(tmpdir(), 'docket-chromium-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--disable-quic',
  ];
  const rules = [];
  if (port) rules.push(`MAP ${SITE_HOST} 127.0.0.1:${port}`);
  if (googlePort) {
    for (const host of GOOGLE_HOSTS) rules.push(`MAP ${host} 127.0.0.1:${googlePort}`);
    args.push('--ignore-certificate-errors');
  }
  // More host names for tests (a feed server, a site without permission): name → local port.
  for (const [host, hostPort] of Object.entries(hosts)) rules.push(`MAP ${host} 127.0.0.1:${hostPort}`);
  if (rules.length) args.push(`--host-resolver-rules=${rules.join(',')}`);
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless,
    args,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1100, height: 800 },
    // A member far from UTC: the pages' zone (Playwright's emulation) and the browser's own, service worker too.
    ...(timezoneId ? { timezoneId, env: { ...process.env, TZ: timezoneId } } : {}),
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    popupUrl: (query = '') => `chrome-extension://${extensionId}/popup.html${query}`,
    async close() {
      await context.close().catch(() => undefined);
      if (!profileDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The browser's tab id of a page (for popup.html?tab=…), asked of the service worker. */
export async function tabIdOf(worker, page) {
  const url = page.url();
  return worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
}
