/**
 * Starting one optional part of the background (the address bar, context menus, alarms,
 * notifications, the toolbar badge, …): a browser without that API, or one whose call throws at
 * start, costs only that feature. The message listener is registered before any of them
 * (entrypoints/background.ts), so Docket's pages and badges always get an answer (issue 28, item 7).
 */

/** Run `start`; if it throws (or its promise rejects), log why and go on without `feature`. */
export function optional<T>(feature: string, start: () => T): T | undefined {
  try {
    const out = start();
    if (out instanceof Promise) out.catch((error: unknown) => unavailable(feature, error));
    return out;
  } catch (error) {
    unavailable(feature, error);
    return undefined;
  }
}

function unavailable(feature: string, error: unknown): void {
  console.warn(`Docket: ${feature} is unavailable in this browser (${error instanceof Error ? error.message : String(error)}).`);
}
