/** Every page of `docs/deadlines` (answers come MAX_PAGE_DOCUMENTS at a time: issue 28, item 2), for a calendar file. */
import type { DocRecord, Workstream } from '../shared/model';
import type { Req, Res } from '../shared/protocol';

type Deadlines = (type: 'docs/deadlines', data: Req<'docs/deadlines'>) => Promise<Res<'docs/deadlines'>>;

export async function allDeadlines(
  send: Deadlines,
  ask: { ids?: string[] },
): Promise<{ documents: DocRecord[]; workstreams: Workstream[] }> {
  const documents: DocRecord[] = [];
  for (;;) {
    const page = await send('docs/deadlines', { ...ask, offset: documents.length });
    documents.push(...page.documents);
    if (!page.documents.length || documents.length >= page.total) return { documents, workstreams: page.workstreams };
  }
}
