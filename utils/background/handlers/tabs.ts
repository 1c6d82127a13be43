/**
 * A Docket page's question to a tab's content script, asked by the background on its behalf (`tab/ask`). Firefox's
 * pages use it (utils/shared/protocol.ts, sendToTab): their answer then comes over the page's port, which is dropped
 * when the page hides, instead of a browser promise that Firefox rejects after the page has closed and reports in
 * its console (issue 28, "Smaller").
 */
import type { HandlerContext, HandlersFor } from './context';
import type { Reply } from '../../shared/protocol';

const isReply = (v: unknown): v is Reply<unknown> =>
  !!v && typeof v === 'object' && typeof (v as { ok?: unknown }).ok === 'boolean';

export function createTabHandlers({ deps }: HandlerContext): HandlersFor<'tab/ask'> {
  return {
    'tab/ask': async ({ tabId, message }) => {
      // No way to ask (a test's background): as if the tab had no content script.
      const reply = deps.askTab ? await deps.askTab(tabId, message) : undefined;
      return isReply(reply) ? reply : null;
    },
  };
}
