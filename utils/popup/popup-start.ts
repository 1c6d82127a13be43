/**
 * Runs first in popup.html, before React is even fetched: asks the popup's first question at once,
 * and reads the answer kept from the last opening (utils/popup/first-page.ts). When the index is still
 * at the revision it was kept at, the kept answer is offered to React (whose first render then needs
 * no round trip) and its first screen drawn at once with plain DOM (utils/popup/first-screen.ts).
 * `ready` resolves when that has been decided (or could not be, quickly).
 */
import { dropKept, keptAnswer, keptAnswers, parseKept, readKept } from './first-page';
import { drawFirstScreen, showFirstScreen } from './first-screen';
import { revisionItem } from '../shared/storage-items';
import type { DocsQuery } from '../shared/docs-query';
import { localToday } from '../shared/calendar';
import { askEarly, keepAnswersTo, offerKept } from './early';
import { FIRST_QUERY } from './first-query';
import { parsePopupParams } from '../shared/page-urls';
import { t } from '../shared/i18n';

/** Longest wait for the revision before rendering without the kept answer. */
const REVISION_WAIT_MS = 60;

export interface Start {
  /** Resolves once the kept answer has been offered (and its screen drawn) or not. */
  ready: Promise<void>;
  /**
   * Resolves when the rest may start (React's chunk, waking the background): at once, or after
   * the frame that shows the early screen (nothing else competes with drawing it).
   */
  shown: Promise<void>;
  /** React is about to render: nothing is offered or drawn from now on. */
  takeOver: () => void;
}

/** After the next frame is out (or a little while, if no frame comes: a page in the background). */
function afterFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/**
 * React's chunk could not be loaded (an extension updated while its popup opened, a broken
 * install): say so in place of the inert early screen, instead of leaving it up without a word.
 */
export function showStartFailure(root: HTMLElement, error: unknown): void {
  const message = root.ownerDocument.createElement('p');
  message.className = 'alert';
  message.setAttribute('role', 'alert');
  message.textContent = t('popup_start_failed', { error: String((error as Error | null)?.message ?? error) });
  root.replaceChildren(message);
}

const nothing: Start = { ready: Promise.resolve(), shown: Promise.resolve(), takeOver: () => undefined };

export function start(): Start {
  performance.mark('docket:start');
  const p = parsePopupParams(window.location.search);
  // Opened for something else (an address-bar search, the editor, a scan): no list first.
  if (p.q || p.edit || p.track || p.scan) return nothing;
  // Asked first: the browser answers while the kept answer is read.
  const revision = revisionItem.get();
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
  const text = readKept(store);
  let kept = parseKept(text);
  // Kept but not an answer (a bug, a half-written entry): dropped, the live answer drawn.
  if (text && !kept) dropKept(store);
  // Drawn while the revision is on its way (a plain opening only: `?tab=`… opens the popup for a
  // page); shown only if the kept answer is still right. A kept answer that cannot be drawn is dropped.
  let screen: HTMLElement | null = null;
  if (kept && keptAnswers(kept, q) && !window.location.search) {
    try {
      screen = drawFirstScreen(kept.page, q.today!);
    } catch {
      dropKept(store);
      kept = null;
    }
  }
  // With a kept answer for today (usually still right), the quick partial answer from the
  // database's indexes is not needed: the background reads the whole index at once (the search needs it too).
  const likely = keptAnswers(kept, q);
  const ask = () => askEarly(likely ? { ...q, complete: true } : q);
  if (!likely) {
    ask();
    return nothing;
  }
  // Without a screen to show, the background is woken at once; with one, once it is on screen.
  if (!screen) ask();
  let late = false;
  let shown = false;
  const checked = revision.then(
    (now) => {
      performance.mark('docket:revision');
      if (late) return;
      // Only at the revision it was kept at: a stale answer is never shown.
      const page = keptAnswer(kept, q, now);
      if (!page) return;
      offerKept(q, page);
      if (screen) {
        showFirstScreen(document.getElementById('root')!, screen);
        shown = true;
        performance.mark('docket:early-paint');
      }
    },
    () => undefined,
  );
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, REVISION_WAIT_MS));
  const ready = Promise.race([checked, timeout]);
  const after = ready.then(() => (shown ? afterFrame() : undefined));
  if (screen) void after.then(ask);
  return {
    ready,
    shown: after,
    takeOver: () => {
      late = true;
    },
  };
}
