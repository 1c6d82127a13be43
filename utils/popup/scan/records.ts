/**
 * The Scan view's chosen rows → the records and new workstreams one `docs/track` writes: a new
 * workstream per new name (matched case-insensitively to one that exists or was just made), the
 * deadline's sentence kept as its source and (clipped) its note, and where it was found (page,
 * title, meeting date). A row that cannot be written says which field to fix.
 */
import type { DocRecord, Workstream } from '../../shared/model';
import { commonGroup, newWorkstreamId, nextWorkstreamColor } from '../../shared/workstreams';
import type { ScanResult, ScanCandidate } from './scan';
import { t } from '../../shared/i18n';

export const NEW_WORKSTREAM = '__new__';
const NOTE_MAX = 160;
const FIELD_MAX = 2000;

type OptionalField =
  'title' | 'workstreamId' | 'deadline' | 'deadlineSource' | 'deadlineNote' | 'status' | 'source' | 'sourceTitle' | 'sourceDate';

/** What a row holds when it is written (ScanRow's state). */
export interface ChosenRow {
  c: ScanCandidate;
  title: string;
  /** An existing workstream's id, NEW_WORKSTREAM, or '' (none). */
  ws: string;
  newWs: string;
  deadline: string;
  status: DocRecord['status'] | '';
}

export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

export type Records =
  { docs: DocRecord[]; newWorkstreams: Workstream[] } | { problem: string; index: number; field: 'newws' | 'deadline' };

export function recordsFor(
  chosen: ReadonlyArray<readonly [ChosenRow, number]>,
  ctx: { workstreams: readonly Workstream[]; tracked: (id: string) => DocRecord | undefined; result: ScanResult; now: string },
): Records {
  const { workstreams, result, now } = ctx;
  const newWorkstreams: Workstream[] = [];
  const docs: DocRecord[] = [];
  const group = commonGroup([...workstreams]);
  for (const [r, i] of chosen) {
    let workstreamId: string | undefined;
    if (r.ws === NEW_WORKSTREAM) {
      const name = r.newWs.trim();
      if (!name) {
        return {
          problem: t('scan_problem_name', { title: r.title || r.c.id }),
          index: i,
          field: 'newws',
        };
      }
      const same = (w: Workstream) => w.name.trim().toLowerCase() === name.toLowerCase();
      const existing = workstreams.find(same) ?? newWorkstreams.find(same);
      if (existing) workstreamId = existing.id;
      else {
        const ws: Workstream = {
          id: newWorkstreamId(
            name,
            [...workstreams, ...newWorkstreams].map((w) => w.id),
          ),
          name: clip(name, 500),
          color: nextWorkstreamColor([...workstreams, ...newWorkstreams]),
          ...(group ? { group } : {}),
        };
        newWorkstreams.push(ws);
        workstreamId = ws.id;
      }
    } else if (r.ws && workstreams.some((w) => w.id === r.ws)) {
      workstreamId = r.ws;
    }
    if (r.deadline && !/^\d{4}-\d{2}-\d{2}$/.test(r.deadline)) {
      return { problem: t('scan_problem_deadline', { title: r.title || r.c.id }), index: i, field: 'deadline' };
    }
    const existing = ctx.tracked(r.c.id);
    const sentence = r.deadline ? r.c.deadlineSentence : undefined;
    const doc: DocRecord = {
      ...(existing ?? {}),
      id: existing?.id ?? r.c.id,
      kind: existing?.kind ?? r.c.kind,
      url: existing?.url || r.c.url,
      aliases: existing?.aliases ?? [],
      updatedAt: now,
    };
    const set = <K extends OptionalField>(key: K, value: DocRecord[K] | undefined) => {
      if (value === undefined || value === '') delete doc[key];
      else doc[key] = value;
    };
    set('title', r.title.trim() ? clip(r.title, FIELD_MAX) : undefined);
    set('workstreamId', workstreamId);
    set('deadline', r.deadline || undefined);
    set('deadlineSource', sentence ? clip(sentence, FIELD_MAX) : undefined);
    set('deadlineNote', sentence ? clip(sentence, NOTE_MAX) : existing?.deadlineNote);
    set('status', r.status || undefined);
    set('source', result.pageUrl ? clip(result.pageUrl, FIELD_MAX) : undefined);
    set('sourceTitle', result.pageTitle ? clip(result.pageTitle, FIELD_MAX) : undefined);
    set('sourceDate', result.meetingDate);
    docs.push(doc);
  }
  return { docs, newWorkstreams };
}
