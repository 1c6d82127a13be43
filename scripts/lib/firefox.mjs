// Firefox (Debian's firefox-esr) with the built extension installed, driven by puppeteer-core over
// WebDriver BiDi. Firefox has no --host-resolver-rules: a PAC file sends www.intgovforum.org and the
// Google hosts to a small local proxy (proxy.mjs), which hands them to the local test servers.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { GECKO_ID } from './addon-id.mjs';
import { startProxy } from './proxy.mjs';
import { GOOGLE_HOSTS, OTHER_SITE_HOST, SITE_HOST } from './server.mjs';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
/** The add-on's id (wxt.config.ts, browser_specific_settings) and the UUID its pages get here. */
export const ADDON_ID = GECKO_ID;
export const EXTENSION_UUID = 'd0c4e7a1-5e2b-4c59-9f3e-0c7e7a1b0001';
/** The add-on's strict_min_version. */
export const MIN_FIREFOX = 142;

export function firefoxPath() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('Firefox not found: install it with `apt-get install -y firefox-esr` (or set FIREFOX_PATH).');
  return found;
}

/** The major version of the Firefox at `path`; throws with a sentence when it is older than the add-on accepts. */
export function checkFirefoxVersion(path = firefoxPath()) {
  const text = execFileSync(path, ['--version'], { encoding: 'utf8', env: { ...process.env, MOZ_HEADLESS: '1' } }).trim();
  const major = Number(/(\d+)\.\d+/.exec(text)?.[1]);
  if (!(major >= MIN_FIREFOX)) {
    throw new Error(
      `${text} is too old for Docket, which needs Firefox ${MIN_FIREFOX} or later (its strict_min_version). ` +
        'Install a newer firefox-esr (Debian trixie or bookworm-security has one), or set FIREFOX_PATH.',
    );
  }
  return major;
}

/**
 * Launch Firefox with Docket. `port`: the local server that answers for www.intgovforum.org (and
 * lists.example.org, a site Docket does not run on by default);
 * `googlePort`: the HTTPS stand-in for docs.google.com and drive.google.com (optional);
 * `timezoneId`: the member's time zone (an IANA name), for the browser and its pages (TZ).
 * Returns { browser, extensionUuid, popupUrl, output, close }; `output` collects the browser's
 * console output (stdout and stderr lines) from the start.
 */
export async function launchFirefoxWithDocket({
  port,
  googlePort,
  headless = true,
  extensionDir = FIREFOX_EXTENSION_DIR,
  timezoneId,
} = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build:firefox\` first.`);
  }
  const executablePath = firefoxPath();
  checkFirefoxVersion(executablePath);
  const routes = {};
  if (port) for (const host of [SITE_HOST, OTHER_SITE_HOST]) routes[`${host}:80`] = port;
  if (googlePort) for (const host of GOOGLE_HOSTS) routes[`${host}:443`] = googlePort;
  const proxy = await startProxy(routes);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless,
    // The Google stand-in's certificate is a test one.
    acceptInsecureCerts: true,
    // Without it, Firefox does not let a test navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    ...(timezoneId ? { env: { ...process.env, TZ: timezoneId } } : {}),
    extraPrefsFirefox: {
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': proxy.pacUrl,
      // A fixed UUID for the add-on's pages, so the popup's address is known.
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      // Optional permissions (Sites → Enable) granted without the prompt a test cannot answer.
      'extensions.webextOptionalPermissionPrompts': false,
      // Console calls of pages and of the browser itself to stdout, where `output` collects them.
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': true,
    },
  });
  const output = [];
  const collect = (stream) => {
    let rest = '';
    stream?.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      output.push(...lines.filter((l) => l.trim()));
    });
  };
  collect(browser.process()?.stdout);
  collect(browser.process()?.stderr);
  try {
    const id = await browser.installExtension(extensionDir);
    if (id !== ADDON_ID) throw new Error(`Installed add-on ${id}, expected ${ADDON_ID}`);
  } catch (error) {
    await browser.close().catch(() => undefined);
    await proxy.close();
    throw error;
  }
  return {
    browser,
    extensionUuid: EXTENSION_UUID,
    popupUrl: (query = '') => `moz-extension://${EXTENSION_UUID}/popup.html${query}`,
    output,
    async close() {
      await browser.close().catch(() => undefined);
      await proxy.close();
    },
  };
}
