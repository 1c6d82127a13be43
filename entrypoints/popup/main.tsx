// First: the popup's first question and the answer kept from the last opening, before React is even fetched.
import { showStartFailure, start } from '@/utils/popup/popup-start';
import { markFluid } from '@/utils/popup/layout';
import { applyStateColors } from '@/utils/popup/state-colors';
import { initLanguage } from '@/utils/popup/language';
import '@/assets/popup.css';

// The language first (kept in this page's storage): everything drawn from here on is in it.
initLanguage();
markFluid();
applyStateColors();
const early = start();
// React (most of the popup's code) is in a chunk of its own (entrypoints/popup/mount.tsx), fetched once the
// early screen (if any) is on screen. Performance marks (docket:start, docket:revision,
// docket:early-paint, docket:render) show where the time goes.
const app = early.shown.then(() => import('./mount'));
void Promise.all([app, early.ready]).then(
  ([m]) => {
    early.takeOver();
    m.mount(document.getElementById('root')!);
  },
  (error: unknown) => {
    early.takeOver();
    showStartFailure(document.getElementById('root')!, error);
  },
);
