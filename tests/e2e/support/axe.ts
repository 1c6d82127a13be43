/**
 * axe-core (Deque's accessibility engine) run on a page the way a test reads it: its script evaluated
 * through the browser's remote protocol (an extension page's Content-Security-Policy refuses inline scripts
 * and eval, but not DevTools in Chromium nor WebDriver BiDi in Firefox), then `axe.run` with the WCAG 2.2 AA tags. In Docket's own world (badges,
 * the page chip) closed shadow roots are opened for axe: `shadowRoot` answers with the closed root
 * for Docket's hosts, in that world only (the page's scripts never see it).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { DocketWorld } from './docket-world';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The tags issue 22 names: WCAG 2.0 A and AA, 2.1 AA and 2.2 AA. Not `wcag21a`: its one rule, the experimental
 * label-content-name-mismatch (2.5.3), would have a badge's name repeat its abbreviated chip ("B · ◔ open · ◷ 3 d")
 * instead of saying what it means (README, Accessibility: what is known not to work).
 */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** `rule: selector — what is wrong`, one line per failing node, so that a failure says where. */
const REPORT = `(r) => r.violations.flatMap((v) => v.nodes.map((n) =>
  v.id + ': ' + n.target.map((t) => [].concat(t).join(' >>> ')).join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' ')))`;

const runExpression = (context: string) =>
  `(async () => { const r = await axe.run(${context}, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_AA_TAGS)} }, resultTypes: ['violations'] }); return (${REPORT})(r); })()`;

/**
 * The violations axe finds in a page, given a way to evaluate an expression there (awaited, by value) that the
 * page's Content-Security-Policy does not stop: [] when it passes.
 */
export async function axeWith(evaluate: (expression: string) => Promise<unknown>, context = 'document'): Promise<string[]> {
  if ((await evaluate('typeof axe')) !== 'object') await evaluate(`${AXE_SOURCE}\n;void 0`);
  return (await evaluate(runExpression(context))) as string[];
}

/** The violations axe finds in a Docket page in Chromium (popup.html, docket.html): [] when it passes. */
export async function axeViolations(page: Page, context = 'document'): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await axeWith(async (expression) => {
      const reply = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as {
        result: { value: unknown };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
      return reply.result.value;
    }, context);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The violations axe finds in Docket's hosts on a page (badges, their cards, the page chip). */
export async function axeInDocket(world: DocketWorld, hosts = 'docket-badge, docket-chip'): Promise<string[]> {
  if ((await world.evaluate<string>('typeof axe')) !== 'object') {
    await world.run(AXE_SOURCE);
    await world.run(`{
      const own = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot');
      Object.defineProperty(Element.prototype, 'shadowRoot', {
        configurable: true,
        get() { return /^docket-/.test(this.localName) ? chrome.dom.openOrClosedShadowRoot(this) : own.get.call(this); },
      });
    }`);
  }
  return world.evaluate<string[]>(runExpression(`{ include: [...document.querySelectorAll(${JSON.stringify(hosts)})] }`));
}
