/**
 * The toolbar icon's badge: on a tracked document's page, the days to its deadline;
 * elsewhere, how many documents are overdue. Pure: the background applies it.
 */
import type { DocRecord } from '../shared/model';
import { daysUntil } from '../shared/calendar';
import { urgencyOf } from '../shared/urgency';
import { URGENCY_LOOK } from '../shared/states';

export interface BadgeLook {
  text: string;
  color: string;
  title: string;
}

const RED = URGENCY_LOOK.overdue.color;
const AMBER = URGENCY_LOOK['due-soon'].color;
const GREY = URGENCY_LOOK.none.color;
const GREEN = URGENCY_LOOK.done.color;

/** For a tab showing a tracked document. */
export function documentBadge(doc: DocRecord, today: string): BadgeLook {
  const name = doc.title || 'This document';
  const urgency = urgencyOf(doc, today);
  if (urgency === 'done') return { text: '✓', color: GREEN, title: `${name}: done` };
  if (!doc.deadline) return { text: '', color: GREY, title: `${name}: no deadline` };
  const days = daysUntil(doc.deadline, today);
  if (days < 0) return { text: `-${Math.min(-days, 999)}d`, color: RED, title: `${name}: ${-days} d overdue` };
  return {
    text: days > 99 ? '99+' : `${days}d`,
    color: urgency === 'due-soon' ? AMBER : GREY,
    title: days === 0 ? `${name}: due today` : `${name}: due in ${days} d`,
  };
}

/** For every other tab. */
export function overdueBadge(overdue: number): BadgeLook {
  if (overdue <= 0) return { text: '', color: GREY, title: 'Docket: nothing overdue' };
  return { text: overdue > 999 ? '999+' : String(overdue), color: RED, title: `Docket: ${overdue} overdue` };
}
