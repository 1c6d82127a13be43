/**
 * Subscriptions to a team's index (a published sheet or file): added, removed, and synced on the
 * member's word (the hourly sync is the background's, subscriptions.ts). A sync records its own
 * outcome on the subscription; open pages hear only of real changes.
 */
import { siteName } from '../feed-title';
import { syncSubscription } from '../sync';
import type { HandlerContext, HandlersFor } from './context';
import type { Subscription } from '../../shared/reports';
import { subscriptionOrigins } from '../../shared/sites';
import { SaidError, said } from '../../shared/said';

type SubscriptionMessage = 'subscriptions/list' | 'subscriptions/add' | 'subscriptions/remove' | 'subscriptions/sync';

export function createSubscriptionHandlers({
  deps,
  db,
  cache,
  now,
  newId,
  indexChanged,
}: HandlerContext): HandlersFor<SubscriptionMessage> {
  /** Sync one subscription; never throws (the outcome is recorded on it). Open pages hear only of real changes. */
  async function sync(sub: Subscription): Promise<Subscription> {
    let wrote = false;
    const result = await syncSubscription(sub, {
      db: await db(),
      fetcher: deps.fetcher,
      journal: deps.journal,
      now: now(),
      newId,
      onWritten: () => {
        wrote = true;
      },
    });
    if (wrote) {
      cache.invalidate();
      await indexChanged().catch(console.error);
    }
    return result;
  }

  return {
    'subscriptions/list': async () => ({ subscriptions: await (await db()).getAll('subscriptions') }),
    'subscriptions/add': async ({ url, name }) => {
      const d = await db();
      const existing = (await d.getAll('subscriptions')).find((s) => s.url === url);
      const sub: Subscription = existing ?? { id: `sub-${newId()}`, url, name: name || siteName(url), createdAt: now() };
      await d.put('subscriptions', sub);
      return { subscription: await sync(sub) };
    },
    'subscriptions/remove': async ({ id }) => {
      const d = await db();
      const sub = await d.get('subscriptions', id);
      await d.delete('subscriptions', id);
      // Its sites' permissions go too, unless a site or another subscription needs them (issue 13, item 11).
      if (sub) await deps.sites.release?.(subscriptionOrigins([sub]));
      return { removed: !!sub };
    },
    'subscriptions/sync': async ({ id }) => {
      const all = await (await db()).getAll('subscriptions');
      const chosen = id ? all.filter((s) => s.id === id) : all;
      if (id && !chosen.length) throw new SaidError(said('error_no_subscription'));
      const out: Subscription[] = [];
      // One subscription failing never stops the next one (each records its own outcome).
      for (const sub of chosen) out.push(await sync(sub));
      return { subscriptions: out };
    },
  };
}
