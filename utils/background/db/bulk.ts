/**
 * Deleting documents to the trash in one transaction (the popup's delete of one document). Changes
 * to many documents at once are operations, written in chunks (./operations.ts).
 */
import { type DocketDB, TRASH_LIMIT } from './schema';
import type { DocRecord } from '../../shared/model';

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
