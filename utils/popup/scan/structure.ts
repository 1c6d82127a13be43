/**
 * The page's outline: which lines are headings (agenda items, sections, labels), which text
 * blocks stand under which item, and so which item (workstream) each link belongs to.
 *
 * Headings (classifyLine):
 * - an `<h1>`…`<h6>` (links inside are fine: "19/54 Review of <a>note taking procedure</a>");
 * - a bold line of its own ("**Future WG collaboration:**");
 * - a short line that is a paragraph of its own, starts with a capital letter or an item mark
 *   (`A.`, `B)`, `a)`, `IV.`, `3.`) and does not end like a sentence — a marked line may end with
 *   `.` or `:` ("a)Work plan and work areas.", "3. Discussion, current DRAFT…"), an unmarked one
 *   with `:` ("Mentorship Project Update:");
 * - inside a longer paragraph, a bold line or one with a letter mark, not continued on the next line.
 * Never a list item, a table cell, a plain line holding a link, a plain line with a full date,
 * a greeting or closing, a "label: text" line, or one unmarked word.
 *
 * Levels (a heading ends the headings of the same or a deeper level before it):
 * `<hN>` → N; where the page lays out its items with five or more `<h2>`–`<h6>`, a bold line
 * → 7, a line the page's own agenda names → 7.5, other short lines → 8 (scribes' stage
 * directions such as "Back to slides" stay inside the item); elsewhere (seeds, mails, text)
 * short lines → 2 and bold lines → 3, as a secretary's plain minutes use them. Item marks nest
 * in the order their styles first appear ("1." then "a)"). ALL CAPS and "Par. 8 - …" lines are
 * sub-points (never a workstream).
 *
 * Which item a block stands under (`chooseItem`), looking from the outside in:
 * the first heading whose role is `item` (headings.ts: not the page's title, not a generic
 * Agenda/Notes, not a container such as "Working group updates"); else, unless the nearest
 * heading is a reset (Attendees, Logistics, Links…), the first list item around the block
 * that is not a container, when its own line is a title ("5.3 JupyterHub projects", "[simeon]
 * Chrome's Off-screen Documents Proposal"), not a sentence of discussion; else the item cell
 * of a table row (under a header "Item", "Topic", "Session"…); else the agenda entry the
 * block's own text names ("-Continued discussion Vulnerability disclosures whitepaper (#88)").
 * A named item with sub-items rolls up to the item.
 */
import type { Flow, FlowLine } from './flow';
import { MARK, headingRole, headingWords, itemName } from './headings';
import { classifyLine, clean, markStyle } from './heading-lines';
import type { Candidate } from './heading-lines';
import type { Heading } from './headings';
import { listItems } from './list-items';
import { tableItems } from './table-items';
import { agendaEntries, matchAgenda } from './agenda';
import type { AgendaEntry } from './agenda';
import { itemChoices } from './item-cues';
import type { ItemChoice, RawChoice } from './item-cues';
import { FITTED_MODEL, bestChoice, weightVector } from './item-model';
import type { ItemModel } from './item-model';

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
  /** The item (workstream) the block stands under. */
  section?: Heading;
  /** Under a "Next steps" label, or the block itself starts with "Next steps". */
  nextSteps: boolean;
  /** The label heading the block stands under ("output documents"), if any. */
  label?: string;
  /** The list item the block is in (Flow.lis), −1 for none. */
  liId: number;
  /** The block is a heading line. */
  heading: boolean;
  /** The item choices the scorer weighed, outside in (the scan weighs them again against the index's workstreams). */
  choices?: ItemChoice[];
}

export interface OutlineOptions {
  /** The item scorer's weights (default: item-model.json). */
  model?: ItemModel;
  /** The fit step and the eval ask for each block's choices (every block keeps them now). */
  explain?: boolean;
}

export interface Outline {
  headings: Heading[];
  /** The page's text blocks (heading lines are not among them). */
  blocks: Block[];
  /** The block holding a Flow offset (a heading line is a block of its own here). */
  blockAt(offset: number): Block | undefined;
  /** `offset` (in Flow.text) → offset in the block's `text`. */
  offsetIn(block: Block, offset: number): number;
  /** The page's own agenda, as found. */
  agenda: AgendaEntry[];
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

/** The item a block stands under, from its headings (outside in) and its list items. */
function chooseItem(stack: readonly Heading[], liNodes: readonly Heading[], row: Heading | undefined): Heading | undefined {
  // Under a reset ("Attendees"), its lines are names, not items, until the next <hN>.
  let reset = false;
  for (const h of stack) {
    if (h.role === 'reset') reset = true;
    else if (h.tag || h.role === 'agenda' || h.role === 'title') reset = false;
    if (!reset && h.role === 'item' && !h.subpoint) return h;
  }
  if (reset) return undefined;
  for (const li of liNodes) {
    if (li.role === 'container') continue;
    if (li.role === 'item') return li;
    break;
  }
  return row;
}

/** Headings and blocks of a Flow. */
export function buildOutline(flow: Flow, pageTitle = '', opts: OutlineOptions = {}): Outline {
  const lines = flow.lines;
  const weights = weightVector(opts.model ?? FITTED_MODEL);
  const titleWords = new Set(headingWords(pageTitle).filter((w) => w.length > 1 && !/^\d+$/.test(w)));

  // 1. Heading candidates, line by line.
  const cands: Array<Candidate | null> = lines.map((_, i) => classifyLine(lines, i, pageTitle, titleWords));
  const headed =
    cands.filter((c) => c && c.family === 'h' && c.hLevel >= 2 && (c.role === 'item' || c.role === 'container')).length >= 5;
  // Several <h1> used as sections (Markdown minutes): each is what its words say, not the page's title.
  const h1s = cands.filter((c): c is Candidate => !!c && c.family === 'h' && c.hLevel === 1 && c.role === 'title');
  if (h1s.length >= 3 && new Set(h1s.map((c) => c.text.toLowerCase())).size === h1s.length) {
    for (const c of h1s) {
      const role = headingRole(c.text, titleWords);
      if (role !== 'title') cands[c.line] = { ...c, role, kind: role === 'item' || role === 'container' ? 'section' : 'reset' };
    }
  }
  // Numbered lines inside a paragraph ("1. Roll Call⏎2. Welcome⏎…⏎4. Review of examples (see <link>)"):
  // a run of three or more consecutive numbers is an agenda, each line an item.
  const numbered: Array<{ i: number; n: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (cands[i] || l.blank || l.li || l.cell || l.headingLevel || l.signature) continue;
    const m = /^(\d{1,2})[.)]\s+\S/.exec(l.text);
    if (m) numbered.push({ i, n: Number(m[1]) });
  }
  // Runs of consecutive numbers (1, 2, 3…, at most 40 lines apart, one zone); three or more make an agenda.
  const runOf: number[] = [];
  numbered.forEach(({ i, n }, k) => {
    const prev = numbered[k - 1];
    const follows = prev && prev.n === n - 1 && i - prev.i <= 40 && lines[prev.i]!.zone === lines[i]!.zone;
    runOf.push(follows ? runOf[k - 1]! : k);
  });
  const runLength = new Map<number, number>();
  for (const r of runOf) runLength.set(r, (runLength.get(r) ?? 0) + 1);
  for (const [k, { i }] of numbered.entries()) {
    const inRun = (runLength.get(runOf[k]!) ?? 0) >= 3;
    const text = clean(lines[i]!.text);
    const name = itemName(text);
    // A title, not a numbered paragraph of prose wrapped over lines.
    const nextLine = lines[i + 1];
    if (!inRun || !name || name.split(/\s+/).length > 10 || /[.!?,]$|,|:\s+\S/.test(name)) continue;
    if (nextLine && nextLine.para === lines[i]!.para && /^[a-z(]/.test(nextLine.text)) continue;
    const role = headingRole(text, titleWords);
    cands[i] = {
      line: i,
      text,
      name,
      kind: role === 'item' || role === 'container' ? 'section' : role === 'label' ? 'label' : 'reset',
      role,
      subpoint: false,
      source: 'line',
      family: 'plain',
      hLevel: 0,
      style: markStyle(text),
    };
  }

  const page = {
    headed,
    h1Count: cands.filter(
      (c) => c && c.family === 'h' && c.hLevel === 1 && (c.role === 'item' || c.role === 'title' || c.role === 'container'),
    ).length,
  };
  const familyOf = new Map<Heading, Candidate['family']>();

  // 2. The page's own agenda; lines it names rank above other short lines.
  const agenda = agendaEntries(flow, cands);
  // A line that starts a paragraph and is an agenda entry word for word is that session's title
  // ("Thing Description (Ege / Michael)" above "scribe: Kaz").
  for (let i = 0; i < lines.length && agenda.length; i++) {
    const l = lines[i]!;
    if (cands[i] || l.blank || l.li || l.cell || l.hasAnchor || lines[i - 1]?.para === l.para) continue;
    if (agenda.some((e) => e.node.line === i) || l.text.split(/\s+/).length > 12) continue;
    // The entry word for word, or the entry's words starting a short paragraph ("… scribe: Kaz").
    const low = l.text.toLowerCase();
    const e =
      matchAgenda(l.text, agenda, false, true) ??
      agenda.find(
        (a) =>
          a.text.split(' ').length >= 2 && low.startsWith(a.text.toLowerCase()) && /^\W/.test(low.slice(a.text.length) || ' '),
      );
    if (e && !e.container) {
      const text = clean(l.text.length > e.text.length + 2 ? e.text : l.text);
      cands[i] = {
        line: i,
        text,
        name: itemName(text),
        kind: 'section',
        role: 'item',
        subpoint: false,
        source: 'line',
        family: 'plain',
        hLevel: 0,
      };
    }
  }
  const styles: string[] = [];
  const levelOf = (c: Candidate): number => {
    if (c.family === 'h') return c.hLevel;
    if (c.subpoint) return headed ? 8.9 : 4;
    if (c.family === 'bold' && headed) return 7;
    const marked = MARK.test(c.text);
    if (!marked && c.role === 'item' && !agenda.some((e) => e.node.line === c.line) && matchAgenda(c.text, agenda)) {
      return headed ? 7.5 : 1.9;
    }
    let idx = 0;
    const style = c.style ?? (c.family === 'bold' ? markStyle(c.text) : undefined);
    if (style) {
      idx = styles.indexOf(style);
      if (idx < 0) idx = styles.push(style) - 1;
    }
    return (headed ? 8 : 2) + idx * 0.1;
  };

  // 3. List items: their own line (head) and their role (list-items.ts); the items table rows name (table-items.ts).
  const { liHead, liIds, liChain } = listItems(flow, titleWords);
  const rowNode = tableItems(flow);

  // 4. Blocks, under the headings open in their zone.
  const headings: Heading[] = [];
  const blocks: Block[] = [];
  const headBlocks: Block[] = [];
  const stacks = new Map<string, Heading[]>();
  const labels = new Map<string, string | undefined>();
  let run: FlowLine[] = [];

  const makeBlock = (run: FlowLine[], heading: boolean, index: number): Block => {
    const first = run[0]!;
    const { text, offsets } = joinLines(run);
    const label = heading ? undefined : labels.get(first.zone);
    const stack = (stacks.get(first.zone) ?? []).filter((h) => h.role !== 'label');
    const chain = first.liId >= 0 ? liChain(first.liId) : [];
    const row = rowNode(first);
    // The fixed rule (one cue among others): under a label ("Action items", "Links"), list items
    // are tasks and links, not items.
    let rule = chooseItem(stack, label ? [] : chain, row);
    // Lines the page's agenda names: "-Continued discussion <agenda item> -- gdoc strawman - <link>".
    const named = !heading && agenda.length ? matchAgenda(text, agenda, true) : undefined;
    const agendaNode = named && !named.container ? named.node : undefined;
    if ((!rule || (rule.source === 'line' && !rule.tag)) && agendaNode && (!rule || !matchAgenda(rule.text, agenda)))
      rule = agendaNode;
    // The choices, outside in.
    const raw: RawChoice[] = [];
    let reset = false;
    for (const h of stack) {
      if (h.role === 'reset') reset = true;
      else if (h.tag || h.role === 'agenda' || h.role === 'title') reset = false;
      const family = familyOf.get(h) ?? 'plain';
      raw.push({
        heading: h,
        family: family === 'h' ? 'h' : family,
        hLevel: h.tag ? Math.floor(h.rank) : 0,
        underReset: reset,
        ownLine: h.line === first.index,
        lineHasLink: !!lines[h.line]?.hasAnchor,
      });
    }
    for (const [k, li] of chain.entries()) {
      const id = liIds.get(li) ?? -1;
      const head = liHead.get(id) ?? [];
      raw.push({
        heading: li,
        role: li.role === 'reset' && li.name && !/^\[?\s*[x ]?\s*\]/i.test(li.text) ? 'item' : li.role,
        family: 'li',
        hLevel: 0,
        underReset: reset,
        ownLine: first.liId === id && head[0]?.para === first.para,
        lineHasLink: head.some((l) => l.hasAnchor),
        liParent: k < chain.length - 1,
        liTop: k === 0,
        underLabel: !!label,
      });
    }
    if (row) raw.push({ heading: row, family: 'row', hLevel: 0, underReset: reset, ownLine: true, lineHasLink: true });
    if (agendaNode && !raw.some((r) => r.heading === agendaNode))
      raw.push({ heading: agendaNode, family: 'agenda', hLevel: 0, underReset: reset, ownLine: false, lineHasLink: false });
    const choices = itemChoices(raw, page, rule);
    const section = choices[bestChoice(weights, choices)]!.heading;
    return {
      index,
      lines: run,
      lineOffsets: offsets,
      start: first.start,
      end: run[run.length - 1]!.end,
      text,
      zone: first.zone,
      signature: first.signature,
      ...(section ? { section } : {}),
      nextSteps:
        label === 'next steps' ||
        label === 'agreed next steps' ||
        label === 'action items' ||
        label === 'actions' ||
        /^(?:\d+\.\s*)?next steps?\b/i.test(text),
      ...(label ? { label } : {}),
      liId: first.liId,
      heading,
      choices,
    };
  };
  const flush = () => {
    if (!run.length) return;
    blocks.push(makeBlock(run, false, blocks.length));
    run = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank) {
      flush();
      continue;
    }
    const prevLine = run[run.length - 1];
    if (prevLine && (prevLine.para !== line.para || prevLine.zone !== line.zone)) flush();
    const c = cands[i];
    if (!c) {
      run.push(line);
      continue;
    }
    flush();
    const { family: _f, hLevel: _h, style: _s, ...rest } = c;
    const h: Heading = { ...rest, rank: levelOf(c), ...(c.family === 'h' ? { tag: true } : {}) };
    familyOf.set(h, c.family);
    // An <hN> ends the short and bold lines before it; a short line that names an item never
    // ends a generic <hN> section (Attendees, Minutes…) it stands in, only an <hN> item of its
    // rank; a generic line ("Agenda:") ends either.
    const generic = h.role !== 'item' && h.role !== 'container';
    const ends = (top: Heading) =>
      h.tag ? top.rank >= h.rank || !top.tag : top.rank >= h.rank && (generic || !(top.tag && top.role !== 'item'));
    headings.push(h);
    const zone = line.zone;
    const stack = stacks.get(zone) ?? [];
    if (h.role === 'label') {
      // A label ends the sections of its own <hN> level ("## Links" after "## B. Item"), nothing else.
      if (h.tag) while (stack.length && ends(stack[stack.length - 1]!)) stack.pop();
      stacks.set(zone, stack);
      labels.set(zone, h.label);
    } else {
      while (stack.length && ends(stack[stack.length - 1]!)) stack.pop();
      stack.push(h);
      stacks.set(zone, stack);
      labels.set(zone, undefined);
    }
    // The heading line is a block of its own for the links it holds.
    headBlocks.push(makeBlock([line], true, -1));
  }
  flush();

  const all = [...blocks, ...headBlocks].sort((a, b) => a.start - b.start);
  const blockAt = (offset: number): Block | undefined => {
    let lo = 0;
    let hi = all.length - 1;
    let found: Block | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = all[mid]!;
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

  return { headings, blocks, blockAt, offsetIn, agenda };
}
