/**
 * Each state Docket shows, once: a status's words and mark, an urgency's icon, colours and words.
 * Badges (their style sheet), the popup (CSS custom properties set from this table at start:
 * utils/popup/state-colors.ts) and the toolbar's badge all read it, so a state looks the same everywhere:
 * overdue red with ⚠, due within 7 days amber with ◷, done (delivered or archived) green with ✓.
 */
import type { Status } from './model';
import type { Urgency } from './urgency';

/** A status in words ("Open for comments"). */
export const STATUS_LABELS: Record<Status, string> = {
  draft: 'Draft',
  'open-for-comments': 'Open for comments',
  final: 'Final',
  delivered: 'Delivered',
  archived: 'Archived',
};

/** A status as a badge's chip shows it: a mark and a short word. */
export const STATUS_MARKS: Record<Status, string> = {
  draft: '✎ draft',
  'open-for-comments': '◔ open',
  final: '■ final',
  delivered: '✓ delivered',
  archived: '▪ archived',
};

export interface UrgencyLook {
  /** A glyph in common fonts (never colour alone); '' for none. */
  icon: string;
  /** On light backgrounds, and on dark ones. */
  color: string;
  darkColor: string;
  words: string;
}

export const URGENCY_LOOK: Record<Urgency, UrgencyLook> = {
  overdue: { icon: '⚠', color: '#cf222e', darkColor: '#ff7b72', words: 'Overdue' },
  'due-soon': { icon: '◷', color: '#9a6700', darkColor: '#e3b341', words: 'Due within 7 days' },
  upcoming: { icon: '', color: '#57606a', darkColor: '#8b949e', words: 'Upcoming' },
  none: { icon: '', color: '#57606a', darkColor: '#8b949e', words: 'No deadline' },
  done: { icon: '✓', color: '#1a7f37', darkColor: '#56d364', words: 'Done' },
};

/** The urgency's icon followed by a space, or '' (for text that goes on after it). */
export function urgencyIcon(urgency: Urgency): string {
  const icon = URGENCY_LOOK[urgency].icon;
  return icon ? `${icon} ` : '';
}

/** The urgency a status alone gives (a delivered or archived document is done, whatever its deadline). */
export function statusUrgency(status: Status | undefined): Urgency | undefined {
  return status === 'delivered' || status === 'archived' ? 'done' : undefined;
}
