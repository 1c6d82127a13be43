/**
 * The messages that change many documents at once (issue 28, items 1 to 5): edit, delete, undo,
 * restore from the trash, each an operation with the page's id (db/operations.ts), written in
 * chunks, answered with ids and counts; their progress; and Recently deleted.
 */
import { beginOperation, bulkDeletes, getOperation, resultOf, runChunk } from '../db/operations';
import { listTrash } from '../db/store';
import type { HandlerContext, HandlersFor } from './context';
import type { OpKind, OpResult } from '../../shared/operations';
import type { DocChange } from '../../shared/bulk-change';
import { DocketError } from '../../shared/protocol';
import { SaidError, said, saidN } from '../../shared/said';

type OperationMessage = 'docs/edit-many' | 'docs/delete-many' | 'docs/undo' | 'trash/restore' | 'ops/status' | 'trash/list';

export const OPERATION_WRITES = ['docs/edit-many', 'docs/delete-many', 'docs/undo', 'trash/restore'] as const;

export function createOperationHandlers({ db, cache, now, indexChanged }: HandlerContext): HandlersFor<OperationMessage> {
  /** Operations being written by this worker: the same id asked again waits for the same work. */
  const running = new Map<string, Promise<OpResult>>();

  function run(start: { id: string; kind: OpKind; ids?: string[]; change?: DocChange; of?: string }) {
    const already = running.get(start.id);
    if (already) return already;
    const work = (async (): Promise<OpResult> => {
      const d = await db();
      const op = await beginOperation(d, start, now());
      let wrote = false;
      try {
        for (;;) {
          const chunk = await runChunk(d, op.id, now());
          if (!chunk) break;
          if (chunk.put.length) cache.putDocuments(chunk.put);
          for (const id of chunk.deleted) cache.deleteDocument(id);
          wrote ||= chunk.put.length > 0 || chunk.deleted.length > 0;
        }
      } catch (error) {
        // Whatever the index holds now is read again; the member is told how far it got (it can be undone).
        cache.invalidate();
        if (wrote) await indexChanged().catch(() => undefined);
        const got = await getOperation(d, op.id).catch(() => undefined);
        const why = error instanceof Error ? error.message : String(error);
        throw new DocketError(
          got?.changed
            ? saidN('error_change_stopped_after', got.changed, { why, total: got.total })
            : said('error_change_stopped', { why }),
        );
      }
      if (wrote) await indexChanged();
      return resultOf((await getOperation(d, op.id))!);
    })().finally(() => running.delete(start.id));
    running.set(start.id, work);
    return work;
  }

  return {
    'docs/edit-many': async ({ opId, ids, change }) => {
      const d = await db();
      if ('workstreamId' in change && change.workstreamId !== null && !(await d.get('workstreams', change.workstreamId))) {
        // Unless it is a retry of an operation that was recorded (its workstream deleted since).
        if (!(await getOperation(d, opId))) throw new SaidError(said('error_no_workstream', { id: change.workstreamId }));
      }
      return run({ id: opId, kind: 'edit', ids, change });
    },
    'docs/delete-many': async ({ opId, ids }) => run({ id: opId, kind: 'delete', ids }),
    'docs/undo': async ({ opId, of }) => run({ id: opId, kind: 'undo', of }),
    'trash/restore': async ({ opId, ids }) => run({ id: opId, kind: 'restore', ids }),
    'ops/status': async ({ opId }) => {
      const op = await getOperation(await db(), opId);
      return { operation: op ? resultOf(op) : null };
    },
    'trash/list': async ({ offset, limit }) => {
      const d = await db();
      const entries = await listTrash(d);
      const bulk = await bulkDeletes(d);
      return {
        total: entries.length,
        entries: entries.slice(offset, offset + limit).map(({ doc, deletedAt }) => {
          const item: { id: string; title: string; deletedAt: string; workstreamId?: string } = {
            id: doc.id,
            title: doc.title || doc.id,
            deletedAt,
          };
          if (doc.workstreamId) item.workstreamId = doc.workstreamId;
          return item;
        }),
        bulk: bulk.map((op) => ({ opId: op.id, at: op.createdAt, count: op.changed })),
      };
    },
  };
}
