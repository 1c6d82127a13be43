/**
 * Which lines of a page are headings, and of what kind (see structure.ts for the rules and the
 * levels): `<hN>` lines, bold lines, short lines of their own, marked lines ("A.", "a)", "3.").
 */
import type { FlowLine } from './flow';
import { FULL_DATE, LETTER_MARK, MARK, headingKind, headingRole, itemName } from './headings';
import type { Role, Heading, HeadingKind } from './headings';

const SUBPOINT = /^(?:par(?:a(?:graph)?)?\.?|section|art(?:icle)?\.?|§)\s*\d/i;
const GREETING =
  /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|thanks?|thank you|many thanks|best|regards|best regards|kind regards|warm regards|cheers|sincerely|all the best|greetings)\b/i;
const URLISH = /https?:\/\/|(?:docs|drive)\.google\.com\//i;
export const ITEM_HEADER = /^(?:agenda )?(?:items?|topics?|subjects?|sessions?|titles?|workstreams?|agenda)$/i;

export function clean(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*:\s*$/, '')
    .trim();
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

/** The style of an item mark ("A.", "a)", "1.", "i."), to nest them in order of appearance. */
export function markStyle(text: string): string | undefined {
  const m = MARK.exec(text);
  if (!m) return undefined;
  const t = m[0].trim();
  const punct = /\)$/.test(t) ? ')' : '.';
  if (/^\d+\/\d+/.test(t)) return 'n/n';
  if (/^\d/.test(t)) return `1${punct}`;
  if (/^[ivx]+[.)]$/.test(t) && t.length > 2) return `i${punct}`;
  if (/^[IVX]+[.)]$/.test(t) && t.length > 2) return `I${punct}`;
  return /^[a-z]/.test(t) ? `a${punct}` : `A${punct}`;
}

export interface Candidate extends Omit<Heading, 'rank'> {
  /** Which level family: an <hN>, a bold line, or a plain line (with its mark style). */
  family: 'h' | 'bold' | 'plain';
  hLevel: number;
  style?: string;
}

/** Is this line a heading, and which? `pageTitle` lets the page's own title be recognised. */
export function classifyLine(lines: readonly FlowLine[], i: number, pageTitle = '', titleWords: ReadonlySet<string> = new Set()) {
  const line = lines[i];
  if (!line || line.blank || line.li || line.signature || line.cell) return null;
  const text = clean(line.text);
  if (!text || text.length > 160) return null;
  const title = normTitle(pageTitle);
  const make = (family: Candidate['family'], role: Role, hLevel = 0, subpoint = false): Candidate => {
    const k = headingKind(line.text);
    const kind: HeadingKind = role === 'label' ? 'label' : role === 'item' || role === 'container' ? 'section' : 'reset';
    return {
      line: i,
      text,
      name: itemName(text),
      kind,
      role,
      subpoint,
      source: 'line',
      family,
      hLevel,
      ...(k.label && role === 'label' ? { label: k.label } : {}),
      ...(family === 'plain' ? { style: markStyle(text) } : {}),
    };
  };

  if (line.headingLevel) {
    const level = line.headingLevel;
    if (/^(?:https?:\/\/\S+)$/.test(text)) return null;
    let role = headingRole(line.text, titleWords);
    if (title && normTitle(text).length >= 8 && title.includes(normTitle(text)) && role !== 'label' && !MARK.test(text))
      role = 'title';
    if (level === 1 && !MARK.test(text) && role !== 'label') role = role === 'agenda' || role === 'reset' ? role : 'title';
    return make('h', role, level, SUBPOINT.test(text));
  }
  if (text.length > 120 || (URLISH.test(line.text) && !line.bold) || (line.hasAnchor && !line.bold)) return null;
  const prev = lines[i - 1];
  const next = lines[i + 1];
  const alone = (!prev || prev.para !== line.para) && (!next || next.para !== line.para);

  // Inside a paragraph only a bold or letter-marked line can be a heading (cheap test first).
  if (!alone && !line.bold && !LETTER_MARK.test(text) && !/^[a-z]\)/.test(text) && !/^(?:annex|appendix)\b/i.test(text))
    return null;
  const raw = line.text.trim();
  const role = headingRole(raw, titleWords);
  const words = text.split(' ').length;
  const marked = MARK.test(text);
  if (role === 'label' || role === 'reset' || role === 'agenda') {
    if (!alone && !line.bold && !/^(?:annex|appendix)\b/i.test(text)) return null;
    if (text.length > 60) return null;
    return make(line.bold ? 'bold' : 'plain', role);
  }
  if (words > 18) return null;
  const endsSentence = /[.,;!?]$/.test(raw);
  const endsColon = /:$/.test(raw);
  if (endsSentence && !(marked && words <= 14 && /[.]$/.test(raw))) return null;
  if (endsColon && !((alone && (marked || words <= 6)) || (line.bold && words <= 10))) return null;
  if (FULL_DATE.test(text) || GREETING.test(text)) return null;
  // "Output document: see below" is a line of text, not a heading (an item may say "A. Item: subtitle").
  if (/:\s+\S/.test(text) && !marked) return null;
  if (!marked && words < 2 && !line.bold) return null;
  if (!/^[A-Z0-9(“"‘'[]/.test(text) && !(marked && /^[a-z][.)]/.test(text))) return null;
  if (/^\d+$/.test(text)) return null;
  // ALL CAPS lines are sub-points ("PAR. 8 - PROVIDING …"), unless marked as an item ("5. OPENHW …").
  const subpoint = SUBPOINT.test(text) || (isAllCaps(text) && !marked);
  if (alone) {
    if (/^\d/.test(text) && !marked) return null;
    return make(line.bold ? 'bold' : 'plain', role, 0, subpoint);
  }
  // A line inside a paragraph: bold, or an item letter, and not continued on the next line.
  if (next && next.para === line.para && /^[a-z]/.test(next.text)) return null;
  if (line.bold) return make('bold', role, 0, subpoint);
  if ((LETTER_MARK.test(text) || /^[a-z]\)/.test(text)) && words >= 2) return make('plain', role, 0, subpoint);
  return null;
}
