// Globals of the pages and workers the scripts drive. Callbacks given to page.evaluate,
// worker.evaluate and page.addInitScript run there, not in Node: these declare what they
// find on `window` / `self` (set by the benchmark's page scripts, scripts/bench/pages.mjs,
// or by an earlier evaluate) and the extension API of extension pages and the service worker.
import type { Browser } from 'wxt/browser';

declare global {
  /** The extension API, in extension pages (popup.html) and Docket's service worker. */
  const chrome: typeof Browser;

  interface Window {
    // --- scripts/bench/pages.mjs, OBSERVE_JS (benchmark pages) ---
    /** Resolves once the expected badges are in the DOM and a frame has passed (performance.now() times). */
    __benchDone: Promise<{ complete: number; painted: number; count: number }>;
    /** Badges (Docket's or the baseline's) in the DOM now. */
    __benchCount: () => number;

    // --- scripts/bench/pages.mjs, DYNAMIC_JS (scenario 3) ---
    /** Starts adding threads of links. */
    __benchStart: (cfg: { hrefs: string[]; perBatch: number; batches: number; intervalMs: number }) => void;
    /** performance.now() of each addition. */
    __benchAdds: number[];

    // --- scenarios 5 and 9, set in the popup (and docket.html) by their init scripts and evaluates ---
    /** The popup's (or the full page's) first row: in the DOM, then painted (performance.now()), how many rows then, and Docket's marks (popup). */
    __firstRow: Promise<{ dom: number; painted: number; rows: number; marks?: Record<string, number> }>;
    /** Bench S8: the longest task the popup ran (PerformanceObserver longtask). */
    __longest: number;
    /** Bench S9: the durations of the tab's long tasks during the bulk status change (PerformanceObserver longtask). */
    __longTasks: number[];
    /** The latency of the next keystroke (ms), once its frame is painted. */
    __latP: Promise<number>;
    __latResolve?: (ms: number) => void;

    // --- scenario 6: the interchange file to import, handed to the popup ---
    __importText: string;

    // --- scripts/bench/lib/env.mjs hookLookups, in the service worker ---
    /** Lookup messages the background received: ids asked, when, from which tab. */
    __benchLookups?: { ids: number; at: number; tab: number | null }[];

    // --- scripts/bench/idb-floor.mjs, in the service worker ---
    /** The record sets written by the IndexedDB floor. */
    __floorSets: { full: object[]; tiny: { id: string }[] };
  }
}

export {};
