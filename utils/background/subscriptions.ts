/** Subscriptions sync on an alarm (hourly) as well as on demand; reads need the origin's permission. */
import { browser } from 'wxt/browser';
import { RedirectedAway, type Fetcher } from './sync';

export const SYNC_ALARM = 'docket-sync';

export const browserFetcher: Fetcher = {
  allowed: (url) => browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] }),
  async fetch(url, signal) {
    // Redirects are followed, and where they end is checked before the body is read (sync.ts).
    let response: Response;
    try {
      response = await fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'follow', signal });
    } catch (error) {
      // A redirect to a site Docket may not read (Google's sign-in page, for a sheet not published or not
      // shared) fails as no answer does, and the browser does not say where it led: ask again without following.
      if (signal.aborted) throw error;
      const hop = await fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'manual', signal }).catch(() => null);
      if (hop?.type === 'opaqueredirect') throw new RedirectedAway();
      throw error;
    }
    return {
      ok: response.ok,
      status: response.status,
      statusText: response.statusText,
      contentType: response.headers.get('content-type') ?? '',
      url: response.url,
      contentLength: response.headers.get('content-length'),
      contentDisposition: response.headers.get('content-disposition'),
      body: response.body,
    };
  },
};

export function scheduleSync(syncAll: () => Promise<unknown>): void {
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 60, delayInMinutes: 5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncAll().catch(console.error);
  });
}
