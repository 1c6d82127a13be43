/**
 * The page's text cut into lines (flow.ts writes the text and each line's facts): quote marks
 * (`>`) and zones, signatures after a delimiter, paragraphs, and a binary search by offset.
 */
import type { Flow, FlowAnchor, FlowCell, FlowLi, FlowLine, FlowRow } from './flow-types';

/** What is true where a line's first text is written. */
export interface LineFacts {
  headingLevel: number;
  liId: number;
  quotes: string;
  signature: boolean;
  pre: boolean;
  cell?: FlowCell;
  bold: boolean;
  struck: boolean;
  anchor: boolean;
}

const QUOTE_PREFIX = /^[ \t]*(?:>[ \t]?)+/;
const SIG_DELIMITER = /^(?:--|-{5,} ?next part ?-{5,})$/i;

export function buildLines(
  text: string,
  facts: ReadonlyArray<LineFacts | undefined>,
  anchors: FlowAnchor[],
  lis: FlowLi[],
  rows: FlowRow[],
): Flow {
  const lines: FlowLine[] = [];
  let offset = 0;
  let para = -1;
  let prev: FlowLine | undefined;
  /** Zones in which a signature delimiter was seen. */
  const signedZones = new Set<string>();
  const rawLines = text.split('\n');
  for (let n = 0; n < rawLines.length; n++) {
    const rawLine = rawLines[n]!;
    const lineStart = offset;
    offset += rawLine.length + 1;
    const f = facts[n];
    const prefix = QUOTE_PREFIX.exec(rawLine);
    const depth = prefix ? (prefix[0].match(/>/g) ?? []).length : 0;
    const body = prefix ? rawLine.slice(prefix[0].length) : rawLine;
    const lead = body.length - body.trimStart().length;
    const content = body.trim();
    const start = lineStart + (prefix ? prefix[0].length : 0) + lead;
    const end = start + content.length;
    const elementZone = f?.quotes ?? '';
    const zone = elementZone || depth ? `${elementZone}>${depth}` : '';
    const blank = content.length === 0;
    const headingLevel = blank ? 0 : (f?.headingLevel ?? 0);
    const liId = blank ? -1 : (f?.liId ?? -1);
    let signature = !blank && !!f?.signature;
    if (!blank && SIG_DELIMITER.test(content)) signedZones.add(zone);
    else if (signedZones.has(zone)) signature = true;
    const bold = !blank && content.length <= 200 && !!f?.bold;
    const cell = blank ? undefined : f?.cell;
    // A blank line ends a paragraph; so does a change of zone, heading, list item, signature or cell.
    if (
      !blank &&
      (!prev ||
        prev.blank ||
        prev.zone !== zone ||
        prev.headingLevel !== headingLevel ||
        prev.liId !== liId ||
        prev.signature !== signature ||
        prev.cell?.row !== cell?.row ||
        prev.cell?.col !== cell?.col)
    ) {
      para += 1;
    }
    const line: FlowLine = {
      index: lines.length,
      start,
      end,
      text: content,
      blank,
      headingLevel,
      li: liId >= 0,
      liId,
      bold,
      struck: !blank && !!f?.struck,
      hasAnchor: !blank && !!f?.anchor,
      pre: !blank && !!f?.pre,
      ...(cell ? { cell } : {}),
      zone,
      quoted: zone !== '',
      signature,
      para: blank ? -1 : para,
    };
    lines.push(line);
    prev = line;
  }

  const lineAt = (pos: number): FlowLine | undefined => {
    let lo = 0;
    let hi = lines.length - 1;
    let found: FlowLine | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const l = lines[mid]!;
      if (l.start <= pos) {
        found = l;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Skip back over blank lines (a position in the trailing blanks of a line belongs to it).
    while (found && found.blank && found.index > 0) found = lines[found.index - 1];
    return found;
  };

  return { text, lines, anchors, lis, rows, lineAt };
}
