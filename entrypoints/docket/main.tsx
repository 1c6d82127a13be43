// Docket in a tab. First: the table's first question, before React is even fetched (React and
// the page's components are a chunk of their own, components/full-page-mount.tsx).
import { send } from '../../utils/shared/protocol';
import { localToday } from '../../utils/shared/calendar';
import { PREFS_KEY, TABLE_BLOCK, parseFullPageParams, parsePrefs, tableKey } from '../../utils/popup/table-view';
import '../popup/style.css';
import './style.css';

performance.mark('docket:start');
const params = parseFullPageParams(window.location.search);
let kept: string | null = null;
try {
  kept = localStorage.getItem(PREFS_KEY);
} catch {
  // No storage: the default settings.
}
const prefs = parsePrefs(kept);
const key = tableKey(params.q ?? '', prefs, localToday());
// React's chunk and the answer, fetched at the same time; the first render draws the rows at once.
const answer = send('docs/table', { ...key, offset: 0, limit: TABLE_BLOCK }).then(
  (page) => {
    performance.mark('docket:answer');
    return page;
  },
  // Asked again (and the error shown) by the table itself.
  () => null,
);
/** Past this, React draws the page without the answer (and the table asks again). */
const WAIT_MS = 400;
const answered = Promise.race([answer, new Promise<null>((resolve) => setTimeout(() => resolve(null), WAIT_MS))]);
void Promise.all([import('../../components/full-page-mount'), answered]).then(([m, page]) => {
  performance.mark('docket:render');
  m.mount(document.getElementById('root')!, { params, prefs, first: page && { key, page } });
});
