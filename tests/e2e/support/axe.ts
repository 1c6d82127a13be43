/**
 * axe-core (Deque's accessibility engine) run on a page the way a test reads it: its script evaluated
 * through the browser's remote protocol (an extension page's Content-Security-Policy refuses inline scripts
 * and eval, but not DevTools in Chromium nor WebDriver BiDi in Firefox), then `axe.run` with the WCAG 2.2 AA tags. In Docket's own world (badges,
 * the page chip) closed shadow roots are opened for axe: `shadowRoot` answers with the closed root
 * for Docket's hosts, in that world only (the page's scripts never see it): axeInDocket.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { DocketWorld } from './docket-world';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The tags issue 22 names: WCAG 2.0 A and AA, 2.1 AA and 2.2 AA. Not `wcag21a`: its one rule, the experimental
 * label-content-name-mismatch (2.5.3), reads no visible text in a badge (the chip's drawn children are hidden from
 * assistive technology, its name says them) and would pass whatever the name; Label in Name is checked by
 * tests/unit/content/badge-name.test.ts and tests/e2e/a11y-tree.e2e.ts instead (the name begins with the chip's words).
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

/**
 * The violations axe finds in Docket's hosts on a page (badges, their cards, the page chip), run in Docket's own
 * world (Chromium: its isolated world over DevTools; Firefox: its content-script sandbox, reached with
 * tabs.executeScript from one of Docket's pages). The shipped DOM and style sheet are what axe reads; only the
 * hosts' `shadowRoot` is given, in that world, the closed root that `root(host)` opens there (Chromium's
 * `chrome.dom.openOrClosedShadowRoot`, Firefox's `element.openOrClosedShadowRoot`), since axe walks into
 * shadow roots through `shadowRoot`. The page's own scripts never see it.
 */
export async function axeInDocket(
  world: Pick<DocketWorld, 'evaluate' | 'run'>,
  hosts = 'docket-badge, docket-chip',
): Promise<string[]> {
  if ((await world.evaluate<string>('typeof axe')) !== 'object') await world.run(AXE_SOURCE);
  const sel = JSON.stringify(hosts);
  return world.evaluate<string[]>(`(() => {
    const hosts = [...document.querySelectorAll(${sel})];
    for (const h of hosts) {
      const open = root(h);
      if (open && h.shadowRoot !== open) Object.defineProperty(h, 'shadowRoot', { configurable: true, value: open });
    }
    return ${runExpression('{ include: hosts }')};
  })()`);
}
