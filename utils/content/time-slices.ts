/**
 * How the linker shares the main thread with the page: it reads and inserts in slices of about these
 * lengths, and hands the thread back to the page between them.
 */

/** Read a long page's links in slices of about this long, handing the main thread back to the page in between. */
export const SLICE_MS = 16;
/**
 * Insert badges in slices of about this long: longer than reading slices, because the page may lay
 * itself out again after every slice that changed it. On a page of 5,000 links, 16 ms slices
 * spent ~280 ms in those layouts, 32 ms slices ~150 ms (S2); every task stays under 50 ms.
 */
export const INSERT_SLICE_MS = 32;
/** Let the page run (input, rendering) before going on: a new task, behind the page's own. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
