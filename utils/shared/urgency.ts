/**
 * Deadlines are calendar days (CONTRACT §2), compared with the browser's local date.
 * Pure functions: `today` is always passed in (`localToday()` gives the real one).
 */
import { daysUntil } from './calendar';
import type { Status } from './model';

export type Urgency = 'done' | 'none' | 'overdue' | 'due-soon' | 'upcoming';

/** CONTRACT §3 `data-docket-urgency` for a tracked document. */
export function urgencyOf(doc: { status?: Status; deadline?: string }, today: string): Urgency {
  if (doc.status === 'delivered' || doc.status === 'archived') return 'done';
  if (!doc.deadline) return 'none';
  const days = daysUntil(doc.deadline, today);
  if (days < 0) return 'overdue';
  if (days <= 7) return 'due-soon';
  return 'upcoming';
}

/** Compact relative text for a badge: "due in 3 d", "due today", "2 d overdue", "done", or "" without a deadline. */
export function relativeDeadline(doc: { status?: Status; deadline?: string }, today: string): string {
  if (urgencyOf(doc, today) === 'done') return 'done';
  if (!doc.deadline) return '';
  const days = daysUntil(doc.deadline, today);
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  if (days > 0) return `due in ${span(days)}`;
  return `${span(-days)} overdue`;
}

/** 3 d, 10 wk… no: days up to 59, months up to 23, then years. */
function span(days: number): string {
  if (days < 60) return `${days} d`;
  if (days < 730) return `${Math.round(days / 30.44)} mo`;
  return `${Math.floor(days / 365.25)} y`;
}
