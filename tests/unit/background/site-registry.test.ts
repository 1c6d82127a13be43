import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import {
  disableSite,
  enableSite,
  getSites,
  injectIntoOpenTabs,
  mayRunOn,
  releaseOrigins,
  setFeedPatterns,
  syncRegistration,
  userPatterns,
  USER_SITES_SCRIPT_ID,
} from '@/utils/background/site-registry';
import { sitesItem } from '@/utils/background/storage-items';
import { DEFAULT_SITE_PATTERNS, feedOrigins, isDefaultSite, originPattern, subscriptionOrigins } from '@/utils/shared/sites';

// A small stand-in for the permissions and scripting APIs the registry uses (its list is in the fake browser's storage).
const state = vi.hoisted(() => ({
  origins: [] as string[],
  registered: [] as Array<{ id: string; matches: string[]; js: string[] }>,
  injected: [] as number[],
  tabs: [] as Array<{ id: number; url: string; discarded?: boolean }>,
}));
vi.mock('wxt/browser', () => ({
  browser: {
    permissions: {
      getAll: async () => ({ origins: [...state.origins], permissions: [] }),
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => state.origins.includes(o)),
      remove: async ({ origins }: { origins: string[] }) => {
        state.origins = state.origins.filter((o) => !origins.includes(o));
        return true;
      },
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => state.registered.filter((s) => ids.includes(s.id)),
      registerContentScripts: async (scripts: typeof state.registered) => {
        state.registered.push(...scripts.map((s) => ({ ...s })));
      },
      updateContentScripts: async (scripts: typeof state.registered) => {
        for (const s of scripts)
          Object.assign(
            state.registered.find((r) => r.id === s.id)!,
            s,
          );
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        state.registered = state.registered.filter((s) => !ids.includes(s.id));
      },
      executeScript: async ({ target }: { target: { tabId: number } }) => {
        if (target.tabId === 666) throw new Error('Cannot access contents of the page');
        state.injected.push(target.tabId);
        return [];
      },
    },
    tabs: {
      query: async ({ url }: { url: string[] }) =>
        state.tabs.filter((t) => url.some((p) => new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`).test(t.url))),
    },
  },
}));

beforeEach(async () => {
  await fakeBrowser.storage.local.clear();
  state.origins = [...DEFAULT_SITE_PATTERNS];
  state.registered = [];
  state.injected = [];
  state.tabs = [];
  setFeedPatterns(async () => []);
});

describe('sites (CONTRACT §5)', () => {
  it.each([
    ['https://docs.google.com/document/d/x/edit', true],
    ['https://mail.google.com/mail/u/0/#inbox', true],
    ['https://groups.google.com/g/wg-strategy', true],
    ['https://www.intgovforum.org/en/content/wg', true],
    ['https://intgovforum.org/', true],
    ['https://intgovforum.org.evil.example/', false],
    ['https://lists.example.org/pipermail/wg/', false],
    ['chrome://extensions', false],
  ])('isDefaultSite(%s) = %s', (url, expected) => expect(isDefaultSite(url)).toBe(expected));

  it.each([
    ['https://lists.example.org/pipermail/wg/2020-September/000123.html', 'https://lists.example.org/*'],
    ['http://127.0.0.1:8080/x', 'http://127.0.0.1/*'],
    ['file:///home/me/minutes.html', null],
    ['not a url', null],
  ])('originPattern(%s) = %s', (url, expected) => expect(originPattern(url)).toBe(expected));

  it('userPatterns keeps granted single sites, not the defaults nor the broad optional range', () => {
    expect(userPatterns([...DEFAULT_SITE_PATTERNS, '*://*/*', 'https://lists.example.org/*', '<all_urls>'])).toEqual([
      'https://lists.example.org/*',
    ]);
  });

  it('enabling a granted site registers the content script there and runs it in the open tab', async () => {
    state.origins.push('https://lists.example.org/*');
    expect(await enableSite('https://lists.example.org/*', 12)).toEqual({
      defaults: [...DEFAULT_SITE_PATTERNS],
      enabled: ['https://lists.example.org/*'],
    });
    expect(state.registered).toEqual([
      expect.objectContaining({
        id: USER_SITES_SCRIPT_ID,
        matches: ['https://lists.example.org/*'],
        js: ['/content-scripts/content.js'],
      }),
    ]);
    expect(state.injected).toEqual([12]);
  });

  it('refuses to enable a site without its permission, and registers nothing', async () => {
    await expect(enableSite('https://other.example/*')).rejects.toThrow(/no permission/);
    expect(state.registered).toEqual([]);
  });

  it('registration follows the enabled sites: add, update, and remove when the last site goes', async () => {
    state.origins.push('https://a.example/*');
    await enableSite('https://a.example/*');
    state.origins.push('https://b.example/*');
    await enableSite('https://b.example/*');
    expect(state.registered).toHaveLength(1);
    expect(state.registered[0]!.matches).toEqual(['https://a.example/*', 'https://b.example/*']);
    await disableSite('https://a.example/*');
    expect(state.registered[0]!.matches).toEqual(['https://b.example/*']);
    expect((await getSites()).enabled).toEqual(['https://b.example/*']);
    await disableSite('https://b.example/*');
    expect(state.registered).toEqual([]);
  });

  it('after an install or update, runs Docket in the open tabs of its sites only, skipping tabs it cannot script', async () => {
    state.tabs = [
      { id: 1, url: 'https://docs.google.com/document/d/x/edit' },
      { id: 2, url: 'https://www.example.com/' },
      { id: 3, url: 'https://www.intgovforum.org/wg' },
      { id: 4, url: 'https://mail.google.com/mail/u/0/', discarded: true },
      { id: 666, url: 'https://groups.google.com/g/x' },
    ];
    expect(await injectIntoOpenTabs(DEFAULT_SITE_PATTERNS)).toBe(2);
    expect(state.injected.sort()).toEqual([1, 3]);
  });

  it('a permission granted for a subscription is not a site: no content script there (issue 13, item 11)', async () => {
    await sitesItem.set([]);
    state.origins.push('https://sheets.example/*');
    setFeedPatterns(async () => ['https://sheets.example/*']);
    await syncRegistration();
    expect(state.registered).toEqual([]);
    expect((await getSites()).enabled).toEqual([]);
    expect(await mayRunOn('https://sheets.example/page.html')).toBe(false);
  });

  it('after an update from a version without the list: every granted site but those subscriptions read', async () => {
    state.origins.push('https://lists.example.org/*', 'https://sheets.example/*');
    setFeedPatterns(async () => ['https://sheets.example/*']);
    expect((await getSites()).enabled).toEqual(['https://lists.example.org/*']);
    expect(await sitesItem.get()).toEqual(['https://lists.example.org/*']);
  });

  it('Docket runs on default sites and on enabled sites that are still granted', async () => {
    state.origins.push('https://lists.example.org/*');
    await enableSite('https://lists.example.org/*');
    expect(await mayRunOn('https://www.intgovforum.org/x')).toBe(true);
    expect(await mayRunOn('https://lists.example.org/pipermail/x.html')).toBe(true);
    // Revoked outside Docket (the browser's own settings): no longer.
    state.origins = state.origins.filter((o) => o !== 'https://lists.example.org/*');
    expect(await mayRunOn('https://lists.example.org/pipermail/x.html')).toBe(false);
    expect(await mayRunOn('https://other.example/')).toBe(false);
  });

  it('gives back a removed subscription’s permission unless a site or another subscription needs it', async () => {
    await sitesItem.set([]);
    state.origins.push('https://a.example/*', 'https://b.example/*', 'https://c.example/*');
    await enableSite('https://a.example/*');
    setFeedPatterns(async () => ['https://b.example/*']);
    expect(await releaseOrigins(['https://a.example/*', 'https://b.example/*', 'https://c.example/*'])).toEqual([
      'https://c.example/*',
    ]);
    expect(state.origins).toContain('https://a.example/*');
    expect(state.origins).toContain('https://b.example/*');
    expect(state.origins).not.toContain('https://c.example/*');
  });

  it('disabling a site that a subscription also reads keeps that permission', async () => {
    state.origins.push('https://a.example/*');
    await enableSite('https://a.example/*');
    setFeedPatterns(async () => ['https://a.example/*']);
    await disableSite('https://a.example/*');
    expect((await getSites()).enabled).toEqual([]);
    expect(state.origins).toContain('https://a.example/*');
    expect(state.registered).toEqual([]);
  });

  it('a subscription reads its own site, and a sheet Google publishes also where Google serves it from', () => {
    expect(feedOrigins('https://docs.google.com/spreadsheets/d/e/2PACX-x/pub?output=csv')).toEqual([
      'https://docs.google.com/*',
      'https://*.googleusercontent.com/*',
    ]);
    expect(feedOrigins('https://sheets.example.org/team.json')).toEqual(['https://sheets.example.org/*']);
    expect(subscriptionOrigins([{ url: 'https://a.example/x.csv', origins: ['https://b.example/*'] }])).toEqual([
      'https://a.example/*',
      'https://b.example/*',
    ]);
  });
});
