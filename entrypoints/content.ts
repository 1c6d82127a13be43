import { defineContentScript } from 'wxt/utils/define-content-script';
import { startFirstPart, type FirstRuntime } from '@/utils/content/first-part';
import { LATER_PART, LATER_PART_FILE, type LaterPart } from '@/utils/content/parts';
import { DEFAULT_SITE_PATTERNS } from '@/utils/shared/sites';

/** The browser's own extension API (Firefox: `browser`; Chromium: `chrome`, and `browser` in recent versions). */
const api = () =>
  (globalThis as unknown as { browser?: { runtime: FirstRuntime & { getURL(path: string): string } } }).browser ??
  (globalThis as unknown as { chrome: { runtime: FirstRuntime & { getURL(path: string): string } } }).chrome;

/**
 * The later part (entrypoints/content-badges.ts) as a module of this extension, evaluated in this
 * same isolated world. The query makes each copy of the content script evaluate its own (after an
 * update, the world's module map still holds the old copy's module under the bare address).
 */
async function loadLaterPart(): Promise<LaterPart> {
  const url = `${api().runtime.getURL(LATER_PART_FILE)}?${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  await import(/* @vite-ignore */ url);
  const part = (globalThis as unknown as Record<symbol, LaterPart | undefined>)[LATER_PART];
  if (!part) throw new Error('Docket’s badge code did not load.');
  return part;
}

// Badges next to Google document links (CONTRACT §3) on the default sites (CONTRACT §5); other
// sites register this same file at run time. This is the content script's first part (issue 27):
// it only looks, and loads the badge code when a document link appears (utils/content/parts.ts).
// WXT's content script context is left out of this build (wxt.config.ts): nothing here uses it.
export default defineContentScript({
  matches: [...DEFAULT_SITE_PATTERNS],
  runAt: 'document_idle',
  // No start-up message a page could read and imitate (issue 13, item 3).
  noScriptStartedPostMessage: true,
  main: () => void startFirstPart({ doc: document, runtime: api().runtime, load: loadLaterPart }),
});
