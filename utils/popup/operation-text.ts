/** What the member reads about an operation on many documents (issue 28): true to the index, counts and reasons. */
import type { NotDone, OpResult } from '../shared/operations';
import { formatGrouped, t, tn, uiLang, type MessageKey } from '../shared/i18n';
import { fieldLabel } from './conflicts';

/** A count as the language groups it ("12,000", "12 000"): the plural form follows the number. */
const grouped = (count: number) => ({ count: formatGrouped(count) });

/** "Undone for 3 documents. 2 were left as they are: “Minutes” (its deadline was changed since), …" */
export function undoText(result: OpResult): string {
  const head = result.changed ? tn('op_undone', result.changed, grouped(result.changed)) : t('op_nothing_undone');
  return `${head}${notDoneText(result)}`;
}

/** " 2 were left as they are: …" (empty when everything was done). */
export function notDoneText(result: OpResult): string {
  const left = result.notDone;
  if (!left?.count) return '';
  const shown = left.examples.slice(0, 3).map((e) => t('op_left_example', { title: e.title, reason: reasonText(e) }));
  const more = left.count - shown.length;
  const list = shown.join(t('list_separator'));
  const examples = more > 0 ? t('op_left_and_more', { list, more: formatGrouped(more) }) : list;
  return ` ${tn('op_left', left.count, { ...grouped(left.count), examples })}`;
}

/** The reasons the background records (in English, in operations kept for days), and their messages. */
const REASONS: Record<string, MessageKey> = {
  'it is in the index already': 'op_reason_in_index',
  'it is no longer in Recently deleted': 'op_reason_not_in_trash',
  'it was tracked again since': 'op_reason_tracked_again',
  'it was deleted since': 'op_reason_deleted',
  'putting back a document restored from Recently deleted is not undone; delete it again if needed':
    'op_reason_restore_not_undone',
};

/** Why a document was left as it is, in the language in use (a reason of another form as it is). */
export function reasonText(example: Pick<NotDone, 'reason' | 'field'>): string {
  const key = Object.hasOwn(REASONS, example.reason) ? REASONS[example.reason] : undefined;
  if (key) return t(key) || example.reason;
  if (example.field && / was changed since$/.test(example.reason)) {
    const field = fieldLabel(example.field).toLocaleLowerCase(uiLang());
    return t('op_reason_changed', { field }) || example.reason;
  }
  return example.reason;
}

/** "Restored 2 documents." and what was not. */
export function restoredText(result: OpResult): string {
  const head = result.changed ? tn('op_restored', result.changed, grouped(result.changed)) : t('op_nothing_restored');
  return `${head}${notDoneText(result)}`;
}

/** "Writing 12,000 of 50,000 documents…" */
export function progressText(progress: { done: number; total: number }): string {
  return tn('op_writing', progress.total, { ...grouped(progress.total), done: formatGrouped(progress.done) });
}

/** More rows than fit on a screen: a delete of more asks first, with the count. */
export const SCREENFUL = 50;

export function confirmDeleteText(count: number): string {
  return tn('op_confirm_delete', count, grouped(count));
}
