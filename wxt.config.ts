import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { DEFAULT_SITE_PATTERNS } from './utils/shared/sites';
import { GECKO_ID } from './scripts/lib/addon-id.mjs';

/** Extension pages: own scripts only, no plugins, no <base> rewriting, never framed by another page. */
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: what a content script pulls in stays visible.
  imports: false,
  hooks: {
    // The content script's two parts (issue 27): the first (entrypoints/content.ts) without WXT's
    // context, which brings webextension-polyfill and 3.6 kB of its own to every page (a stand-in
    // that does nothing: utils/content/no-context.ts); both with the browser's own extension API
    // instead of the polyfill (utils/content/native-browser.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      const names = new Set(entrypoints.map((e) => e.name));
      if (!names.has('content') && !names.has('content-badges')) return;
      const file = (path: string) => fileURLToPath(new URL(path, import.meta.url));
      const aliases = [
        { find: /^wxt\/utils\/content-script-context$/, replacement: file('./utils/content/no-context.ts') },
        { find: /^wxt\/browser$/, replacement: file('./utils/content/native-browser.ts') },
      ];
      const existing = config.resolve?.alias;
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(existing)
          ? [...aliases, ...existing]
          : [...aliases, ...Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement }))],
      };
    },
  },
  zip: { excludeSources: ['artifacts/**', 'bench-results/**', 'docs/**'] },
  manifest: ({ browser, manifestVersion }) => ({
    // Name and description in the browser's language (public/_locales).
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    // storage: the index revision that tells open pages to refresh their badges.
    // scripting: run on the sites the member enables (CONTRACT §5).
    // unlimitedStorage: the browser must never evict the index.
    // activeTab: the popup may read the current tab's address when the member opens it (to offer "Enable on this site").
    // contextMenus: "Track in Docket…" on links, "Scan this page". alarms: the daily reminder check.
    permissions: ['storage', 'scripting', 'unlimitedStorage', 'activeTab', 'contextMenus', 'alarms'],
    host_permissions: [...DEFAULT_SITE_PATTERNS],
    // Every other site is the member's to enable, one origin at a time (MV2 has no optional_host_permissions);
    // notifications only when the member turns reminders on.
    ...(manifestVersion === 2
      ? { optional_permissions: ['*://*/*', 'notifications'] }
      : { optional_host_permissions: ['*://*/*'], optional_permissions: ['notifications'] }),
    omnibox: { keyword: 'dk' },
    commands: {
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_command_open__',
      },
    },
    action: { default_title: '__MSG_ext_name__' },
    // The content script's later part (the badge code, entrypoints/content-badges.ts), which the first
    // part imports as a module when a page has a document link (issue 27). Chromium imports only web
    // accessible files into a content script; under its dynamic address (a new one each session, the
    // only one runtime.getURL gives) no page can tell by it that Docket is installed. Firefox imports
    // its own extension's modules into its content scripts without exposing them.
    ...(browser !== 'firefox' && {
      web_accessible_resources: [{ resources: ['content-badges.js'], matches: ['*://*/*'], use_dynamic_url: true }],
    }),
    // The same policy for every build: MV2 takes it as a string, MV3 as the object form.
    content_security_policy: manifestVersion === 2 ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
