import { useEffect, useState } from 'react';

/**
 * Runs of asynchronous work of which only the latest counts: a slow reply never overwrites a newer one.
 * For work started from a handler as well as from an effect (a list loaded again after a restore, a scan
 * started again). A reply after unmounting is React's to ignore; runs do not end with the component, so
 * that StrictMode's second mount in development still gets the reply to work its first mount started.
 */
export interface LatestRuns {
  /**
   * Begin a run: every run begun before it stops counting. Returns its guard, true while no newer run
   * has begun (for the steps of a long run, such as its progress).
   */
  begin(): () => boolean;
  /**
   * `load` as a new run: its value goes to `use`, its error to `onError`, only while it is the latest.
   * Settles once the latest run has settled (this one, or one begun while it was under way), so that
   * whatever awaits it (a busy flag) ends with the reply that is shown, never with one dropped.
   */
  run<T>(load: (current: () => boolean) => Promise<T>, use: (value: T) => void, onError: (error: unknown) => void): Promise<void>;
}

/** One LatestRuns for the component's life (the same object at every render). */
export function useLatestRuns(): LatestRuns {
  return useState(latestRuns)[0];
}

function latestRuns(): LatestRuns {
  let count = 0;
  /** Settles when the latest run begun with `run` has. */
  let latest: Promise<void> = Promise.resolve();
  const begin = () => {
    const n = ++count;
    return () => n === count;
  };
  return {
    begin,
    run<T>(load: (current: () => boolean) => Promise<T>, use: (value: T) => void, onError: (error: unknown) => void) {
      const current = begin();
      // A load that throws at once fails like one that rejects.
      const settled = new Promise<T>((resolve) => resolve(load(current))).then(
        (value) => void (current() && use(value)),
        (error: unknown) => void (current() && onError(error)),
      );
      const mine = settled.catch(() => undefined);
      latest = mine;
      // A newer run begun meanwhile: wait for it too (and for any begun while waiting).
      const untilLatest = async (waited: Promise<void>): Promise<void> => {
        await waited;
        if (latest !== waited) await untilLatest(latest);
      };
      return settled.then(() => untilLatest(mine));
    },
  };
}

/**
 * Run `load` whenever `deps` change and hand its result to `use`, unless newer deps (or
 * unmounting) came first: a slow reply never overwrites a newer one. Errors go to `onError`.
 * `load` may return null: nothing to load this time (and an older reply no longer lands).
 */
export function useLatest<T>(
  load: () => Promise<T> | null,
  use: (value: T) => void,
  onError: (error: unknown) => void,
  deps: readonly unknown[],
): void {
  const runs = useLatestRuns();
  useEffect(() => {
    const loading = load();
    if (loading) void runs.run(() => loading, use, onError);
    // Newer deps, or unmounting: this run no longer counts.
    return () => void runs.begin();
    // The caller names what the load depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
