// First: the popup's first question and the answer kept from the last opening, before React is even fetched.
import { showStartFailure, start } from '../../utils/popup/popup-start';
import './style.css';

const early = start();
// React (most of the popup's code) is in a chunk of its own (components/mount.tsx), fetched at once,
// while the background answers. Performance marks (docket:start, docket:revision, docket:render) show
// where the time goes.
const app = import('../../components/mount');
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
