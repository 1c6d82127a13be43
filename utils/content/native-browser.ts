/**
 * The extension API in the content script's two parts: the browser's own (wxt.config.ts aliases
 * `wxt/browser` to this file for those builds only). Firefox has always had a promise-based
 * `browser`; Chromium has one too, and its `chrome` answers with promises in Manifest V3. What the
 * content script calls (sendMessage, storage.onChanged, runtime.id) is the same in both, so
 * webextension-polyfill would only pass the object through, and its 10 kB would be compiled on
 * every page that has a document link (issue 27, S7).
 */
import type { browser as polyfilled } from 'wxt/browser';

type Browser = typeof polyfilled;

export const browser: Browser =
  (globalThis as unknown as { browser?: Browser }).browser ?? (globalThis as unknown as { chrome: Browser }).chrome;
