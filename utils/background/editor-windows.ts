/**
 * Docket's editor windows (issue 13, item 2): at most one per tab that asked for it. A second
 * request from the same tab goes to the window already open, brought to the front, instead of a
 * new one.
 */
export interface WindowApi {
  /** Open `url` in a new small window; its id. */
  create(url: string): Promise<number | undefined>;
  /** Show `url` in that window and bring it forward; false when the window is gone. */
  reuse(windowId: number, url: string): Promise<boolean>;
}

export interface EditorWindows {
  open(url: string, tabId?: number): Promise<void>;
  /** A window was closed. */
  closed(windowId: number): void;
}

export function createEditorWindows(api: WindowApi): EditorWindows {
  const byTab = new Map<number, number>();
  return {
    async open(url, tabId) {
      const known = tabId === undefined ? undefined : byTab.get(tabId);
      if (known !== undefined && (await api.reuse(known, url).catch(() => false))) return;
      const id = await api.create(url);
      if (tabId !== undefined && id !== undefined) byTab.set(tabId, id);
    },
    closed(windowId) {
      for (const [tab, id] of byTab) if (id === windowId) byTab.delete(tab);
    },
  };
}
