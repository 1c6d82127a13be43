/**
 * A proposed status from what the page says around a document. First rule that applies:
 * 1. `delivered`: it says the document went out — "has been delivered/submitted/sent",
 *    "was delivered/submitted" ("was supposed to be delivered" is not);
 * 2. `final`: it says the document is settled — "freeze the document", "frozen",
 *    "finalised", "final version", "adopted", "approved", "endorsed", "no further comments";
 * 3. `open-for-comments`: it invites comments, feedback, inputs, suggestions or a review
 *    (any spelling of "comment", even "coment");
 * 4. `draft` otherwise (a working document linked from minutes is, until told otherwise).
 * The text read: the link's own paragraph, the deadline's sentence, and the rest of the
 * item the link stands under (for rules 1 and 2, which minutes often state further down).
 */
import type { Status } from '../../shared/model';

const DELIVERED =
  /\b(?:has|have|had)\s+(?:already\s+)?been\s+(?:delivered|submitted|sent|transmitted|published)\b|\b(?:was|were)\s+(?:delivered|submitted|transmitted)\b(?!\s+(?:by|before|until))/i;
const FINAL =
  /\b(?:freeze|froze|frozen|finali[sz]ed|final version|final text|adopted|approved|endorsed|no further (?:comments|changes|edits))\b/i;
const OPEN =
  /\b(?:comm?ents?|commenting|feedback|inputs?|suggestions?|reviews?|reviewing|edits|reactions|views on)\b|\bopen for\b/i;

/** `near`: the link's paragraph and the deadline sentence; `item`: the item's other text. */
export function proposeStatus(near: string, item = ''): Status {
  const all = `${near}\n${item}`;
  if (DELIVERED.test(all)) return 'delivered';
  if (FINAL.test(all)) return 'final';
  if (OPEN.test(near)) return 'open-for-comments';
  return 'draft';
}
