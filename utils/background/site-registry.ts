/**
 * Sites the member enabled (CONTRACT §5). A site is enabled when the member chose it (the list in
 * `storage.local`, `sitesItem`) and the browser still grants its permission; one dynamically
 * registered content script follows exactly those. A permission granted for a subscription (a feed
 * Docket reads) is not a site Docket runs on (issue 13, item 11).
 */
import { browser } from 'wxt/browser';
import type { SitesState } from '../shared/protocol';
import { DEFAULT_SITE_PATTERNS, isDefaultSite, originPattern } from '../shared/sites';
import { sitesItem } from './storage-items';
import { SaidError, said } from '../shared/said';

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

/** The origins subscriptions read (set by the background): their permissions are not sites. */
let feedPatterns: () => Promise<string[]> = async () => [];
export function setFeedPatterns(provider: () => Promise<string[]>): void {
  feedPatterns = provider;
}

async function chosen(): Promise<string[]> {
  const value = await sitesItem.get();
  if (value) return userPatterns(value);
  // The first start of a version that keeps the list: every granted site except what subscriptions read.
  const feeds = new Set(await feedPatterns());
  const list = (await granted()).filter((p) => !feeds.has(p));
  await sitesItem.set(list);
  return list;
}

/** The sites Docket runs on beyond the defaults: chosen by the member and still granted. */
export async function enabledSites(): Promise<string[]> {
  const [list, have] = await Promise.all([chosen(), granted()]);
  return list.filter((p) => have.includes(p));
}

/** Whether a page at `url` is one Docket runs on now (a default site, or one the member enabled and still grants). */
export async function mayRunOn(url: string): Promise<boolean> {
  if (isDefaultSite(url)) return true;
  const pattern = originPattern(url);
  return !!pattern && (await enabledSites()).includes(pattern);
}

/**
 * Give back permissions nothing needs any more (a subscription was removed): those that are not
 * a default or enabled site and that no remaining subscription reads.
 */
export async function releaseOrigins(patterns: readonly string[]): Promise<string[]> {
  const [sites, feeds] = await Promise.all([enabledSites(), feedPatterns()]);
  const keep = new Set([...defaults, ...sites, ...feeds]);
  const release = [...new Set(patterns)].filter((p) => !keep.has(p));
  if (release.length) await browser.permissions.remove({ origins: release }).catch(() => false);
  return release;
}

/** Make the registered content script match exactly the enabled sites. */
export async function syncRegistration(): Promise<string[]> {
  const enabled = await enabledSites();
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
  return { defaults: [...DEFAULT_SITE_PATTERNS], enabled: await enabledSites() };
}

export async function enableSite(pattern: string, tabId?: number): Promise<SitesState> {
  if (!(await browser.permissions.contains({ origins: [pattern] }))) {
    throw new SaidError(said('error_no_permission_yet', { pattern }));
  }
  const list = await chosen();
  if (!list.includes(pattern)) await sitesItem.set(userPatterns([...list, pattern]));
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
  await sitesItem.set((await chosen()).filter((p) => p !== pattern));
  // The permission goes too, unless a subscription reads that site.
  if (!(await feedPatterns()).includes(pattern)) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
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
