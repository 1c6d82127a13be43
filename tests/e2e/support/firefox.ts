/**
 * A Session in Firefox: the built extension (.output/firefox-mv2) in Debian's firefox-esr, driven by
 * puppeteer-core over WebDriver BiDi (scripts/lib/firefox.mjs). Two things differ from Chromium:
 * extension pages are reached with BiDi's browsingContext.navigate (page.goto waits forever on a
 * moz-extension:// address although the page renders), and the extension's own world is an
 * extension page (an MV2 background page cannot be evaluated in from BiDi).
 */
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { ADDON_ID, launchFirefoxWithDocket } from '../../../scripts/lib/firefox.mjs';
import { worldPrelude } from './docket-world';
import { tabOf } from './drive';
import { startServers, type Routes, type Session, type SessionOptions, type Tab } from './session';

/** Navigate with BiDi and wait for the load event (works for moz-extension:// pages too). */
async function navigate(page: Page, url: string) {
  await (
    page.mainFrame() as unknown as { browsingContext: { navigate(u: string, wait: string): Promise<void> } }
  ).browsingContext.navigate(url, 'complete');
}

/** Set a form control's value as typing would, so that React sees the change. */
function setValue(el: Element, value: string) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The puppeteer page under each Tab (pageOf). */
const pages = new WeakMap<Tab, Page>();

/** The puppeteer page under a Tab of a Firefox session (what only puppeteer does: evaluate a script's text). */
export function pageOf(tab: Tab): Page {
  const page = pages.get(tab);
  if (!page) throw new Error(`Not a tab of a Firefox session: ${tab.url()}`);
  return page;
}

export function puppeteerTab(page: Page, known = page.url()): Tab {
  let address = known;
  const tab = tabOf<ElementHandle>({
    // puppeteer does not follow a BiDi navigation to an extension page: keep the address asked for.
    url: () => (page.url() === 'about:blank' ? address : page.url()),
    async goto(url) {
      address = url;
      if (url.startsWith('moz-extension:')) await navigate(page, url);
      else await page.goto(url, { timeout: 60_000 });
    },
    title: () => page.title(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    run: (expression) => page.evaluate(expression) as never,
    element: async (expression) => (await page.evaluateHandle(expression)).asElement() as ElementHandle | null,
    async fill(h, value) {
      await h.focus();
      await h.evaluate(setValue, value);
    },
    select: (h, value) => h.select(value).then(() => undefined),
    setFile: (h, path) => (h as ElementHandle<HTMLInputElement>).uploadFile(path),
    press: (key) => page.keyboard.press(key as never),
    type: (text) => page.keyboard.type(text),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    // A background tab gets no focus events and slowed timers in Firefox: act on the tab in front.
    beforeAction: () => page.bringToFront(),
  });
  pages.set(tab, page);
  return tab;
}

export interface FirefoxSession extends Session {
  browser: 'firefox';
  puppeteer: Browser;
  /** Every line Firefox has written to stdout and stderr since it started. */
  output: string[];
  extensionUuid: string;
  /**
   * Give Docket the activeTab permission on a tab, as the browser does when the member uses Docket's
   * toolbar button, shortcut or menu there (a test cannot click the toolbar): run in the browser's
   * own (chrome) scope over BiDi, which --remote-allow-system-access allows.
   */
  grantActiveTab(tab: Tab): Promise<void>;
  /** The colour scheme pages get (prefers-color-scheme), for every page at once, as the browser's setting would. */
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /**
   * Run a script (statements, such as a library's source) as it is in Docket's content-script world of `tab`'s
   * page (tabs.executeScript from one of Docket's pages, as inDocket): what it defines stays there for inDocket.
   */
  runInDocket(tab: Tab, script: string): Promise<void>;
}

export interface FirefoxOptions extends SessionOptions {
  /** The member's time zone (an IANA name): the browser runs with TZ set to it. */
  timezoneId?: string;
}

/** The raw WebDriver BiDi session under puppeteer. */
function bidi(page: Page): { send(method: string, params: object): Promise<{ result: any }> } {
  return (page.mainFrame() as any).browsingContext.userContext.browser.session;
}

export async function startFirefox(
  routes?: Routes,
  googleTitles?: Record<string, string>,
  options: FirefoxOptions = {},
): Promise<FirefoxSession> {
  // options.allowedHosts needs nothing here: Firefox grants optional permissions without a prompt
  // (extensions.webextOptionalPermissionPrompts = false, scripts/lib/firefox.mjs), yet only when Docket asks.
  const servers = await startServers(routes, googleTitles, options.googleSheets);
  const b = await launchFirefoxWithDocket({
    port: servers.server.port,
    googlePort: servers.google.port,
    timezoneId: options.timezoneId,
  });
  /** Run JavaScript in the browser's own (chrome) scope over BiDi, which --remote-allow-system-access allows. */
  const inChrome = async (expression: string): Promise<unknown> => {
    const page = (await b.browser.pages())[0]!;
    const { result } = await bidi(page).send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const { result: answer } = await bidi(page).send('script.evaluate', {
      expression,
      target: { context: result.contexts[0].context },
      awaitPromise: false,
    });
    return answer.result?.value;
  };
  let extensionPage: Promise<Page> | undefined;
  const inExtension = () =>
    (extensionPage ??= (async () => {
      const page = await b.browser.newPage();
      await navigate(page, b.popupUrl('?harness=1'));
      return page;
    })());
  const session: FirefoxSession = {
    browser: 'firefox',
    puppeteer: b.browser,
    output: b.output,
    extensionUuid: b.extensionUuid,
    server: servers.server,
    google: servers.google,
    async open(url) {
      const tab = puppeteerTab(await b.browser.newPage());
      await tab.goto(url);
      return tab;
    },
    async popup(forTab, query = '') {
      const params = new URLSearchParams(query.replace(/^\?/, ''));
      if (forTab) params.set('tab', String(await session.tabIdOf(forTab)));
      const q = params.toString();
      const tab = puppeteerTab(await b.browser.newPage());
      await tab.goto(b.popupUrl(q ? `?${q}` : ''));
      return tab;
    },
    extension: async (fn, arg) => (await inExtension()).evaluate(fn as never, arg) as never,
    async inDocket<R>(tab: Tab, expression: string) {
      const tabId = await session.tabIdOf(tab);
      // Run as a content script of Docket's (Firefox resolves the promise the code ends with).
      const code = `(async () => { ${worldPrelude('h?.openOrClosedShadowRoot')} return (${expression}); })()`;
      const [value] = await session.extension(
        ({ id, source }: { id: number; source: string }) =>
          (globalThis as any).browser.tabs.executeScript(id, { code: source }) as Promise<unknown[]>,
        { id: tabId, source: code },
      );
      return value as R;
    },
    async runInDocket(tab, script) {
      const tabId = await session.tabIdOf(tab);
      await session.extension(
        ({ id, source }: { id: number; source: string }) =>
          (globalThis as any).browser.tabs.executeScript(id, { code: source }) as Promise<unknown[]>,
        // `void 0` last: executeScript answers with the script's last value, which must be cloneable.
        { id: tabId, source: `${script}\n;void 0;` },
      );
    },
    async tabIdOf(tab) {
      const url = tab.url();
      const id = await session.extension(async (u: string) => {
        const api = (globalThis as any).browser;
        return (await api.tabs.query({})).find((t: { url?: string }) => t.url === u)?.id as number | undefined;
      }, url);
      if (id == null) throw new Error(`No tab found for ${url}`);
      return id;
    },
    async nextTab(action) {
      const opened = new Promise<Page>((resolve) => {
        const onTarget = async (target: { type(): string; page(): Promise<Page | null> }) => {
          if (target.type() !== 'page') return;
          const page = await target.page();
          if (!page) return;
          b.browser.off('targetcreated', onTarget as never);
          resolve(page);
        };
        b.browser.on('targetcreated', onTarget as never);
      });
      const [page] = await Promise.all([opened, action()]);
      // Its address once it has one (an extension window starts at about:blank), once loaded.
      const until = Date.now() + 30_000;
      let href = 'about:blank';
      while (Date.now() < until) {
        href = await page
          .evaluate(() => (document.readyState === 'complete' ? location.href : 'about:blank'))
          .catch(() => 'about:blank');
        if (href !== 'about:blank') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      return puppeteerTab(page, href);
    },
    async grantActiveTab(tab) {
      await tab.bringToFront();
      const url = tab.url();
      const answer = await inChrome(`(() => {
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const selected = gBrowser.selectedBrowser.currentURI.spec;
          if (selected !== ${JSON.stringify(url)}) return 'the selected tab shows ' + selected;
          ExtensionParent.GlobalManager.getExtension(${JSON.stringify(ADDON_ID)}).tabManager.addActiveTabPermission(gBrowser.selectedTab);
          return 'granted';
        })()`);
      if (answer !== 'granted') throw new Error(`activeTab not granted: ${JSON.stringify(answer)}`);
    },
    async setColorScheme(scheme) {
      // Firefox's own setting for what pages are told: 0 dark, 1 light.
      const pref = 'layout.css.prefers-color-scheme.content-override';
      const answer = await inChrome(`(Services.prefs.setIntPref(${JSON.stringify(pref)}, ${scheme === 'dark' ? 0 : 1}), 'set')`);
      if (answer !== 'set') throw new Error(`The colour scheme was not set: ${JSON.stringify(answer)}`);
    },
    async close() {
      await b.close();
      await servers.close();
    },
  };
  return session;
}
