/**
 * Pages the accessibility runs draw Docket's badges and page chip on, in both browsers (tests/e2e/a11y*.e2e.ts,
 * tests/e2e/firefox/a11y*.e2e.ts). A badge takes its look from what its link sits on (utils/content/page-tone.ts),
 * not from the colour scheme alone: a white page keeps light badges in dark mode. So the dark look is checked where
 * Docket draws it: a badge in a dark section of a page, and the page chip on a Google page painted dark.
 */

export const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
export const IMPROVE = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
export const OUTCOMES = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';
/** Not in the sample index: an untracked badge. */
export const UNTRACKED = '1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW';

const doc = (id: string) => `https://docs.google.com/document/d/${id}/edit`;

/** A page with tracked and untracked badges on its white body (`#light`, `#plus`) and in a dark section (`#dark`, `#plus-dark`). */
export const TONES_PAGE = '/a11y-tones.html';
/** TONES_PAGE's links, each with whether its badge is drawn dark (utils/content/page-tone.ts): by section, not scheme. */
export const TONE_LINKS = [
  ['light', false],
  ['plus', false],
  ['dark', true],
  ['plus-dark', true],
] as const;

export const A11Y_ROUTES = {
  [TONES_PAGE]: {
    type: 'text/html; charset=utf-8',
    body:
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Badges, light and dark</title></head><body>' +
      `<main><p>Comments on <a id="light" href="${doc(MHLB)}">the MHLB paper</a> and <a id="plus" href="${doc(UNTRACKED)}">a selection</a>.</p>` +
      '<div style="background:#111;color:#eee;padding:8px">' +
      `<p>Comments on <a id="dark" style="color:#9ecbff" href="${doc(IMPROVE)}">the improvements</a> and ` +
      `<a id="plus-dark" style="color:#9ecbff" href="${doc(UNTRACKED)}">a selection</a>.</p></div></main></body></html>`,
  },
};

/** The Google stand-in's titles the pages need (the page chip on OUTCOMES' own page). */
export const A11Y_GOOGLE_TITLES = { [OUTCOMES]: 'Strengthening IGF outcomes' };

export const OUTCOMES_PAGE = doc(OUTCOMES);

/**
 * Run before a page's own scripts (Playwright's addInitScript, puppeteer's evaluateOnNewDocument): paint the page
 * dark, as a member's dark theme or reading extension does, so that the page chip is drawn dark on it.
 */
export function paintPageDark(): void {
  // A style sheet on the document itself: its root element may not be parsed yet when this runs.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('html { background: #0d1117; color: #e6edf3 }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
