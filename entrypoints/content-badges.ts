import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LATER_PART, type LaterPart } from '@/utils/content/parts';
import { startDocket } from '@/utils/content/start';
import { linkGuesses } from '@/utils/content/link-context';

// The content script's later part (issue 27, utils/content/parts.ts): the badge code, loaded by the
// first part (entrypoints/content.ts) with `import()` when a page has a document link. Evaluated in
// the content script's isolated world, it hands itself over under LATER_PART.
export default defineUnlistedScript(() => {
  const part: LaterPart = { start: startDocket, linkGuesses };
  (globalThis as unknown as Record<symbol, LaterPart>)[LATER_PART] = part;
});
