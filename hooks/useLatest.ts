import { useEffect } from 'react';

/**
 * Run `load` whenever `deps` change and hand its result to `use`, unless a newer run (or
 * unmounting) came first: a slow reply never overwrites a newer one. Errors go to `onError`.
 */
export function useLatest<T>(
  load: () => Promise<T> | null,
  use: (value: T) => void,
  onError: (error: unknown) => void,
  deps: readonly unknown[],
): void {
  useEffect(() => {
    let current = true;
    load()?.then(
      (value) => current && use(value),
      (error) => current && onError(error),
    );
    return () => {
      current = false;
    };
    // The caller names what the load depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
