/**
 * A sliding-window limit: at most `max` events per `perMs` for each key (issue 13, item 2: a
 * page must not open Docket's editor over and over, even with the member's clicks forged).
 */
export interface RateLimiter {
  /** Count one event for `key`; false when it is over the limit (and then it is not counted). */
  take(key: string): boolean;
}

export function createRateLimiter(max: number, perMs: number, now: () => number = Date.now): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    take(key) {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((at) => t - at < perMs);
      if (recent.length >= max) {
        hits.set(key, recent);
        return false;
      }
      recent.push(t);
      hits.set(key, recent);
      // Forget keys that went quiet (tabs closed long ago).
      if (hits.size > 1000) for (const [k, v] of hits) if (!v.some((at) => t - at < perMs)) hits.delete(k);
      return true;
    },
  };
}
