/**
 * The messages that change documents and workstreams one at a time, from Docket's own pages: a
 * document saved from the editor (only what it changed, onto the document as it is now) or deleted,
 * documents tracked from a scan, a workstream saved or deleted. Each write updates the index in
 * memory and tells open pages.
 */
import * as store from '../db/store';
import { mergeEdit } from '../doc-edit';
import type { HandlerContext, HandlersFor } from './context';
import { DOC_VALUE_FIELDS, type DocRecord } from '../../shared/model';
import { SaidError, said } from '../../shared/said';

type WriteMessage = 'doc/put' | 'doc/delete' | 'docs/track' | 'ws/put' | 'ws/delete';

export function createWriteHandlers({ db, cache, now, indexChanged }: HandlerContext): HandlersFor<WriteMessage> {
  return {
    'doc/put': async ({ doc: sent, base }) => {
      const d = await db();
      // From an editor: only what it changed since it opened, onto the document as it is now.
      const doc = base ? mergeEdit(await d.get('documents', sent.id), base, sent) : sent;
      const ws = doc.workstreamId;
      if (ws && !(await d.get('workstreams', ws))) throw new SaidError(said('error_no_workstream', { id: ws }));
      const saved = await store.putDocument(d, normaliseDoc(doc));
      cache.putDocuments([saved]);
      await indexChanged();
      return { doc: saved };
    },
    'doc/delete': async ({ id }) => {
      const doc = await store.deleteDocument(await db(), id, now());
      if (doc) {
        cache.deleteDocument(doc.id);
        await indexChanged();
      }
      return { doc };
    },
    'docs/track': async ({ documents, workstreams }) => {
      const d = await db();
      const known = new Set([...(await d.getAllKeys('workstreams')), ...workstreams.map((w) => w.id)]);
      const orphan = documents.find((doc) => doc.workstreamId && !known.has(doc.workstreamId));
      if (orphan) {
        throw new SaidError(said('error_no_workstream_for', { id: orphan.workstreamId!, doc: orphan.title || orphan.id }));
      }
      const docs = documents.map(normaliseDoc);
      await store.writeAll(d, docs, workstreams);
      cache.putWorkstreams(workstreams);
      cache.putDocuments(docs);
      if (documents.length || workstreams.length) await indexChanged();
      return { documents: documents.length, workstreams: workstreams.length };
    },
    'ws/put': async ({ workstream }) => {
      const saved = await store.putWorkstream(await db(), workstream);
      cache.putWorkstreams([saved]);
      await indexChanged();
      return { workstream: saved };
    },
    'ws/delete': async ({ id, reassignTo }) => {
      const at = now();
      const result = await store.deleteWorkstream(await db(), id, reassignTo, at);
      cache.deleteWorkstream(id, reassignTo, at);
      await indexChanged();
      return result;
    },
  };
}

/** Drop empty optional strings so that the index holds one form of "absent". */
function normaliseDoc(doc: DocRecord): DocRecord {
  const out = { ...doc } as Record<string, unknown>;
  for (const key of DOC_VALUE_FIELDS) {
    if (out[key] === '') delete out[key];
  }
  return out as unknown as DocRecord;
}
