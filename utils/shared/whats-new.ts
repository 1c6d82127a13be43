/**
 * "What's new" after an update: the background notes the versions when the browser updates Docket
 * (runtime.onInstalled, reason "update"), the popup shows that version's notes once until the member
 * dismisses them. Never a tab opened uninvited.
 */
import { browser } from 'wxt/browser';
import { whatsNewItem, type WhatsNew } from './storage-items';

export { isWhatsNew, type WhatsNew } from './storage-items';

/** What to note for an onInstalled event: only a real update to another version. */
export function whatsNewFor(details: { reason: string; previousVersion?: string }, current: string): WhatsNew | null {
  if (details.reason !== 'update' || !details.previousVersion || details.previousVersion === current) return null;
  return { from: details.previousVersion, to: current };
}

/** This build's version ('' where the extension API has none, as in a test's fake browser). */
export function currentVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

export async function noteUpdate(details: { reason: string; previousVersion?: string }): Promise<void> {
  const note = whatsNewFor(details, currentVersion());
  if (note) await whatsNewItem.set(note);
}

/** The pending note for the version that runs now (an older one is stale: dropped). */
export async function pendingWhatsNew(): Promise<WhatsNew | null> {
  const value = await whatsNewItem.get();
  if (!value) return null;
  if (value.to !== currentVersion()) {
    await whatsNewItem.remove();
    return null;
  }
  return value;
}

export const dismissWhatsNew = () => whatsNewItem.remove();
