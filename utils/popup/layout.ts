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

function browserExtension(): Extension | undefined {
  const g = globalThis as { browser?: { extension?: Extension }; chrome?: { extension?: Extension } };
  return g.browser?.extension?.getViews ? g.browser.extension : g.chrome?.extension;
}

/**
 * `fluid` on the root element outside the toolbar popup: the style sheet lets the body follow the window.
 * `toolbar` in the toolbar popup: the body is 420 px whatever the popup's first size was. (Before this runs,
 * a window 440 px or wider lets the body follow it, for a tab's first paint; a toolbar popup the browser
 * first laid out that wide, as a busy machine can, would otherwise keep that width: the browser sizes the
 * popup to its body.)
 */
export function markFluid(win: Window = window, extension: Extension | undefined = browserExtension()): void {
  win.document.documentElement.classList.add(isToolbarPopup(win, extension) ? 'toolbar' : 'fluid');
}
