/**
 * The popup's width. In the toolbar it is 420 px wide (the browser sizes the popup to its body, so the
 * body must say how wide); opened anywhere else (a tab, the editor's window, a narrow side window) it
 * follows the window, however narrow, without scrolling sideways.
 */

interface Extension {
  getViews?: (filter: { type: 'popup' }) => Window[];
}

/** Whether `win` is the toolbar's popup. When the browser cannot say, it is taken to be (the safe width). */
export function isToolbarPopup(win: Window, extension: Extension | undefined): boolean {
  try {
    const views = extension?.getViews?.({ type: 'popup' });
    return views ? views.includes(win) : true;
  } catch {
    return true;
  }
}

/** `fluid` on the root element outside the toolbar popup: the style sheet lets the body follow the window. */
export function markFluid(win: Window = window): void {
  const g = globalThis as { browser?: { extension?: Extension }; chrome?: { extension?: Extension } };
  const extension = g.browser?.extension?.getViews ? g.browser.extension : g.chrome?.extension;
  if (!isToolbarPopup(win, extension)) win.document.documentElement.classList.add('fluid');
}
