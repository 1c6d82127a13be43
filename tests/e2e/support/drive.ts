/**
 * The part of a Tab both drivers share: finding a Target in the page (resolveInPage, sent as source),
 * waiting for it, and reading it. Each driver gives the few calls that differ (`Driver`).
 */
import { resolveInPage, wire, WAIT, type Tab, type Target } from './session';

/** An element handle as both Playwright and puppeteer have it. */
export interface Handle {
  click(): Promise<unknown>;
  focus(): Promise<unknown>;
  hover(): Promise<unknown>;
  dispose(): Promise<unknown>;
}

export interface Driver<H extends Handle> {
  url(): string;
  goto(url: string): Promise<void>;
  title(): Promise<string>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** The value of an expression in the page (run by the protocol: the page's CSP does not apply). */
  run<R>(expression: string): Promise<R>;
  /** The element an expression evaluates to, or null. */
  element(expression: string): Promise<H | null>;
  fill(handle: H, value: string): Promise<void>;
  select(handle: H, value: string): Promise<void>;
  setFile(handle: H, path: string): Promise<void>;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  /** Before acting on an element (Firefox: bring the tab to the front, as a member would). */
  beforeAction?(): Promise<void>;
}

const expression = (t: Target, then: string) =>
  `(() => { const els = (${resolveInPage.toString()})(${JSON.stringify(wire(t))}); ${then} })()`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const describeTarget = (t: Target): string =>
  `${t.within ? `${describeTarget(t.within)} › ` : ''}${t.css}${t.text !== undefined ? ` "${t.text}"` : ''}${t.label !== undefined ? ` labelled "${t.label}"` : ''}${t.nth !== undefined ? ` #${t.nth}` : ''}${t.shadow ? ` ::shadow ${t.shadow}` : ''}`;

export function tabOf<H extends Handle>(d: Driver<H>): Tab {
  const count = (t: Target) => d.run<number>(expression(t, 'return els.length;'));
  const waitFor = async (t: Target, timeout = WAIT) => {
    const until = Date.now() + timeout;
    for (;;) {
      // A page that navigates meanwhile answers with an error: ask again.
      if ((await count(t).catch(() => 0)) > 0) return;
      if (Date.now() > until) throw new Error(`Not found within ${timeout} ms: ${describeTarget(t)} (on ${d.url()})`);
      await sleep(100);
    }
  };
  const handle = async (t: Target): Promise<H> => {
    await waitFor(t);
    const h = await d.element(expression(t, 'return els[0] ?? null;'));
    if (!h) throw new Error(`Gone before it could be used: ${describeTarget(t)}`);
    return h;
  };
  const withHandle = async <R>(t: Target, act: (h: H) => Promise<R>): Promise<R> => {
    await d.beforeAction?.();
    const h = await handle(t);
    try {
      return await act(h);
    } finally {
      await h.dispose().catch(() => undefined);
    }
  };
  const read = <R>(t: Target, then: string) => waitFor(t).then(() => d.run<R>(expression(t, then)));
  return {
    url: () => d.url(),
    goto: (url) => d.goto(url),
    title: () => d.title(),
    evaluate: (fn, arg) => d.evaluate(fn, arg),
    waitFor,
    count,
    text: (t) => read<string>(t, 'return (els[0].innerText ?? els[0].textContent ?? "");'),
    value: (t) => read<string>(t, 'return els[0].value;'),
    attribute: (t, name) => read<string | null>(t, `return els[0].getAttribute(${JSON.stringify(name)});`),
    click: (t) => withHandle(t, (h) => h.click().then(() => undefined)),
    focus: (t) => withHandle(t, (h) => h.focus().then(() => undefined)),
    hover: (t) => withHandle(t, (h) => h.hover().then(() => undefined)),
    fill: (t, value) => withHandle(t, (h) => d.fill(h, value)),
    async select(t, option) {
      let value: string;
      if ('value' in option) value = option.value;
      else {
        const label = option.label;
        value = await read<string>(
          t,
          `const o = [...els[0].options].find((o) => o.label.trim() === ${JSON.stringify(label)}); if (!o) throw new Error('No option ' + ${JSON.stringify(label)}); return o.value;`,
        );
      }
      await withHandle(t, (h) => d.select(h, value));
    },
    setFile: (t, path) => withHandle(t, (h) => d.setFile(h, path)),
    press: async (key) => {
      await d.beforeAction?.();
      await d.press(key);
    },
    type: async (text) => {
      await d.beforeAction?.();
      await d.type(text);
    },
    bringToFront: () => d.bringToFront(),
    close: () => d.close(),
  };
}
