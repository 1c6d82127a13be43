import { revisionItem } from '@/utils/shared/storage-items';

/** The index revision as the background last wrote it (null: never changed, or unreadable). */
export function readRevision(): Promise<string | null> {
  return revisionItem.get().catch(() => null);
}
