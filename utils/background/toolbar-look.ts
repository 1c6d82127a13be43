/**
 * The toolbar icon's badge: on a tracked document's page, the days to its deadline;
 * elsewhere, how many documents are overdue. Pure: the background applies it.
 */
import type { DocRecord } from '../shared/model';
import { daysUntil } from '../shared/calendar';
import { urgencyOf } from '../shared/urgency';
import { URGENCY_LOOK } from '../shared/states';
import { t, tn } from '../shared/i18n';

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
  const name = doc.title || t('toolbar_this_document');
  const urgency = urgencyOf(doc, today);
  if (urgency === 'done') return { text: '✓', color: GREEN, title: t('toolbar_doc_done', { name }) };
  if (!doc.deadline) return { text: '', color: GREY, title: t('toolbar_doc_no_deadline', { name }) };
  const days = daysUntil(doc.deadline, today);
  if (days < 0) return { text: `-${Math.min(-days, 999)}d`, color: RED, title: tn('toolbar_doc_overdue', -days, { name }) };
  return {
    text: days > 99 ? '99+' : `${days}d`,
    color: urgency === 'due-soon' ? AMBER : GREY,
    title: days === 0 ? t('toolbar_doc_due_today', { name }) : tn('toolbar_doc_due_in', days, { name }),
  };
}

/** For every other tab. */
export function overdueBadge(overdue: number): BadgeLook {
  if (overdue <= 0) return { text: '', color: GREY, title: t('toolbar_nothing_overdue') };
  return { text: overdue > 999 ? '999+' : String(overdue), color: RED, title: tn('toolbar_overdue', overdue) };
}
