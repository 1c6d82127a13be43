/**
 * The page's outline: which lines are headings (agenda items, sections, labels) and which
 * text blocks stand under which item.
 *
 * A heading is:
 * - an `<h2>`…`<h6>` (an `<h1>`, or a heading that repeats the page's title — Gmail's
 *   subject, a mailing-list archive's title — is the page's title, not an item);
 * - a short line that is a paragraph of its own, starts with a capital letter or an item
 *   mark (`A.`, `B)`, `IV.`, `3.`) and does not end like a sentence (`. , ; ! ?` or `:`),
 *   e.g. "Forming a response to the Options Paper document";
 * - inside a longer paragraph, a line that is all bold or starts with a letter/roman mark
 *   (`C. Strengthening the IGF outcomes`) when the next line does not continue it (lower case).
 * Never a list item, a line holding a link, a line with a full date ("24 September 2020
 * at 14:00 UTC" heads the page, it is no agenda item), a greeting or closing ("Dear all",
 * "Best regards"), a "label: text" line ("Output document: see below"), or one unmarked word.
 *
 * Kinds:
 * - `label` ("Next steps", "Output document(s)", "Summary of key points"…): inside an item,
 *   ends nothing; blocks after "Next steps" are next-steps blocks.
 * - `reset` ("Agenda", "Annex 1", "List of participants", "Summary report", "Online meeting
 *   VII"…): ends the current item; no workstream.
 * - `section`: an item; it is the workstream of the blocks under it, until a heading of the
 *   same or a higher rank. Ranks: `<hN>` → N; a marked or plain short line → 2; a bold line
 *   → 3; "Par. 8 - …" or ALL CAPS lines → 4 and only sub-points (never a workstream:
 *   the item above them stays the workstream, and their blocks stay in its scope).
 */
import { ITEM_MARK, LETTER_ITEM_MARK } from '../../shared/agenda-item';
import type { Flow, FlowLine } from './flow';

export type HeadingKind = 'section' | 'label' | 'reset';

export interface Heading {
  line: number;
  /** The heading as written, whitespace collapsed, trailing colon dropped. */
  text: string;
  rank: number;
  kind: HeadingKind;
  /** A sub-point ("Par. 8 - …", ALL CAPS): never a workstream. */
  subpoint: boolean;
  /** The label's normalised words for `label` headings ("next steps"). */
  label?: string;
}

export interface Block {
  index: number;
  lines: FlowLine[];
  /** Offset of each line's start in `text`. */
  lineOffsets: number[];
  start: number;
  end: number;
  /** Lines joined with spaces (no space after a line ending with a hyphen). */
  text: string;
  zone: string;
  signature: boolean;
  /** The item (workstream heading) the block stands under. */
  section?: Heading;
  /** Under a "Next steps" label, or the block itself starts with "Next steps". */
  nextSteps: boolean;
  /** The label heading the block stands under ("output documents"), if any. */
  label?: string;
}

export interface Outline {
  headings: Heading[];
  blocks: Block[];
  /** The block holding a Flow offset. */
  blockAt(offset: number): Block | undefined;
  /** `offset` (in Flow.text) → offset in the block's `text`. */
  offsetIn(block: Block, offset: number): number;
}

const SUBPOINT = /^(?:par(?:a(?:graph)?)?\.?|section|art(?:icle)?\.?|§)\s*\d/i;
const LABELS =
  /^(?:next steps?|agreed next steps|action (?:items|points)|actions?|output documents?|working documents?|documents?|links?|summary of (?:the )?key points|key points|summary of key points and next steps|decisions?|background|notes?|update|updates|discussion summary)$/i;
const RESETS =
  /^(?:agenda|meeting agenda|draft agenda|annex\b.*|appendix\b.*|(?:list of )?participants|attendees|attendance|summary report|summary|report|minutes|discussion|discussion points|aob|any other business|chat|comments from the chat|introductions?|welcome|closing|(?:online |virtual )?meeting\b.*|next meeting\b.*|table of contents|contents|references)$/i;
const FULL_DATE =
  /\b\d{1,2}(?:st|nd|rd|th)?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*\d{4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b/i;
const GREETING =
  /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|thanks?|thank you|many thanks|best|regards|best regards|kind regards|warm regards|cheers|sincerely|all the best|greetings)\b/i;
const URLISH = /https?:\/\/|(?:docs|drive)\.google\.com\//i;

function clean(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*:\s*$/, '')
    .trim();
}

/** The words a heading is about: without its item mark ("A. "), for labels and titles. */
export function headingSubject(text: string): string {
  return clean(text).replace(ITEM_MARK, '').trim();
}

function normTitle(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
}

function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^A-Za-z]/g, '');
  return letters.length >= 6 && letters === letters.toUpperCase();
}

/** What a heading-looking text is: a label, a reset, or an item (`section`). */
export function headingKind(text: string): { kind: HeadingKind; label?: string } {
  const subject = headingSubject(text)
    .replace(/[.:]+$/, '')
    .trim();
  if (LABELS.test(subject)) return { kind: 'label', label: subject.toLowerCase() };
  if (RESETS.test(subject) || /^annex\b/i.test(clean(text))) return { kind: 'reset' };
  return { kind: 'section' };
}

/** Is this line a heading, and which? `pageTitle` lets the page's own title be recognised. */
export function classifyLine(lines: readonly FlowLine[], i: number, pageTitle = ''): Heading | null {
  const line = lines[i];
  if (!line || line.blank || line.li || line.signature) return null;
  const text = clean(line.text);
  if (!text || text.length > 120 || URLISH.test(line.text) || line.hasAnchor) return null;
  const prev = lines[i - 1];
  const next = lines[i + 1];
  const alone = (!prev || prev.para !== line.para) && (!next || next.para !== line.para);
  const title = normTitle(pageTitle);

  if (line.headingLevel) {
    const level = line.headingLevel;
    if (level === 1 || (title && normTitle(text).length >= 8 && title.includes(normTitle(text)))) {
      return { line: i, text, rank: 1, kind: 'reset', subpoint: false };
    }
    const k = headingKind(line.text);
    return { line: i, text, rank: level, kind: k.kind, subpoint: SUBPOINT.test(text), ...(k.label ? { label: k.label } : {}) };
  }

  // "Annex 1:" and labels may end with a colon; nothing else that does is a heading.
  const raw = line.text.trim();
  const k = headingKind(raw);
  const words = text.split(' ').length;
  if (k.kind !== 'section') {
    if (!alone && !line.bold && !/^(?:annex|appendix)\b/i.test(text)) return null;
    if (text.length > 60) return null;
    return { line: i, text, rank: 2, kind: k.kind, subpoint: false, ...(k.label ? { label: k.label } : {}) };
  }
  if (/[.,;:!?]$/.test(raw) || words > 18) return null;
  if (FULL_DATE.test(text) || GREETING.test(text)) return null;
  // "Output document: see below" is a line of text, not a heading (an item may say "A. Item: subtitle").
  if (/:\s+\S/.test(text) && !ITEM_MARK.test(text)) return null;
  if (!ITEM_MARK.test(text) && words < 2) return null;
  if (!/^[A-Z0-9(“"‘']/.test(text) || /^\d+$/.test(text)) return null;
  const subpoint = SUBPOINT.test(text) || isAllCaps(text);
  if (alone) {
    if (/^\d/.test(text) && !ITEM_MARK.test(text)) return null;
    return { line: i, text, rank: subpoint ? 4 : 2, kind: 'section', subpoint };
  }
  // A line inside a paragraph: bold, or an item letter, and not continued on the next line.
  if (next && next.para === line.para && /^[a-z]/.test(next.text)) return null;
  if (line.bold) return { line: i, text, rank: subpoint ? 4 : LETTER_ITEM_MARK.test(text) ? 2 : 3, kind: 'section', subpoint };
  if (LETTER_ITEM_MARK.test(text) && words >= 2) return { line: i, text, rank: 2, kind: 'section', subpoint };
  return null;
}

function joinLines(lines: FlowLine[]): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  for (const l of lines) {
    if (text) {
      // "co-⏎chairs" → "co-chairs"; everything else gets a space.
      if (!/[-‐]$/.test(text) || !/^[a-z]/.test(l.text)) text += ' ';
    }
    offsets.push(text.length);
    text += l.text;
  }
  return { text, offsets };
}

/** Headings and blocks of a Flow. */
export function buildOutline(flow: Flow, pageTitle = ''): Outline {
  const headings: Heading[] = [];
  const blocks: Block[] = [];
  /** Open items per zone (a stack, highest rank first). */
  const stacks = new Map<string, Heading[]>();
  const labels = new Map<string, string | undefined>();
  let run: FlowLine[] = [];

  const current = (zone: string): Heading | undefined => {
    const stack = stacks.get(zone) ?? [];
    for (let j = stack.length - 1; j >= 0; j--) if (!stack[j]!.subpoint) return stack[j];
    return undefined;
  };
  const flush = () => {
    if (!run.length) return;
    const first = run[0]!;
    const { text, offsets } = joinLines(run);
    const label = labels.get(first.zone);
    blocks.push({
      index: blocks.length,
      lines: run,
      lineOffsets: offsets,
      start: first.start,
      end: run[run.length - 1]!.end,
      text,
      zone: first.zone,
      signature: first.signature,
      section: current(first.zone),
      nextSteps:
        label === 'next steps' ||
        label === 'agreed next steps' ||
        label === 'action items' ||
        /^(?:\d+\.\s*)?next steps?\b/i.test(text),
      ...(label ? { label } : {}),
    });
    run = [];
  };

  const lines = flow.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank) {
      flush();
      continue;
    }
    const prevLine = run[run.length - 1];
    if (prevLine && (prevLine.para !== line.para || prevLine.zone !== line.zone)) flush();
    const h = classifyLine(lines, i, pageTitle);
    if (!h) {
      run.push(line);
      continue;
    }
    flush();
    headings.push(h);
    const zone = line.zone;
    const stack = stacks.get(zone) ?? [];
    if (h.kind === 'label') {
      labels.set(zone, h.label);
      continue;
    }
    while (stack.length && stack[stack.length - 1]!.rank >= h.rank) stack.pop();
    if (h.kind === 'section') stack.push(h);
    stacks.set(zone, stack);
    labels.set(zone, undefined);
  }
  flush();

  const blockAt = (offset: number): Block | undefined => {
    let lo = 0;
    let hi = blocks.length - 1;
    let found: Block | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = blocks[mid]!;
      if (b.start <= offset) {
        found = b;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  const offsetIn = (block: Block, offset: number): number => {
    let j = 0;
    for (let k = 0; k < block.lines.length; k++) if (block.lines[k]!.start <= offset) j = k;
    const line = block.lines[j]!;
    return (block.lineOffsets[j] ?? 0) + Math.max(0, Math.min(offset - line.start, line.text.length));
  };

  return { headings, blocks, blockAt, offsetIn };
}
