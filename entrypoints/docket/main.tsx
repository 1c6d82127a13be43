// Docket in a tab. First: the table's first rows, kept from the last visit or asked for, while React
// and the page's components (a chunk of their own, entrypoints/docket/mount.tsx) are fetched.
import { send } from '@/utils/shared/protocol';
import { keepTableFirst, keptTableFirst } from '@/utils/popup/table-first';
import { readRevision } from '@/utils/popup/index-revision';
import { localToday } from '@/utils/shared/calendar';
import { applyStateColors } from '@/utils/popup/state-colors';
import { initLanguage } from '@/utils/popup/language';
import { PREFS_KEY, TABLE_BLOCK, parsePrefs, tableKey } from '@/utils/popup/table-view';
import { parseFullPageParams } from '@/utils/shared/page-urls';
import '@/assets/full-page.css';

performance.mark('docket:start');
// The language first (kept in this page's storage): everything drawn from here on is in it.
initLanguage();
// The states' colours (overdue, due soon, done…) from the one table, as the popup sets them.
applyStateColors();
const params = parseFullPageParams(window.location.search);
let keptPrefs: string | null = null;
try {
  keptPrefs = localStorage.getItem(PREFS_KEY);
} catch {
  // No storage: the default settings.
}
const prefs = parsePrefs(keptPrefs);
const key = tableKey(params.q ?? '', prefs, localToday());
/** Past this, React draws the page without any answer (and the table asks again). */
const WAIT_MS = 400;
// The index's revision first: with it, the rows kept from the last visit, if the index has not changed
// since. Those are drawn without waking the background (its start and its reading of the index would
// take the cores this page needs to draw them); the table asks for the live answer once they are on screen.
const revision = readRevision();
const first = revision.then((r) => {
  const kept = keptTableFirst(localStorage, key, r);
  if (kept) {
    performance.mark('docket:kept');
    return { key, page: kept, fresh: false };
  }
  // Nothing kept: the question now, while React is being fetched.
  const answer = send('docs/table', { ...key, offset: 0, limit: TABLE_BLOCK }).then(
    (page) => {
      performance.mark('docket:answer');
      // Kept for the next visit's first screen (with the revision read before asking).
      if (!key.text) keepTableFirst(localStorage, key, r, page);
      return { key, page, fresh: true };
    },
    // Asked again (and the error shown) by the table itself.
    () => null,
  );
  return Promise.race([answer, new Promise<null>((resolve) => setTimeout(() => resolve(null), WAIT_MS))]);
});
void Promise.all([import('./mount'), first]).then(([m, f]) => {
  performance.mark('docket:render');
  m.mount(document.getElementById('root')!, { params, prefs, first: f });
});
