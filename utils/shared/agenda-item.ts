/**
 * Agenda items as minutes number them: "A. …", "B) …", "IV. …", "3. …". The one home of that
 * pattern: the scanner's outline, the heading a link stands under ("Track in Docket…"), a
 * workstream's short label, name matching, and the sample minutes pages all read items with it.
 */

/** A letter, a Roman numeral up to XXXIX-ish, or a one- or two-digit number, then "." or ")". */
const MARK = String.raw`(?:[A-Z]|[IVX]{1,4}|\d{1,2})[.)]`;
const LETTER = String.raw`(?:[A-Z]|[IVX]{1,4})[.)]`;

/** An item's mark and the space after it, upper-case letters only ("a)" is a sub-point of an item, not an item). */
export const ITEM_MARK = new RegExp(`^\\s*${MARK}\\s+`);
/** A mark of letters or Roman numerals only ("B. ", "IV) "): the top level of an agenda. */
export const LETTER_ITEM_MARK = new RegExp(`^\\s*${LETTER}\\s+`);
/** The same mark in either case ("c) Youth Involvement…"), for names a member typed. */
export const ITEM_MARK_ANY_CASE = new RegExp(`^\\s*${MARK}\\s+`, 'i');

/**
 * Any mark as minutes write their items and sub-items: "A.", "b)", "iv.", "3.", "5.3", "19/54",
 * and old mails' "a)Work plan" with no space. The scanner's outline nests them by style.
 */
export const ANY_ITEM_MARK =
  /^(?:[A-Za-z]|[IVXivx]{1,4}|\d{1,2}(?:\.\d{1,2})*)[.)](?:\s+|(?=[A-Z]))|^\d{1,2}\/\d{1,3}\s+|^\d{1,2}\.\d{1,2}\s+/;

const ITEM_LINE = new RegExp(`^\\s*${MARK}\\s+\\S`);
/** Two letters are allowed for a label ("AA."), as agendas with more than 26 items write them. */
const LABEL = /^\s*([A-Z]{1,2}|\d{1,2}|[IVX]{1,4})[.)]\s/i;

/** A line that reads as an agenda item's title: a mark, then words; short, and not a sentence. */
export function isItemLine(text: string, maxLength = 120): boolean {
  return ITEM_LINE.test(text) && text.length < maxLength && !/[.:;]$/.test(text);
}

/** The item's mark as a label ("A", "IV", "3", "C" for "c)"), or undefined. */
export function itemLabel(name: string): string | undefined {
  return LABEL.exec(name)?.[1]?.toUpperCase();
}

/** A name without its item mark, in either case ("B. Improvements" → "Improvements"). */
export function withoutItemMark(name: string): string {
  return name.replace(ITEM_MARK_ANY_CASE, '');
}

/**
 * A workstream's short label, as its badges show it: its agenda letter or number ("A. …" → "A"), else the
 * initials of its first three words ("Strengthening IGF outcomes" → "SIO"), or a one-word name's first four letters.
 */
export function shortLabel(name: string): string {
  const label = itemLabel(name);
  if (label) return label;
  const words = name.split(/[\s\-–—:/]+/).filter((w) => /^[\p{L}\p{N}]/u.test(w));
  if (words.length === 1) return words[0]!.slice(0, 4);
  return words
    .slice(0, 3)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}
