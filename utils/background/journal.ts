/**
 * The operation journal in storage.local (`journalItem`, storage-items.ts): an import or sync notes itself before writing and
 * clears the note after. A note found when the service worker starts means the browser stopped
 * it mid-way; the index's own record of the last operation written (meta `lastOp`, written in
 * the same transaction) tells whether it landed. If not, nothing of it was written: the member
 * is told, and a sync simply runs again at its next turn.
 *
 * The index keeps its own note too (meta `pendingOp`, written before the operation's transaction):
 * when the storage note is gone (an in-place update from a build that kept none, storage cleared),
 * what the database shows, a started import with no matching completion (`lastOp`), still tells the
 * member that it did not land (issue 28, item 8).
 */
import { PENDING_OP, getMeta, noteStarted } from './db/store';
import { type DocketDB } from './db/schema';
import type { IndexStatus } from '../shared/protocol';
import type { Journal, JournalEntry } from './sync';
import { interruptedItem, journalItem } from './storage-items';
import { say, type Said } from '../shared/said';

export const storageJournal: Journal = {
  begin: (entry) => journalItem.set(entry),
  async end(id) {
    if ((await journalItem.get())?.id === id) await journalItem.remove();
  },
};

export { noteStarted };

/**
 * At start: turn a journal note of an operation that did not land into a notice for the popup.
 * One that landed may have stopped before open pages and the popup were told the index changed:
 * `landed` tells them now (a new index revision).
 */
export async function recoverJournal(db: DocketDB, landed?: () => Promise<void>): Promise<JournalEntry | null> {
  const stored = await journalItem.get();
  // An index left at the first format by a failed upgrade has no meta store (and no note in it).
  const hasMeta = db.objectStoreNames.contains('meta');
  const pending = hasMeta ? await getMeta<JournalEntry>(db, PENDING_OP) : undefined;
  const entry = stored ?? pending;
  if (!entry) return null;
  if (stored) await journalItem.remove();
  if (pending) await db.delete('meta', PENDING_OP);
  if (hasMeta && (await getMeta<string>(db, 'lastOp')) === entry.id) {
    if (stored) await landed?.();
    return null;
  }
  await interruptedItem.set({ label: entry.label, startedAt: entry.startedAt });
  return entry;
}

export function statusReader(readOnlyReason: () => string | Said | undefined) {
  const get = async (): Promise<IndexStatus> => {
    const status: IndexStatus = {};
    const reason = readOnlyReason();
    if (typeof reason === 'string' && reason) status.readOnlyReason = reason;
    else if (reason && typeof reason === 'object') {
      // Said in the page's language, the background's words beside it.
      status.readOnlyReason = say(reason);
      status.readOnlySaid = reason;
    }
    const interrupted = await interruptedItem.get();
    if (interrupted) status.interrupted = interrupted;
    return status;
  };
  return {
    get,
    async dismiss() {
      await interruptedItem.remove();
      return get();
    },
  };
}
