/**
 * Writes of the full page to many documents at once, each one IndexedDB transaction (all or
 * nothing): change them, delete them to the trash, put them back.
 */
import { type DocketDB, TRASH_LIMIT } from './schema';
import type { DocRecord } from '../../shared/model';

/**
 * Apply `change` to each document among `ids` as the database holds it; returns the documents
 * changed, before and after (a document `change` leaves as it is, or not found, is in neither).
 */
export async function updateDocuments(
  db: DocketDB,
  ids: readonly string[],
  change: (doc: DocRecord) => DocRecord | null,
): Promise<{ before: DocRecord[]; after: DocRecord[] }> {
  const tx = db.transaction('documents', 'readwrite');
  const store = tx.objectStore('documents');
  const current = await Promise.all([...new Set(ids)].map((id) => store.get(id)));
  const before: DocRecord[] = [];
  const after: DocRecord[] = [];
  const writes: Promise<unknown>[] = [];
  for (const doc of current) {
    const next = doc && change(doc);
    if (!doc || !next) continue;
    before.push(doc);
    after.push(next);
    writes.push(store.put(next));
  }
  await Promise.all([...writes, tx.done]);
  return { before, after };
}

/** Delete documents, keeping them in the trash (the newest TRASH_LIMIT entries stay); returns what was deleted. */
export async function deleteDocuments(db: DocketDB, ids: readonly string[], now: string): Promise<DocRecord[]> {
  const tx = db.transaction(['documents', 'trash'], 'readwrite');
  const docs = tx.objectStore('documents');
  const trash = tx.objectStore('trash');
  const found = (await Promise.all([...new Set(ids)].map((id) => docs.get(id)))).filter((d): d is DocRecord => !!d);
  await Promise.all(found.flatMap((doc) => [docs.delete(doc.id), trash.put({ doc, deletedAt: now })]));
  const count = await trash.count();
  if (count > TRASH_LIMIT) {
    let cursor = await trash.index('byDeletedAt').openCursor();
    for (let extra = count - TRASH_LIMIT; cursor && extra > 0; extra--) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await tx.done;
  return found;
}

/** Put documents back as given (Undo), taking them out of the trash. */
export async function restoreDocuments(db: DocketDB, documents: readonly DocRecord[]): Promise<void> {
  const tx = db.transaction(['documents', 'trash'], 'readwrite');
  const docs = tx.objectStore('documents');
  const trash = tx.objectStore('trash');
  await Promise.all([...documents.flatMap((doc) => [docs.put(doc), trash.delete(doc.id)]), tx.done]);
}
