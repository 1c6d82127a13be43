import { defineConfig } from 'wxt';
import { DEFAULT_SITE_PATTERNS } from './utils/shared/sites';

/** Extension pages: own scripts only, no plugins, no <base> rewriting, never framed by another page. */
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: what a content script pulls in stays visible.
  imports: false,
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
    // The same policy for every build: MV2 takes it as a string, MV3 as the object form.
    content_security_policy: manifestVersion === 2 ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'docket@docket.example',
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
