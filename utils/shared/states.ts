/**
 * Each state Docket shows, once: a status's words and mark, an urgency's icon, colours and words.
 * Badges (their style sheet), the popup (CSS custom properties set from this table at start:
 * utils/popup/state-colors.ts) and the toolbar's badge all read it, so a state looks the same everywhere:
 * overdue red with ⚠, due soon (DUE_SOON_DAYS) amber with ◷, done (DONE_STATUSES) green with ✓.
 */
import { t, type MessageKey } from './i18n';
import { STATUSES, type Status } from './model';
import { DUE_SOON_DAYS, isDone, type Urgency } from './urgency';

/** A table whose values are messages, read in the language in use each time (`TABLE[key]`). */
export function messages<K extends string>(keys: readonly K[], key: (k: K) => MessageKey, prefix = ''): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) Object.defineProperty(out, k, { enumerable: true, get: () => prefix + t(key(k)) });
  return out;
}
const statusKey = (s: Status) => s.replace(/-/g, '_');

/** A status in words ("Open for comments"). */
export const STATUS_LABELS: Record<Status, string> = messages(STATUSES, (s) => `status_${statusKey(s)}` as MessageKey);

const MARKS: Record<Status, string> = {
  draft: '✎',
  'open-for-comments': '◔',
  final: '■',
  delivered: '✓',
  archived: '▪',
};
/** A status's short word on a badge's chip ("open"), without its mark. */
export const STATUS_SHORT: Record<Status, string> = messages(STATUSES, (s) => `status_short_${statusKey(s)}` as MessageKey);
/** A status as a badge's chip shows it: a mark and a short word. */
export const STATUS_MARKS: Record<Status, string> = {} as Record<Status, string>;
for (const s of STATUSES) {
  Object.defineProperty(STATUS_MARKS, s, { enumerable: true, get: () => `${MARKS[s]} ${STATUS_SHORT[s]}` });
}

export interface UrgencyLook {
  /** A glyph in common fonts (never colour alone); '' for none. */
  icon: string;
  /** On light backgrounds, and on dark ones. */
  color: string;
  darkColor: string;
  words: string;
}

const look = (urgency: Urgency, icon: string, color: string, darkColor: string): UrgencyLook => ({
  icon,
  color,
  darkColor,
  get words() {
    return t(`urgency_${urgency.replace('-', '_')}` as MessageKey, { days: DUE_SOON_DAYS });
  },
});

/** Text colours: each keeps 4.5:1 on every background it is drawn on (tests/unit/shared/states-contrast.test.ts). */
export const URGENCY_LOOK: Record<Urgency, UrgencyLook> = {
  overdue: look('overdue', '⚠', '#b31d28', '#ff7b72'),
  'due-soon': look('due-soon', '◷', '#805400', '#e3b341'),
  upcoming: look('upcoming', '', '#57606a', '#9198a1'),
  none: look('none', '', '#57606a', '#9198a1'),
  done: look('done', '✓', '#116329', '#56d364'),
};

/** The urgency's icon followed by a space, or '' (for text that goes on after it). */
export function urgencyIcon(urgency: Urgency): string {
  const icon = URGENCY_LOOK[urgency].icon;
  return icon ? `${icon} ` : '';
}

/** The urgency a status alone gives (a delivered or archived document is done, whatever its deadline). */
export function statusUrgency(status: Status | undefined): Urgency | undefined {
  return isDone({ status }) ? 'done' : undefined;
}
