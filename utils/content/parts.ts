/**
 * The content script in two parts (issue 27). The first (utils/content/first-part.ts, built as
 * `content-scripts/content.js`) runs on every page of a site Docket runs on and only looks: one
 * selector query, one observer, the page's own messages. The later part (entrypoints/content-badges.ts,
 * `content-badges.js`) holds everything a badge needs; the first part imports it (`import()` of an
 * extension module, into this same isolated world) when a document link appears. This is what the
 * later part hands the first: its key in the isolated world, and its shape.
 */
import type { Linker } from './linker';

/** Where the later part puts itself when it is evaluated (Docket's isolated world, out of the page's reach). */
export const LATER_PART = Symbol.for('docket.content.later');

/** The later part's file in the build (an unlisted script: entrypoints/content-badges.ts). */
export const LATER_PART_FILE = '/content-badges.js';

export interface Badges {
  linker: Linker;
  /** Remove every badge and every listener. */
  stop(): void;
}

export interface LaterPart {
  /** Badges on this page, following it and the index, until `stop()` or until `alive()` turns false (then `onGone`). */
  start(alive: () => boolean, onGone: () => void): Badges;
  /** "Track in Docket…": the guesses (the link's text, the heading above it) for the link a context menu was opened on. */
  linkGuesses(link: Element): { text: string; heading?: string };
}
