/** New workstreams: a readable unique id, the next free colour, the group most share. */
import { WORKSTREAM_PALETTE, type Workstream } from './model';

/** A readable, unique id for a new workstream: `ws-` + a slug of its name. */
export function newWorkstreamId(name: string, existingIds: Iterable<string>): string {
  const taken = new Set(existingIds);
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/g, '');
  const base = slug ? `ws-${slug}` : 'ws';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The palette's first colour no workstream uses yet; once all are used, the palette in turn. */
export function nextWorkstreamColor(workstreams: readonly Workstream[]): string {
  const used = new Set(workstreams.map((w) => w.color?.toLowerCase()));
  const free = WORKSTREAM_PALETTE.find((c) => !used.has(c));
  return free ?? WORKSTREAM_PALETTE[workstreams.length % WORKSTREAM_PALETTE.length]!;
}

/** The group most workstreams share (a sensible default for a new one), or ''. */
export function commonGroup(workstreams: readonly Workstream[]): string {
  const counts = new Map<string, number>();
  for (const w of workstreams) if (w.group) counts.set(w.group, (counts.get(w.group) ?? 0) + 1);
  let best = '';
  let bestN = 0;
  for (const [g, n] of counts) if (n > bestN) [best, bestN] = [g, n];
  return best;
}
