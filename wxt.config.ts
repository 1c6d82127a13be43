import { defineConfig } from 'wxt';
import { DEFAULT_SITE_PATTERNS } from './utils/shared/sites';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: what a content script pulls in stays visible.
  imports: false,
  zip: { excludeSources: ['artifacts/**', 'bench-results/**', 'docs/**'] },
  manifest: ({ browser }) => ({
    name: 'Docket',
    description: 'Owner, deadline and status next to every Google document link on the pages your working group reads.',
    // storage: the index revision that tells open pages to refresh their badges.
    // scripting: run on the sites the member enables (CONTRACT §5).
    // unlimitedStorage: the browser must never evict the index.
    // activeTab: the popup may read the current tab's address when the member opens it (to offer "Enable on this site").
    // contextMenus: "Track in Docket…" on links, "Scan this page". alarms: the daily reminder check.
    permissions: ['storage', 'scripting', 'unlimitedStorage', 'activeTab', 'contextMenus', 'alarms'],
    host_permissions: [...DEFAULT_SITE_PATTERNS],
    // Every other site is the member's to enable, one origin at a time (MV2 has no optional_host_permissions);
    // notifications only when the member turns reminders on.
    ...(browser === 'firefox'
      ? { optional_permissions: ['*://*/*', 'notifications'] }
      : { optional_host_permissions: ['*://*/*'], optional_permissions: ['notifications'] }),
    omnibox: { keyword: 'dk' },
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+D' },
        description: 'Open Docket',
      },
    },
    action: { default_title: 'Docket' },
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'none'"
        : { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" },
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
