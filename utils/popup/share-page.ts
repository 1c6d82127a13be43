/**
 * Structural sharing between two answers: in `next`, every document and the workstream list that
 * are the same as in `prev` (same content) become `prev`'s own objects. The popup's rows are
 * memoised by identity, so a new answer redraws only the rows that changed (typing one more
 * letter keeps most of the results).
 */
import type { DocRecord, Workstream } from '../shared/model';
import type { DocsPage } from '../shared/docs-query';

export function sharePage(prev: DocsPage | null, next: DocsPage): DocsPage {
  if (!prev) return next;
  const known = new Map<string, { doc: DocRecord; json: string }>();
  for (const r of prev.rows) known.set(r.doc.id, { doc: r.doc, json: '' });
  let changed = false;
  const rows = next.rows.map((r) => {
    const old = known.get(r.doc.id);
    if (!old || old.doc === r.doc) return r;
    old.json ||= JSON.stringify(old.doc);
    if (old.json !== JSON.stringify(r.doc)) return r;
    changed = true;
    return { ...r, doc: old.doc };
  });
  const workstreams = sameWorkstreams(prev.workstreams, next.workstreams) ? prev.workstreams : next.workstreams;
  if (!changed && workstreams === next.workstreams) return next;
  return { ...next, rows, workstreams };
}

function sameWorkstreams(a: readonly Workstream[], b: readonly Workstream[]): boolean {
  return a === b || (a.length === b.length && JSON.stringify(a) === JSON.stringify(b));
}
