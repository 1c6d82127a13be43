import { browser } from 'wxt/browser';
import { REVISION_KEY } from '@/utils/shared/protocol';

/** The index revision as the background last wrote it (null: never changed, or unreadable). */
export function readRevision(): Promise<string | null> {
  return browser.storage.local.get(REVISION_KEY).then(
    (r) => (typeof r[REVISION_KEY] === 'string' ? (r[REVISION_KEY] as string) : null),
    () => null,
  );
}
