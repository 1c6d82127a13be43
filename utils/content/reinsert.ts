/**
 * A page may remove a badge (a framework re-rendering) or move the link away from it: the linker
 * puts it back up to MAX_REINSERTS times a window, then waits for the window to end before looking
 * again, so that a page (or another extension) that keeps fighting costs little, and a page that
 * only moves its links around a lot still ends with each badge right after its link. The window
 * doubles each time it runs out at once (a fight), up to a minute, and is the shortest after a quiet one.
 */
export const MAX_REINSERTS = 3;
export const REINSERT_WINDOW_MS = 1_000;
export const MAX_REINSERT_WINDOW_MS = 60_000;

export interface ReinsertState {
  /** Reinserts in the current window. */
  reinserts: number;
  /** When the current window began (0: never), and how long it lasts. */
  since: number;
  backoff: number;
}

export function freshReinserts(): ReinsertState {
  return { reinserts: 0, since: 0, backoff: REINSERT_WINDOW_MS };
}

/**
 * A badge found away from its link at `now`: 0 when it may go back now (counted), else how many
 * milliseconds until the window is over and the link is worth a look again. Updates `state`.
 */
export function reinsertWait(state: ReinsertState, now: number): number {
  if (now - state.since >= state.backoff) {
    const fought = state.reinserts >= MAX_REINSERTS && now - state.since < 2 * state.backoff;
    state.backoff = fought ? Math.min(state.backoff * 2, MAX_REINSERT_WINDOW_MS) : REINSERT_WINDOW_MS;
    state.since = now;
    state.reinserts = 0;
  }
  if (state.reinserts >= MAX_REINSERTS) return Math.max(state.since + state.backoff - now, 1);
  state.reinserts++;
  return 0;
}
