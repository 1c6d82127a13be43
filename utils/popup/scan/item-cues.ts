/**
 * Which named item a block of minutes stands under: the candidates the page's outline offers, each
 * described by general cues, for a small scorer (item-model.ts) whose weights a fit step derives
 * from the corpora's keys (scripts/fit-capture.ts, item-model.json).
 *
 * Structure that holds for any page stays code (structure.ts: what an outline is, which headings are
 * open above a block, what a list item's own line is, a table row's item cell). What is a choice
 * between them (the container heading or the named item under it; the sub-heading or its parent; a
 * numbered parent two levels up; nothing at all) is the scorer's, from these cues:
 * - where the candidate comes from: an `<hN>` (its level), a bold or plain short line, a list item
 *   (its depth, whether it has sub-items), a table row's item cell, the page's own agenda;
 * - what its words are: the role the generic word lists give (title, agenda, container, reset, item),
 *   a day heading, a short plural ("Slides", "Task Forces"), a sub-point;
 * - how it is written: an item mark (number or letter), its length in words, a colon, a lower-case
 *   start, a title rather than a sentence, a link on its own line;
 * - where it stands: nearest the link or further out, under a reset ("Attendees"), whether a named
 *   item stands between it and the link, several `<h1>` on the page (Markdown minutes' sections).
 * The "no workstream" choice is a candidate too, with cues of its own.
 */
import { FULL_DATE, MARK, isTitleLike } from './headings';
import type { Heading } from './headings';

/** The cues, in the order of a vector. A model names its weights by these names. */
export const CUES = [
  'none',
  'none_reset',
  'none_all_generic',
  'none_in_li',
  'none_no_heading',
  'src_h1',
  'src_h2',
  'src_h3',
  'src_h4',
  'src_bold',
  'src_plain',
  'src_li',
  'src_row',
  'src_agenda',
  'h1_multi',
  'minor_on_headed',
  'role_title',
  'role_agenda',
  'role_container',
  'role_reset',
  'role_item',
  'subpoint',
  'under_reset',
  'inner0',
  'inner1',
  'outer0',
  'rule_pick',
  'mark_number',
  'mark_letter',
  'w1',
  'w2_3',
  'w4_8',
  'w9_14',
  'w15',
  'ends_colon',
  'inner_colon',
  'starts_lower',
  'title_like',
  'own_line',
  'line_has_link',
  'day',
  'short_plural',
  'item_below',
  'li_parent',
  'li_top',
  'under_label',
  'doc_word',
] as const;

export type Cue = (typeof CUES)[number];
const INDEX = new Map<string, number>(CUES.map((c, i) => [c, i]));

/** One choice for a block: an item (a heading, list item, row or agenda entry), or none. */
export interface ItemChoice {
  heading?: Heading;
  /** Cue values, indexed as CUES. */
  cues: number[];
}

/** What the outline knows about the page, for the cues that depend on it. */
export interface PageFacts {
  /** Number of `<h1>` lines that are not generic (agenda, reset, label). */
  h1Count: number;
  /** The page lays out its items with five or more `<h2>`–`<h6>`. */
  headed: boolean;
}

/** A candidate as the outline hands it over. */
export interface RawChoice {
  heading: Heading;
  /** The role its words give, when it differs from the heading's (a list item's own line). */
  role?: Heading['role'];
  /** `<hN>` level for a tag heading, else 0. */
  hLevel: number;
  family: 'h' | 'bold' | 'plain' | 'li' | 'row' | 'agenda';
  /** A reset heading ("Attendees") stands above it with nothing resetting the reset. */
  underReset: boolean;
  /** The link is on the candidate's own line (heading line, list item's own line, row). */
  ownLine: boolean;
  /** The candidate's line holds a link. */
  lineHasLink: boolean;
  /** A list item with sub-items (the block is in one of them). */
  liParent?: boolean;
  /** A top-level list item. */
  liTop?: boolean;
  /** Under a label heading ("Action items", "Links"): its list items are tasks and links. */
  underLabel?: boolean;
}

const WEEKDAY = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|\bday\s+\d\b/i;
const MONTH_DAY =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

/** Words that name a document or a recording, not an item ("Mihai - Slides", "🎥 Recording"). */
const DOC_WORD = /\b(?:slides?|deck|recordings?|video|pdf|doc|document|link|presentation)\b/i;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** The cues of a heading's text alone (cached per heading: many blocks share their headings). */
const textCueCache = new WeakMap<Heading, Array<[number, number]>>();
function textCues(h: Heading, role: Heading['role']): Array<[number, number]> {
  let cached = textCueCache.get(h);
  if (cached) return cached;
  const out: Array<[number, number]> = [];
  const set = (c: Cue, v = 1) => out.push([INDEX.get(c)!, v]);
  const text = h.text;
  const name = h.name || text;
  set(`role_${role === 'label' ? 'reset' : role}` as Cue);
  if (DOC_WORD.test(name)) set('doc_word');
  if (h.subpoint) set('subpoint');
  const mark = MARK.exec(text)?.[0].trim();
  if (mark) set(/^\d/.test(mark) ? 'mark_number' : 'mark_letter');
  const n = wordCount(name.replace(MARK, ''));
  set(n <= 1 ? 'w1' : n <= 3 ? 'w2_3' : n <= 8 ? 'w4_8' : n <= 14 ? 'w9_14' : 'w15');
  if (/:\s*$/.test(h.text)) set('ends_colon');
  if (/^[^:]{2,40}:\s+\S/.test(name)) set('inner_colon');
  if (/^[a-z]/.test(name)) set('starts_lower');
  if (isTitleLike(text)) set('title_like');
  if (WEEKDAY.test(name) || MONTH_DAY.test(name) || FULL_DATE.test(name)) set('day');
  const words = name
    .replace(MARK, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length && words.length <= 3 && /\p{L}{3,}s$/u.test(words[words.length - 1]!)) set('short_plural');
  textCueCache.set(h, out);
  cached = out;
  return cached;
}

/**
 * The choices for one block, outside in, then "none". `raw` is ordered from the outermost
 * candidate to the one nearest the link; `rulePick` is what the outline's fixed rules would take.
 */
export function itemChoices(raw: readonly RawChoice[], page: PageFacts, rulePick: Heading | undefined): ItemChoice[] {
  const out: ItemChoice[] = [];
  const n = raw.length;
  const isItem = (r: RawChoice) => r.heading.role === 'item' && !r.heading.subpoint && isTitleLike(r.heading.text);
  let itemBelow = false;
  const below: boolean[] = new Array<boolean>(n).fill(false);
  for (let i = n - 1; i >= 0; i--) {
    below[i] = itemBelow;
    if (isItem(raw[i]!)) itemBelow = true;
  }
  for (let i = 0; i < n; i++) {
    const r = raw[i]!;
    const cues = new Array<number>(CUES.length).fill(0);
    const set = (c: Cue, v = 1) => (cues[INDEX.get(c)!] = v);
    for (const [k, v] of textCues(r.heading, r.role ?? r.heading.role)) cues[k] = v;
    if (r.family === 'h') {
      set(r.hLevel <= 1 ? 'src_h1' : r.hLevel === 2 ? 'src_h2' : r.hLevel === 3 ? 'src_h3' : 'src_h4');
      if (r.hLevel <= 1 && page.h1Count >= 2) set('h1_multi');
    } else set(`src_${r.family}` as Cue);
    if ((r.family === 'bold' || r.family === 'plain') && page.headed) set('minor_on_headed');
    if (r.underReset) set('under_reset');
    const fromInside = n - 1 - i;
    if (fromInside === 0) set('inner0');
    else if (fromInside === 1) set('inner1');
    if (i === 0) set('outer0');
    if (rulePick && r.heading === rulePick) set('rule_pick');
    if (r.ownLine) set('own_line');
    if (r.lineHasLink) set('line_has_link');
    if (below[i]) set('item_below');
    if (r.liParent) set('li_parent');
    if (r.liTop) set('li_top');
    if (r.underLabel) set('under_label');
    out.push({ heading: r.heading, cues });
  }
  const none = new Array<number>(CUES.length).fill(0);
  none[INDEX.get('none')!] = 1;
  if (n && raw[n - 1]!.underReset) none[INDEX.get('none_reset')!] = 1;
  if (!raw.some(isItem)) none[INDEX.get('none_all_generic')!] = 1;
  if (raw.some((r) => r.family === 'li')) none[INDEX.get('none_in_li')!] = 1;
  if (!raw.some((r) => r.family === 'h' || r.family === 'bold' || r.family === 'plain')) none[INDEX.get('none_no_heading')!] = 1;
  if (!rulePick) none[INDEX.get('rule_pick')!] = 1;
  out.push({ cues: none });
  return out;
}
