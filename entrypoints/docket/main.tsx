// Docket in a tab. First: the table's first question, before React is even fetched (React and
// the page's components are a chunk of their own, components/full-page-mount.tsx).
import { send } from '../../utils/shared/protocol';
import { localToday } from '../../utils/shared/calendar';
import { PREFS_KEY, TABLE_BLOCK, parseFullPageParams, parsePrefs, tableKey } from '../../utils/popup/table-view';
import '../popup/style.css';
import './style.css';

const params = parseFullPageParams(window.location.search);
let kept: string | null = null;
try {
  kept = localStorage.getItem(PREFS_KEY);
} catch {
  // No storage: the default settings.
}
const prefs = parsePrefs(kept);
const key = tableKey(params.q ?? '', prefs, localToday());
const answer = send('docs/table', { ...key, offset: 0, limit: TABLE_BLOCK });
// Handled where it is used (useTable); not an unhandled rejection meanwhile.
answer.catch(() => undefined);
void import('../../components/full-page-mount').then((m) =>
  m.mount(document.getElementById('root')!, { params, prefs, first: { key, answer } }),
);
