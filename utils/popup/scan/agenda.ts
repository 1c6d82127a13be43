/**
 * The page's own agenda: the items it lists under an "Agenda" heading (list items, lines of a
 * `<pre>` schedule, marked lines) or on one line ("Agenda: Ensure the meeting is recorded! New
 * group members intros! Vulnerability disclosures whitepaper (#88)").
 *
 * Minutes name their items again further down: a short line that repeats an agenda entry is a
 * session's title ("Plugfest Summary" in the notes of "09:15-10:15: PlugFest Summary (all)"),
 * above the other short lines under it ("Piotr Findings"); and a paragraph that names an entry
 * ("-Continued discussion Vulnerability disclosures whitepaper (#88) -- gdoc strawman - <link>")
 * stands under it. Entries are compared by their words, without times, durations, presenters.
 */
import type { Flow, FlowLine } from './flow';
import { headingRole, isTitleLike, itemName } from './headings';
import { nameTokens } from './workstreams';
import type { Heading } from './headings';

export interface AgendaEntry {
  text: string;
  /** A container entry ("Project updates"): the lines that name it are sessions, it is no item itself. */
  container: boolean;
  /** Content words (workstreams.ts `nameTokens`). */
  tokens: string[];
  /** Lower-case words, without a trailing "(presenter)". */
  norm: string;
  node: Heading;
}

interface CandidateLike {
  role: string;
  family: 'h' | 'bold' | 'plain';
}

function norm(text: string): string {
  return itemName(text)
    .replace(/\s*\([^()]*\)\s*$/, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^a-z0-9#']+/g, ' ')
    .trim();
}

function entry(text: string, line: number): AgendaEntry | undefined {
  const name = itemName(text);
  const n = norm(text);
  const words = n.split(' ').filter(Boolean).length;
  if (words < 1 || words > 12 || n.length < 5) return undefined;
  const role = headingRole(text);
  if ((role !== 'item' && role !== 'container') || !isTitleLike(text)) return undefined;
  const tokens = nameTokens(name.replace(/\s*\([^()]*\)\s*$/, ''));
  if (role === 'item' && words < 2) return undefined;
  return {
    text: name,
    container: role === 'container',
    tokens,
    norm: n,
    node: { line, text: name, name, rank: 7.5, kind: 'section', role: 'item', subpoint: false, source: 'agenda' },
  };
}

const AGENDA_HEAD = /^(?:(?:meeting |draft |proposed |revised )?agenda(?: items?)?)\s*:?$/i;
const AGENDA_INLINE = /^agenda\s*:\s*(.{6,})$/i;

/** The entries of the page's agenda(s), in page order. */
export function agendaEntries(flow: Flow, cands: ReadonlyArray<CandidateLike | null>): AgendaEntry[] {
  const out: AgendaEntry[] = [];
  const add = (e: AgendaEntry | undefined) => {
    if (e && !out.some((o) => o.norm === e.norm)) out.push(e);
  };
  const lines = flow.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank) continue;
    const inline = AGENDA_INLINE.exec(line.text);
    if (inline && !cands[i]) {
      for (const part of inline[1]!.split(/[!;•|]+|\s[-–]\s/)) add(entry(part, i));
      continue;
    }
    const c = cands[i];
    if (!c || c.role !== 'agenda' || !AGENDA_HEAD.test(line.text.trim())) continue;
    // Collect until the next heading that is not one of the agenda's own marked lines.
    let lastLi = -1;
    for (let j = i + 1; j < lines.length; j++) {
      const l: FlowLine = lines[j]!;
      if (l.blank || l.zone !== line.zone) continue;
      const cj = cands[j];
      if (cj && (cj.family === 'h' || cj.role === 'agenda' || cj.role === 'title' || cj.role === 'label')) break;
      if (l.liId >= 0) {
        const depth = flow.lis[l.liId]?.depth ?? 0;
        if (depth > 1 || l.liId === lastLi) continue;
        lastLi = l.liId;
      }
      add(entry(l.text, j));
    }
  }
  return out;
}

/**
 * The agenda entry a heading line repeats (`inBlock` false: the line is the entry, give or take
 * words), or a block's text names (`inBlock` true: the entry's words appear in it).
 */
export function matchAgenda(
  text: string,
  agenda: readonly AgendaEntry[],
  inBlock = false,
  exact = false,
): AgendaEntry | undefined {
  if (!agenda.length) return undefined;
  const n = norm(text);
  if (!n) return undefined;
  const padded = ` ${n} `;
  const tokens = inBlock || exact ? [] : nameTokens(itemName(text).replace(/\s*\([^()]*\)\s*$/, ''));
  for (const e of agenda) {
    if (inBlock) {
      if (!e.container && (e.norm.split(' ').length >= 3 || e.norm.length >= 15) && padded.includes(` ${e.norm} `)) return e;
      continue;
    }
    if (n === e.norm) return e;
    if (exact) continue;
    // The same words, give or take some ("Plugfest Summary" / "PlugFest Summary (all)"; "Feilong
    // project update" / "Project updates").
    if (e.tokens.length >= 2 && tokens.length >= 2) {
      const set = new Set(tokens);
      const eSet = new Set(e.tokens);
      if (e.tokens.every((t) => set.has(t)) || (!e.container && tokens.every((t) => eSet.has(t)))) return e;
    }
  }
  return undefined;
}
