/**
 * The operation journal in storage.local: an import or sync notes itself before writing and
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
import { browser } from 'wxt/browser';
import { PENDING_OP, getMeta, noteStarted } from './db/store';
import { type DocketDB } from './db/schema';
import type { IndexStatus } from '../shared/protocol';
import type { Journal, JournalEntry } from './sync';

export const JOURNAL_KEY = 'docket:journal';
export const INTERRUPTED_KEY = 'docket:interrupted';

export const storageJournal: Journal = {
  begin: (entry) => browser.storage.local.set({ [JOURNAL_KEY]: entry }),
  async end(id) {
    const current = (await browser.storage.local.get(JOURNAL_KEY))[JOURNAL_KEY] as JournalEntry | undefined;
    if (current?.id === id) await browser.storage.local.remove(JOURNAL_KEY);
  },
};

export { noteStarted };

/**
 * At start: turn a journal note of an operation that did not land into a notice for the popup.
 * One that landed may have stopped before open pages and the popup were told the index changed:
 * `landed` tells them now (a new index revision).
 */
export async function recoverJournal(db: DocketDB, landed?: () => Promise<void>): Promise<JournalEntry | null> {
  const stored = (await browser.storage.local.get(JOURNAL_KEY))[JOURNAL_KEY] as JournalEntry | undefined;
  const pending = await getMeta<JournalEntry>(db, PENDING_OP);
  const entry = stored ?? pending;
  if (!entry) return null;
  if (stored) await browser.storage.local.remove(JOURNAL_KEY);
  if (pending) await db.delete('meta', PENDING_OP);
  if ((await getMeta<string>(db, 'lastOp')) === entry.id) {
    if (stored) await landed?.();
    return null;
  }
  await browser.storage.local.set({ [INTERRUPTED_KEY]: { label: entry.label, startedAt: entry.startedAt } });
  return entry;
}

export function statusReader(readOnlyReason: () => string | undefined) {
  const get = async (): Promise<IndexStatus> => {
    const status: IndexStatus = {};
    const reason = readOnlyReason();
    if (reason) status.readOnlyReason = reason;
    const interrupted = (await browser.storage.local.get(INTERRUPTED_KEY))[INTERRUPTED_KEY] as IndexStatus['interrupted'];
    if (interrupted) status.interrupted = interrupted;
    return status;
  };
  return {
    get,
    async dismiss() {
      await browser.storage.local.remove(INTERRUPTED_KEY);
      return get();
    },
  };
}
