/**
 * Running an operation on many documents from a page (issue 28, items 1 and 3): one id for the
 * request (sent again with the same id, it is never applied twice), and its progress polled from
 * the background (`ops/status`) while it is written, so the page shows how far it is and stays
 * responsive (the answer is counts, never documents).
 */
import { newOpId, type OpResult } from '../shared/operations';
import type { MessageType, Req, Res } from '../shared/protocol';

type OperationType = 'docs/edit-many' | 'docs/delete-many' | 'docs/undo' | 'trash/restore';
type Send = <K extends MessageType>(type: K, data: Req<K>) => Promise<Res<K>>;

/** How often the page asks how far an operation is. */
export const PROGRESS_POLL_MS = 250;

export async function runOperation<K extends OperationType>(
  send: Send,
  type: K,
  data: Omit<Req<K>, 'opId'>,
  onProgress?: (progress: OpResult) => void,
  opId = newOpId(),
): Promise<OpResult> {
  let finished = false;
  const work = send(type, { ...data, opId } as Req<K>) as Promise<OpResult>;
  const poll = async () => {
    while (!finished) {
      await new Promise((r) => setTimeout(r, PROGRESS_POLL_MS));
      if (finished) return;
      const { operation } = await send('ops/status', { opId }).catch(() => ({ operation: null }));
      if (operation && !finished) onProgress?.(operation);
    }
  };
  if (onProgress) void poll();
  try {
    return await work;
  } finally {
    finished = true;
  }
}
