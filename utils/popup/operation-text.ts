/** What the member reads about an operation on many documents (issue 28): true to the index, counts and reasons. */
import type { OpResult } from '../shared/operations';

const n = (count: number) => count.toLocaleString('en-US');
const docs = (count: number) => `${n(count)} document${count === 1 ? '' : 's'}`;

/** "Undone for 3 documents. 2 were left as they are: “Minutes” (its deadline was changed since), …" */
export function undoText(result: OpResult): string {
  const head = result.changed ? `Undone for ${docs(result.changed)}.` : 'Nothing was undone.';
  return `${head}${notDoneText(result)}`;
}

/** " 2 were left as they are: …" (empty when everything was done). */
export function notDoneText(result: OpResult): string {
  const left = result.notDone;
  if (!left?.count) return '';
  const shown = left.examples.slice(0, 3).map((e) => `“${e.title}” (${e.reason})`);
  const more = left.count - shown.length;
  return ` ${docs(left.count)} ${left.count === 1 ? 'was' : 'were'} left as ${left.count === 1 ? 'it is' : 'they are'}: ${shown.join(', ')}${more > 0 ? `, and ${n(more)} more` : ''}.`;
}

/** "Restored 2 documents." and what was not. */
export function restoredText(result: OpResult): string {
  return `${result.changed ? `Restored ${docs(result.changed)}.` : 'Nothing was restored.'}${notDoneText(result)}`;
}

/** "Writing 12,000 of 50,000 documents…" */
export function progressText(progress: { done: number; total: number }): string {
  return `Writing ${n(progress.done)} of ${docs(progress.total)}…`;
}

/** More rows than fit on a screen: a delete of more asks first, with the count. */
export const SCREENFUL = 50;

export function confirmDeleteText(count: number): string {
  return `Delete ${docs(count)}? They go to Recently deleted, where you can restore them.`;
}
