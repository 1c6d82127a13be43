/**
 * Runs first in popup.html, before React is even fetched: asks the popup's first question at once,
 * and reads the answer kept from the last opening (utils/popup/first-page.ts). When the index is still
 * at the revision it was kept at, the kept answer is offered to React, whose first render then draws
 * it without a round trip to the background. `ready` resolves when that has been decided (or could
 * not be, quickly).
 */
import { browser } from 'wxt/browser';
import { keptAnswer, keptAnswers, parseKept, readKept } from './first-page';
import { REVISION_KEY } from '../shared/protocol';
import type { DocsQuery } from '../shared/docs-query';
import { localToday } from '../shared/calendar';
import { askEarly, keepAnswersTo, offerKept } from './early';
import { FIRST_QUERY } from './first-query';

/** Longest wait for the revision before rendering without the kept answer. */
const REVISION_WAIT_MS = 60;

export interface Start {
  /** Resolves once the kept answer has been offered or not. */
  ready: Promise<void>;
  /** React is about to render: nothing is offered from now on. */
  takeOver: () => void;
}

/**
 * React's chunk could not be loaded (an extension updated while its popup opened, a broken
 * install): say so, instead of leaving the popup blank without a word.
 */
export function showStartFailure(root: HTMLElement, error: unknown): void {
  const message = root.ownerDocument.createElement('p');
  message.className = 'alert';
  message.setAttribute('role', 'alert');
  message.textContent = `Docket could not start (${String((error as Error | null)?.message ?? error)}). Close it and open it again; if this stays, reload the extension.`;
  root.replaceChildren(message);
}

const nothing: Start = { ready: Promise.resolve(), takeOver: () => undefined };

export function start(): Start {
  performance.mark('docket:start');
  const p = new URLSearchParams(window.location.search);
  // Opened for something else (an address-bar search, the editor, a scan): no list first.
  if (['q', 'edit', 'track', 'scan'].some((k) => p.has(k))) return nothing;
  // Asked first: the browser answers while the kept answer is read.
  const revision = browser.storage.local.get(REVISION_KEY);
  revision.catch(() => undefined);
  const q: DocsQuery = { ...FIRST_QUERY, today: localToday() };
  let store: Storage | null = null;
  try {
    store = window.localStorage;
  } catch {
    askEarly(q);
    return nothing;
  }
  keepAnswersTo(q, store);
  const kept = parseKept(readKept(store));
  // With a kept answer for today (usually still right), the quick partial answer from the
  // database's indexes is not needed: the background reads the whole index at once (the search needs it too).
  const likely = keptAnswers(kept, q);
  askEarly(likely ? { ...q, complete: true } : q);
  if (!likely) return nothing;
  let late = false;
  const checked = revision.then(
    (r) => {
      performance.mark('docket:revision');
      if (late) return;
      const now = typeof r[REVISION_KEY] === 'string' ? (r[REVISION_KEY] as string) : null;
      // Only at the revision it was kept at: a stale answer is never drawn.
      const page = keptAnswer(kept, q, now);
      if (page) offerKept(q, page);
    },
    () => undefined,
  );
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, REVISION_WAIT_MS));
  return {
    ready: Promise.race([checked, timeout]),
    takeOver: () => {
      late = true;
    },
  };
}
