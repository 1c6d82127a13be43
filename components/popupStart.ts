/**
 * Runs first in popup.html, before React is evaluated: asks the popup's first question at once,
 * and reads the first screen kept from the last opening. `ready` resolves when the kept answer
 * has been checked against the index's revision (or could not be, quickly): then React renders.
 */
import { browser } from 'wxt/browser';
import { keptAnswer, keptAnswers, parseKept, readKept } from '../utils/first-page';
import { REVISION_KEY } from '../utils/protocol';
import type { DocsQuery } from '../utils/queries';
import { localToday } from '../utils/urgency';
import { askEarly, keepAnswersTo, offerKept } from './early';
import { FIRST_QUERY } from './firstQuery';

/** Longest wait for the revision before rendering without the kept answer. */
const REVISION_WAIT_MS = 60;

function start(): Promise<void> {
  performance.mark('docket:start');
  const p = new URLSearchParams(window.location.search);
  // Opened for something else (an address-bar search, the editor, a scan): no list first.
  if (['q', 'edit', 'track', 'scan'].some((k) => p.has(k))) return Promise.resolve();
  const q: DocsQuery = { ...FIRST_QUERY, today: localToday() };
  let store: Storage | null = null;
  try {
    store = window.localStorage;
  } catch {
    askEarly(q);
    return Promise.resolve();
  }
  keepAnswersTo(q, store);
  const kept = parseKept(readKept(store));
  // With a kept first screen for today (usually still right), the quick partial answer from the
  // database's indexes is not needed: the background reads the whole index at once (the search needs it too).
  const likely = keptAnswers(kept, q);
  askEarly(likely ? { ...q, complete: true } : q);
  if (!likely) return Promise.resolve();
  const revision = browser.storage.local.get(REVISION_KEY).then(
    (r) => {
      performance.mark('docket:revision');
      const page = keptAnswer(kept, q, typeof r[REVISION_KEY] === 'string' ? (r[REVISION_KEY] as string) : null);
      if (page) offerKept(q, page);
    },
    () => undefined,
  );
  return Promise.race([revision, new Promise<void>((resolve) => setTimeout(resolve, REVISION_WAIT_MS))]);
}

export const ready: Promise<void> = start();
