/**
 * "Scan this page": the Google documents a page (minutes, a mail, an archive) links to, each
 * with a proposed title, workstream, deadline and status.
 *
 * - One candidate per document id, in page order. When a document is linked several times,
 *   the occurrence with the most context wins: a paragraph with words besides links, under an
 *   item, outside quotes; then the first one. (Minutes copied from a PDF repeat every link as
 *   a bare footnote line further down, often under another item.)
 * - Workstream: the item (see structure.ts) the link stands under: the workstream the member chose
 *   for it before on this site (learn.ts), else an existing workstream close enough by name
 *   (workstreams.ts), else proposed under the item's name. When the scorer's item has no workstream
 *   and another item the link stands under has one (a parent, a sub-heading), that one is taken.
 *   Two items of one page that match each other share the first one's name.
 * - Deadline: the best deadline sentence (deadlines.ts) of the item's blocks (without an
 *   item: of the three blocks either side, same quote zone), read from the meeting date.
 * - Title: the link's text when it says something (not a URL, not "here"); else the item's
 *   subject ("Output document:" under "A. Possible implementation models…" → "Possible
 *   implementation models…"; "… output document" when the paragraph does not call it one);
 *   else the words before the link ("Draft response: <link>" → "Draft response"); else
 *   "<Kind> from <page title>". Titles that would repeat get the kind, then a number.
 */
import { docUrl } from '../../shared/doc-urls';
import type { Workstream } from '../../shared/model';
import { KIND_LABELS } from '../../shared/kind-labels';
import { localToday } from '../../shared/calendar';
import { attachContext, findDeadline } from './attach';
import { nextMeetingDate, splitSentences } from './deadlines';
import { flowOf } from './flow';
import type { Flow } from './flow';
import type { ScanCandidate } from './candidate';
import { findMeetingDate, pageDate } from './meeting-date';
import { dateLanguage } from './dates';
import { proposeStatus } from './status';
import { buildOutline } from './structure';
import type { Block, Outline } from './structure';
import { headingSubject } from './headings';
import type { Heading } from './headings';
import { findDocLinks } from './text-links';
import type { LinkHit } from './text-links';
import { matchWorkstream } from './workstreams';
import { recallItem } from './learn';
import type { Remembered } from './learn';
import type { ItemModel } from './item-model';
import { FITTED_MODEL, scoreChoice, weightVector } from './item-model';

export type { ScanCandidate } from './candidate';

export interface ScanResult {
  pageUrl: string;
  pageTitle: string;
  /** `YYYY-MM-DD` */
  meetingDate?: string;
  candidates: ScanCandidate[];
}

export interface ScanOptions {
  url: string;
  title?: string;
  workstreams: readonly Workstream[];
  /** Reference day when the page gives no date at all (default: the local today). */
  today?: string;
  /** The item scorer's weights (default: item-model.json; the eval fits others). */
  model?: ItemModel;
  /** Keep each candidate's item choices (the fit step). */
  explain?: boolean;
  /** The member's earlier choices of workstream for this site's items (learn.ts). */
  remembered?: readonly Remembered[];
}

const GENERIC_LINK_TEXT =
  /^(?:here|link|this|this link|click here|the link|doc|document|the document|this document|output document|draft|view|open|google docs?|google drive|drive)$/i;
const URL_TEXT = /^(?:https?:\/\/|www\.|(?:docs|drive)\.google\.com)/i;

function nonLinkText(block: Block, hits: readonly LinkHit[]): string {
  let text = block.text;
  for (const h of hits) if (h.anchorText) text = text.split(h.anchorText).join(' ');
  return text
    .replace(/\S*(?:https?:\/\/|google\.com\/)\S*/gi, ' ')
    .replace(/\b(?:and|or)\b/gi, ' ')
    .replace(/[\s\d.,;:()[\]<>|•-]+/g, ' ')
    .trim();
}

interface Occurrence {
  hit: LinkHit;
  block?: Block;
  rank: number;
}

function pickOccurrences(hits: readonly LinkHit[], outline: Outline): Occurrence[] {
  const byId = new Map<string, Occurrence>();
  const inBlock = new Map<Block, LinkHit[]>();
  const blockOf = hits.map((hit) => {
    const block = outline.blockAt(hit.start);
    if (block) {
      const list = inBlock.get(block);
      if (list) list.push(hit);
      else inBlock.set(block, [hit]);
    }
    return block;
  });
  const wordy = new Map<Block, boolean>();
  for (const [i, hit] of hits.entries()) {
    const block = blockOf[i];
    let words = false;
    if (block) {
      words = wordy.get(block) ?? nonLinkText(block, inBlock.get(block) ?? []).length > 3;
      wordy.set(block, words);
    }
    const rank =
      (words ? 4 : 0) +
      (block?.section ? 2 : 0) +
      (block && !block.zone ? 1 : 0) +
      (hit.fromAnchor && hit.anchorText && !URL_TEXT.test(hit.anchorText) ? 1 : 0);
    const seen = byId.get(hit.id);
    // A document linked under two items takes the first; else the occurrence with most context.
    if (!seen || (!seen.block?.section && (block?.section || rank > seen.rank))) byId.set(hit.id, { hit, block, rank });
  }
  return [...byId.values()].sort((a, b) => a.hit.start - b.hit.start);
}

function linkLabel(block: Block, outline: Outline, hit: LinkHit): string | undefined {
  const at = outline.offsetIn(block, hit.start);
  const before = block.text.slice(Math.max(0, at - 80), at);
  const m = /(?:^|[.!?]\s+|\n)([^.!?:\n]{3,60}):\s*$/.exec(before);
  if (!m) return undefined;
  const label = m[1]!.replace(/^\d{1,3}\.\s*/, '').trim();
  if (!label || /^(?:output|working)? ?documents?$/i.test(label) || /^links?$/i.test(label)) return undefined;
  return label;
}

function proposeTitle(
  hit: LinkHit,
  block: Block | undefined,
  section: Heading | undefined,
  outline: Outline,
  pageTitle: string,
): string {
  const text = hit.anchorText?.replace(/\s+/g, ' ').trim();
  if (text && text.length >= 3 && !URL_TEXT.test(text) && !GENERIC_LINK_TEXT.test(text) && !/^\S+\.\S+\/\S*$/.test(text)) {
    return text;
  }
  if (section) {
    const subject = headingSubject(section.text);
    const around = `${block?.label ?? ''}\n${block?.text ?? ''}`;
    if (/\b(?:output|working|response|draft)\s+documents?\b|\bdocuments?\s*:/i.test(around)) return subject;
    return hit.kind === 'document' || hit.kind === 'file'
      ? `${subject} output document`
      : `${subject} ${KIND_LABELS[hit.kind].toLowerCase()}`;
  }
  const label = block ? linkLabel(block, outline, hit) : undefined;
  if (label) return label;
  const from = pageTitle.trim();
  return from ? `${KIND_LABELS[hit.kind]} from ${from.length > 60 ? `${from.slice(0, 59)}…` : from}` : KIND_LABELS[hit.kind];
}

function uniqueTitles(candidates: ScanCandidate[]): void {
  const counts = new Map<string, number>();
  for (const c of candidates) counts.set(c.title, (counts.get(c.title) ?? 0) + 1);
  const count = (t: string) => counts.get(t) ?? 0;
  for (const c of candidates) {
    if (count(c.title) > 1 && c.kind !== 'document') c.title = `${c.title} (${KIND_LABELS[c.kind].toLowerCase()})`;
  }
  counts.clear();
  for (const c of candidates) counts.set(c.title, (counts.get(c.title) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const c of candidates) {
    if (count(c.title) <= 1) continue;
    const n = (seen.get(c.title) ?? 0) + 1;
    seen.set(c.title, n);
    if (n > 1) c.title = `${c.title} (${n})`;
  }
}

/** The page's main text (no quotes, no signatures), for the meeting date. */
function mainText(flow: Flow): string {
  return flow.lines
    .filter((l) => !l.quoted && !l.signature)
    .map((l) => l.text)
    .join('\n');
}

export interface ScanProgress {
  phase: 'reading' | 'outline' | 'links' | 'documents';
  /** Documents done, of `total` (phase `documents`). */
  done: number;
  total: number;
}

/** Scan a parsed page. Pure: reads `doc`, changes nothing. */
export function scanDocument(doc: Document, opts: ScanOptions): ScanResult {
  const steps = scanSteps(doc, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The scan in steps, for a caller that wants to keep its page responsive: it yields between
 * phases and every 50 documents (see slices.ts), and returns the result. Linear in the page.
 */
export function* scanSteps(doc: Document, opts: ScanOptions): Generator<ScanProgress, ScanResult> {
  const pageTitle = (opts.title ?? doc.title ?? '').trim();
  const flow = flowOf(doc);
  yield { phase: 'outline', done: 0, total: 0 };
  const outline = buildOutline(flow, pageTitle, {
    ...(opts.model ? { model: opts.model } : {}),
    ...(opts.explain ? { explain: true } : {}),
  });
  yield { phase: 'links', done: 0, total: 0 };
  const hits = findDocLinks(flow, opts.url);
  const lang = dateLanguage(flow.text, doc.documentElement?.getAttribute('lang') ?? '');
  const meetingDate = findMeetingDate(mainText(flow), pageTitle, lang);
  // Without a meeting date, nor one inferred (a PDF's dates, the address), no relative deadline is read.
  const known = meetingDate ?? findMeetingDate(flow.text, '', lang) ?? pageDate(doc, opts.url);
  const ref = known ?? opts.today ?? localToday();
  const announced = nextMeetingDate(
    (function* () {
      for (const b of outline.blocks) if (!b.zone && /next\b/i.test(b.text)) for (const s of splitSentences(b.text)) yield s.text;
    })(),
    ref,
    lang,
  );
  const ctx = attachContext(outline, flow, hits, ref, announced, { lang, meetingKnown: known !== undefined });

  // An item choice the index already has a workstream for (or the member chose one for) beats the
  // scorer's pick when that one has none: the highest-scoring such choice of the block.
  const weights = weightVector(opts.model ?? FITTED_MODEL);
  const knows = opts.workstreams.length > 0 || !!opts.remembered?.length;
  const existingOf = new Map<Heading, { id: string; name: string; remembered?: boolean } | null>();
  const existingFor = (h: Heading) => {
    let got = existingOf.get(h);
    if (got === undefined) {
      const recalled = recallItem(h.text, opts.remembered, opts.workstreams);
      const matched = recalled ? undefined : matchWorkstream(h.name, opts.workstreams)?.workstream;
      got = recalled
        ? { id: recalled.id, name: recalled.name, remembered: true }
        : matched
          ? { id: matched.id, name: matched.name }
          : null;
      existingOf.set(h, got);
    }
    return got;
  };
  const sectionOf = (block: Block): Heading | undefined => {
    const chosen = block.section;
    if (!knows || !block.choices || (chosen && existingFor(chosen))) return chosen;
    let best: Heading | undefined;
    let bestScore = -Infinity;
    for (const choice of block.choices) {
      if (!choice.heading || choice.heading === chosen || !existingFor(choice.heading)) continue;
      const score = scoreChoice(weights, choice);
      if (score > bestScore) {
        best = choice.heading;
        bestScore = score;
      }
    }
    return best ?? chosen;
  };

  const proposed: Array<{ name: string }> = [];
  const wsOf = new Map<Heading, { id?: string; name: string; remembered?: boolean }>();
  const candidates: ScanCandidate[] = [];
  const occurrences = pickOccurrences(hits, outline);
  for (const [i, { hit, block }] of occurrences.entries()) {
    if (i % 50 === 0) yield { phase: 'documents', done: i, total: occurrences.length };
    const c: ScanCandidate = {
      id: hit.id,
      kind: hit.kind,
      url: docUrl(hit),
      title: '',
      linkText: hit.anchorText || hit.url,
    };
    if (hit.published) c.published = true;
    if (opts.explain && block?.choices) c.choices = block.choices;
    const section = block ? sectionOf(block) : undefined;
    if (section) {
      c.section = section.text;
      let ws = wsOf.get(section);
      if (!ws) {
        const existing = existingFor(section);
        if (existing) ws = existing;
        else {
          // Two items of one page share a name only when they are the same item written twice.
          const earlier = matchWorkstream(section.name, proposed, 0.85);
          ws = { name: earlier ? earlier.workstream.name : section.name };
          if (!earlier) proposed.push({ name: section.name });
        }
        wsOf.set(section, ws);
      }
      if (ws.id) c.workstreamId = ws.id;
      if (ws.remembered) c.remembered = true;
      c.workstreamName = ws.name;
    }
    let near = block?.text ?? '';
    if (block) {
      const d = findDeadline(ctx, block, hit);
      if (d) {
        c.deadline = d.date;
        c.deadlineSentence = d.sentence;
        if (d.time) c.deadlineTime = d.time;
        if (d.block !== block) near += `\n${d.block.text}`;
      }
      const item = section
        ? (ctx.blocksBySection.get(section) ?? [])
            .filter((b) => b.zone === block.zone && !b.heading)
            .map((b) => b.text)
            .join('\n')
        : '';
      c.status = proposeStatus(near, item);
    } else {
      c.status = 'draft';
    }
    c.title = proposeTitle(hit, block, section, outline, pageTitle);
    candidates.push(c);
  }
  uniqueTitles(candidates);
  return { pageUrl: opts.url, pageTitle, ...(meetingDate ? { meetingDate } : {}), candidates };
}
