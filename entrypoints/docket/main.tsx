// Docket in a tab. First: the table's first question, before React is even fetched (React and
// the page's components are a chunk of their own, components/full-page-mount.tsx).
import { send } from '../../utils/shared/protocol';
import { keepTableFirst, keptTableFirst } from '../../utils/popup/table-first';
import { readRevision } from '../../components/indexRevision';
import { localToday } from '../../utils/shared/calendar';
import { PREFS_KEY, TABLE_BLOCK, parseFullPageParams, parsePrefs, tableKey } from '../../utils/popup/table-view';
import '../popup/style.css';
import './style.css';

performance.mark('docket:start');
const params = parseFullPageParams(window.location.search);
let keptPrefs: string | null = null;
try {
  keptPrefs = localStorage.getItem(PREFS_KEY);
} catch {
  // No storage: the default settings.
}
const prefs = parsePrefs(keptPrefs);
const key = tableKey(params.q ?? '', prefs, localToday());
// The index's revision first (the answer is at least as new as it), then the question.
const revision = readRevision();
const answer = send('docs/table', { ...key, offset: 0, limit: TABLE_BLOCK }).then(
  (page) => {
    performance.mark('docket:answer');
    return page;
  },
  // Asked again (and the error shown) by the table itself.
  () => null,
);
// Kept for the next visit's first screen (with the revision read before asking).
void Promise.all([answer, revision]).then(([page, r]) => page && !key.text && keepTableFirst(localStorage, key, r, page));
// The rows kept from the last visit, if the index has not changed since: drawn without waiting for the background.
const kept = revision.then((r) => keptTableFirst(localStorage, key, r));
const never = new Promise<never>(() => undefined);
/** Past this, React draws the page without any answer (and the table asks again). */
const WAIT_MS = 400;
const first = Promise.race([
  answer.then((page) => page && { key, page, fresh: true }),
  kept.then((page) => (page ? { key, page, fresh: false } : never)),
  new Promise<null>((resolve) => setTimeout(() => resolve(null), WAIT_MS)),
]);
void Promise.all([import('../../components/full-page-mount'), first]).then(([m, f]) => {
  performance.mark('docket:render');
  m.mount(document.getElementById('root')!, { params, prefs, first: f });
});
