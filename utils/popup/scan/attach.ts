/**
 * Which date is a document's deadline: the sentences of its item, tied to it by the text.
 *
 * The sentences looked at: those of the blocks of the item the link stands under (without an
 * item: the three blocks either side), in the same quote zone, outside signatures; and, in a
 * table whose header has a When/Date/Deadline/Due column, that cell of the link's own row
 * ("Wednesday 7 November (at the latest) | Submit … comments / edits … using this google doc").
 *
 * A sentence with a deadline phrase (deadlines.ts) is the document's deadline only when it is
 * tied to the document:
 * - in the link's own block (bullet, paragraph, row), when that block speaks of comments,
 *   review, input, edits, sign-off or delivery, or the phrase is cued by "due"/"deadline";
 * - elsewhere in the item, when the sentence speaks of such work or names the document (words
 *   of the link's text, of its label, or of its table row: "Blog post needs to happen this
 *   week" for the link "Draft blog post"), and it is not another document's: not in a block
 *   linking another document, not naming another one instead, and not nearer another
 *   document's link than this one's (unless it speaks of "both"/"all" documents).
 * Not a deadline: a struck-through (superseded) link's; a date before the meeting on the page
 * itself (a quoted mail keeps its own dates); announcements of the next meeting (deadlines.ts).
 * The best-scoring sentence wins (deadlines.ts `deadlineScore`, +3 when it names the document).
 */
import { cleanSentence, deadlineScore, isMeetingAnnouncement, sentenceDeadline, speaksOfWork, splitSentences } from './deadlines';
import type { DeadlineCandidate, DeadlinePhrase, PhraseOptions } from './deadlines';
import type { Flow } from './flow';
import { inferYear } from './dates';
import { noonOf } from '../../shared/calendar';
import { readDates } from './relative-dates';
import type { ZonedTime } from './relative-dates';
import type { Block, Outline } from './structure';
import type { Heading } from './headings';
import type { LinkHit } from './text-links';
import { nameTokens } from './workstreams';

const NO_SECTION_REACH = 3;
const WHEN_HEADER = /^(?:when|date|dates|deadline|due|due date|by when|target date|timeline|timing)$/i;
const BOTH = /\b(?:both|all|these|those|the)\s+(?:\w+\s+)?(?:documents|docs|drafts|papers|files)\b|\bboth\b/i;
/** Words that name no document in particular. */
const PLAIN_WORDS = new Set(
  'document doc draft link here slide slides deck sheet spreadsheet form folder file google drive copy version notes new current please see'.split(
    ' ',
  ),
);
const URL_TEXT = /^(?:https?:\/\/|www\.|(?:docs|drive)\.google\.com)/i;

export interface Deadline {
  date: string;
  sentence: string;
  block: Block;
  /** The time and zone written with the day ("11am ET"). */
  time?: ZonedTime;
}

export interface AttachContext extends PhraseOptions {
  outline: Outline;
  flow: Flow;
  /** The meeting's date (or the page's best date): `YYYY-MM-DD`. */
  ref: string;
  nextMeeting?: string;
  /** Every block (text and heading lines) in page order. */
  all: Block[];
  order: Map<Block, number>;
  hitsByBlock: Map<Block, LinkHit[]>;
  blocksBySection: Map<Heading, Block[]>;
  names: Map<LinkHit, Set<string>>;
  /** Each block's sentences with their deadline phrase (read once per page, not per document). */
  sentences: Map<Block, Array<{ text: string; start: number; end: number; phrase?: DeadlinePhrase }>>;
  /** The rows' When/Date header column, per table. */
  headers: Map<number, number>;
  /** Deadline phrases by sentence text (null: none). */
  phrases: Map<string, DeadlinePhrase | null>;
}

function significant(text: string): string[] {
  return nameTokens(text).filter((t) => t.length >= 4 && !PLAIN_WORDS.has(t));
}

/** The words a link is known by: its text, the label before it ("Draft response:"), its table row. */
function namesOf(ctx: Pick<AttachContext, 'outline' | 'flow'>, hit: LinkHit, block: Block | undefined): Set<string> {
  const words = new Set<string>();
  const text = hit.anchorText?.trim();
  if (text && !URL_TEXT.test(text)) for (const w of significant(text)) words.add(w);
  if (block) {
    const at = ctx.outline.offsetIn(block, hit.start);
    const before = /(?:^|[.!?]\s+)([^.!?:\n]{3,60}):\s*$/.exec(block.text.slice(Math.max(0, at - 80), at))?.[1];
    if (before) for (const w of significant(before)) words.add(w);
    const cell = block.lines[0]?.cell;
    const row = cell ? ctx.flow.rows[cell.row] : undefined;
    if (row && cell) row.cells.forEach((c, i) => i !== cell.col && significant(c).forEach((w) => words.add(w)));
  }
  return words;
}

export function attachContext(
  outline: Outline,
  flow: Flow,
  hits: readonly LinkHit[],
  ref: string,
  nextMeeting?: string,
  phrases: Omit<PhraseOptions, 'nextMeeting'> = {},
): AttachContext {
  const all: Block[] = [];
  const seen = new Set<Block>();
  const hitsByBlock = new Map<Block, LinkHit[]>();
  const keep = (b: Block) => {
    if (seen.has(b)) return;
    seen.add(b);
    all.push(b);
  };
  for (const b of outline.blocks) keep(b);
  const blockOf = new Map<LinkHit, Block>();
  for (const h of hits) {
    const b = outline.blockAt(h.start);
    if (!b) continue;
    blockOf.set(h, b);
    keep(b);
    const list = hitsByBlock.get(b);
    if (list) list.push(h);
    else hitsByBlock.set(b, [h]);
  }
  all.sort((a, b) => a.start - b.start);
  const order = new Map(all.map((b, i) => [b, i] as const));
  const blocksBySection = new Map<Heading, Block[]>();
  for (const b of all) {
    if (!b.section || b.signature) continue;
    const list = blocksBySection.get(b.section);
    if (list) list.push(b);
    else blocksBySection.set(b.section, [b]);
  }
  const names = new Map<LinkHit, Set<string>>();
  for (const h of hits) names.set(h, namesOf({ outline, flow }, h, blockOf.get(h)));
  const headers = new Map<number, number>();
  for (const r of flow.rows) {
    if (headers.has(r.table)) continue;
    headers.set(
      r.table,
      r.cells.findIndex((c) => WHEN_HEADER.test(c.replace(/[*:]/g, '').trim())),
    );
  }
  return {
    outline,
    flow,
    ref,
    ...phrases,
    ...(nextMeeting ? { nextMeeting } : {}),
    all,
    order,
    hitsByBlock,
    blocksBySection,
    names,
    sentences: new Map(),
    headers,
    phrases: new Map(),
  };
}

function sentencesOf(ctx: AttachContext, b: Block) {
  let list = ctx.sentences.get(b);
  if (!list) {
    list = splitSentences(b.text).map((s) => {
      // Minutes repeat their phrases ("Comments by 7 September"): each is read once per page.
      let phrase = ctx.phrases.get(s.text);
      if (phrase === undefined) {
        phrase = sentenceDeadline(s.text, ctx.ref, ctx) ?? null;
        ctx.phrases.set(s.text, phrase);
      }
      return phrase ? { ...s, phrase } : s;
    });
    ctx.sentences.set(b, list);
  }
  return list;
}

function scopeOf(ctx: AttachContext, block: Block): Block[] {
  if (block.section) return (ctx.blocksBySection.get(block.section) ?? []).filter((b) => b.zone === block.zone);
  const at = ctx.order.get(block) ?? 0;
  const out: Block[] = [];
  for (let i = Math.max(0, at - NO_SECTION_REACH); i <= Math.min(ctx.all.length - 1, at + NO_SECTION_REACH); i++) {
    const b = ctx.all[i]!;
    if (b.zone === block.zone && !b.section && !b.signature) out.push(b);
  }
  return out;
}

function names(sentence: string, words: ReadonlySet<string>): boolean {
  if (!words.size) return false;
  return nameTokens(sentence).some((t) => words.has(t));
}

/** The date in the link's row under a When/Date/Deadline column, if the row speaks of work. */
function rowDeadline(ctx: AttachContext, block: Block): Deadline | undefined {
  const cell = block.lines[0]?.cell;
  if (!cell) return undefined;
  const row = ctx.flow.rows[cell.row];
  if (!row || row.header) return undefined;
  const col = ctx.headers.get(row.table) ?? -1;
  if (col < 0 || col === cell.col || !speaksOfWork(row.cells.join(' '))) return undefined;
  const when = row.cells[col] ?? '';
  const d = readDates(when, noonOf(ctx.ref), ctx.lang)[0];
  if (!d || (d.relative && ctx.meetingKnown === false)) return undefined;
  const date = d.relative || d.yearWritten ? d.date : inferYear(d.month ?? 0, d.day ?? 0, ctx.ref);
  return date && date >= ctx.ref ? { date, sentence: cleanSentence(when), block } : undefined;
}

/** The deadline the page gives this link's document, if any. */
export function findDeadline(ctx: AttachContext, block: Block, hit: LinkHit): Deadline | undefined {
  if (hit.struck) return undefined;
  const fromRow = rowDeadline(ctx, block);
  if (fromRow) return fromRow;
  const own = ctx.names.get(hit) ?? new Set<string>();
  const scope = scopeOf(ctx, block);
  const linkOrder = ctx.order.get(block) ?? 0;
  /** Other documents' links in the scope: [order, their names]. */
  const others: Array<{ order: number; names: Set<string> }> = [];
  for (const b of scope) {
    for (const h of ctx.hitsByBlock.get(b) ?? []) {
      // Documents linked beside this one (same block) share what is said near them.
      if (h.id !== hit.id)
        others.push({ order: b === block ? -1e9 : (ctx.order.get(b) ?? 0), names: ctx.names.get(h) ?? new Set() });
    }
  }
  const linkAt = ctx.outline.offsetIn(block, hit.start);
  let best: (Deadline & { score: number }) | undefined;
  for (const b of scope) {
    const same = b === block;
    const bHits = ctx.hitsByBlock.get(b) ?? [];
    const ends = bHits.map((h) => ctx.outline.offsetIn(b, h.end));
    const otherHere = bHits.some((h) => h.id !== hit.id);
    const bOrder = ctx.order.get(b) ?? 0;
    for (const s of sentencesOf(ctx, b)) {
      const phrase0 = s.phrase;
      if (!phrase0) continue;
      // Lines of a mail or a PDF copy run on without a full stop after a link: the sentence
      // that gives the deadline starts after the last link before it.
      let text = s.text;
      let start = s.start;
      const cut = ends.filter((e) => e > start && e <= start + phrase0.index).sort((x, y) => y - x)[0];
      if (cut !== undefined) {
        const rest = b.text.slice(cut, s.end);
        start = cut + (rest.length - rest.trimStart().length);
        text = rest.trim();
      }
      const phrase: DeadlinePhrase | undefined = cut !== undefined ? sentenceDeadline(text, ctx.ref, ctx) : phrase0;
      if (!phrase || isMeetingAnnouncement(text)) continue;
      if (b.zone === '' && phrase.date < ctx.ref) continue;
      const named = names(text, own);
      const work = speaksOfWork(text);
      if (same) {
        if (!work && !named && !speaksOfWork(b.text) && !/\b(?:due|deadline)\b/i.test(text)) continue;
      } else {
        if (!work && !named) continue;
        const shared = BOTH.test(text);
        if (otherHere && !shared) continue;
        if (!named && others.some((o) => names(text, o.names)) && !shared) continue;
        if (!named && !shared) {
          const mine = Math.abs(bOrder - linkOrder);
          if (others.some((o) => Math.abs(bOrder - o.order) <= mine)) continue;
        }
      }
      const c: DeadlineCandidate = {
        sentence: text,
        phrase,
        distance: Math.abs(bOrder - linkOrder),
        before: same ? start < linkAt : bOrder < linkOrder,
        nextSteps: b.nextSteps,
      };
      const score = deadlineScore(c) + (named ? 3 : 0);
      if (!best || score > best.score)
        best = { date: phrase.date, sentence: cleanSentence(text), block: b, score, time: phrase.time };
    }
  }
  return best && { date: best.date, sentence: best.sentence, block: best.block, ...(best.time ? { time: best.time } : {}) };
}
