/** Subscriptions sync on an alarm (hourly) as well as on demand; reads need the origin's permission. */
import { browser } from 'wxt/browser';
import { RedirectedAway, type Fetcher } from './sync';
import { redirectsAway } from '../shared/redirect-away';

export const SYNC_ALARM = 'docket-sync';

export const browserFetcher: Fetcher = {
  allowed: (url) => browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] }),
  async fetch(url, signal) {
    // Redirects are followed, and where they end is checked before the body is read (sync.ts).
    let response: Response;
    try {
      response = await fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'follow', signal });
    } catch (error) {
      // No answer, or a redirect to a site Docket may not read (Google's sign-in page): which, asked again.
      if (!signal.aborted && (await redirectsAway(url, signal))) throw new RedirectedAway();
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
