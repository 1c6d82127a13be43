/**
 * Subscribing to a published sheet or Docket file: the one flow behind "Shared sheets" (Import / export) and
 * "Join your group's index" (the empty popup). The browser only asks for a site's access during the member's
 * gesture, so the permission is asked synchronously, before any await; then `subscriptions/add` subscribes and
 * syncs once. A page cannot call this: it runs in Docket's own pages only, on the member's click.
 */
import { requestInGesture } from './permissions';
import { send } from '../shared/protocol';
import type { Subscription } from '../shared/reports';
import { feedOrigins } from '../shared/sites';
import type { Fetched } from './join';
import { redirectsAway } from '../shared/redirect-away';

export type SubscribeOutcome = { refused: true; host: string } | { refused: false; subscription: Subscription };

/** Call from the click or submit handler itself (not after an await). Throws if the browser refuses to ask. */
export function subscribeWithAccess(parsed: { url: string; host: string }, name: string): Promise<SubscribeOutcome> {
  // The sheet's own site, and where Google serves a published sheet from (it redirects there).
  const asked = requestInGesture({ origins: feedOrigins(parsed.url) });
  return (async () => {
    if (!(await asked)) return { refused: true, host: parsed.host };
    const { subscription } = await send('subscriptions/add', { url: parsed.url, name: name.trim() });
    return { refused: false, subscription };
  })();
}

/** Read a published link as a member's Docket would (after asking for its site's access, in the click). */
export function fetchWithAccess(parsed: {
  url: string;
  host: string;
}): Promise<{ refused: true; host: string } | ({ refused: false } & Fetched)> {
  const asked = requestInGesture({ origins: feedOrigins(parsed.url) });
  return (async () => {
    if (!(await asked)) return { refused: true, host: parsed.host };
    try {
      const res = await fetch(parsed.url, { credentials: 'omit', cache: 'no-store', redirect: 'follow' });
      const text = await res.text();
      return { refused: false, status: res.status, finalUrl: res.url, contentType: res.headers.get('content-type') ?? '', text };
    } catch {
      // No answer, or a redirect to a site Docket may not read (Google's sign-in page): which, asked again.
      const redirectedAway = await redirectsAway(parsed.url);
      return { refused: false, status: 0, finalUrl: parsed.url, contentType: '', text: '', redirectedAway };
    }
  })();
}
