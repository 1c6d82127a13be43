/**
 * The tests' way into a badge's closed shadow root: evaluate in Docket's own isolated world
 * (its content script's JavaScript world) through the DevTools protocol, where
 * `chrome.dom.openOrClosedShadowRoot` opens it. A page has no such way: its scripts run in
 * their own world, and a closed shadow root's `host.shadowRoot` is null there.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface ExecutionContext {
  id: number;
  name: string;
  origin: string;
  auxData?: { frameId?: string; type?: string };
}

export interface DocketWorld {
  /** Evaluate `expression` (a JavaScript expression, awaited) in Docket's world of the page's main frame. */
  evaluate<T>(expression: string): Promise<T>;
  /** Run a script (statements, such as a library's source) in that world, as it is. */
  run(script: string): Promise<void>;
  detach(): Promise<void>;
}

/**
 * Functions the expressions can use: `root(host)` opens a badge's shadow root; `shown(node)` is the
 * text a node shows, with the card's text drawn from `data-t`; `card(host)` is an open card's text, or null.
 * `openRoot`: how this browser's extension world opens a closed root (Chromium: `chrome.dom.openOrClosedShadowRoot(h)`;
 * Firefox's content scripts: the property `h.openOrClosedShadowRoot`).
 */
export const worldPrelude = (openRoot = 'chrome.dom.openOrClosedShadowRoot(h)') => `
  const root = (h) => ${openRoot};
  const shown = (n) => n.nodeType === 3 ? n.data : [...n.childNodes].reduce((s, c) => s + shown(c), n.getAttribute?.('data-t') ?? '');
  const card = (h) => { const c = root(h)?.querySelector('.card'); return c && !c.hidden ? shown(c) : null; };
`;
const PRELUDE = worldPrelude();

export async function docketWorld(context: BrowserContext, page: Page, extensionId: string): Promise<DocketWorld> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const contexts = new Map<number, ExecutionContext>();
  cdp.on('Runtime.executionContextCreated', (e: { context: ExecutionContext }) => contexts.set(e.context.id, e.context));
  cdp.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) => contexts.delete(e.executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const mainFrame = frameTree.frame.id;
  const docketContext = async (): Promise<number> => {
    for (let i = 0; i < 200; i++) {
      const found = [...contexts.values()]
        .reverse()
        .find((c) => c.origin === `chrome-extension://${extensionId}` && c.auxData?.frameId === mainFrame);
      if (found) return found.id;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('Docket’s content script world never appeared in this page.');
  };
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const contextId = await docketContext();
      const reply = (await cdp.send('Runtime.evaluate', {
        contextId,
        expression: `(async () => { ${PRELUDE} return (${expression}); })()`,
        returnByValue: true,
        awaitPromise: true,
      })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
      if (reply.exceptionDetails) {
        throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
      }
      return reply.result.value;
    },
    async run(script: string): Promise<void> {
      const contextId = await docketContext();
      const reply = (await cdp.send('Runtime.evaluate', { contextId, expression: script })) as {
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (reply.exceptionDetails) {
        throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
      }
    },
    detach: () => cdp.detach(),
  };
}
