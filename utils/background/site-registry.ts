/**
 * Sites the member enabled (CONTRACT §5): the granted optional host permissions are
 * the truth; one dynamically registered content script follows them.
 */
import { browser } from 'wxt/browser';
import type { SitesState } from '../shared/protocol';
import { DEFAULT_SITE_PATTERNS } from '../shared/sites';

export const USER_SITES_SCRIPT_ID = 'docket-user-sites';
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

const defaults = new Set<string>(DEFAULT_SITE_PATTERNS);

/** Granted origins beyond the defaults (and never the blanket optional pattern itself). */
export function userPatterns(granted: readonly string[] | undefined): string[] {
  return [...new Set(granted ?? [])].filter((p) => !defaults.has(p) && /^https?:\/\/[^/*]+\/\*$/.test(p)).sort();
}

async function granted(): Promise<string[]> {
  return userPatterns((await browser.permissions.getAll()).origins);
}

/** Make the registered content script match exactly the enabled sites. */
export async function syncRegistration(): Promise<string[]> {
  const enabled = await granted();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [USER_SITES_SCRIPT_ID] });
  if (enabled.length === 0) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [USER_SITES_SCRIPT_ID] });
    return enabled;
  }
  const script = {
    id: USER_SITES_SCRIPT_ID,
    matches: enabled,
    js: [CONTENT_SCRIPT_FILE],
    runAt: 'document_idle' as const,
    allFrames: true,
  };
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return enabled;
}

export async function getSites(): Promise<SitesState> {
  return { defaults: [...DEFAULT_SITE_PATTERNS], enabled: await granted() };
}

export async function enableSite(pattern: string, tabId?: number): Promise<SitesState> {
  if (!(await browser.permissions.contains({ origins: [pattern] }))) {
    throw new Error(`Docket has no permission for ${pattern} yet: allow it when the browser asks.`);
  }
  await syncRegistration();
  if (tabId !== undefined) {
    // Badge the page that is open now, without a reload.
    await browser.scripting
      .executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT_FILE] })
      .catch(() => undefined);
  }
  return getSites();
}

export async function disableSite(pattern: string): Promise<SitesState> {
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  await syncRegistration();
  return getSites();
}

/**
 * After an install, update or reload, Chrome does not run content scripts in tabs that are
 * already open (Firefox does): run Docket there so that their badges come back at once.
 */
export async function injectIntoOpenTabs(patterns: readonly string[]): Promise<number> {
  const tabs = await browser.tabs.query({ url: [...patterns] });
  let injected = 0;
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || tab.discarded) return;
      try {
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT_FILE] });
        injected++;
      } catch {
        // A tab that cannot be scripted (an error page, a tab being closed): skip it.
      }
    }),
  );
  return injected;
}
