/**
 * The background's read messages over an index held in the test (for popup tests that mock
 * `send`): the same pure queries the background's cache answers with.
 */
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { IndexView, queryDocs, summarizeIndex } from '@/utils/background/queries';
import type { DocsQuery } from '@/utils/shared/docs-query';

export interface TestIndex {
  documents: DocRecord[];
  workstreams: Workstream[];
}

const FALLBACK_TODAY = '2020-09-08';

/** Answers `docs/query`, `doc/get`, `lookup`, `index/summary`, `workstreams/list` and `index/get`; undefined for anything else. */
export function answerRead(index: TestIndex, type: string, data: unknown): unknown {
  const view = () => new IndexView(index.documents, index.workstreams);
  const find = (id: string) => index.documents.find((d) => d.id === id) ?? index.documents.find((d) => d.aliases.includes(id));
  switch (type) {
    case 'docs/query': {
      const q = data as DocsQuery;
      return structuredClone(queryDocs(view(), q, q.today ?? FALLBACK_TODAY));
    }
    case 'doc/get':
      return { doc: structuredClone(find((data as { id: string }).id) ?? null) };
    case 'docs/find': {
      const records: Record<string, unknown> = {};
      for (const id of (data as { ids: string[] }).ids) {
        const doc = find(id);
        if (!doc) continue;
        const workstream = index.workstreams.find((w) => w.id === doc.workstreamId);
        records[id] = structuredClone(workstream ? { doc, workstream } : { doc });
      }
      return { records };
    }
    case 'index/summary':
      return structuredClone(summarizeIndex(view(), (data as { today?: string }).today ?? FALLBACK_TODAY));
    case 'workstreams/list':
      return { workstreams: structuredClone(index.workstreams) };
    case 'index/get':
      return structuredClone(index);
    default:
      return undefined;
  }
}

/** A `run` for DocumentList / UpcomingPanel over a fixed index. */
export function localRunner(index: TestIndex) {
  return async (q: DocsQuery) =>
    structuredClone(queryDocs(new IndexView(index.documents, index.workstreams), q, q.today ?? FALLBACK_TODAY));
}
