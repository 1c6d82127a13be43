// In the popup page, before its own scripts: when the first row is painted, and keystroke latency.
import { FLOOR_PAGES } from './env.mjs';
import { analyzeMainThread } from './trace.mjs';

/** Before the popup's own scripts: note when the first row is in the DOM, then after the next frame. */
export function firstRowProbe() {
  window.__firstRow = new Promise((resolve) => {
    const check = () => {
      if (!document.querySelector('li[data-doc-id]')) return false;
      observer.disconnect();
      const dom = performance.now();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          // Docket's own marks (popup-start.ts, mount.tsx): when its script started, the revision came, the early screen, React.
          /** @type {Record<string, number>} */
          const marks = {};
          for (const m of performance.getEntriesByType('mark'))
            if (m.name.startsWith('docket:')) marks[m.name.slice(7)] = m.startTime;
          resolve({ dom, painted: performance.now(), rows: document.querySelectorAll('li[data-doc-id]').length, marks });
        };
        ch.port2.postMessage(null);
      });
      return true;
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
  });
  // Keystroke latency: from the keydown's timestamp to the frame after the input event was handled.
  let down = null;
  addEventListener('keydown', (e) => (down = e.timeStamp), true);
  addEventListener(
    'input',
    () => {
      const start = down ?? performance.now();
      down = null;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => window.__latResolve?.(performance.now() - start);
        ch.port2.postMessage(null);
      });
    },
    true,
  );
}

/** Open the popup in a new tab; resolves when its first row has been painted. */
export async function openPopup(b, url = b.popupUrl()) {
  const page = await b.context.newPage();
  await page.addInitScript(firstRowProbe);
  await page.bringToFront();
  await page.goto(url);
  const first = await page.evaluate(() => window.__firstRow);
  return { page, first };
}

/** The popup's floor (lib/env.mjs FLOOR_PAGES): the same build's popup page with one static row; ms to that row painted. */
export async function openPopupFloor(b) {
  const { page, first } = await openPopup(b, `chrome-extension://${b.extensionId}/${FLOOR_PAGES.popup}`);
  await page.close();
  return first.painted;
}

/**
 * The popup page's main-thread CPU time (the trace's `tdur`: time spent waiting for a core left out)
 * from navigation start to the first row painted, and the wall time of the same tasks.
 */
export function cpuToFirstRow(events, pageUrl, paintedMs) {
  const a = analyzeMainThread(events, { pageUrl, classify: () => 'docket' });
  if (a.navigationStart === undefined) throw new Error('No navigationStart for the popup in the trace');
  const end = a.navigationStart + paintedMs * 1000;
  let cpu = 0;
  let busy = 0;
  for (const t of a.tasks) {
    if (t.ts < a.navigationStart || t.ts >= end) continue;
    cpu += typeof t.e.tdur === 'number' ? t.e.tdur : t.e.dur;
    busy += t.e.dur;
  }
  return { cpu: cpu / 1000, busy: busy / 1000 };
}

const QUERY = 'roadmap';
export const KEYSTROKE_QUERY = QUERY;

/** Type QUERY into the popup's search box, then delete it: each keystroke's latency, and the rows matching QUERY. */
export async function typeInFilter(page, sleep) {
  const box = page.getByRole('searchbox', { name: 'Filter documents' });
  await box.click();
  const keys = [...QUERY, ...Array(QUERY.length).fill('Backspace')];
  const lat = [];
  let matching = NaN;
  for (const [k, key] of keys.entries()) {
    await page.evaluate(() => {
      window.__latP = new Promise((r) => (window.__latResolve = r));
    });
    await page.keyboard.press(key);
    lat.push(await page.evaluate(() => window.__latP));
    if (k === QUERY.length - 1) matching = await page.locator('li[data-doc-id]').count();
    await sleep(100);
  }
  return { lat, matching };
}
