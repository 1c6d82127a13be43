/**
 * What an end-to-end journey needs from a browser, the same for Chromium (Playwright) and Firefox
 * (puppeteer over WebDriver BiDi): tabs to open, elements to find and act on with real (trusted)
 * input, scripts to run in a page or in the extension. Journeys written against this run in both
 * browsers (tests/e2e/journeys/); what only one browser can do stays in that browser's own files.
 */
import { startGoogleStandIn, startServer } from '../../../scripts/lib/server.mjs';
import type { GoogleSheetAnswer } from '../../../scripts/lib/server.mjs';

export type BrowserName = 'chromium' | 'firefox';
type Text = string | RegExp;

/**
 * An element: the `nth` (default first; -1 the last) of those matching `css` whose text (or, with
 * `label`, whose label, aria-label or aria-labelledby) is `text` (a string: whole text, trimmed and
 * with runs of white space as one; a RegExp: a match), inside `within` when given. `shadow`: a
 * selector inside the element's shadow root instead of the element itself, for open roots only (a badge's
 * is closed: read it with Session.inDocket).
 */
export interface Target {
  css: string;
  text?: Text;
  label?: Text;
  within?: Target;
  nth?: number;
  shadow?: string;
}

/** Shorthands for the popup's controls. */
export const role = {
  tab: (text: Text): Target => ({ css: '[role="tab"]', text }),
  button: (text: Text, within?: Target): Target => ({ css: 'button:not([role]), [role="button"]', text, within }),
  status: (text: Text): Target => ({ css: '[role="status"]', text }),
  field: (label: Text, nth?: number): Target => ({ css: 'input, select, textarea', label, nth }),
  region: (label: Text): Target => ({ css: 'section, [role="region"]', label }),
};

export interface Tab {
  /** The address the tab shows. */
  url(): string;
  goto(url: string): Promise<void>;
  title(): Promise<string>;
  /** Run `fn(arg)` in the page (one serialisable argument). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Wait until the target exists (generous limit); resolve to its count (≥ 1). */
  waitFor(target: Target, timeout?: number): Promise<void>;
  count(target: Target): Promise<number>;
  text(target: Target): Promise<string>;
  attribute(target: Target, name: string): Promise<string | null>;
  /** A form control's value. */
  value(target: Target): Promise<string>;
  click(target: Target): Promise<void>;
  focus(target: Target): Promise<void>;
  hover(target: Target): Promise<void>;
  fill(target: Target, value: string): Promise<void>;
  select(target: Target, option: { label: string } | { value: string }): Promise<void>;
  setFile(target: Target, path: string): Promise<void>;
  press(key: string): Promise<void>;
  /** Type text with the keyboard into what has the focus. */
  type(text: string): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface Session {
  browser: BrowserName;
  server: Awaited<ReturnType<typeof startServer>>;
  /** The HTTPS stand-in for Google (`read`: the published sheets' CSV reads from googleusercontent). */
  google: Awaited<ReturnType<typeof startGoogleStandIn>>;
  open(url: string): Promise<Tab>;
  /** The popup in a tab, optionally acting on `forTab`'s tab (popup.html?tab=…). */
  popup(forTab?: Tab, query?: string): Promise<Tab>;
  /**
   * Run `fn(arg)` in the extension's own world (Chromium: the service worker; Firefox: an extension
   * page), where `globalThis.browser ?? globalThis.chrome` is the extension API.
   */
  extension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * The value of `expression` (JavaScript, awaited) evaluated in Docket's own content-script world of
   * `tab`'s page, where a badge's closed shadow root opens: `root(host)`, `shown(node)` and `card(host)`
   * of docket-world.ts are in scope. No page script can do this. Chromium: the DevTools protocol
   * (docket-world.ts); Firefox: tabs.executeScript from one of Docket's pages, where a content script
   * has the property `element.openOrClosedShadowRoot`.
   */
  inDocket<R>(tab: Tab, expression: string): Promise<R>;
  /** The browser's tab id of a tab. */
  tabIdOf(tab: Tab): Promise<number>;
  /** The next tab that opens while `action` runs (an editor window, say). */
  nextTab(action: () => Promise<unknown>): Promise<Tab>;
  close(): Promise<void>;
}

export type Routes = Record<string, { type: string; body: string }>;

export interface SessionOptions {
  /** The Google Sheets the stand-in serves (published to the web, or private): startGoogleStandIn's `sheets`. */
  googleSheets?: Record<string, GoogleSheetAnswer>;
  /**
   * Host permissions the member has already said yes to (match patterns), for a flow whose permission prompt no
   * test driver can answer: Chromium loads a copy of the build that holds them (permissions.request then grants
   * them without asking, support/chromium.ts); Firefox runs with optional permissions granted without a prompt
   * (extensions.webextOptionalPermissionPrompts, scripts/lib/firefox.mjs), so it needs nothing more.
   */
  allowedHosts?: string[];
}

/**
 * Start a session: the sample site (plus `routes`), the Google stand-in (`googleTitles`, `options.googleSheets`),
 * the browser with Docket.
 */
export type StartSession = (routes?: Routes, googleTitles?: Record<string, string>, options?: SessionOptions) => Promise<Session>;

/** The servers every session uses. */
export async function startServers(
  routes: Routes = {},
  googleTitles: Record<string, string> = {},
  googleSheets: Record<string, GoogleSheetAnswer> = {},
) {
  const server = await startServer(routes);
  const google = await startGoogleStandIn(googleTitles, {}, googleSheets);
  return {
    server,
    google,
    close: async () => {
      await server.close();
      await google.close();
    },
  };
}

/** A Target in a form both drivers can pass into a page (RegExps as source and flags). */
export interface WireTarget {
  css: string;
  text?: { source: string; flags: string } | string;
  label?: { source: string; flags: string } | string;
  within?: WireTarget;
  nth?: number;
  shadow?: string;
}
export function wire(t: Target): WireTarget {
  const w = (v?: Text) => (v instanceof RegExp ? { source: v.source, flags: v.flags } : v);
  return { ...t, text: w(t.text), label: w(t.label), within: t.within && wire(t.within) };
}

/**
 * In the page: every element matching a WireTarget (before `nth` is applied), or null for none.
 * Self-contained: both drivers send its source into the page.
 */
export function resolveInPage(target: WireTarget): Element[] {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const matches = (value: string, want: WireTarget['text']) =>
    want === undefined ? true : typeof want === 'string' ? value === want : new RegExp(want.source, want.flags).test(value);
  const labelOf = (el: Element) => {
    const names: string[] = [];
    const aria = el.getAttribute('aria-label');
    if (aria) names.push(aria);
    for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
      names.push(el.ownerDocument.getElementById(id)?.textContent ?? '');
    }
    for (const label of (el as HTMLInputElement).labels ?? []) names.push(label.textContent ?? '');
    return names.map(norm);
  };
  const all = (t: WireTarget): Element[] => {
    const roots: ParentNode[] = t.within ? pick(t.within) : [document];
    const found = roots.flatMap((r) => [...r.querySelectorAll(t.css)]);
    return found.filter(
      (el) =>
        matches(norm(el.getAttribute('aria-label') ?? el.textContent), t.text) &&
        (t.label === undefined || labelOf(el).some((name) => matches(name, t.label))),
    );
  };
  const pick = (t: WireTarget): Element[] => {
    let els = all(t);
    if (t.nth !== undefined) {
      const one = els.at(t.nth);
      els = one ? [one] : [];
    }
    if (t.shadow) els = els.flatMap((el) => [...(el.shadowRoot?.querySelectorAll(t.shadow!) ?? [])]);
    return els;
  };
  return pick(target);
}

export const WAIT = 30_000;
